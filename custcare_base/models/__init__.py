from . import custcare_form_control

from . import test_custcare_security
from . import test_form_control
from . import test_ui

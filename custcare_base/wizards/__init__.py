from . import custcare_register_print

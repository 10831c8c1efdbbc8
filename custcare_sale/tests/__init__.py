from . import test_contract_review
from . import test_change_register
from . import test_access
from . import test_forms
from . import test_access_matrix

from . import test_install
from . import test_complaint_flow
from . import test_performance
from . import test_reports
from . import test_portal
from . import test_access_matrix
from . import test_trust
from . import test_multi_company

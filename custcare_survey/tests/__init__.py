from . import test_install
from . import test_campaign
from . import test_performance
from . import test_reports
from . import test_access_matrix
from . import test_trust
from . import test_multi_company
from . import test_review_pack

from . import test_install
from . import test_transactions
from . import test_delivery_note
from . import test_callback
from . import test_service
from . import test_visit
from . import test_return
from . import test_partner_counts

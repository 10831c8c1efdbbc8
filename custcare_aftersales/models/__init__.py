from . import stock_picking
from . import custcare_callback
from . import custcare_service
from . import product_template
from . import res_partner
from . import custcare_visit
from . import custcare_return
from . import custcare_complaint

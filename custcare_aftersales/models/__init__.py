from . import stock_picking
from . import custcare_callback

from . import delivery
from . import portal

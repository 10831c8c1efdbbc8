from . import custcare_complaint_team
from . import custcare_complaint_transfer
from . import custcare_complaint

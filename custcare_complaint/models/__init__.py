from . import custcare_complaint_team
from . import custcare_complaint_transfer
from . import custcare_complaint
from . import custcare_fault_report
from . import custcare_service_supervision
from . import custcare_communication
from . import resource
from . import custcare_review_pack

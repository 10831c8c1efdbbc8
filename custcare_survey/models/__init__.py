from . import custcare_survey_dimension
from . import survey_question
from . import survey_user_input
from . import custcare_survey_policy
from . import custcare_survey_campaign
from . import custcare_demand_plan
from . import res_partner
from . import custcare_review_pack

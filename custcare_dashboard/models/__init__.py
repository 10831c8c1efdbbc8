from . import custcare_survey_result

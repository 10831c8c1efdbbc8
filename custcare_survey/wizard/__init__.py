from . import custcare_survey_manual_entry

from . import custcare_review_answer

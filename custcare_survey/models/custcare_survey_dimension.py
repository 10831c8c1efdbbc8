# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareSurveyDimension(models.Model):
    """What a satisfaction questionnaire measures (product quality, service
    quality, price, reputation, ...). A section of the questionnaire carries one
    dimension; its scored answers make the dimension's score."""

    _name = "custcare.survey.dimension"
    _description = "Satisfaction Dimension"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    target = fields.Float(
        "Target Score",
        default=4.0,
        digits=(4, 2),
        help="Average score (1 to 5) the dimension must reach; below it a corrective "
        "action is proposed.",
    )
    active = fields.Boolean(default=True)

    _target_range = models.Constraint(
        "CHECK(target >= 0 AND target <= 5)", "A target score lies between 0 and 5."
    )

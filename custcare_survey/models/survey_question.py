# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models


class SurveyQuestion(models.Model):
    _inherit = "survey.question"

    custcare_dimension_id = fields.Many2one(
        "custcare.survey.dimension",
        "Satisfaction Dimension",
        compute="_compute_custcare_dimension_id",
        store=True,
        readonly=False,
        recursive=True,
        index="btree_not_null",
        help="Set on a section: its scored questions count for this dimension.",
    )
    custcare_demand_amount = fields.Boolean(
        "Counts in Expected Amount",
        help="Demand plans: the number answered to this question is added to the "
        "customer's expected amount for next year.",
    )

    @api.depends("page_id.custcare_dimension_id", "is_page")
    def _compute_custcare_dimension_id(self):
        for question in self:
            if question.is_page:
                question.custcare_dimension_id = question.custcare_dimension_id
            else:
                question.custcare_dimension_id = question.page_id.custcare_dimension_id

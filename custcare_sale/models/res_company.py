# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models

REVIEW_RULES = [
    ("all", "Every order"),
    ("amount", "Orders from an amount"),
    ("new_or_amount", "New customers' orders and orders from an amount"),
    ("none", "No order"),
]


class ResCompany(models.Model):
    _inherit = "res.company"

    # Which orders need an approved contract review (合同评审) before confirmation
    custcare_review_rule = fields.Selection(
        REVIEW_RULES,
        "Contract Review Required For",
        default="all",
        required=True,
    )
    custcare_review_amount = fields.Monetary(
        "Contract Review from",
        currency_field="currency_id",
        help="Total of the order (taxes included, in the company currency) from which a "
        "contract review is required.",
    )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    custcare_review_rule = fields.Selection(
        related="company_id.custcare_review_rule", readonly=False
    )
    custcare_review_amount = fields.Monetary(
        related="company_id.custcare_review_amount", readonly=False
    )

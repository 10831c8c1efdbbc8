# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models

from .res_partner import TIERS


class CustcareTierHistory(models.Model):
    _name = "custcare.tier.history"
    _description = "Customer Tier History"
    _order = "date desc, id desc"

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, ondelete="cascade", index=True
    )
    old_tier = fields.Selection(TIERS, "From")
    new_tier = fields.Selection(TIERS, "To")
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    user_id = fields.Many2one("res.users", "Changed by", default=lambda self: self.env.user)
    evaluation_id = fields.Many2one("custcare.evaluation", ondelete="set null")

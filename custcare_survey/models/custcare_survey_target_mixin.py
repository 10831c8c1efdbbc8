# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models

from odoo.addons.custcare_base.models.res_partner import TIERS


class CustcareSurveyTargetMixin(models.AbstractModel):
    """The plain target of a campaign, and of the policy that drafts it: the
    customers of a tier, with one of some tags, of an account manager."""

    _name = "custcare.survey.target.mixin"
    _description = "Satisfaction Survey Target"

    target_tier = fields.Selection(
        TIERS, "Customer Tier", help="Only customers of this tier; empty for all."
    )
    target_category_ids = fields.Many2many(
        "res.partner.category",
        string="Customer Tags",
        help="Only customers with one of these tags; empty for all.",
    )
    target_manager_id = fields.Many2one(
        "res.users",
        "Account Manager",
        domain=[("share", "=", False)],
        help="Only the customers of this account manager; empty for all.",
    )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareComplaint(models.Model):
    _inherit = "custcare.complaint"

    return_ids = fields.One2many(
        "custcare.return", "complaint_id", "Returns", groups="base.group_user"
    )

    def action_custcare_create_return(self):
        """The complaint leads to a return of goods: open it pre-filled."""
        self.ensure_one()
        ret = self.env["custcare.return"].create(
            {"partner_id": self.partner_id.commercial_partner_id.id, "complaint_id": self.id}
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.return",
            "res_id": ret.id,
            "view_mode": "form",
        }

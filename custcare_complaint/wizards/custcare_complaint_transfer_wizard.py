# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareComplaintTransferWizard(models.TransientModel):
    _name = "custcare.complaint.transfer.wizard"
    _description = "Transfer a Complaint"

    complaint_ids = fields.Many2many("custcare.complaint", required=True)
    to_user_id = fields.Many2one(
        "res.users",
        "Transfer to",
        required=True,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref("custcare_base.group_custcare_user").ids),
        ],
    )
    reason = fields.Text(required=True)

    def action_transfer(self):
        self.ensure_one()
        self.complaint_ids._transfer(self.to_user_id, self.reason)
        return {"type": "ir.actions.act_window_close"}

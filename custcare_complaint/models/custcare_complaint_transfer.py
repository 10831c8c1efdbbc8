# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareComplaintTransfer(models.Model):
    """The transfer ledger of a complaint (首问负责制: 转交须有理由)."""

    _name = "custcare.complaint.transfer"
    _description = "Complaint Transfer"
    _order = "date desc, id desc"

    complaint_id = fields.Many2one(
        "custcare.complaint", required=True, ondelete="cascade", index=True
    )
    from_user_id = fields.Many2one("res.users", "Transferred from", required=True)
    to_user_id = fields.Many2one("res.users", "Transferred to", required=True)
    reason = fields.Text(required=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True)

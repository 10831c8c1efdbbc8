# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain


class CustcareAccessGrant(models.Model):
    """A time-limited permission for one user to read confidential archives,
    with the manager's consent (保密: 经管理者同意)."""

    _name = "custcare.access.grant"
    _description = "Confidential Archive Access Grant"
    _inherit = ["mail.thread"]
    _order = "id desc"

    user_id = fields.Many2one("res.users", "Granted to", required=True, tracking=True, index=True)
    requester_id = fields.Many2one(
        "res.users", "Requested by", required=True, default=lambda self: self.env.user
    )
    partner_ids = fields.Many2many(
        "res.partner",
        "custcare_access_grant_partner_rel",
        "grant_id",
        "partner_id",
        "Customers",
        required=True,
    )
    reason = fields.Text(required=True)
    valid_until = fields.Datetime(required=True, tracking=True)
    state = fields.Selection(
        [("draft", "Requested"), ("approved", "Approved"), ("revoked", "Revoked")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True)
    is_valid = fields.Boolean("In Force", compute="_compute_is_valid", search="_search_is_valid")

    @api.depends("state", "valid_until")
    def _compute_is_valid(self):
        now = fields.Datetime.now()
        for grant in self:
            grant.is_valid = grant.state == "approved" and grant.valid_until > now

    def _search_is_valid(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        valid = Domain("state", "=", "approved") & Domain("valid_until", ">", fields.Datetime.now())
        return valid if (True in value) == (operator == "in") else ~valid

    def action_approve(self):
        if not self.env.user.has_group("custcare_base.group_custcare_manager"):
            raise AccessError(self.env._("Only a Customer Care manager may grant access."))
        if self.filtered(lambda g: g.state != "draft"):
            raise UserError(self.env._("Only requested grants can be approved."))
        if self.filtered(lambda g: g.valid_until <= fields.Datetime.now()):
            raise UserError(self.env._("The grant would already have expired."))
        self.write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def action_revoke(self):
        if not self.env.user.has_group("custcare_base.group_custcare_manager"):
            raise AccessError(self.env._("Only a Customer Care manager may revoke access."))
        self.write({"state": "revoked"})
        return True

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class CustcareAccessGrant(models.Model):
    """A time-limited permission for one user to read the confidential
    archives of some customers, with a manager's consent (保密: 经管理者同意).
    A manager approves it, never for themselves; changing who, whom or until
    when sends it back for approval."""

    _name = "custcare.access.grant"
    _description = "Confidential Archive Access Grant"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.approval.mixin"]
    _order = "id desc"
    _approval_group = "custcare_base.group_custcare_manager"
    _approval_key_fields = ("user_id", "partner_ids", "valid_until")
    _custcare_protected_fields = {
        "requester_id": _lt("the person who creates the request"),
        "revoked": _lt("Revoke"),
    }

    user_id = fields.Many2one("res.users", "Granted to", required=True, tracking=True, index=True)
    requester_id = fields.Many2one(
        "res.users",
        "Requested by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
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
    revoked = fields.Boolean(readonly=True, tracking=True, copy=False)
    revoked_by_id = fields.Many2one("res.users", "Revoked by", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Requested"),
            ("submitted", "Awaiting Approval"),
            ("approved", "Approved"),
            ("expired", "Expired"),
            ("revoked", "Revoked"),
        ],
        compute="_compute_state",
    )
    is_valid = fields.Boolean("In Force", compute="_compute_state", search="_search_is_valid")

    @api.depends("approval_state", "valid_until", "revoked")
    def _compute_state(self):
        now = fields.Datetime.now()
        for grant in self:
            if grant.revoked:
                grant.state = "revoked"
            elif grant.approval_state == "approved":
                grant.state = "approved" if grant.valid_until > now else "expired"
            elif grant.approval_state == "submitted":
                grant.state = "submitted"
            else:
                grant.state = "draft"
            grant.is_valid = grant.state == "approved"

    def _search_is_valid(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        valid = (
            Domain("approval_state", "=", "approved")
            & Domain("revoked", "=", False)
            & Domain("valid_until", ">", fields.Datetime.now())
        )
        return valid if (True in value) == (operator == "in") else ~valid

    @api.constrains("partner_ids")
    def _check_partner_ids(self):
        if self.filtered(lambda g: not g.partner_ids):
            raise ValidationError(self.env._("Name the customers whose archives may be read."))

    @api.constrains("user_id")
    def _check_user_id(self):
        if self.filtered(lambda g: g.user_id.share):
            raise ValidationError(
                self.env._("Confidential archives are never opened to portal or public users.")
            )

    def _custcare_self_approval_users(self):
        self.ensure_one()
        return self.requester_id | self.user_id

    def _custcare_before_approve(self):
        if self.filtered(lambda g: g.valid_until <= fields.Datetime.now()):
            raise UserError(self.env._("The grant would already have expired."))
        if self.filtered("revoked"):
            raise UserError(self.env._("A revoked grant cannot be approved again."))

    def action_revoke(self):
        if not self.env.user.has_group("custcare_base.group_custcare_manager"):
            raise AccessError(self.env._("Only a Customer Care manager may revoke access."))
        self._custcare_write({"revoked": True, "revoked_by_id": self.env.uid})
        return True

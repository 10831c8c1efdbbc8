# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

APPROVAL_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("to_reapprove", "To Re-approve"),
]
_BY_APPROVAL = _lt("Submit, Approve or Send Back")
APPROVAL_ACTIVITY = "custcare_base.mail_activity_type_approval"


class CustcareApprovalMixin(models.AbstractModel):
    """Approval (审批确认), shared by every custcare record that needs one.

    draft → submitted → approved. Only members of ``_approval_group`` approve,
    and never for themselves (see :meth:`_custcare_self_approval_users`).
    Submitting puts an approval activity on the approver's to-do list; it goes
    away when the record is approved or sent back. Changing one of
    ``_approval_key_fields`` on an approved record sends it back to "to
    re-approve" and says so in the chatter. Records that use the mixin also
    inherit ``mail.thread`` and ``mail.activity.mixin``.
    """

    _name = "custcare.approval.mixin"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Custcare Approval"

    _approval_group = "custcare_base.group_custcare_gm"
    _approval_key_fields = ()
    _custcare_protected_fields = dict.fromkeys(
        ("approval_state", "submitted_by_id", "submitted_date", "approved_by_id", "approved_date"),
        _BY_APPROVAL,
    )

    approval_state = fields.Selection(
        APPROVAL_STATES,
        "Approval",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
    )
    submitted_by_id = fields.Many2one("res.users", "Submitted by", readonly=True, copy=False)
    submitted_date = fields.Datetime("Submitted on", readonly=True, copy=False)
    approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True, copy=False)
    approved_date = fields.Datetime("Approved on", readonly=True, copy=False)

    def write(self, vals):
        changed = set(vals) & self._get_approval_key_fields()
        if not changed or self._custcare_trusted():
            return super().write(vals)
        approved = self.filtered(lambda r: r.approval_state == "approved")
        old = {r.id: {f: r[f] for f in changed} for r in approved}
        res = super().write(vals)
        moved = approved.filtered(lambda r: any(r[f] != old[r.id][f] for f in changed))
        if moved:
            moved._custcare_write({"approval_state": "to_reapprove"})
            labels = ", ".join(self._fields[f]._description_string(self.env) for f in changed)
            for record in moved:
                record.message_post(
                    body=self.env._(
                        "Key information changed (%(fields)s): it must be approved again.",
                        fields=labels,
                    ),
                    message_type="notification",
                )
        return res

    @api.model
    def _get_approval_key_fields(self):
        """Fields whose change needs a new approval: the system parameter
        ``custcare.approval_key_fields.<model>`` (comma-separated) or the
        model's default ``_approval_key_fields``."""
        param = (
            self.env["ir.config_parameter"]
            .sudo()
            .get_param(f"custcare.approval_key_fields.{self._name}")
        )
        names = param.split(",") if param else self._approval_key_fields
        return {n.strip() for n in names if n.strip() in self._fields}

    def _custcare_is_evidence(self):
        return super()._custcare_is_evidence() | self.filtered(
            lambda r: r.approval_state != "draft"
        )

    # -------------------------------------------------------------- approvers
    def _custcare_self_approval_users(self):
        """Users who may not approve this record (the one it concerns)."""
        self.ensure_one()
        return self.env["res.users"]

    def _check_approver(self):
        if not self.env.user.has_group(self._approval_group):
            group = self.env.ref(self._approval_group)
            raise AccessError(
                self.env._(
                    "Only members of “%(group)s” may approve %(what)s.",
                    group=group.display_name,
                    what=self._custcare_label(),
                )
            )
        for record in self:
            if self.env.user in record._custcare_self_approval_users():
                raise AccessError(
                    self.env._(
                        "%(record)s concerns you: another approver must decide on it.",
                        record=record.display_name,
                    )
                )

    def _custcare_approver(self):
        """The user whose to-do list gets the approval activity: a member of
        the approval group in the record's company, not the submitter when
        someone else can approve."""
        self.ensure_one()
        users = (
            self.env.ref(self._approval_group)
            .sudo()
            .all_user_ids.filtered(lambda u: u.active and not u.share)
            .sorted("id")
        )
        company = self["company_id"] if "company_id" in self._fields else self.env.company
        if company:
            users = users.filtered(lambda u: company in u.company_ids) or users
        allowed = users - self._custcare_self_approval_users()
        return (allowed - self.env.user)[:1] or allowed[:1]

    # ----------------------------------------------------------------- flow
    def action_submit(self):
        wrong = self.filtered(lambda r: r.approval_state not in ("draft", "to_reapprove"))
        if wrong:
            raise UserError(
                self.env._("Only draft records or records to re-approve can be submitted.")
            )
        self._custcare_before_submit()
        self._custcare_write(
            {
                "approval_state": "submitted",
                "submitted_by_id": self.env.uid,
                "submitted_date": fields.Datetime.now(),
            }
        )
        for record in self:
            approver = record._custcare_approver()
            if approver:
                # in the approver's language
                for_approver = record.with_context(lang=approver.lang or self.env.lang)
                record.sudo().activity_schedule(
                    APPROVAL_ACTIVITY,
                    user_id=approver.id,
                    summary=for_approver.env._(
                        "Approve %(what)s", what=for_approver._custcare_label()
                    ),
                )
        return True

    def action_approve(self):
        self._check_approver()
        wrong = self.filtered(lambda r: r.approval_state != "submitted")
        if wrong:
            raise UserError(self.env._("Only submitted records can be approved."))
        self._custcare_before_approve()
        self._custcare_write(
            {
                "approval_state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self.sudo().activity_feedback([APPROVAL_ACTIVITY])
        self._custcare_after_approve()
        return True

    def action_reject(self):
        """Send back: the record returns to its author as a draft."""
        self._check_approver()
        wrong = self.filtered(lambda r: r.approval_state != "submitted")
        if wrong:
            raise UserError(self.env._("Only submitted records can be sent back."))
        self._custcare_write({"approval_state": "draft"})
        self.sudo().activity_unlink([APPROVAL_ACTIVITY])
        self._custcare_after_reject()
        return True

    @api.private
    def _custcare_before_submit(self):
        """Hook: raise to refuse a submission (missing data, say)."""

    @api.private
    def _custcare_before_approve(self):
        """Hook: raise to refuse an approval (missing data, say)."""

    @api.private
    def _custcare_after_approve(self):
        """Hook: what approval sets in motion."""

    @api.private
    def _custcare_after_reject(self):
        """Hook: what sending back sets in motion."""

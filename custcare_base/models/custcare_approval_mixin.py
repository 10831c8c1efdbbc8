# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# Only this module's own methods hold this object: a context coming from a
# client (JSON) can never carry it, so approval fields cannot be forged.
_TRUSTED = object()
APPROVAL_FIELDS = frozenset(
    {"approval_state", "submitted_by_id", "submitted_date", "approved_by_id", "approved_date"}
)

APPROVAL_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("to_reapprove", "To Re-approve"),
]


class CustcareApprovalMixin(models.AbstractModel):
    """Approval by the general manager (审批确认), shared by every custcare record.

    draft → submitted → approved. Only members of ``_approval_group`` approve.
    Changing one of ``_approval_key_fields`` on an approved record sends it back
    to "to re-approve" and says so in the chatter. Records that use the mixin
    also inherit ``mail.thread``.
    """

    _name = "custcare.approval.mixin"
    _description = "Custcare Approval"

    _approval_group = "custcare_base.group_custcare_gm"
    _approval_key_fields = ()

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

    @api.model_create_multi
    def create(self, vals_list):
        if any(APPROVAL_FIELDS & set(vals) for vals in vals_list) and not self._trusted():
            raise UserError(self.env._("A new record always starts as a draft."))
        return super().create(vals_list)

    def write(self, vals):
        trusted = self._trusted()
        if APPROVAL_FIELDS & set(vals) and not trusted:
            raise UserError(
                self.env._("The approval status changes only through Submit and Approve.")
            )
        changed = set(vals) & self._get_approval_key_fields()
        if not changed or trusted:
            return super().write(vals)
        approved = self.filtered(lambda r: r.approval_state == "approved")
        old = {r.id: {f: r[f] for f in changed} for r in approved}
        res = super().write(vals)
        moved = approved.filtered(lambda r: any(r[f] != old[r.id][f] for f in changed))
        if moved:
            moved._approval_write({"approval_state": "to_reapprove"})
            labels = ", ".join(self._fields[f]._description_string(self.env) for f in changed)
            for record in moved:
                record.message_post(
                    body=self.env._(
                        "Key information changed (%(fields)s): approval by the general "
                        "manager is needed again.",
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

    def _trusted(self):
        return self.env.context.get("custcare_approval_write") is _TRUSTED

    def _approval_write(self, vals):
        return self.with_context(custcare_approval_write=_TRUSTED).write(vals)

    def _check_approver(self):
        if not self.env.user.has_group(self._approval_group):
            group = self.env.ref(self._approval_group)
            raise AccessError(
                self.env._(
                    "Only members of “%(group)s” may approve %(what)s.",
                    group=group.display_name,
                    what=self._description,
                )
            )

    def action_submit(self):
        wrong = self.filtered(lambda r: r.approval_state not in ("draft", "to_reapprove"))
        if wrong:
            raise UserError(
                self.env._("Only draft records or records to re-approve can be submitted.")
            )
        self._approval_write(
            {
                "approval_state": "submitted",
                "submitted_by_id": self.env.uid,
                "submitted_date": fields.Datetime.now(),
            }
        )
        return True

    def action_approve(self):
        self._check_approver()
        wrong = self.filtered(lambda r: r.approval_state != "submitted")
        if wrong:
            raise UserError(self.env._("Only submitted records can be approved."))
        self._custcare_before_approve()
        self._approval_write(
            {
                "approval_state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Datetime.now(),
            }
        )
        self._custcare_after_approve()
        return True

    def action_reject(self):
        self._check_approver()
        wrong = self.filtered(lambda r: r.approval_state != "submitted")
        if wrong:
            raise UserError(self.env._("Only submitted records can be sent back."))
        self._approval_write({"approval_state": "draft"})
        return True

    @api.private
    def _custcare_before_approve(self):
        """Hook: raise to refuse an approval (missing data, say)."""

    @api.private
    def _custcare_after_approve(self):
        """Hook: what approval sets in motion."""

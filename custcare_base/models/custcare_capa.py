# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

RECHECK_PARAM = "custcare_base.capa_recheck_days"


class CustcareCapa(models.Model):
    """A corrective and preventive action request (纠正和预防措施要求书).

    Raised by complaints, surveys and returns; the responsible department acts,
    QC verifies; an action found not effective is reopened, an effective one is
    checked again after a delay.
    """

    _name = "custcare.capa"
    _description = "Corrective and Preventive Action Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.capa"
    _custcare_protected_fields = {
        "state": _lt("Issue, Mark Implemented, Verify or Cancel"),
        "source_ref": _lt("the action on the complaint, return or campaign that raises it"),
    }
    _custcare_evidence_states = ("issued", "implemented", "verified", "cancelled")
    _custcare_retention_erase = (
        "nonconformity",
        "containment",
        "root_cause",
        "corrective_action",
        "preventive_action",
        "implementation",
        "verification_note",
    )

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    source_ref = fields.Reference(
        selection="_selection_source_ref", string="Source Document", readonly=True
    )
    source_name = fields.Char(
        "Source", readonly=True, help="The source document's name, kept if it disappears."
    )
    # the form links to the source only for whoever may open it
    source_readable = fields.Boolean(compute="_compute_source_readable")
    partner_id = fields.Many2one("res.partner", "Customer", index=True, check_company=True)
    # The request
    nonconformity = fields.Html(required=True)
    containment = fields.Html("Containment Action")
    root_cause = fields.Html()
    corrective_action = fields.Html()
    preventive_action = fields.Html()
    department = fields.Char("Responsible Department", tracking=True)
    responsible_id = fields.Many2one("res.users", tracking=True, index=True, check_company=True)
    due_date = fields.Date(tracking=True)
    # Implementation and verification
    implementation = fields.Html()
    implemented_date = fields.Date(readonly=True)
    verified_by_id = fields.Many2one("res.users", "Verified by", readonly=True)
    verified_date = fields.Date(readonly=True)
    verification_note = fields.Text()
    reopen_count = fields.Integer("Times Reopened", readonly=True)
    recheck_date = fields.Date("Effectiveness Re-check", readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("issued", "Issued"),
            ("implemented", "Implemented"),
            ("verified", "Verified Effective"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    @api.depends_context("uid")
    @api.depends("source_ref")
    def _compute_source_readable(self):
        for capa in self:
            source = capa.source_ref
            capa.source_readable = bool(source and source.exists() and source.has_access("read"))

    @api.model
    def _selection_source_ref(self):
        return [(m.model, m.name) for m in self.env["ir.model"].sudo().search([])]

    @api.private
    def _custcare_prepare_create(self, vals_list):
        super()._custcare_prepare_create(vals_list)
        for vals in vals_list:
            if vals.get("source_ref") and not vals.get("source_name"):
                model, res_id = vals["source_ref"].split(",")
                vals["source_name"] = self.env[model].browse(int(res_id)).sudo().display_name

    def action_issue(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("Only a draft request can be issued."))
        missing = self.filtered(lambda c: not c.responsible_id or not c.due_date)
        if missing:
            raise UserError(
                self.env._("Give a responsible person and a due date before issuing the request.")
            )
        self._custcare_write({"state": "issued"})
        for capa in self:
            capa.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=capa.due_date,
                user_id=capa.responsible_id.id,
                summary=self.env._("Carry out corrective action %(name)s", name=capa.name),
            )
        return True

    def action_implemented(self):
        if self.filtered(lambda c: c.state != "issued"):
            raise UserError(self.env._("Only an issued request can be marked implemented."))
        if self.filtered(lambda c: not c.corrective_action or not c.implementation):
            raise UserError(
                self.env._("Describe the corrective action and how it was implemented first.")
            )
        self._custcare_write(
            {"state": "implemented", "implemented_date": fields.Date.context_today(self)}
        )
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _check_verifier(self):
        if not self.env.user.has_group("custcare_base.group_custcare_qc"):
            raise AccessError(self.env._("Only a QC inspector verifies corrective actions."))
        if self.filtered(lambda c: c.state != "implemented"):
            raise UserError(self.env._("Only an implemented action can be verified."))

    def action_verify_effective(self):
        self._check_verifier()
        days = int(self.env["ir.config_parameter"].sudo().get_param(RECHECK_PARAM, "90") or 90)
        today = fields.Date.context_today(self)
        self._custcare_write(
            {
                "state": "verified",
                "verified_by_id": self.env.uid,
                "verified_date": today,
                "recheck_date": today + timedelta(days=days),
            }
        )
        for capa in self:
            capa.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=capa.recheck_date,
                user_id=self.env.uid,
                summary=self.env._("Re-check the effectiveness of %(name)s", name=capa.name),
            )
        return True

    def action_verify_not_effective(self):
        """Not effective: back to the responsible department."""
        self._check_verifier()
        for capa in self:
            capa._custcare_write(
                {
                    "state": "issued",
                    "reopen_count": capa.reopen_count + 1,
                    "verified_by_id": self.env.uid,
                    "verified_date": fields.Date.context_today(self),
                }
            )
            capa.message_post(
                body=self.env._("Verification: not effective. The request is reopened."),
                message_type="notification",
            )
            capa.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=capa.due_date,
                user_id=capa.responsible_id.id,
                summary=self.env._("Corrective action %(name)s was not effective", name=capa.name),
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda c: c.state == "verified"):
            raise UserError(self.env._("A verified request cannot be cancelled."))
        self._custcare_write({"state": "cancelled"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The texts of the request (nonconformity, containment, cause, actions, "
            "implementation, verification) erased from the database; its number and dates "
            "kept."
        )

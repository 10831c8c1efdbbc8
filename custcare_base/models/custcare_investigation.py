# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

CRITERIA = (
    "management_level",
    "financial_capacity",
    "reputation",
    "performance_ability",
    "cooperation",
    "confidentiality",
)
SCORES = [("1", "1 - Poor"), ("2", "2"), ("3", "3 - Fair"), ("4", "4"), ("5", "5 - Excellent")]


class CustcareInvestigation(models.Model):
    """New-customer selection (新用户选择): a desk or on-site investigation
    before a customer is accepted and archived. A manager decides (审批):
    accepting makes a potential customer with a draft archive."""

    _name = "custcare.investigation"
    _description = "New Customer Investigation"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _approval_group = "custcare_base.group_custcare_manager"
    _approval_key_fields = (*CRITERIA, "findings", "partner_id")
    _custcare_protected_fields = {"decision": _lt("Accept or Reject")}

    name = fields.Char("Candidate", required=True, tracking=True)
    uscc = fields.Char("Unified Social Credit Code")
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        tracking=True,
        copy=False,
        check_company=True,
        help="An existing contact under investigation; accepting creates it otherwise.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    method = fields.Selection(
        [("desk", "Desk Investigation"), ("onsite", "On-site Investigation")],
        required=True,
        default="desk",
    )
    date = fields.Date(default=fields.Date.context_today)
    investigator_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    # Criteria
    management_level = fields.Selection(SCORES)
    financial_capacity = fields.Selection(SCORES)
    reputation = fields.Selection(SCORES)
    performance_ability = fields.Selection(SCORES, "Ability to Perform")
    cooperation = fields.Selection(SCORES, "Cooperative Attitude")
    confidentiality = fields.Selection(SCORES)
    average_score = fields.Float(compute="_compute_average_score", store=True, aggregator="avg")
    findings = fields.Html()
    attachment_ids = fields.Many2many("ir.attachment", string="Evidence")
    # Decision
    decision = fields.Selection(
        [("accepted", "Accept"), ("rejected", "Reject")], readonly=True, copy=False, tracking=True
    )
    state = fields.Selection(
        [
            ("draft", "Investigating"),
            ("submitted", "Awaiting Decision"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        compute="_compute_state",
        store=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one(related="approved_by_id", string="Decided by")
    decided_date = fields.Datetime(related="approved_date", string="Decided on")
    decision_note = fields.Text()

    @api.depends(*CRITERIA)
    def _compute_average_score(self):
        for investigation in self:
            scores = [int(investigation[c]) for c in CRITERIA if investigation[c]]
            investigation.average_score = sum(scores) / len(scores) if scores else 0.0

    @api.depends("approval_state", "decision")
    def _compute_state(self):
        for investigation in self:
            if investigation.approval_state == "approved":
                investigation.state = investigation.decision or "accepted"
            elif investigation.approval_state == "submitted":
                investigation.state = "submitted"
            else:
                investigation.state = "draft"

    @api.model
    def _custcare_criteria(self):
        """The selection criteria, in the order of the form."""
        return CRITERIA

    def _custcare_before_submit(self):
        for investigation in self:
            missing = [c for c in CRITERIA if not investigation[c]]
            if missing:
                labels = ", ".join(self._fields[c]._description_string(self.env) for c in missing)
                raise UserError(
                    self.env._(
                        "Score every criterion before submitting: %(missing)s.", missing=labels
                    )
                )

    def _custcare_self_approval_users(self):
        self.ensure_one()
        return self.investigator_id

    def _decide(self, decision):
        self._check_approver()
        if self.filtered(lambda i: i.approval_state != "submitted"):
            raise UserError(self.env._("Only submitted investigations can be decided."))
        self._custcare_write({"decision": decision})
        return self.action_approve()

    def action_accept(self):
        """Accept the customer: a potential customer with a draft archive."""
        return self._decide("accepted")

    def action_decline(self):
        """Reject the candidate (the decision is final and approved)."""
        return self._decide("rejected")

    def _custcare_after_approve(self):
        for investigation in self.filtered(lambda i: i.decision == "accepted"):
            partner = investigation.partner_id
            if not partner:
                partner = self.env["res.partner"].create(
                    {
                        "name": investigation.name,
                        "is_company": True,
                        "uscc": investigation.uscc,
                        "customer_tier": "potential",
                        "company_id": investigation.company_id.id,
                    }
                )
            if not partner.custcare_archive_ids.filtered(
                lambda a, c=investigation.company_id: a.company_id == c
            ):
                self.env["custcare.archive"].sudo().create(
                    {"partner_id": partner.id, "company_id": investigation.company_id.id}
                )
            investigation._custcare_write({"partner_id": partner.id})

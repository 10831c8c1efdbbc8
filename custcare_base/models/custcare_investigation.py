# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

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
    before a customer is accepted and archived."""

    _name = "custcare.investigation"
    _description = "New Customer Investigation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "id desc"

    name = fields.Char("Candidate", required=True, tracking=True)
    uscc = fields.Char("Unified Social Credit Code")
    partner_id = fields.Many2one("res.partner", "Customer", tracking=True, copy=False)
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
    state = fields.Selection(
        [
            ("draft", "Investigating"),
            ("submitted", "Awaiting Decision"),
            ("accepted", "Accepted"),
            ("rejected", "Rejected"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )
    decided_by_id = fields.Many2one("res.users", readonly=True)
    decided_date = fields.Date(readonly=True, copy=False)
    decision_note = fields.Text()

    @api.depends(*CRITERIA)
    def _compute_average_score(self):
        for investigation in self:
            scores = [int(investigation[c]) for c in CRITERIA if investigation[c]]
            investigation.average_score = sum(scores) / len(scores) if scores else 0.0

    @api.model
    def _custcare_criteria(self):
        """The selection criteria, in the order of the form."""
        return CRITERIA

    def action_submit(self):
        for investigation in self:
            if investigation.state != "draft":
                raise UserError(self.env._("Only an investigation in progress can be submitted."))
            missing = [c for c in CRITERIA if not investigation[c]]
            if missing:
                labels = ", ".join(self._fields[c]._description_string(self.env) for c in missing)
                raise UserError(
                    self.env._(
                        "Score every criterion before submitting: %(missing)s.", missing=labels
                    )
                )
        self.write({"state": "submitted"})
        return True

    def _check_decider(self):
        if not self.env.user.has_group("custcare_base.group_custcare_manager"):
            raise AccessError(self.env._("Only a Customer Care manager decides on new customers."))
        if self.filtered(lambda i: i.state != "submitted"):
            raise UserError(self.env._("Only submitted investigations can be decided."))

    def action_accept(self):
        """Accept the customer: a potential customer with a draft archive."""
        self._check_decider()
        for investigation in self:
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
            if not partner.custcare_archive_id:
                self.env["custcare.archive"].sudo().create(
                    {"partner_id": partner.id, "company_id": investigation.company_id.id}
                )
            investigation.write(
                {
                    "state": "accepted",
                    "partner_id": partner.id,
                    "decided_by_id": self.env.uid,
                    "decided_date": fields.Date.context_today(self),
                }
            )
        return True

    def action_reject(self):
        self._check_decider()
        self.write(
            {
                "state": "rejected",
                "decided_by_id": self.env.uid,
                "decided_date": fields.Date.context_today(self),
            }
        )
        return True

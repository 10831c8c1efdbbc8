# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .res_partner import TIERS

INDICATORS = ("contribution", "discipline", "handling", "communication")


class CustcareEvaluation(models.Model):
    """A periodic customer evaluation (客户评价): weighted indicator scores
    propose a tier; a manager's approval applies it."""

    _name = "custcare.evaluation"
    _description = "Customer Evaluation"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.approval.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _approval_group = "custcare_base.group_custcare_manager"
    _approval_key_fields = tuple(f"score_{i}" for i in INDICATORS)

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date = fields.Date(required=True, default=fields.Date.context_today)
    period = fields.Char(help="The period evaluated, for example 2026 or 2026-H2.")
    evaluator_id = fields.Many2one("res.users", default=lambda self: self.env.user)
    # Indicator scores, 0-100
    score_contribution = fields.Integer("Business Contribution", tracking=True)
    score_discipline = fields.Integer("Cooperation Discipline", tracking=True)
    score_handling = fields.Integer("Problem Handling", tracking=True)
    score_communication = fields.Integer("Communication", tracking=True)
    total_score = fields.Float(compute="_compute_total_score", store=True, aggregator="avg")
    current_tier = fields.Selection(related="partner_id.customer_tier", string="Current Tier")
    proposed_tier = fields.Selection(TIERS, compute="_compute_total_score", store=True)
    rewards = fields.Text(help="Rewards for the customer: free service, discounts, quota.")
    note = fields.Html()

    _scores_range = models.Constraint(
        "CHECK(score_contribution BETWEEN 0 AND 100 AND score_discipline BETWEEN 0 AND 100"
        " AND score_handling BETWEEN 0 AND 100 AND score_communication BETWEEN 0 AND 100)",
        "Indicator scores go from 0 to 100.",
    )

    @api.depends(*(f"score_{i}" for i in INDICATORS), "company_id")
    def _compute_total_score(self):
        for evaluation in self:
            company = evaluation.company_id or self.env.company
            weights = {i: company[f"custcare_weight_{i}"] for i in INDICATORS}
            total_weight = sum(weights.values()) or 1
            score = sum(evaluation[f"score_{i}"] * w for i, w in weights.items()) / total_weight
            evaluation.total_score = round(score, 2)
            if score >= company.custcare_threshold_core:
                evaluation.proposed_tier = "core"
            elif score >= company.custcare_threshold_key:
                evaluation.proposed_tier = "key"
            elif score >= company.custcare_threshold_general:
                evaluation.proposed_tier = "general"
            else:
                evaluation.proposed_tier = "potential"

    def _custcare_indicator_rows(self):
        """[(indicator, weight %, score, weighted score)] of the evaluation form."""
        self.ensure_one()
        company = self.company_id or self.env.company
        weights = {i: company[f"custcare_weight_{i}"] for i in INDICATORS}
        total = sum(weights.values()) or 1
        return [
            (
                self._fields[f"score_{i}"]._description_string(self.env),
                weights[i],
                self[f"score_{i}"],
                self[f"score_{i}"] * weights[i] / total,
            )
            for i in INDICATORS
        ]

    def _custcare_before_approve(self):
        for evaluation in self:
            tier = evaluation.proposed_tier
            if tier in ("core", "key") and not evaluation.partner_id.account_manager_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s would become a core or key customer: give it an account "
                        "manager before approving.",
                        partner=evaluation.partner_id.display_name,
                    )
                )

    def _custcare_after_approve(self):
        for evaluation in self:
            if evaluation.partner_id.customer_tier != evaluation.proposed_tier:
                evaluation.partner_id.sudo().with_context(
                    custcare_evaluation_id=evaluation.id
                ).customer_tier = evaluation.proposed_tier

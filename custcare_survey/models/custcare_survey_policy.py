# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.custcare_base.models.res_partner import TIERS


class CustcareSurveyPolicy(models.Model):
    """When a company surveys its customers: about two months before each
    management review, once or twice a year. A daily job drafts the campaign
    of the next review."""

    _name = "custcare.survey.policy"
    _description = "Satisfaction Survey Policy"
    _order = "company_id, id"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    survey_id = fields.Many2one(
        "survey.survey",
        "Questionnaire",
        required=True,
        domain=[("survey_type", "in", ("survey", "custom"))],
    )
    review_date = fields.Date(
        "Next Management Review",
        required=True,
        help="Moves on by itself once the review has passed.",
    )
    frequency = fields.Selection(
        [("1", "Once a year"), ("2", "Twice a year")],
        required=True,
        default="1",
    )
    lead_months = fields.Integer(
        "Months before the Review",
        default=2,
        required=True,
        help="The campaign is planned this many months before the management review.",
    )
    reminder_days = fields.Integer(
        "Reminder after (days)",
        default=15,
        required=True,
        help="Customers who have not answered are chased (跟催) once, this many days "
        "after the invitation.",
    )
    validity_months = fields.Integer(
        "Validity (months)",
        default=2,
        required=True,
        help="A form not returned within this period is void (无效).",
    )
    target_tier = fields.Selection(
        TIERS, "Customer Tier", help="Only customers of this tier; empty for all."
    )
    target_domain = fields.Char(
        "Customers",
        default="[('is_company', '=', True)]",
        help="Which customers receive the questionnaire.",
    )

    _positive_periods = models.Constraint(
        "CHECK(lead_months >= 0 AND reminder_days > 0 AND validity_months > 0)",
        "Reminder delay and validity must be positive, the lead time not negative.",
    )

    def _period_months(self):
        return 12 // int(self.frequency)

    def _campaign_values(self):
        self.ensure_one()
        # drafted by the scheduled job: titled in the company's language
        lang = self.company_id.partner_id.lang or self.env.lang
        return {
            "title": self.with_context(lang=lang).env._(
                "Customer satisfaction survey before the review of %(date)s",
                date=self.review_date,
            ),
            "company_id": self.company_id.id,
            "policy_id": self.id,
            "survey_id": self.survey_id.id,
            "review_date": self.review_date,
            "planned_date": self.review_date - relativedelta(months=self.lead_months),
            "reminder_days": self.reminder_days,
            "validity_months": self.validity_months,
            "target_tier": self.target_tier,
            "target_domain": self.target_domain,
        }

    @api.model
    def _cron_draft_campaigns(self):
        """Move each policy to its next review and draft that review's campaign
        once (at least once a year, optionally twice). The policies are
        locked meanwhile and a campaign is unique per policy and review, so
        two runs at once never draft twice."""
        today = fields.Date.context_today(self)
        Campaign = self.env["custcare.survey.campaign"]
        policies = self.search([])
        if not policies:
            return Campaign
        self.env.cr.execute(
            SQL(
                "SELECT id FROM custcare_survey_policy WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(policies.ids),
            )
        )
        for policy in policies:
            review = policy.review_date
            while review < today:
                review += relativedelta(months=policy._period_months())
            if review != policy.review_date:
                policy.review_date = review
        existing = Campaign.with_context(active_test=False).search_read(
            [("policy_id", "in", policies.ids)], ["policy_id", "review_date"]
        )
        done = {(row["policy_id"][0], row["review_date"]) for row in existing}
        return Campaign.sudo()._custcare_create(
            [p._campaign_values() for p in policies if (p.id, p.review_date) not in done]
        )

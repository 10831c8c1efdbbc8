# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .custcare_survey_campaign import KIND_SURVEY, KINDS


class CustcareSurveyPolicy(models.Model):
    """When a company surveys its customers: about two months before each
    management review, once or twice a year. A daily job drafts the campaign
    of the next review.

    A demand plan policy (需求计划, seed 004 §3) drafts, once a year, the
    December campaign that sends the new-year greetings and asks each
    customer for next year's demand: planned on 1 December, due on
    31 December (its "review" date)."""

    _name = "custcare.survey.policy"
    _inherit = ["custcare.survey.target.mixin"]
    _description = "Satisfaction Survey Policy"
    _order = "company_id, id"

    name = fields.Char(required=True, translate=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    kind = fields.Selection(KINDS, required=True, default="satisfaction")
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
    target_domain = fields.Char(
        "Customers",
        default="[('is_company', '=', True)]",
        help="Which customers receive the questionnaire.",
    )

    to_draft = fields.Boolean(
        "Campaign to Draft",
        compute="_compute_to_draft",
        store=True,
        index=True,
        copy=False,
        help="The campaign of the next review has not been drafted yet.",
    )

    _positive_periods = models.Constraint(
        "CHECK(lead_months >= 0 AND reminder_days > 0 AND validity_months > 0)",
        "Reminder delay and validity must be positive, the lead time not negative.",
    )

    @api.constrains("kind", "review_date", "frequency")
    def _check_demand_dates(self):
        for policy in self.filtered(lambda p: p.kind == "demand"):
            if (policy.review_date.month, policy.review_date.day) != (12, 31):
                raise ValidationError(
                    self.env._(
                        "The demand plan of %(name)s is collected in December: its due date "
                        "is 31 December.",
                        name=policy.name,
                    )
                )

    @api.onchange("kind")
    def _onchange_kind(self):
        survey = self.env.ref(KIND_SURVEY[self.kind or "satisfaction"], raise_if_not_found=False)
        if survey:
            self.survey_id = survey
        if self.kind == "demand":
            self.frequency = "1"
            self.review_date = date(fields.Date.context_today(self).year, 12, 31)

    def _period_months(self):
        return 12 if self.kind == "demand" else 12 // int(self.frequency)

    def _campaign_values(self):
        self.ensure_one()
        if self.kind == "demand":
            return self._demand_campaign_values()
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
            **self._target_values(),
        }

    def _target_values(self):
        """The campaign's target, as the policy sets it."""
        values = {
            "target_tier": self.target_tier,
            "target_domain": self.target_domain,
            "target_manager_id": self.target_manager_id.id,
        }
        if self.target_category_ids:
            values["target_category_ids"] = [fields.Command.set(self.target_category_ids.ids)]
        return values

    def _demand_campaign_values(self):
        """The December campaign for the following year's demand."""
        year = self.review_date.year
        lang = self.company_id.partner_id.lang or self.env.lang
        return {
            "title": self.with_context(lang=lang).env._(
                "New-year greetings and %(year)s demand plan", year=year + 1
            ),
            "kind": "demand",
            "plan_year": year + 1,
            "company_id": self.company_id.id,
            "policy_id": self.id,
            "survey_id": self.survey_id.id,
            "review_date": self.review_date,
            "planned_date": date(year, 12, 1),
            "reminder_days": self.reminder_days,
            "validity_months": self.validity_months,
            **self._target_values(),
        }

    @api.depends("review_date")
    def _compute_to_draft(self):
        self.to_draft = True

    def _move_to_next_review(self, today):
        """Move the policies whose review has passed to their next review,
        one UPDATE per new date."""
        by_date = {}
        for policy in self:
            review = policy.review_date
            while review < today:
                review += relativedelta(months=policy._period_months())
            if review != policy.review_date:
                by_date.setdefault(review, self.browse())
                by_date[review] |= policy
        for review, policies in by_date.items():
            policies.write({"review_date": review})

    def _draft_campaigns(self):
        """Draft the campaign of each policy's next review, unless it exists:
        one search and one create for the batch."""
        Campaign = self.env["custcare.survey.campaign"].sudo().with_context(active_test=False)
        existing = Campaign.search_fetch(
            [
                ("policy_id", "in", self.ids),
                ("review_date", "in", list(set(self.mapped("review_date")))),
            ],
            ["policy_id", "review_date"],
        )
        done = {(campaign.policy_id.id, campaign.review_date) for campaign in existing}
        campaigns = Campaign._custcare_create(
            [p._campaign_values() for p in self if (p.id, p.review_date) not in done]
        )
        self.write({"to_draft": False})
        return campaigns

    @api.model
    def _cron_draft_campaigns(self):
        """Move each policy whose review has passed to its next review and draft
        that review's campaign once (at least once a year, optionally twice).
        Only due policies are read, in committed batches claimed with row
        locks, and a campaign is unique per policy and review, so two runs at
        once never draft twice. Returns how many policies were handled."""
        today = fields.Date.context_today(self)

        def process(policies):
            policies._move_to_next_review(today)
            policies.filtered("to_draft")._draft_campaigns()

        return self.env["custcare.batch"]._run(
            self._name,
            [("active", "=", True), "|", ("review_date", "<", today), ("to_draft", "=", True)],
            process,
        )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The new-year demand plan 需求计划 (seed 004 §3): each December the
customer-service team sends the new-year greetings and collects next year's
demand of every customer, on the survey campaign machinery."""

from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import TrustMixin

from .common import SurveyMixin

ANALYSIS_REFUSED = (
    "A demand plan campaign collects next year's demand of each customer: it has no "
    "satisfaction analysis, report or corrective action. Open its demand plans instead."
)


@tagged("post_install", "-at_install")
class TestDemandPlan(TrustMixin, SurveyMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls._setup_survey()
        cls.demand_survey = cls.env.ref("custcare_survey.survey_demand_plan")
        cls.customers = cls._customers(3, prefix="DEMAND")
        cls.target = "[('ref', '=like', 'DEMAND%')]"

    def _mails(self, forms, subject):
        return self.env["mail.mail"].search(
            [
                ("model", "=", "survey.user_input"),
                ("res_id", "in", forms.ids),
                ("subject", "like", subject),
            ]
        )

    def _sent(self, **vals):
        campaign = self._demand_campaign(self.target, **vals)
        with freeze_time("2026-12-01 08:00:00"):
            campaign.action_send()
        return campaign

    # ------------------------------------------------------------ policy
    def test_policy_drafts_one_december_campaign_for_next_year(self):
        Policy = self.env["custcare.survey.policy"]
        Campaign = self.env["custcare.survey.campaign"]
        policy = Policy.create(
            {
                "name": "新年问候及需求计划",
                "kind": "demand",
                "survey_id": self.demand_survey.id,
                "review_date": "2026-12-31",
            }
        )
        with freeze_time("2026-12-01"):
            Policy._cron_draft_campaigns()
            Policy._cron_draft_campaigns()
        campaign = Campaign.search([("policy_id", "=", policy.id)])
        self.assertEqual(len(campaign), 1, "one per year, however often the job runs")
        self.assertEqual(campaign.kind, "demand")
        self.assertEqual(campaign.plan_year, 2027)
        self.assertEqual(campaign.planned_date, date(2026, 12, 1))
        self.assertEqual(campaign.review_date, date(2026, 12, 31))
        self.assertEqual(campaign.survey_id, self.demand_survey)
        self.assertEqual(campaign.title, "New-year greetings and 2027 demand plan")
        # the next year: the policy moves on and drafts the next December's
        with freeze_time("2027-01-05"):
            Policy._cron_draft_campaigns()
        self.assertEqual(policy.review_date, date(2027, 12, 31))
        campaigns = Campaign.search([("policy_id", "=", policy.id)], order="planned_date")
        self.assertEqual(campaigns.mapped("plan_year"), [2027, 2028])
        self.assertEqual(campaigns[1].planned_date, date(2027, 12, 1))

    def test_policy_due_date_is_31_december(self):
        with self.assertRaises(ValidationError) as ctx:
            self.env["custcare.survey.policy"].create(
                {
                    "name": "需求计划",
                    "kind": "demand",
                    "survey_id": self.demand_survey.id,
                    "review_date": "2026-06-30",
                }
            )
        self.assertEqual(
            str(ctx.exception),
            "The demand plan of 需求计划 is collected in December: its due date is 31 December.",
        )
        self.assertFalse(self.env["custcare.survey.policy"].search([("name", "=", "需求计划")]))

    # ---------------------------------------------------------- campaign
    def test_demand_campaign_sends_greetings_and_chases(self):
        campaign = self._sent()
        forms = campaign.answer_ids
        self.assertEqual(forms.partner_id, self.customers)
        self.assertEqual(forms.survey_id, self.demand_survey, "the demand questionnaire")
        greetings = self._mails(forms, "Happy New Year")
        self.assertEqual(len(greetings), 3, "the new-year greeting, not the satisfaction mail")
        self.assertIn("2027", greetings[0].subject)
        self.assertIn(
            forms.filtered(lambda f: f.id == greetings[0].res_id).access_token,
            greetings[0].body_html,
        )
        self.assertFalse(self._mails(forms, "satisfaction"))
        # chased once after 15 days with the demand reminder
        self._answer_demand(forms[0], "数控车床配件")
        with freeze_time("2026-12-17 08:00:00"):
            self.env["custcare.survey.campaign"]._cron_chase_and_void()
        reminders = self._mails(forms, "Reminder: your demand for 2027")
        self.assertEqual(sorted(reminders.mapped("res_id")), sorted((forms - forms[0]).ids))
        # the analysis, its report and corrective actions are a satisfaction survey's
        with freeze_time("2027-03-01"), self.assertRaises(UserError) as ctx:
            campaign.action_analyse()
        self.assertEqual(str(ctx.exception), ANALYSIS_REFUSED)
        with self.assertRaises(UserError):
            campaign.action_submit()
        self.assertEqual(campaign.state, "running")
        self.assertFalse(campaign.result_ids)

    def test_analysis_refusal_is_translated(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_survey"], ["zh_CN"])
        campaign = self._sent()
        with self.assertRaises(UserError) as ctx:
            campaign.with_context(lang="zh_CN").action_analyse()
        self.assertEqual(
            str(ctx.exception),
            "需求计划调查收集每位客户的次年需求：没有满意度分析、报告或纠正措施。请查看其需求计划。",
        )

    def test_kind_of_sent_campaign_is_fixed(self):
        campaign = self._sent()
        with self.assertRaises(UserError) as ctx:
            campaign.write({"kind": "satisfaction"})
        self.assertIn("is set when it is created and never changed", str(ctx.exception))
        with self.assertRaises(UserError) as ctx:
            campaign.write({"plan_year": 2030})
        self.assertEqual(str(ctx.exception), "The plan year of a sent campaign cannot be changed.")
        self.assertEqual((campaign.kind, campaign.plan_year), ("demand", 2027))

    # -------------------------------------------------------------- plans
    def test_completed_form_gives_the_customers_plan(self):
        campaign = self._sent()
        form = campaign.answer_ids.filtered(lambda f: f.partner_id == self.customers[0])
        self._answer_demand(form, "数控车床配件、主轴维修服务", amounts=(100000, 250000))
        Plan = self.env["custcare.demand.plan"].with_user(self.user_staff)
        plan = Plan.search([("partner_id", "=", self.customers[0].id)])
        self.assertEqual(len(plan), 1)
        self.assertEqual(
            (plan.year, plan.campaign_id, plan.answer_id, plan.company_id),
            (2027, campaign, form, self.company_a),
        )
        self.assertEqual(plan.expected_amount, 350000)
        self.assertIn("数控车床配件、主轴维修服务", plan.summary)
        self.assertIn("Quarterly", plan.summary)
        self.assertIn("Expected amount in the second quarter (yuan)", plan.summary)
        self.assertEqual(campaign.demand_plan_count, 1)
        # the customer's form shows the plan, also from a contact of the customer
        contact = self.env["res.partner"].create(
            {"name": "王采购", "parent_id": self.customers[0].id}
        )
        for partner in (self.customers[0], contact):
            partner = partner.with_user(self.user_staff)
            self.assertEqual(partner.custcare_demand_plan_count, 1)
            action = partner.action_open_custcare_demand_plans()
            self.assertEqual(self.env["custcare.demand.plan"].search(action["domain"]), plan)
        self.assertEqual(self.customers[1].with_user(self.user_staff).custcare_demand_plan_count, 0)
        # a demand form is not a satisfaction form
        self.assertEqual(self.customers[0].with_user(self.user_staff).custcare_survey_count, 0)

    def test_form_entered_from_an_interview(self):
        campaign = self._sent()
        form = campaign.answer_ids.filtered(lambda f: f.partner_id == self.customers[1])
        entry = (
            self.env["custcare.survey.manual.entry"]
            .with_user(self.user_staff)
            .with_context(active_id=form.id)
            .create({"method": "interview"})
        )
        lines = {line.question_id.id: line for line in entry.line_ids}
        ref = self.env.ref
        products = ref("custcare_survey.survey_demand_plan_q_products")
        # the required answers are asked for
        with self.assertRaises(UserError) as ctx:
            entry.action_save()
        self.assertIn(products.title, str(ctx.exception))
        self.assertFalse(self.env["custcare.demand.plan"].search([("answer_id", "=", form.id)]))
        lines[products.id].value_text = "精密齿轮箱"
        lines[ref("custcare_survey.survey_demand_plan_q_amount_q3").id].value_number = 60000
        delivery = ref("custcare_survey.survey_demand_plan_q_delivery")
        lines[delivery.id].suggested_answer_id = ref(
            "custcare_survey.survey_demand_plan_q_delivery_a1"
        )
        entry.action_save()
        plan = self.env["custcare.demand.plan"].search([("answer_id", "=", form.id)])
        self.assertEqual(plan.partner_id, self.customers[1])
        self.assertEqual(plan.entry_method, "interview")
        self.assertEqual(plan.expected_amount, 60000)
        self.assertIn("精密齿轮箱", plan.summary)

    def test_newest_form_of_the_year_replaces_the_plan(self):
        """Decision: one plan per customer, year and company; a second form of
        the same year (another campaign) is the customer's newer word and
        replaces the answers; both forms stay as survey records."""
        first = self._sent()
        self._answer_demand(first.answer_ids[0], "第一次填写", amounts=(1000,))
        second = self._sent(title="补充需求调查")
        form = second.answer_ids.filtered(lambda f: f.partner_id == first.answer_ids[0].partner_id)
        self._answer_demand(form, "第二次填写", amounts=(2000, 3000))
        plan = self.env["custcare.demand.plan"].search(
            [("partner_id", "=", form.partner_id.id), ("year", "=", 2027)]
        )
        self.assertEqual(len(plan), 1)
        self.assertEqual((plan.answer_id, plan.campaign_id), (form, second))
        self.assertEqual(plan.expected_amount, 5000)
        self.assertIn("第二次填写", plan.summary)
        self.assertNotIn("第一次填写", plan.summary)

    def test_plan_is_evidence(self):
        campaign = self._sent()
        self._answer_demand(campaign.answer_ids[0], "数控车床配件", amounts=(1000,))
        plan = self.env["custcare.demand.plan"].search(
            [("answer_id", "=", campaign.answer_ids[0].id)]
        )
        self.assertEqual(len(plan), 1)
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.assertRaises(UserError) as ctx:
                plan.with_user(user).write({"expected_amount": 1.0})
            self.assertEqual(
                str(ctx.exception),
                "These fields of a Customer Demand Plan change only through its actions, never "
                "by editing: Expected Amount (use: the customer's demand form).",
            )
            with self.assertRaises(AccessError):
                plan.with_user(user).write({})
            with self.assertRaises(AccessError):
                plan.with_user(user).unlink()
            with self.assertRaises(UserError):  # the customer and year are the form's
                self.env["custcare.demand.plan"].with_user(user).create(
                    {"partner_id": self.customers[1].id, "year": 2027}
                )
        # every field of a plan is the customer's word: protected
        self.assertTrue(
            {"partner_id", "year", "summary", "expected_amount"} <= set(plan._custcare_protected())
        )
        self.assertEqual(plan.expected_amount, 1000)
        self.assertTrue(plan.exists())
        # kept two years by the retention policy
        retention = self.env.ref("custcare_survey.retention_policy_demand_plan")
        self.assertEqual((retention.model, retention.years), ("custcare.demand.plan", 2))

    def test_portal_and_other_company_see_nothing(self):
        campaign = self._sent()
        self._answer_demand(campaign.answer_ids[0], "数控车床配件")
        plan = self.env["custcare.demand.plan"].search([("campaign_id", "=", campaign.id)])
        self.assertTrue(plan)
        for user in (self.user_company_b, self.user_portal):
            Plan = self.env["custcare.demand.plan"].with_user(user)
            with self.assertRaises(AccessError):
                plan.with_user(user).read(["summary"])
            try:
                found = Plan.search([])
            except AccessError:
                found = Plan
            self.assertFalse(found & plan)
        self.assertEqual(
            self.customers[0].with_user(self.user_company_b).custcare_demand_plan_count, 0
        )

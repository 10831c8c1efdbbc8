# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields

from odoo.addons.custcare_base.tests.common import CustcareMixin

DIMENSIONS = ("product", "service", "price", "reputation", "delivery")


class SurveyMixin(CustcareMixin):
    @classmethod
    def _setup_survey(cls):
        if not hasattr(cls, "user_staff"):
            cls._setup_custcare()
        cls.survey = cls.env.ref("custcare_survey.survey_satisfaction")
        cls.dimension = {d: cls.env.ref(f"custcare_survey.dimension_{d}") for d in DIMENSIONS}
        cls.user_staff.email = "zhao@example.cn"

    @classmethod
    def _customers(cls, count, prefix="MYTEST", tiers=("core", "key", "general", "potential")):
        """`count` company customers whose reference starts with `prefix`."""
        return cls.env["res.partner"].create(
            [
                {
                    "name": f"测试客户 {prefix} {i:03d} 有限公司",
                    "is_company": True,
                    "ref": f"{prefix}{i:03d}",
                    "email": f"buyer{i}@{prefix.lower()}.example.cn",
                    "customer_tier": tiers[i % len(tiers)],
                    "account_manager_id": cls.user_staff.id,
                }
                for i in range(count)
            ]
        )

    def _campaign(self, prefix="MYTEST", user=None, **vals):
        return (
            self.env["custcare.survey.campaign"]
            .with_user(user or self.user_staff)
            .create(
                {
                    "title": "2026 年度顾客满意度调查",
                    "survey_id": self.survey.id,
                    "target_domain": f"[('ref', '=like', '{prefix}%')]",
                    **vals,
                }
            )
        )

    def _answer(self, form, scores, done=True):
        """Answer every scored question of a dimension with its score in
        `scores` {dimension key: points}, as the survey pages do (sudo)."""
        form = form.sudo()
        for question in self.survey.question_ids:
            if question.question_type != "simple_choice":
                continue
            key = next(k for k, d in self.dimension.items() if d == question.custcare_dimension_id)
            if key not in scores:
                continue
            choice = question.suggested_answer_ids.filtered(
                lambda a, key=key: a.answer_score == scores[key]
            )
            form._save_lines(question, choice.id)
        if done:
            form._mark_done()

    @classmethod
    def _analysed_campaign(cls, target, scores, title="上半年调查"):
        """A campaign of the staff user, sent three months ago to the
        customers of the domain `target`, every form answered with `scores`,
        analysed (as the staff user)."""
        campaign = (
            cls.env["custcare.survey.campaign"]
            .with_user(cls.user_staff)
            .create({"title": title, "survey_id": cls.survey.id, "target_domain": target})
        )
        with freeze_time(fields.Datetime.now() - timedelta(days=90)):
            campaign.action_send()
        for form in campaign.answer_ids:
            cls._answer(cls, form, scores)
        campaign.action_analyse()
        return campaign

    @classmethod
    def _demand_campaign(cls, target, user=None, **vals):
        """A demand plan campaign (new-year greetings) for the customers of
        the domain `target`, drafted by `user` (the staff user)."""
        return (
            cls.env["custcare.survey.campaign"]
            .with_user(user or cls.user_staff)
            .create(
                {
                    "title": "新年问候及需求计划",
                    "kind": "demand",
                    "plan_year": 2027,
                    "survey_id": cls.env.ref("custcare_survey.survey_demand_plan").id,
                    "target_domain": target,
                    **vals,
                }
            )
        )

    @classmethod
    def _answer_demand(cls, form, products, amounts=(), delivery="a2", done=True):
        """Answer a demand form as the survey pages do (sudo): the products,
        the quarterly amounts in order, the delivery rhythm."""
        form = form.sudo()
        ref = cls.env.ref
        form._save_lines(ref("custcare_survey.survey_demand_plan_q_products"), products)
        for quarter, amount in enumerate(amounts, start=1):
            question = ref(f"custcare_survey.survey_demand_plan_q_amount_q{quarter}")
            form._save_lines(question, amount)
        form._save_lines(
            ref("custcare_survey.survey_demand_plan_q_delivery"),
            ref(f"custcare_survey.survey_demand_plan_q_delivery_{delivery}").id,
        )
        if done:
            form._mark_done()

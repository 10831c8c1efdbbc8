# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase

from .common import SurveyMixin


@tagged("post_install", "-at_install")
class TestSurveyReports(SurveyMixin, CustcareHttpCase):
    """顾客满意度调查分析报告 and the blank 顾客满意度调查表, with Chinese data."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()

    def test_analysis_and_questionnaire(self):
        names = [
            "苏州精工电子",
            "上海宏达机械",
            "杭州西湖精密",
            "深圳深达新材料",
            "青岛海川化工",
            "武汉长江重工",
        ]
        customers = self._customers(6, prefix="RPT")
        for customer, name in zip(customers, names, strict=True):
            customer.name = f"{name}有限公司"
        previous = self._campaign(prefix="RPT", title="2026 年上半年顾客满意度调查")
        with freeze_time("2026-01-05"):
            previous.action_send()
        for form in previous.answer_ids:
            self._answer(
                form, {"product": 4, "service": 4, "price": 3, "reputation": 5, "delivery": 4}
            )
        with freeze_time("2026-03-06"):
            previous.action_analyse()
        campaign = self._campaign(
            prefix="RPT",
            title="2026 年下半年顾客满意度调查",
            distribution_user_ids=[(4, self.user_qc.id), (4, self.user_manager.id)],
        )
        with freeze_time("2026-07-01"):
            campaign.action_send()
        patterns = [
            {"product": 5, "service": 4, "price": 3, "reputation": 5, "delivery": 4},
            {"product": 4, "service": 3, "price": 2, "reputation": 4, "delivery": 5},
            {"product": 4, "service": 4, "price": 3, "reputation": 5, "delivery": 3},
            {"product": 5, "service": 3, "price": 4, "reputation": 4, "delivery": 4},
            {"product": 3, "service": 4, "price": 3, "reputation": 5, "delivery": 4},
        ]
        for form, scores in zip(campaign.answer_ids.sorted("id"), patterns, strict=False):
            self._answer(form, scores)
        with freeze_time("2026-09-02"):
            campaign.action_analyse()
        campaign.conclusion = "<p>服务质量与价格低于目标，已发出纠正和预防措施要求书。</p>"
        campaign.action_submit()
        campaign.with_user(self.user_gm).action_approve()

        html, text, _pdf = self.render_controlled(
            "custcare_survey.action_report_custcare_survey_analysis",
            campaign,
            ["survey", "custcare_survey"],
            "survey_analysis.pdf",
        )
        for expected in (
            "顾客满意度调查分析报告",
            "2026 年下半年顾客满意度调查",
            "产品质量",
            "服务质量",
            "价格",
            "苏州精工电子有限公司",
            "服务质量与价格低于目标",
            "data:image/png;base64,",
            "编制",
            "审核",
            "批准",
            "王总",
        ):
            self.assertIn(expected, html)
        for expected in ("Q/CC-JL202", campaign.name, campaign.result_ids.capa_id[:1].name):
            self.assertIn(expected, text)
        self.assertIn("页/共", text.replace(" ", ""))

        html, text, _pdf = self.render_controlled(
            "custcare_survey.action_report_custcare_survey_questionnaire",
            campaign,
            ["survey", "custcare_survey"],
            "survey_questionnaire.pdf",
        )
        for expected in ("顾客满意度调查表", "产品质量", "非常满意", "非常不满意", "☐"):
            self.assertIn(expected, html)
        self.assertIn("Q/CC-JL201", text)
        self.assertIn("第1页/共", text.replace(" ", ""))

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase, flat

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


@tagged("post_install", "-at_install")
class TestSurveyForms(SurveyMixin, CustcareHttpCase):
    """The analysis report of a large campaign over several pages (the
    per-customer list with its header row on every page); a running campaign
    prints no score and is marked 未分析; a customer's questionnaire prints in
    the customer's language with the boxes ticked."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()
        cls._print_in("zh_CN", ["survey", "custcare_survey"])
        cls.customers = cls._customers(60, prefix="LST")
        cls.campaign = cls._campaign(cls, prefix="LST", title="2026 年下半年顾客满意度调查")
        with freeze_time("2026-07-01"):
            cls.campaign.action_send()
        scores = {"product": 5, "service": 4, "price": 3, "reputation": 4, "delivery": 4}
        for form in cls.campaign.answer_ids:
            cls._answer(cls, form, scores)
        cls.running = cls._campaign(cls, prefix="LST", title="2027 年上半年顾客满意度调查")
        with freeze_time("2027-01-04"):
            cls.running.action_send()
        cls._answer(cls, cls.running.answer_ids[0], scores)

    def test_analysis_over_pages(self):
        with freeze_time("2026-09-02"):
            self.campaign.action_analyse()
        texts = self.assertPrinted(
            "custcare_survey.action_report_custcare_survey_analysis",
            self.campaign,
            ["survey", "custcare_survey"],
            "survey_analysis_pages.pdf",
            title="顾客满意度调查分析报告",
            number=self.campaign.name,
            code="Q/CC-JL202",
            rows=[f"测试客户LST{i:03d}有限公司" for i in range(60)],
            words=("客户", "日期", "测试客户LST000有限公司"),
        )
        self.assertGreaterEqual(len(texts), 2)
        pages = [i for i, t in enumerate(texts) if "LST000" in t or "LST059" in t]
        for index in range(pages[0], pages[-1] + 1):
            self.assertIn(flat("序号客户"), texts[index])
        # analysed, submitted to nobody yet: 未批准 is not printed, 草稿 is
        for text in texts:
            self.assertIn("草稿", text)

    def test_running_campaign_has_no_score(self):
        texts = self.assertPrinted(
            "custcare_survey.action_report_custcare_survey_analysis",
            self.running,
            ["survey", "custcare_survey"],
            "survey_analysis_running.pdf",
            title="顾客满意度调查分析报告",
            number=self.running.name,
            code="Q/CC-JL202",
            words=("日期",),
        )
        whole = "".join(texts)
        self.assertIn("未分析", whole)
        self.assertNotIn("0.00", whole)
        self.assertNotIn("测试客户LST000有限公司", whole)

    def test_customer_questionnaire_in_customer_language(self):
        self._print_in("zh_TW", ["survey", "custcare_survey"])
        form = self.campaign.answer_ids.sorted("id")[0]
        form.custcare_customer_id.lang = "zh_TW"
        texts = self.assertPrinted(
            "custcare_survey.action_report_custcare_survey_form",
            form,
            ["survey", "custcare_survey"],
            "survey_questionnaire_customer.pdf",
            title="顧客滿意度調查表",
            number=f"{self.campaign.name}-{form.id:05d}",
            code="Q/CC-JL201",
            words=("客戶", "日期", flat(form.custcare_customer_id.name), "☑"),
        )
        self.assertIn("非常滿意", "".join(texts))

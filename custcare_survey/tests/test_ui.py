# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from unittest.mock import patch

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from .common import SurveyMixin

_handle_console = ChromeBrowser._handle_console


def _console_screenshots(browser, type, args=None, **kw):  # pylint: disable=redefined-builtin
    """console.log("cc_screenshot <name>") in a tour saves a screenshot
    (in the screenshots folder of the test run)."""
    if args and type == "log":
        message = str(browser._from_remoteobject(args[0]))
        if message.startswith("cc_screenshot "):
            browser.take_screenshot(prefix=f"custcare_{message.split()[1]}_")
    return _handle_console(browser, type, args=args, **kw)


@tagged("post_install", "-at_install")
class TestCampaignUi(SurveyMixin, HttpCase):
    def _zh_cn_user(self):
        """The customer-service user, working in zh_CN."""
        self.env["res.lang"]._activate_lang("zh_CN")
        custcare = self.env["ir.module.module"].search(
            [("name", "=like", "custcare_%"), ("state", "=", "installed")]
        )
        self.env["ir.module.module"]._load_module_terms(
            ["base", "web", "mail", "survey", *custcare.mapped("name")], ["zh_CN"]
        )
        self._setup_custcare()  # each test builds its own staff (its data is rolled back)
        self._setup_survey()
        return new_test_user(
            self.env,
            "cc_tour_cs",
            name="客服 周凯",
            email="cs@example.cn",
            lang="zh_CN",
            tz="Asia/Shanghai",
            groups="custcare_base.group_custcare_user",
        )

    def test_trend_of_two_campaigns_is_averaged(self):
        user = self._zh_cn_user()
        self.user_staff = user
        self._customers(4, prefix="CCTREND")
        scores = dict.fromkeys(("product", "service", "price", "reputation", "delivery"), 4)
        Campaign = self.env["custcare.survey.campaign"].with_user(user)
        for title, sent, price in (
            ("第一次调查", "2025-09-01 08:00:00", 4),
            ("第二次调查", "2026-03-02 08:00:00", 5),
        ):
            campaign = Campaign.create(
                {
                    "title": title,
                    "survey_id": self.survey.id,
                    "target_domain": "[('ref', '=like', 'CCTREND%')]",
                }
            )
            with freeze_time(sent):
                campaign.action_send()
            for form in campaign.answer_ids:
                self._answer(form, dict(scores, price=price))
            with freeze_time(campaign.deadline):
                campaign.action_analyse()
        with patch.object(ChromeBrowser, "_handle_console", _console_screenshots):
            self.start_tour(
                "/odoo/action-custcare_survey.custcare_survey_result_action",
                "custcare_survey_trend_tour",
                login="cc_tour_cs",
            )

    def test_campaign_sent_and_interview_entered_in_the_grid(self):
        user = self._zh_cn_user()
        customers = self.env["res.partner"].create(
            [
                {
                    "name": f"走访客户 {letter} 有限公司",
                    "is_company": True,
                    "ref": f"CCTOUR{letter}",
                    "email": email,
                    "customer_tier": "key",
                    "account_manager_id": user.id,
                }
                for letter, email in (("A", "a@tour.example.cn"), ("B", False), ("C", "c@x.cn"))
            ]
        )
        campaign = (
            self.env["custcare.survey.campaign"]
            .with_user(user)
            .create(
                {
                    "title": "2026 年度顾客满意度调查",
                    "survey_id": self.survey.id,
                    "target_domain": "[('ref', '=like', 'CCTOUR%')]",
                }
            )
        )
        with patch.object(ChromeBrowser, "_handle_console", _console_screenshots):
            self.start_tour(
                f"/odoo/action-custcare_survey.custcare_survey_campaign_action/{campaign.id}",
                "custcare_survey_campaign_tour",
                login="cc_tour_cs",
            )
        self.assertEqual(campaign.state, "running")
        self.assertEqual(campaign.answer_ids.custcare_customer_id, customers)
        form = campaign.answer_ids.filtered(lambda a: a.custcare_customer_id == customers[1])
        self.assertEqual(form.state, "done")
        self.assertEqual(form.custcare_entry_method, "interview")
        self.assertEqual(form.custcare_entered_by_id, user)
        scores = form.user_input_line_ids.filtered(lambda line: line.answer_type == "suggestion")
        self.assertEqual(sorted(scores.mapped("answer_score")), [3, 4, 4, 4, 4, 4, 4, 5])
        self.assertEqual(form.custcare_score, 4.0)
        self.assertEqual(campaign.answered_count, 1)
        comment = form.user_input_line_ids.filtered(lambda line: line.answer_type == "char_box")
        self.assertEqual(comment.value_char_box, "包装可以更结实")
        # the analysis opened from the campaign: the scored answers only
        lines = self.env["survey.user_input.line"].search(campaign.action_open_analysis()["domain"])
        self.assertEqual(lines, scores)

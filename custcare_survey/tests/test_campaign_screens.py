# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import Form, TransactionCase, new_test_user, tagged

from .common import SurveyMixin

SENT = "2026-03-02 08:00:00"
ALL_FOUR = {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4}


@tagged("post_install", "-at_install")
class TestCampaignScreens(SurveyMixin, TransactionCase):
    """What the campaign screens show: the recipients the send uses, the
    recipients without e-mail, the progress, the interview grid and the
    averaged analysis."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()
        cls.customers = cls._customers(12, prefix="SCRN")
        cls.tag_vip = cls.env["res.partner.category"].create({"name": "重点回访"})
        cls.customers[:5].category_id = cls.tag_vip
        cls.other_manager = new_test_user(
            cls.env, "cc_scrn_manager", groups="custcare_base.group_custcare_user"
        )
        cls.customers[8:].account_manager_id = cls.other_manager
        cls.customers[3:6].email = False
        # a contact person of a customer (the customer is the recipient) and
        # one of our own companies: never a recipient
        cls.env["res.partner"].create(
            {"name": "采购 王工", "parent_id": cls.customers[0].id, "ref": "SCRN-P"}
        )
        cls.env.company.partner_id.ref = "SCRN-OWN"

    def _sent(self, **vals):
        campaign = self._campaign(prefix="SCRN", **vals)
        with freeze_time(SENT):
            campaign.action_send()
        return campaign

    def _listed(self, action):
        return self.env[action["res_model"]].search(action["domain"])

    def test_recipients_shown_are_the_ones_sent_to(self):
        for vals, expected in (
            ({}, self.customers),
            ({"target_tier": "core"}, self.customers.filtered(lambda p: p.customer_tier == "core")),
            ({"target_category_ids": [(6, 0, self.tag_vip.ids)]}, self.customers[:5]),
            ({"target_manager_id": self.other_manager.id}, self.customers[8:]),
            (
                {
                    "target_category_ids": [(6, 0, self.tag_vip.ids)],
                    "target_manager_id": self.other_manager.id,
                },
                self.customers.browse(),
            ),
        ):
            campaign = self._campaign(prefix="SCRN", target_domain="[('ref', '=like', 'SCRN%')]")
            campaign.write(vals)
            self.assertEqual(campaign.recipient_count, len(expected), vals)
            self.assertEqual(self._listed(campaign.action_open_recipients()), expected, vals)
            if not expected:
                with self.assertRaisesRegex(UserError, "No customer matches"):
                    campaign.action_send()
                continue
            with freeze_time(SENT):
                campaign.action_send()
            self.assertEqual(len(campaign.answer_ids), campaign.recipient_count, vals)
            self.assertEqual(campaign.answer_ids.custcare_customer_id, expected, vals)
            self.assertEqual(self._listed(campaign.action_open_recipients()), expected, vals)

    def test_recipients_counted_while_the_target_is_chosen(self):
        """On a new campaign's screen the count follows each choice, before saving."""
        form = Form(self.env["custcare.survey.campaign"].with_user(self.user_staff))
        form.title = "重点客户回访调查"
        form.survey_id = self.survey
        form.target_domain = "[('ref', '=like', 'SCRN%')]"
        self.assertEqual(form.recipient_count, 12)
        self.assertEqual(form.recipient_no_email_count, 3)
        form.target_category_ids.add(self.tag_vip)
        self.assertEqual(form.recipient_count, 5)
        self.assertEqual(form.recipient_no_email_count, 2)
        campaign = form.save()
        with freeze_time(SENT):
            campaign.action_send()
        self.assertEqual(campaign.answer_ids.custcare_customer_id, self.customers[:5])

    def test_policy_drafts_the_campaign_with_its_target(self):
        policy = self.env["custcare.survey.policy"].create(
            {
                "name": "重点客户满意度调查",
                "survey_id": self.survey.id,
                "review_date": "2026-12-15",
                "target_domain": "[('ref', '=like', 'SCRN%')]",
                "target_category_ids": [(6, 0, self.tag_vip.ids)],
                "target_manager_id": self.user_staff.id,
            }
        )
        with freeze_time("2026-10-01"):
            self.env["custcare.survey.policy"]._cron_draft_campaigns()
        campaign = self.env["custcare.survey.campaign"].search([("policy_id", "=", policy.id)])
        self.assertEqual(campaign.target_category_ids, self.tag_vip)
        self.assertEqual(campaign.target_manager_id, self.user_staff)
        self.assertEqual(campaign.recipient_count, 5)

    def test_customers_contacted_in_the_period(self):
        Communication = self.env["custcare.communication"].with_user(self.user_staff)
        for customer, date in (
            (self.customers[0], "2026-01-10 09:00:00"),
            (self.customers[1], "2025-06-10 09:00:00"),  # before the period
        ):
            Communication.create(
                {
                    "partner_id": customer.id,
                    "date": date,
                    "subject": "交货期确认",
                    "content": "客户询问三月份的交货期。",
                }
            )
        campaign = self._campaign(prefix="SCRN")
        self.assertIn("communication", dict(campaign._selection_target_activity()))
        campaign.target_activity = "communication"
        self.assertEqual(campaign.recipient_count, 2)
        campaign.target_since = "2026-01-01"
        self.assertEqual(self._listed(campaign.action_open_recipients()), self.customers[0])
        with freeze_time(SENT):
            campaign.action_send()
        self.assertEqual(campaign.answer_ids.custcare_customer_id, self.customers[0])

    def test_recipients_without_email_warned_and_entered_by_staff(self):
        campaign = self._campaign(prefix="SCRN")
        no_email = self.customers[3:6]
        self.assertEqual(campaign.recipient_no_email_count, 3)
        self.assertEqual(self._listed(campaign.action_open_recipients_no_email()), no_email)
        mails_before = self.env["mail.mail"].search_count([("model", "=", "survey.user_input")])
        with freeze_time(SENT):
            campaign.action_send()
        # their forms are made, not mailed
        self.assertEqual(len(campaign.answer_ids), 12)
        self.assertEqual(
            self.env["mail.mail"].search_count([("model", "=", "survey.user_input")]),
            mails_before + 9,
        )
        self.assertEqual(campaign.recipient_no_email_count, 3)
        self.assertTrue(any("3 without an e-mail address" in m.body for m in campaign.message_ids))

    def test_progress_counters(self):
        campaign = self._sent()
        forms = campaign.answer_ids.sorted("id")
        for form in forms[:3]:
            self._answer(form, ALL_FOUR)
        self.assertEqual((campaign.answered_count, campaign.invited_count), (3, 12))
        self.assertEqual(campaign.pending_count, 9)
        self.assertEqual(campaign.response_rate, 25.0)

    def _grid(self, campaign, customer, scores, remarks="", user=None):
        """The interview grid as the screen fills it: pick the customer, one
        click per question (its dimension's score), the overall remarks."""
        Wizard = self.env["custcare.survey.manual.entry"].with_user(user or self.user_staff)
        action = campaign.with_user(user or self.user_staff).action_enter_interview()
        form = Form(Wizard.with_context(**action["context"]))
        form.customer_id = customer
        for i in range(len(form.line_ids)):
            with form.line_ids.edit(i) as line:
                dimension = line.question_id.custcare_dimension_id
                key = next(k for k, d in self.dimension.items() if d == dimension)
                if scores.get(key):
                    line.score = str(scores[key])
                if i == 0:
                    line.remark = "交货前请提前电话联系"
        form.remarks = remarks
        return form.save()

    def test_interview_grid_saves_what_the_online_form_saves(self):
        campaign = self._sent()
        forms = campaign.answer_ids.sorted("id")
        online, interviewed = forms[0], forms[1]
        scores = {"product": 5, "service": 4, "price": 3, "reputation": 4, "delivery": 2}
        with freeze_time("2026-03-20 10:00:00"):
            self._answer(online, scores)
            wizard = self._grid(campaign, interviewed.custcare_customer_id, scores, "希望缩短交期")
            self.assertEqual(wizard.answer_id, interviewed)
            self.assertEqual(len(wizard.line_ids), 8, "every scored question on one screen")
            wizard.action_save()

        def scored(form):
            lines = form.user_input_line_ids.filtered(lambda line: line.answer_type == "suggestion")
            return sorted((line.question_id.id, line.suggested_answer_id.id) for line in lines)

        self.assertEqual(scored(interviewed), scored(online))
        self.assertEqual(interviewed.custcare_score, online.custcare_score)
        self.assertEqual(interviewed.state, "done")
        self.assertTrue(interviewed.custcare_valid)
        self.assertEqual(interviewed.custcare_entry_method, "interview")
        self.assertEqual(interviewed.custcare_entered_by_id, self.user_staff)
        # the remark of a question is its comment; the overall remarks answer the open question
        comments = interviewed.user_input_line_ids.filtered(
            lambda line: line.answer_type == "char_box"
        )
        self.assertEqual(comments.mapped("value_char_box"), ["交货前请提前电话联系"])
        self.assertEqual(
            interviewed.user_input_line_ids.filtered(
                lambda line: line.answer_type == "text_box"
            ).value_text_box,
            "希望缩短交期",
        )
        # the analysis screen opened from the campaign lists the scored answers only
        action = campaign.with_user(self.user_staff).action_open_analysis()
        listed = self.env["survey.user_input.line"].search(action["domain"])
        self.assertEqual(set(listed.mapped("answer_type")), {"suggestion"})
        self.assertEqual(len(listed), 16)
        # the analysis counts both alike
        with freeze_time("2026-05-03"):
            campaign.action_analyse()
        averages = {r.dimension_id: r.average for r in campaign.result_ids}
        self.assertEqual(averages[self.dimension["delivery"]], 2.0)
        self.assertEqual(set(campaign.result_ids.mapped("form_count")), {2})
        # the answered customer is no longer offered
        wizard = Form(
            self.env["custcare.survey.manual.entry"]
            .with_user(self.user_staff)
            .with_context(default_campaign_id=campaign.id)
        )
        self.assertNotIn(interviewed.custcare_customer_id, wizard.open_customer_ids)

    def test_interview_grid_refuses_bad_input(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_survey"], ["zh_CN"])
        campaign = self._sent()
        form = campaign.answer_ids.sorted("id")[0]
        lines_before = self.env["survey.user_input.line"].search_count([])
        with freeze_time("2026-03-20 10:00:00"):
            # a dimension left without a score
            wizard = self._grid(campaign, form.custcare_customer_id, dict(ALL_FOUR, price=None))
            with self.assertRaises(UserError) as ctx:
                wizard.with_context(lang="zh_CN").action_save()
            self.assertEqual(
                str(ctx.exception),
                "请回答每一个问题（缺少：我公司价格与质量相符）。",
            )
            # a score out of range
            with self.assertRaises(UserError) as ctx:
                wizard.line_ids[0].with_context(lang="zh_CN").score = "7"
            self.assertEqual(str(ctx.exception), "评分为 1 至 5 的整数（输入为：7）。")
            with self.assertRaises(UserError):
                wizard.line_ids[0].score = 6
        self.assertEqual(self.env["survey.user_input.line"].search_count([]), lines_before)
        self.assertEqual(form.state, "new")
        self.assertEqual(campaign.answered_count, 0)

    def _analysed(self, sent, scores, title):
        campaign = self._campaign(prefix="SCRN", title=title)
        with freeze_time(sent):
            campaign.action_send()
        for form in campaign.answer_ids:
            self._answer(form, scores)
        with freeze_time(campaign.deadline):
            campaign.action_analyse()
        return campaign

    def test_analysis_averages_never_sums(self):
        """Two analysed campaigns: the pivot's averages stay on the 5-point
        scale; a first campaign has no previous score nor trend."""
        first = self._analysed("2025-09-01 08:00:00", ALL_FOUR, "第一次调查")
        second = self._analysed(SENT, dict(ALL_FOUR, price=5), "第二次调查")
        self.assertEqual(second.previous_id, first)
        Line = self.env["survey.user_input.line"].with_user(self.user_staff)
        domain = [
            ("custcare_campaign_id", "in", (first | second).ids),
            ("custcare_valid", "=", True),
            ("custcare_dimension_id", "!=", False),
            ("answer_type", "=", "suggestion"),
        ]
        # the views' measure is the field's own aggregator: the average
        self.assertEqual(Line._fields["answer_score"].aggregator, "avg")
        rows = Line.formatted_read_group(domain, ["custcare_dimension_id"], ["answer_score:avg"])
        by_dimension = {row["custcare_dimension_id"][0]: row["answer_score:avg"] for row in rows}
        self.assertEqual(by_dimension[self.dimension["price"].id], 4.5)
        self.assertEqual(by_dimension[self.dimension["service"].id], 4.0)
        Result = self.env["custcare.survey.result"].with_user(self.user_staff)
        self.assertEqual(Result._fields["average"].aggregator, "avg")
        rows = Result.formatted_read_group(
            [("campaign_id", "in", (first | second).ids)], ["dimension_id"], ["average:avg"]
        )
        price = next(r for r in rows if r["dimension_id"][0] == self.dimension["price"].id)
        self.assertEqual(price["average:avg"], 4.5, "two campaigns: 4.5, never 9")
        # a first campaign has no previous score nor trend (shown empty); they
        # are never aggregated across campaigns
        self.assertFalse(any(first.result_ids.mapped("has_previous")))
        self.assertTrue(all(second.result_ids.mapped("has_previous")))
        for name in ("previous_average", "trend"):
            self.assertFalse(Result._fields[name].aggregator)
        price_result = second.result_ids.filtered(
            lambda r: r.dimension_id == self.dimension["price"]
        )
        self.assertEqual((price_result.previous_average, price_result.trend), (4.0, 1.0))
        # the views show the averages side by side (never stacked)
        for xmlid in (
            "custcare_survey.custcare_survey_result_view_graph",
            "custcare_survey.survey_user_input_line_view_graph",
        ):
            self.assertIn('stacked="0"', self.env.ref(xmlid).arch)

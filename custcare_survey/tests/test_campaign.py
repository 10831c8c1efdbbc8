# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date, timedelta
from unittest.mock import patch

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .common import SurveyMixin

SENT = "2026-03-02 08:00:00"


@tagged("post_install", "-at_install")
class TestCampaign(SurveyMixin, TransactionCase):
    """A campaign to 50 customers: sending, chasing, voiding, manual answers,
    scores, corrective actions, approval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()
        cls.customers = cls._customers(50)

    def _sent_campaign(self, **vals):
        campaign = self._campaign(**vals)
        with freeze_time(SENT):
            campaign.action_send()
        return campaign

    def _reminders(self):
        template = self.env.ref("custcare_survey.mail_template_reminder")
        return self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("subject", "like", "Reminder")]
        ), template

    def test_send_one_form_per_customer(self):
        mails_before = self.env["mail.mail"].search_count([("model", "=", "survey.user_input")])
        campaign = self._sent_campaign()
        forms = campaign.answer_ids
        self.assertEqual(len(forms), 50)
        self.assertEqual(forms.partner_id, self.customers)
        self.assertEqual(len(set(forms.mapped("access_token"))), 50, "one personal link each")
        self.assertEqual(
            set(forms.mapped("deadline")), {fields.Datetime.to_datetime("2026-05-02 08:00:00")}
        )
        self.assertEqual(campaign.state, "running")
        self.assertRegex(campaign.name, r"^MY\d{4}-\d{3}$", "numbered from its sequence")
        self.assertEqual(
            self.env["mail.mail"].search_count([("model", "=", "survey.user_input")]),
            mails_before + 50,
        )
        mail = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "=", forms[0].id)]
        )
        self.assertIn(forms[0].access_token, mail.body_html)
        self.assertEqual(mail.recipient_ids, forms[0].partner_id)
        # a tier narrows the target
        by_tier = self._campaign(target_tier="core")
        with freeze_time(SENT):
            by_tier.action_send()
        self.assertEqual(
            by_tier.answer_ids.partner_id,
            self.customers.filtered(lambda p: p.customer_tier == "core"),
        )
        self.assertEqual(set(by_tier.answer_ids.mapped("custcare_tier")), {"core"})

    def test_invitation_body_compiled_once_and_personal(self):
        """The mail body's QWeb code is generated once for the 50 customers
        (Odoo's renderer would compile it again for each), and each mail still
        carries its own customer's name and personal link."""
        IrQweb = type(self.env["ir.qweb"])
        generate = IrQweb._generate_code
        compiled = []

        def counting(qweb, template):
            if isinstance(template, etree._Element):
                compiled.append(template)
            return generate(qweb, template)

        with patch.object(IrQweb, "_generate_code", counting):
            campaign = self._sent_campaign()
        forms = campaign.answer_ids
        mails = self.env["mail.mail"].search(
            [("model", "=", "survey.user_input"), ("res_id", "in", forms.ids)]
        )
        self.assertEqual(len(mails), 50)
        for mail in mails:
            form = forms.browse(mail.res_id)
            self.assertIn(form.access_token, mail.body_html)
            self.assertIn(form.partner_id.name, mail.body_html)
            self.assertIn("2026", mail.body_html, "the deadline sentence (t-if) rendered")
            self.assertIn("<table", mail.body_html, "in the mail layout")
            # the queued mail's message (in the form's chatter) reads its subject
            self.assertEqual(str(mail.mail_message_id.body), f"<p>{mail.subject}</p>")
        # one check of the template's expressions by Odoo, one compilation
        self.assertLessEqual(len(compiled), 2, "the body compiled once, not per customer")

    def test_overview_satisfaction_is_the_latest_score_averaged(self):
        """The customer overview carries each customer's score in its latest
        satisfaction campaign; its pivot averages the customers who answered
        and leaves out those who never did (not counted as 0)."""
        found = self.env["custcare.archive"]
        for i in range(3):
            _partner, archive = self._customer(
                f"测试满意度客户 {i} 有限公司",
                ref=f"MYSAT{i:03d}",
                email=f"buyer{i}@mysat.example.cn",
                customer_tier="general",
            )
            found |= archive
        first = self._sent_campaign(prefix="MYSAT").answer_ids.sorted("id")
        self._answer(
            first[0], dict.fromkeys(("product", "service", "price", "reputation", "delivery"), 5)
        )
        self._answer(
            first[1], dict.fromkeys(("product", "service", "price", "reputation", "delivery"), 3)
        )
        self.assertEqual(found.mapped("satisfaction_score"), [5.0, 3.0, 0.0])
        groups = (
            self.env["custcare.archive"]
            .with_user(self.user_keeper)
            .formatted_read_group(
                [("id", "in", found.ids)], ["customer_tier"], ["satisfaction_score:avg"]
            )
        )
        self.assertEqual(groups[0]["satisfaction_score:avg"], 4.0, "(5 + 3) / 2, not / 3")
        # a later campaign: its score replaces the earlier one
        with freeze_time("2026-09-01 08:00:00"):
            later = self._campaign(prefix="MYSAT")
            later.action_send()
        self._answer(
            later.answer_ids.filtered(lambda a: a.partner_id == first[0].partner_id),
            dict.fromkeys(("product", "service", "price", "reputation", "delivery"), 4),
        )
        self.assertEqual(found.mapped("satisfaction_score"), [4.0, 3.0, 0.0])
        # a score is what the customer answered: nobody sets it by hand
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            found[2].with_user(self.user_keeper).write({"satisfaction_score": 5.0})
        self.assertEqual(found.mapped("satisfaction_score"), [4.0, 3.0, 0.0])

    def test_reminder_only_to_non_respondents_and_once(self):
        campaign = self._sent_campaign()
        forms = campaign.answer_ids.sorted("id")
        answered, silent = forms[:20], forms[20:]
        for form in answered:
            self._answer(
                form, {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4}
            )
        Campaign = self.env["custcare.survey.campaign"]
        sent = fields.Datetime.to_datetime(SENT)
        with freeze_time(sent + timedelta(days=15) - timedelta(minutes=1)):
            self.assertEqual(Campaign._cron_chase_and_void(), (0, 0))
        self.assertFalse(forms.filtered("custcare_reminded_on"))
        with freeze_time(sent + timedelta(days=15)):
            self.assertEqual(Campaign._cron_chase_and_void(), (30, 0))
        self.assertEqual(forms.filtered("custcare_reminded_on"), silent)
        reminders, _template = self._reminders()
        self.assertEqual(len(reminders), 30)
        self.assertEqual(set(reminders.mapped("res_id")), set(silent.ids))
        with freeze_time(sent + timedelta(days=16)):
            self.assertEqual(Campaign._cron_chase_and_void(), (0, 0))
        self.assertEqual(len(self._reminders()[0]), 30, "never twice")
        self.assertEqual(campaign.reminded_count, 30)

    def test_late_forms_voided_in_batches_never_chased(self):
        """Forms past their deadline are voided, a committed batch at a time;
        when the time is up half-way the job stops there, and a form past its
        deadline is never chased, in that run or the next."""
        campaign = self._sent_campaign()
        forms = campaign.answer_ids
        self.env["ir.config_parameter"].set_param("custcare.cron_batch_size", "20")
        IrCron = type(self.env["ir.cron"])
        Campaign = self.env["custcare.survey.campaign"]
        deadline = fields.Datetime.to_datetime(SENT) + relativedelta(months=2)
        with freeze_time(deadline + timedelta(minutes=1)):
            with patch.object(IrCron, "_commit_progress", lambda *a, **k: 0):  # time is up
                self.assertEqual(Campaign._cron_chase_and_void(), (0, 20))
            with patch.object(IrCron, "_commit_progress", lambda *a, **k: float("inf")):
                self.assertEqual(Campaign._cron_chase_and_void(), (0, 30))
            self.assertEqual(Campaign._cron_chase_and_void(), (0, 0))
        self.assertTrue(all(forms.mapped("custcare_void")))
        self.assertFalse(forms.filtered("custcare_reminded_on"))
        self.assertFalse(self._reminders()[0])

    def test_large_campaign_sent_in_batches_by_the_job(self):
        """Past the batch size the job sends the campaign, a committed batch at
        a time; a run that stops half-way is finished by the next one and no
        customer gets two forms."""
        self.env["ir.config_parameter"].set_param("custcare.cron_batch_size", "20")
        IrCron = type(self.env["ir.cron"])
        campaign = self._campaign()
        with freeze_time(SENT):
            campaign.action_send()
        self.assertEqual((campaign.state, campaign.invited_count), ("sending", 0))
        Campaign = self.env["custcare.survey.campaign"]
        with patch.object(IrCron, "_commit_progress", lambda *a, **k: 0):  # time is up
            Campaign._cron_send_campaigns()
        self.assertEqual((campaign.state, campaign.invited_count), ("sending", 20))
        with patch.object(IrCron, "_commit_progress", lambda *a, **k: float("inf")):
            Campaign._cron_send_campaigns()
        self.assertEqual((campaign.state, campaign.invited_count), ("running", 50))
        self.assertEqual(campaign.answer_ids.partner_id, self.customers, "one form each")
        self.assertEqual(len(campaign.answer_ids), 50)
        self.assertEqual(set(campaign.answer_ids.mapped("deadline")), {campaign.deadline})
        Campaign._cron_send_campaigns()
        self.assertEqual(len(campaign.answer_ids), 50, "nothing sent twice")

    def test_void_at_two_months_not_a_day_earlier(self):
        campaign = self._sent_campaign()
        forms = campaign.answer_ids.sorted("id")
        self._answer(
            forms[0], {"product": 5, "service": 5, "price": 5, "reputation": 5, "delivery": 5}
        )
        # one customer started but never finished: 1 point everywhere
        self._answer(
            forms[1],
            {"product": 1, "service": 1, "price": 1, "reputation": 1, "delivery": 1},
            done=False,
        )
        Campaign = self.env["custcare.survey.campaign"]
        deadline = fields.Datetime.to_datetime(SENT) + relativedelta(months=2)
        with freeze_time(deadline - timedelta(days=1)):
            Campaign._cron_chase_and_void()
            self.assertFalse(forms.filtered("custcare_void"))
            with self.assertRaises(UserError):
                campaign.action_analyse()  # still collecting
        with freeze_time(deadline + timedelta(minutes=1)):
            _chased, voided = Campaign._cron_chase_and_void()
        self.assertEqual(voided, 49)
        self.assertEqual(forms.filtered("custcare_void"), forms[1:])
        self.assertEqual((campaign.answered_count, campaign.void_count), (1, 49))
        self.assertEqual(campaign.response_rate, 2.0)
        with freeze_time(deadline + timedelta(days=1)):
            campaign.action_analyse()
        # the unfinished form's 1 points are out of the statistics
        self.assertEqual(set(campaign.result_ids.mapped("average")), {5.0})
        self.assertEqual(set(campaign.result_ids.mapped("form_count")), {1})
        # a void form can no longer be entered by staff
        wizard = self._manual_entry(forms[2], "fax", 4)
        with self.assertRaises(UserError):
            wizard.action_save()
        self.assertEqual(forms[2].state, "new")

    def _manual_entry(self, form, method, points, user=None):
        Wizard = self.env["custcare.survey.manual.entry"].with_user(user or self.user_staff)
        wizard = Wizard.with_context(default_answer_id=form.id).create({"method": method})
        for line in wizard.line_ids:
            line.suggested_answer_id = line.question_id.suggested_answer_ids.filtered(
                lambda a: a.answer_score == points
            )
        return wizard

    def test_manual_answers_count(self):
        campaign = self._sent_campaign()
        forms = campaign.answer_ids.sorted("id")
        with freeze_time("2026-03-20 10:00:00"):
            wizard = self._manual_entry(forms[0], "phone", 3)
            self.assertEqual(len(wizard.line_ids), 8, "every scored question")
            # incomplete: refused, nothing saved
            wizard.line_ids[0].suggested_answer_id = False
            with self.assertRaises(UserError):
                wizard.action_save()
            self.assertFalse(forms[0].user_input_line_ids)
            # an answer of another question: refused
            wizard.line_ids[0].suggested_answer_id = wizard.line_ids[
                1
            ].question_id.suggested_answer_ids[0]
            with self.assertRaises(UserError):
                wizard.action_save()
            self.assertFalse(forms[0].user_input_line_ids)
            self._manual_entry(forms[0], "phone", 3).action_save()
            # already answered: refused
            with self.assertRaises(UserError):
                self._manual_entry(forms[0], "paper", 5).action_save()
        form = forms[0]
        self.assertEqual(form.state, "done")
        self.assertEqual(form.custcare_entry_method, "phone")
        self.assertEqual(form.custcare_entered_by_id, self.user_staff)
        self.assertEqual(form.custcare_score, 3.0)
        self.assertTrue(form.custcare_valid)
        with freeze_time("2026-05-03"):
            campaign.action_analyse()
        self.assertEqual(set(campaign.result_ids.mapped("average")), {3.0})
        self.assertEqual(campaign.answered_count, 1)

    def test_scores_capas_and_trend(self):
        """Dimension scores equal hand-computed values; CAPAs exactly for the
        dimensions below target; trend against the previous campaign."""
        previous = self._sent_campaign()
        for form in previous.answer_ids:
            self._answer(
                form, {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4}
            )
        with freeze_time("2026-05-03"):
            previous.action_analyse()
        self.assertFalse(previous.capa_count)

        campaign = self._campaign()
        with freeze_time("2026-09-01 08:00:00"):
            campaign.action_send()
        forms = campaign.answer_ids.sorted("id")
        # customers 0, 1, 2 are core, key, general
        self._answer(
            forms[0], {"product": 5, "service": 4, "price": 2, "reputation": 4, "delivery": 5}
        )
        self._answer(
            forms[1], {"product": 3, "service": 4, "price": 3, "reputation": 5, "delivery": 4}
        )
        self._answer(
            forms[2], {"product": 4, "service": 2, "price": 4, "reputation": 5, "delivery": 3}
        )
        with freeze_time("2026-11-02"):
            campaign.action_analyse()
        results = {r.dimension_id: r for r in campaign.result_ids}
        expected = {
            "product": 4.0,
            "service": 3.33,
            "price": 3.0,
            "reputation": 4.67,
            "delivery": 4.0,
        }
        for key, average in expected.items():
            result = results[self.dimension[key]]
            self.assertAlmostEqual(result.average, average, places=2, msg=key)
            self.assertEqual(result.form_count, 3)
            self.assertAlmostEqual(result.previous_average, 4.0)
            self.assertAlmostEqual(result.trend, round(average - 4.0, 2), places=2)
        # 2 product + 2 service + 1 price + 2 reputation + 1 delivery questions, 3 forms
        self.assertAlmostEqual(campaign.overall_score, 3.88)  # 93 points / 24 answers
        self.assertEqual(campaign.previous_id, previous)
        below = campaign.result_ids.filtered("below_target").dimension_id
        self.assertEqual(below, self.dimension["service"] | self.dimension["price"])
        capas = self.env["custcare.capa"].search(campaign._capa_domain())
        self.assertEqual(len(capas), 2)
        self.assertEqual(capas, campaign.result_ids.capa_id)
        self.assertIn("3.33", str(results[self.dimension["service"]].capa_id.nonconformity))
        # analysing again proposes nothing twice
        with freeze_time("2026-11-03"):
            campaign.action_analyse()
        self.assertEqual(self.env["custcare.capa"].search_count(campaign._capa_domain()), 2)
        # per tier and distribution, as printed
        tiers = dict(campaign._report_tiers())
        self.assertEqual(len(tiers), 3)
        dist = campaign._distribution()
        self.assertEqual(dist[(self.dimension["service"], 4.0)], 4)
        self.assertEqual(dist[(self.dimension["service"], 2.0)], 2)
        customers = campaign._report_customers()
        self.assertEqual(customers[0][0], forms[2].partner_id, "lowest first")
        # the partner side: last score and history
        partner = forms[0].partner_id.with_user(self.user_staff)
        self.assertEqual(partner.custcare_survey_count, 2)
        self.assertAlmostEqual(partner.custcare_survey_score, 4.13, places=2)  # 33 / 8

    def test_approval(self):
        campaign = self._sent_campaign(distribution_user_ids=[(4, self.user_qc.id)])
        self._answer(
            campaign.answer_ids[0],
            {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4},
        )
        with self.assertRaises(UserError):
            campaign.action_submit()  # not analysed yet
        with freeze_time("2026-05-03"):
            campaign.action_analyse()
        campaign.conclusion = "<p>整体满意度稳定。</p>"
        campaign.action_submit()
        for user in (self.user_staff, self.user_manager, self.user_qc):
            with self.assertRaises(AccessError):
                campaign.with_user(user).action_approve()
        self.assertEqual(campaign.approval_state, "submitted")
        with self.assertRaises(UserError):
            campaign.action_analyse()  # frozen while submitted
        campaign.with_user(self.user_gm).action_approve()
        self.assertEqual(campaign.approval_state, "approved")
        message = campaign.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertIn(self.user_qc.partner_id, message.partner_ids)
        self.assertEqual(message.attachment_ids.name, f"{campaign.name}.pdf")
        # changing the conclusion needs a new approval
        campaign.conclusion = "<p>价格满意度下降。</p>"
        self.assertEqual(campaign.approval_state, "to_reapprove")

    def test_bad_input(self):
        with self.assertRaises(ValidationError):
            self._campaign(target_domain="[('no_such_field', '=', 1)]")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._campaign(reminder_days=0)
        nobody = self._campaign(prefix="NOBODY")
        with self.assertRaises(UserError):
            nobody.action_send()
        self.assertEqual(nobody.state, "draft")
        self.assertFalse(nobody.answer_ids)
        plain = self.env["survey.survey"].create(
            {
                "title": "没有维度的问卷",
                "question_and_page_ids": [(0, 0, {"title": "意见", "question_type": "text_box"})],
            }
        )
        no_dimension = self._campaign(survey_id=plain.id)
        with self.assertRaises(UserError):
            no_dimension.action_send()
        self.assertFalse(no_dimension.answer_ids)
        campaign = self._sent_campaign()
        with self.assertRaises(UserError):
            campaign.action_send()  # not twice
        self.assertEqual(len(campaign.answer_ids), 50)
        with self.assertRaises(UserError), freeze_time("2026-05-03"):
            campaign.action_analyse()  # nothing returned
        self.assertFalse(campaign.result_ids)

    def test_more_refusals(self):
        archived = self._campaign()
        self.survey.active = False
        with self.assertRaises(UserError):
            archived.action_send()
        self.survey.active = True
        self.assertFalse(archived.answer_ids)
        campaign = self._sent_campaign()
        with self.assertRaises(UserError):
            campaign.action_draft()  # sent, not cancelled
        self._answer(campaign.answer_ids[0], dict.fromkeys(self.dimension, 4))
        with freeze_time("2026-05-03"):
            campaign.action_analyse()
        campaign.action_submit()
        campaign.with_user(self.user_gm).action_approve()
        with self.assertRaises(UserError):
            campaign.action_cancel()  # approved
        self.assertEqual(campaign.state, "analysed")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.dimension["price"].target = 6
            self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(self.dimension["price"].target, 3.5)
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                campaign.result_ids[:1].with_user(user).read(["average"])
            with self.assertRaises(AccessError):
                self.env["custcare.survey.manual.entry"].with_user(user).create(
                    {"answer_id": campaign.answer_ids[1].id, "method": "phone"}
                )

    def test_access(self):
        campaign = self._sent_campaign()
        form = campaign.answer_ids[0]
        self._answer(form, {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4})
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                campaign.with_user(user).read(["title"])
            with self.assertRaises(AccessError):
                form.with_user(user).read(["custcare_score"])
            with self.assertRaises(AccessError):
                form.user_input_line_ids[:1].with_user(user).read(["answer_score"])
        with self.assertRaises(AccessError):
            campaign.with_user(self.user_staff).unlink()
        with self.assertRaises(AccessError):
            self.dimension["price"].with_user(self.user_staff).write({"target": 1.0})
        self.assertEqual(self.dimension["price"].target, 3.5)
        # staff see the campaign's forms and scores
        self.assertEqual(form.with_user(self.user_staff).custcare_score, 4.0)

    def test_retention_erases_answers(self):
        campaign = self._sent_campaign()
        form = campaign.answer_ids[0]
        self._answer(form, {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4})
        policy = self.env.ref("custcare_survey.retention_policy_survey_form")
        with freeze_time(date.today() + relativedelta(years=2, days=1)):
            self.assertIn(form, policy._records_due())
        erased = form._custcare_destroy()[form.id]
        self.assertEqual(len(erased["answers"]), 8)
        self.assertTrue(form.destroyed)
        self.assertFalse(form.user_input_line_ids)
        self.assertFalse(form.email)


@tagged("post_install", "-at_install")
class TestPolicy(SurveyMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()

    def test_next_campaign_drafted_once(self):
        policy = self.env["custcare.survey.policy"].create(
            {
                "name": "半年度满意度调查",
                "survey_id": self.survey.id,
                "review_date": "2026-12-15",
                "frequency": "2",
            }
        )
        Policy = self.env["custcare.survey.policy"]
        Campaign = self.env["custcare.survey.campaign"]
        with freeze_time("2026-10-01"):
            Policy._cron_draft_campaigns()
            Policy._cron_draft_campaigns()
        drafts = Campaign.search([("policy_id", "=", policy.id)])
        self.assertEqual(len(drafts), 1, "once per review")
        self.assertEqual(drafts.planned_date, date(2026, 10, 15), "two months before")
        self.assertEqual(drafts.state, "draft")
        # after the review, the next one (six months on) gets its campaign
        with freeze_time("2026-12-20"):
            Policy._cron_draft_campaigns()
        self.assertEqual(policy.review_date, date(2027, 6, 15))
        drafts = Campaign.search([("policy_id", "=", policy.id)], order="planned_date")
        self.assertEqual(drafts.mapped("planned_date"), [date(2026, 10, 15), date(2027, 4, 15)])

    def test_policy_refuses_bad_periods(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["custcare.survey.policy"].create(
                {
                    "name": "x",
                    "survey_id": self.survey.id,
                    "review_date": "2026-12-15",
                    "validity_months": 0,
                }
            )
        with self.assertRaises(AccessError):
            self.env["custcare.survey.policy"].with_user(self.user_staff).create(
                {"name": "x", "survey_id": self.survey.id, "review_date": "2026-12-15"}
            )

    def test_policies_handled_in_batches_once(self):
        """The policy job reads only due policies, a committed batch at a time:
        a run whose time is up is finished by the next one, no review gets
        two campaigns, and a batch costs the same queries whatever its size."""
        self.env["ir.config_parameter"].set_param("custcare.cron_batch_size", "2")
        Policy = self.env["custcare.survey.policy"]
        Campaign = self.env["custcare.survey.campaign"]
        policies = Policy.create(
            [
                {"name": f"年度评审 {i}", "survey_id": self.survey.id, "review_date": "2025-06-30"}
                for i in range(5)
            ]
        )
        idle = Policy.create(
            {"name": "已停用", "survey_id": self.survey.id, "review_date": "2025-06-30"}
        )
        idle.active = False
        IrCron = type(self.env["ir.cron"])
        boundaries = []

        def time_is_up(cron, processed=0, remaining=None, deactivate=False):
            boundaries.append((processed, remaining))
            return 0

        with freeze_time("2026-03-01"):
            with patch.object(IrCron, "_commit_progress", time_is_up):
                self.assertEqual(Policy._cron_draft_campaigns(), 2)
            self.assertEqual(boundaries, [(2, 3)], "one batch done, three due left")
            with patch.object(IrCron, "_commit_progress", lambda *a, **k: float("inf")):
                self.assertEqual(Policy._cron_draft_campaigns(), 3)
            self.assertEqual(Policy._cron_draft_campaigns(), 0, "nothing left to do")
        campaigns = Campaign.search([("policy_id", "in", (policies | idle).ids)])
        self.assertEqual(campaigns.policy_id, policies, "one each, none for the archived one")
        self.assertEqual(set(campaigns.mapped("review_date")), {date(2026, 6, 30)})
        self.assertEqual(set(policies.mapped("review_date")), {date(2026, 6, 30)})
        self.assertFalse(any(policies.mapped("to_draft")))
        # a review date changed by hand drafts that review's campaign
        policies[0].review_date = "2026-12-31"
        with freeze_time("2026-03-02"):
            self.assertEqual(Policy._cron_draft_campaigns(), 1)
        self.assertEqual(Campaign.search_count([("policy_id", "=", policies[0].id)]), 2)

    def test_policy_batch_queries_do_not_grow_with_its_size(self):
        Policy = self.env["custcare.survey.policy"]

        def due(count):
            return Policy.create(
                [
                    {"name": f"评审 {i}", "survey_id": self.survey.id, "review_date": "2025-06-30"}
                    for i in range(count)
                ]
            )

        with freeze_time("2026-03-01"):
            # the company's numbering sequence is made by the first campaign
            warm_up = due(1)
            warm_up._move_to_next_review(date(2026, 3, 1))
            warm_up._draft_campaigns()
            for count in (3, 30):
                policies = due(count)
                self.env.flush_all()
                self.env.invalidate_all()
                # fixed budget: read and move the batch, look for existing
                # campaigns, their target tags, the company's language for their titles, create
                # them (one INSERT, their messages), mark done
                with self.assertQueryCount(__system__=14):
                    policies._move_to_next_review(date(2026, 3, 1))
                    policies._draft_campaigns()
                    self.env.flush_all()

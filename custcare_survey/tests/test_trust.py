# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The holes of issue 10 in custcare_survey, each tried as the user who must
be refused, with the calls the external API makes: the exact refusal, and
nothing changed."""

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import TrustMixin

from .common import SurveyMixin

SCORES = {"product": 4, "service": 4, "price": 3, "reputation": 5, "delivery": 4}


@tagged("post_install", "-at_install")
class TestSurveyTrust(TrustMixin, SurveyMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls._setup_survey()
        cls.target = f"[('id', 'in', {[cls.customer.id, cls.other_customer.id]})]"
        Campaign = cls.env["custcare.survey.campaign"].with_user(cls.user_staff)
        cls.Campaign = Campaign
        cls.approved = cls._analysed_campaign(cls.target, SCORES)
        cls.approved.action_submit()
        cls.approved.with_user(cls.user_gm).action_approve()

    def _draft(self):
        return self.Campaign.create(
            {"title": "下半年调查", "survey_id": self.survey.id, "target_domain": self.target}
        )

    def test_unsent_campaign_not_marked_analysed(self):
        campaign = self._draft()
        self._refused(campaign, {"state": "analysed", "overall_score": 4.9}, self.user_staff)
        self.assertEqual((campaign.state, campaign.overall_score), ("draft", 0.0))
        self.assertFalse(campaign.result_ids)

    def test_approved_campaign_stays_approved(self):
        """Not back to draft, no new score, no new results without a new
        analysis and approval; a changed conclusion needs approval again."""
        campaign = self.approved
        score = campaign.overall_score
        for user in (self.user_staff, self.user_manager, self.user_gm):
            for vals in (
                {"state": "draft"},
                {"overall_score": 4.9},
                {"approval_state": "draft"},
                {"analysed_date": fields.Datetime.now()},
            ):
                with self.subTest(user=user.login, vals=vals):
                    self._refused(campaign, vals, user)
        with self.assertRaises(UserError):
            campaign.action_draft()
        with self.assertRaises(UserError):
            campaign.action_cancel()
        with self.assertRaises(UserError):
            campaign.action_analyse()
        self.assertEqual((campaign.state, campaign.overall_score), ("analysed", score))
        campaign.conclusion = "<p>价格满意度低于目标</p>"
        self.assertEqual(campaign.approval_state, "to_reapprove")

    def test_results_and_forms_not_edited_nor_deleted(self):
        result = self.approved.result_ids[:1]
        form = self.approved.answer_ids[:1]
        line = form.user_input_line_ids[:1]
        for user in (self.user_staff, self.user_colleague, self.user_gm):
            with self.subTest(user=user.login):
                self._refused(result, {"average": 5.0}, user)
                self._refused(form, {"custcare_void": True}, user)
                with self.assertRaises(AccessError):
                    result.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    form.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    line.with_user(user).unlink()
                with self.assertRaises(AccessError):
                    line.with_user(user).write({"answer_score": 1.0})
        self.assertTrue(result.exists() and form.exists() and line.exists())

    def test_approved_campaign_not_deleted(self):
        forms = self.approved.answer_ids
        lines = forms.user_input_line_ids
        for user in (self.user_manager, self.user_gm):
            with self.subTest(user=user.login), self.assertRaises(UserError) as ctx:
                self.approved.with_user(user).unlink()
            self.assertIn("cannot be deleted", str(ctx.exception))
        self.assertTrue(self.approved.exists())
        self.assertEqual(len(forms.exists()), 2)
        self.assertEqual(lines.exists(), lines)

    def test_staff_are_not_survey_officers(self):
        title = self.survey.title
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.subTest(user=user.login):
                self.assertFalse(user.has_group("survey.group_survey_user"))
                with self.assertRaises(AccessError):
                    self.survey.with_user(user).write({"title": "改写问卷"})
                with self.assertRaises(AccessError):
                    self.env["survey.user_input"].with_user(user).create(
                        {"survey_id": self.survey.id, "partner_id": self.customer.id}
                    )
        self.env.invalidate_all()
        self.assertEqual(self.survey.title, title)

    def test_colleague_prints_the_approved_report(self):
        """The report shows the corrective actions' numbers, which a colleague
        may not open: the print still works for them."""
        capa = self.approved.result_ids.sudo().capa_id
        self.assertTrue(capa)
        self.assertFalse(capa.with_user(self.user_colleague).has_access("read"))
        self.env.invalidate_all()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.user_colleague)
            ._render_qweb_html(
                "custcare_survey.action_report_custcare_survey_analysis", self.approved.ids
            )[0]
            .decode()
        )
        self.assertIn(capa[0].name, html)

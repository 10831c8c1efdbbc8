# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).


from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import TrustMixin

from .common import SurveyMixin

SCORES = {"product": 4, "service": 4, "price": 3, "reputation": 5, "delivery": 4}


@tagged("post_install", "-at_install")
class TestSurveyMultiCompany(TrustMixin, SurveyMixin, TransactionCase):
    """Campaigns of company B never touch company A's customers, forms,
    results or numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls._setup_survey()
        env = cls.env
        cls.customer_b = env["res.partner"].create(
            {"name": "乙公司的客户", "is_company": True, "company_id": cls.company_b.id}
        )
        cls.target = f"[('id', 'in', {[cls.customer.id, cls.shared.id, cls.customer_b.id]})]"
        cls.campaign_a = cls._analysed_campaign(cls.target, SCORES, "甲公司调查")
        cls.Campaign_b = env["custcare.survey.campaign"].with_user(cls.user_company_b)

    def test_campaign_of_company_b(self):
        before = self._next_numbers("custcare.survey.campaign")
        campaign = self.Campaign_b.create(
            {"title": "乙公司调查", "survey_id": self.survey.id, "target_domain": self.target}
        )
        self.assertEqual(campaign.company_id, self.company_b)
        self._assert_numbered_in_b(campaign, "custcare.survey.campaign", before)
        campaign.action_send()
        # the shared customer and company B's own; never company A's customer
        self.assertEqual(campaign.sudo().answer_ids.partner_id, self.shared | self.customer_b)
        # company A's campaign reached company A's customer and the shared one only
        self.assertEqual(self.campaign_a.answer_ids.partner_id, self.customer | self.shared)

    def test_no_campaign_in_company_a(self):
        before = self.env["custcare.survey.campaign"].search_count([])
        with self.assertRaises(UserError):
            self.Campaign_b.create(
                {"title": "x", "survey_id": self.survey.id, "user_id": self.user_staff.id}
            )
        self.assertEqual(self.env["custcare.survey.campaign"].search_count([]), before)

    def test_company_b_sees_nothing_of_company_a(self):
        forms = self.campaign_a.answer_ids
        self._assert_hidden_from_b(
            [
                self.campaign_a,
                self.campaign_a.result_ids[:1],
                forms[:1],
                forms.user_input_line_ids[:1],
            ]
        )
        Line = self.env["survey.user_input.line"].with_user(self.user_company_b)
        self.assertFalse(Line.search([("custcare_campaign_id", "=", self.campaign_a.id)]))

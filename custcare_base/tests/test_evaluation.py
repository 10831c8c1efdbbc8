# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CustcareCase


@tagged("post_install", "-at_install")
class TestEvaluation(CustcareCase):
    """客户评价: weighted scores propose a tier; a manager's approval applies it."""

    def _evaluate(self, partner, scores, user=None):
        with Form(self.env["custcare.evaluation"].with_user(user or self.user_staff)) as form:
            form.partner_id = partner
            (
                form.score_contribution,
                form.score_discipline,
                form.score_handling,
                form.score_communication,
            ) = scores
        return form.record

    def test_weighted_score_proposes_tier(self):
        partner = self.env["res.partner"].create(
            {"name": "杭州", "is_company": True, "account_manager_id": self.user_staff.id}
        )
        cases = {
            (90, 80, 70, 60): (78.0, "key"),  # (90*40 + 80*20 + 70*20 + 60*20) / 100
            (100, 90, 80, 70): (88.0, "core"),
            (50, 60, 50, 40): (50.0, "general"),
            (20, 40, 30, 10): (24.0, "potential"),
        }
        for scores, (total, tier) in cases.items():
            with self.subTest(scores=scores):
                evaluation = self._evaluate(partner, scores)
                self.assertEqual((evaluation.total_score, evaluation.proposed_tier), (total, tier))

    def test_weights_configurable(self):
        self.company.custcare_weight_contribution = 0
        partner = self.env["res.partner"].create({"name": "宁波", "is_company": True})
        evaluation = self._evaluate(partner, (0, 90, 60, 30))
        self.assertEqual(evaluation.total_score, 60.0)  # (90 + 60 + 30) / 3

    def test_manager_approval_applies_tier(self):
        partner = self.env["res.partner"].create(
            {"name": "无锡", "is_company": True, "customer_tier": "general"}
        )
        evaluation = self._evaluate(partner, (90, 80, 70, 60))
        evaluation.action_submit()
        with self.assertRaises(AccessError):
            evaluation.with_user(self.user_staff).action_approve()
        # a key customer needs an account manager first
        with self.assertRaises(ValidationError):
            evaluation.with_user(self.user_manager).action_approve()
        self.assertEqual(evaluation.approval_state, "submitted")
        partner.account_manager_id = self.user_staff
        evaluation.with_user(self.user_manager).action_approve()
        self.assertEqual(partner.customer_tier, "key")
        history = partner.tier_history_ids[0]
        self.assertEqual((history.old_tier, history.new_tier), ("general", "key"))
        self.assertEqual(history.evaluation_id, evaluation)
        self.assertEqual(history.user_id, self.user_manager)

    def test_scores_out_of_range_refused(self):
        partner = self.env["res.partner"].create({"name": "常州", "is_company": True})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["custcare.evaluation"].create(
                {"partner_id": partner.id, "score_handling": 120}
            )

    def test_staff_sees_own_evaluations_only(self):
        partner = self.env["res.partner"].create({"name": "南通", "is_company": True})
        mine = self._evaluate(partner, (50, 50, 50, 50), user=self.user_staff)
        theirs = self._evaluate(partner, (60, 60, 60, 60), user=self.user_qc)
        seen = self.env["custcare.evaluation"].with_user(self.user_staff).search([])
        self.assertIn(mine, seen)
        self.assertNotIn(theirs, seen)
        self.assertIn(
            theirs, self.env["custcare.evaluation"].with_user(self.user_manager).search([])
        )


@tagged("post_install", "-at_install")
class TestInvestigation(CustcareCase):
    """新用户选择: investigate, then a manager accepts and a draft archive opens."""

    def _investigation(self):
        return (
            self.env["custcare.investigation"]
            .with_user(self.user_staff)
            .create(
                {
                    "name": "合肥新能源科技有限公司",
                    "uscc": "91340100MA2XXXXXX0",
                    "method": "onsite",
                }
            )
        )

    def test_accept_opens_draft_archive(self):
        investigation = self._investigation()
        investigation.uscc = "913702029482199300"
        with self.assertRaises(UserError):
            investigation.action_submit()  # criteria not scored
        investigation.write(
            {
                "management_level": "4",
                "financial_capacity": "3",
                "reputation": "5",
                "performance_ability": "4",
                "cooperation": "4",
                "confidentiality": "4",
            }
        )
        self.assertEqual(investigation.average_score, 4.0)
        investigation.action_submit()
        with self.assertRaises(AccessError):
            investigation.action_accept()
        self.assertEqual(investigation.state, "submitted")
        investigation.with_user(self.user_manager).action_accept()
        partner = investigation.partner_id
        self.assertEqual(partner.uscc, "913702029482199300")
        self.assertEqual(partner.customer_tier, "potential")
        self.assertEqual(partner.custcare_archive_id.approval_state, "draft")

    def test_reject(self):
        investigation = self._investigation()
        investigation.uscc = False
        investigation.write(
            dict.fromkeys(
                (
                    "management_level",
                    "financial_capacity",
                    "reputation",
                    "performance_ability",
                    "cooperation",
                    "confidentiality",
                ),
                "1",
            )
        )
        investigation.action_submit()
        investigation.with_user(self.user_manager).action_decline()
        self.assertEqual(investigation.state, "rejected")
        self.assertEqual(investigation.decided_by_id, self.user_manager)
        self.assertFalse(investigation.partner_id)

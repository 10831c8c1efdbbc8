# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import AccessMatrixTests, TrustMixin

from .common import SurveyMixin

# What each role may do with a record that the "user" role handles (the one
# responsible for the campaign, who enters the answers): R read, W write an
# ordinary field, C create, D delete it while it is a draft; "-" refused.
# The campaign forms and answers are Odoo's survey records, which custcare
# staff read and never change. See custcare_base/tests/test_access_matrix.py.
# fmt: off
MATRIX = {
    # model                                user coll qc   kpr  mgr  gm   prt  oprt coB
    "custcare.survey.campaign":           "RWC- RWC- RWC- RWC- RWCD RWCD ---- ---- ----",
    "custcare.survey.result":             "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "custcare.survey.dimension":          "R--- R--- R--- R--- RWCD RWCD ---- ---- RWCD",
    "custcare.survey.policy":             "R--- R--- R--- R--- RWCD RWCD ---- ---- ----",
    "custcare.survey.manual.entry":       "RWCD --C- --C- --C- --C- --C- ---- ---- ----",
    "custcare.survey.manual.entry.line":  "RWCD ---- ---- ---- ---- ---- ---- ---- ----",
    "custcare.demand.plan":               "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "survey.user_input":                  "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "survey.user_input.line":             "R--- R--- R--- R--- R--- R--- ---- ---- ----",
}
# fmt: on
SCORES = {"product": 4, "service": 3, "price": 3, "reputation": 5, "delivery": 4}


@tagged("post_install", "-at_install")
class TestSurveyAccessMatrix(AccessMatrixTests, TrustMixin, SurveyMixin, TransactionCase):
    """Every custcare_survey model and the campaign forms × every role ×
    read/write/create/delete, every protected field × every role, evidence
    never deleted."""

    MATRIX = MATRIX
    ADDON = "custcare_survey"
    OPENED = ("survey.user_input", "survey.user_input.line")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls._setup_survey()
        env = cls.env
        user = cls.user_staff
        target = f"[('id', 'in', {[cls.customer.id, cls.other_customer.id]})]"
        Campaign = env["custcare.survey.campaign"].with_user(user)
        vals = {"title": "2026 年度顾客满意度调查", "survey_id": cls.survey.id}
        cls.campaign = Campaign.create({**vals, "target_domain": target})
        cls.campaign_running = Campaign.create({**vals, "target_domain": target})
        cls.campaign_running.action_send()
        cls.form = cls.campaign_running.answer_ids.filtered(lambda f: f.partner_id == cls.customer)
        cls.campaign_approved = cls._analysed_campaign(target, SCORES)
        cls.campaign_approved.action_submit()
        cls.campaign_approved.with_user(cls.user_gm).action_approve()
        cls.answered = cls.campaign_approved.answer_ids[:1]
        cls.answer_line = cls.answered.user_input_line_ids[:1]
        cls.result = cls.campaign_approved.result_ids[:1]
        cls.training = env["custcare.survey.dimension"].create({"name": "培训", "target": 4})
        cls.policy = env["custcare.survey.policy"].create(
            {
                "name": "管理评审前调查",
                "survey_id": cls.survey.id,
                "review_date": fields.Date.today() + timedelta(days=120),
            }
        )
        cls.question = cls.survey.question_ids.filtered(
            lambda q: q.question_type == "simple_choice"
        )[:1]
        cls.entry = (
            env["custcare.survey.manual.entry"]
            .with_user(user)
            .create(
                {
                    "answer_id": cls.form.id,
                    "method": "phone",
                    "line_ids": [Command.create({"question_id": cls.question.id})],
                }
            )
        )
        cls.entry_line = cls.entry.line_ids
        demand = cls._demand_campaign(target)
        demand.action_send()
        cls._answer_demand(demand.answer_ids[0], "数控车床配件", amounts=(1000,))
        cls.plan = env["custcare.demand.plan"].search([("campaign_id", "=", demand.id)])

    def _specs(self):
        survey, question, today = self.survey, self.question, fields.Date.today()
        return {
            "custcare.survey.campaign": {
                "record": self.campaign,
                "write": {"planned_date": today},
                "create": lambda u: {"title": "复核调查", "survey_id": survey.id},
                "evidence": [self.campaign_running, self.campaign_approved],
            },
            "custcare.survey.result": {
                "record": self.result,
                "write": {"average": 4.9},
                "create": lambda u: {
                    "campaign_id": self.campaign.id,
                    "dimension_id": self.training.id,
                },
            },
            "custcare.survey.dimension": {
                "record": self.training,
                "write": {"target": 4.5},
                "create": lambda u: {"name": "交付"},
            },
            "custcare.survey.policy": {
                "record": self.policy,
                "write": {"lead_months": 3},
                "create": lambda u: {
                    "name": "年度调查",
                    "survey_id": survey.id,
                    "review_date": today + timedelta(days=60),
                },
            },
            "custcare.survey.manual.entry": {
                "record": self.entry,
                "write": {"method": "interview"},
                "create": lambda u: {"answer_id": self.form.id, "method": "fax"},
            },
            "custcare.survey.manual.entry.line": {
                "record": self.entry_line,
                "write": {"suggested_answer_id": question.suggested_answer_ids[:1].id},
                "create": lambda u: {"wizard_id": self.entry.id, "question_id": question.id},
            },
            "custcare.demand.plan": {
                "record": self.plan,
                "write": {"expected_amount": 2000.0},
                "create": lambda u: {"partner_id": self.customer.id, "year": 2030},
                "evidence": [self.plan],
            },
            "survey.user_input": {
                "record": self.form,
                "write": {"email": "other@example.cn"},
                "create": lambda u: {"survey_id": survey.id, "partner_id": self.customer.id},
                "evidence": [self.form, self.answered],
            },
            "survey.user_input.line": {
                "record": self.answer_line,
                "write": {"answer_score": 1.0},
                "create": lambda u: {
                    "user_input_id": self.form.id,
                    "question_id": question.id,
                    "answer_type": "suggestion",
                    "suggested_answer_id": question.suggested_answer_ids[:1].id,
                },
                "evidence": [self.answer_line],
            },
        }

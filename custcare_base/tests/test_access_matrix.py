# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from ..models.custcare_investigation import CRITERIA
from .trust_common import AccessMatrixTests, TrustMixin

# What each role may do with a record that the "user" role handles (the
# customer's account manager, the requester, the one responsible): R read,
# W write an ordinary field, C create, D delete it while it is a draft; "-"
# refused. Nobody deletes evidence and nobody writes a protected field (see
# the other tests). The README's access table is this matrix. Columns: the
# user who handles the record, a colleague not involved, QC inspector,
# archive keeper, manager, general manager, the customer's portal user,
# another customer's portal user, company B's general manager.
# fmt: off
MATRIX = {
    # model                        user coll qc   kpr  mgr  gm   prt  oprt coB
    "custcare.form.control":      "R--- R--- R--- RWC- RWCD RWCD ---- ---- ----",
    "custcare.archive":           "RW-- ---- ---- RWC- RWCD RWCD ---- ---- ----",
    "custcare.credential":        "RWC- ---- ---- RWCD RWCD RWCD ---- ---- ----",
    "custcare.access.grant":      "RWC- --C- --C- --C- RWCD RWCD ---- ---- --C-",
    "custcare.access.log":        "---- ---- ---- ---- ---- R--- ---- ---- ----",
    "custcare.tier.history":      "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "custcare.evaluation":        "RWC- --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.investigation":     "RWC- --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.capa":              "RWC- --C- RWC- --C- RWCD RWCD ---- ---- ----",
    "custcare.destruction":       "---- ---- ---- RW-- RW-- RW-- ---- ---- ----",
    "custcare.destruction.line":  "---- ---- ---- R--- R--- R--- ---- ---- ----",
    "custcare.retention.policy":  "---- ---- ---- R--- RWCD RWCD ---- ---- ----",
    "custcare.register.print":    "RWC- RWC- RWC- RWC- RWC- RWC- ---- ---- RWC-",
    "custcare.communication":     "RWCD --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.review.pack":       "---- ---- ---- ---- RWCD RWCD ---- ---- ----",
}
# fmt: on


@tagged("post_install", "-at_install")
class TestBaseAccessMatrix(AccessMatrixTests, TrustMixin, TransactionCase):
    """Every custcare_base model × every role × read/write/create/delete,
    every protected field × every role, evidence never deleted."""

    MATRIX = MATRIX
    ADDON = "custcare_base"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        cls.now = fields.Datetime.now()
        user, keeper = cls.user_staff, cls.user_keeper
        Partner = env["res.partner"]
        cls.customer2 = Partner.create(
            {
                "name": "宜兴华东陶瓷有限公司",
                "is_company": True,
                "account_manager_id": user.id,
                "company_id": cls.company_a.id,
            }
        )
        cls.customer3 = Partner.create(
            {
                "name": "江阴长江钢管有限公司",
                "is_company": True,
                "account_manager_id": user.id,
                "company_id": cls.company_a.id,
            }
        )
        cls.form = env["custcare.form.control"].create({"name": "测试表", "code": "Q/CC-JL901"})
        Archive = env["custcare.archive"]
        cls.archive = Archive.create(
            {"partner_id": cls.customer.id, "keeper_id": keeper.id, "credit_limit": 300000}
        )
        cls.archive_approved = Archive.create(
            {"partner_id": cls.customer2.id, "keeper_id": keeper.id, "credit_limit": 500000}
        )
        cls.archive_approved.with_user(keeper).action_submit()
        cls.archive_approved.with_user(cls.user_gm).action_approve()
        cls.credential = env["custcare.credential"].create(
            {"archive_id": cls.archive.id, "kind": "business_licence", "number": "YY-001"}
        )
        Grant = env["custcare.access.grant"].with_user(user)
        grant_vals = {
            "user_id": user.id,
            "partner_ids": [Command.set(cls.customer2.ids)],
            "reason": "处理投诉需查阅信用额度",
            "valid_until": cls.now + timedelta(days=7),
        }
        cls.grant = Grant.create(grant_vals)
        cls.grant_approved = Grant.create(grant_vals)
        cls.grant_approved.action_submit()
        cls.grant_approved.with_user(cls.user_manager).action_approve()
        cls.access_log = env["custcare.access.log"].create(
            {"user_id": user.id, "archive_id": cls.archive.id, "partner_id": cls.customer.id}
        )
        cls.tier_history = env["custcare.tier.history"].search(
            [("partner_id", "=", cls.customer.id)], limit=1
        )
        Evaluation = env["custcare.evaluation"].with_user(user)
        scores = {
            "score_contribution": 80,
            "score_discipline": 70,
            "score_handling": 75,
            "score_communication": 90,
        }
        cls.evaluation = Evaluation.create({"partner_id": cls.customer.id, **scores})
        cls.evaluation_approved = Evaluation.create({"partner_id": cls.customer.id, **scores})
        cls.evaluation_approved.action_submit()
        cls.evaluation_approved.with_user(cls.user_manager).action_approve()
        Investigation = env["custcare.investigation"].with_user(user)
        cls.investigation = Investigation.create({"name": "无锡新候选有限公司"})
        cls.investigation_submitted = Investigation.create(
            {
                "name": "苏州候选科技有限公司",
                **dict.fromkeys(CRITERIA, "4"),
            }
        )
        cls.investigation_submitted.action_submit()
        Capa = env["custcare.capa"]
        cls.capa = Capa.create(
            {
                "nonconformity": "<p>外壳尺寸超差</p>",
                "partner_id": cls.customer.id,
                "responsible_id": user.id,
            }
        )
        cls.capa_verified = Capa.with_user(cls.user_qc).create(
            {"nonconformity": "<p>包装破损</p>", "partner_id": cls.customer.id}
        )
        cls._verify_capa(cls, cls.capa_verified)
        cls.archive_model = env["ir.model"]._get("custcare.archive")
        cls.policy = env["custcare.retention.policy"].create(
            {"name": "客户档案", "model_id": cls.archive_model.id, "company_id": cls.company_a.id}
        )
        Destruction = env["custcare.destruction"]
        cls.destruction, cls.destruction_approved = Destruction._custcare_create(
            [{"policy_id": cls.policy.id, "company_id": cls.company_a.id}] * 2
        )
        cls.destruction_approved.with_user(keeper).action_submit()
        cls.destruction_approved.with_user(cls.user_gm).action_approve()
        cls.destruction_line = env["custcare.destruction.line"].create(
            {
                "destruction_id": cls.destruction.id,
                "res_model": "custcare.archive",
                "res_id": cls.archive.id,
                "record_name": cls.archive.display_name,
            }
        )

        Communication = env["custcare.communication"].with_user(user)
        communication_vals = {
            "partner_id": cls.customer.id,
            "channel": "phone",
            "subject": "询问交货期",
            "content": "客户来电询问交货期。",
        }
        cls.communication = Communication.create(dict(communication_vals))
        cls.communication_logged = Communication.create(
            {
                **communication_vals,
                "promise": "三天内回复",
                "follow_up_date": fields.Date.today() + timedelta(days=3),
            }
        )
        cls.communication_logged.action_log()
        Pack = env["custcare.review.pack"].with_user(cls.user_manager)
        cls.review_pack = Pack.create({"date_from": "2025-01-01", "date_to": "2025-12-31"})
        cls.review_pack_submitted = Pack.create(
            {"date_from": "2024-01-01", "date_to": "2024-12-31"}
        )
        cls.review_pack_submitted.action_gather()
        cls.review_pack_submitted.action_submit()

    def _specs(self):
        """{model: draft record, the write and create values, evidence}"""
        register = self.env["ir.actions.report"].search(
            [("model", "=", "custcare.register.print")], limit=1
        )
        now, customer = self.now, self.customer
        return {
            "custcare.form.control": {
                "record": self.form,
                "write": {"note": "改版说明"},
                "create": lambda u: {"name": "新表", "code": "Q/CC-JL902"},
            },
            "custcare.archive": {
                "record": self.archive,
                "read": ["partner_id", "credit_limit"],
                "write": {"note": "<p>已更新</p>"},
                "create": lambda u: {"partner_id": self.customer3.id},
                "copy": {"partner_id": self.customer3.id},
                "evidence": [self.archive_approved],
            },
            "custcare.credential": {
                "record": self.credential,
                "write": {"authority": "无锡市市场监督管理局"},
                "create": lambda u: {
                    "archive_id": self.archive.id,
                    "kind": "tax_registration",
                    "number": "SW-002",
                },
            },
            "custcare.access.grant": {
                "record": self.grant,
                "write": {"reason": "补充理由"},
                "create": lambda u: {
                    "user_id": u.id,
                    "partner_ids": [Command.set(customer.ids)],
                    "reason": "跟进回款",
                    "valid_until": now + timedelta(days=3),
                },
                "evidence": [self.grant_approved],
            },
            "custcare.access.log": {
                "record": self.access_log,
                "write": {"date": now},
                "create": lambda u: {"user_id": u.id, "archive_id": self.archive.id},
            },
            "custcare.tier.history": {
                "record": self.tier_history,
                "write": {"new_tier": "core"},
                "create": lambda u: {"partner_id": customer.id, "new_tier": "core"},
            },
            "custcare.evaluation": {
                "record": self.evaluation,
                "write": {"rewards": "免费服务一次"},
                "create": lambda u: {"partner_id": customer.id},
                "evidence": [self.evaluation_approved],
            },
            "custcare.investigation": {
                "record": self.investigation,
                "write": {"decision_note": "补充调查"},
                "create": lambda u: {"name": "常熟候选有限公司"},
                "evidence": [self.investigation_submitted],
            },
            "custcare.capa": {
                "record": self.capa,
                "write": {"department": "生产部"},
                "create": lambda u: {"nonconformity": "<p>标签错误</p>", "partner_id": customer.id},
                "evidence": [self.capa_verified],
            },
            "custcare.destruction": {
                "record": self.destruction,
                "write": {"company_id": self.company_a.id},
                "create": lambda u: {"policy_id": self.policy.id},
                "evidence": [self.destruction, self.destruction_approved],
            },
            "custcare.destruction.line": {
                "record": self.destruction_line,
                "write": {"record_name": "旧投诉"},
                "create": lambda u: {
                    "destruction_id": self.destruction.id,
                    "res_model": "custcare.archive",
                    "res_id": self.archive_approved.id,
                    "record_name": "旧投诉",
                },
                "evidence": [self.destruction_line],
            },
            "custcare.retention.policy": {
                "record": self.policy,
                "write": {"years": 3},
                "create": lambda u: {"name": "档案五年", "model_id": self.archive_model.id},
            },
            "custcare.communication": {
                "record": self.communication,
                "read": ["partner_id", "content"],
                "write": {"content": "补充记录"},
                "create": lambda u: {
                    "partner_id": customer.id,
                    "subject": "回访",
                    "content": "电话回访。",
                    "user_id": u.id,
                },
                "evidence": [self.communication_logged],
            },
            "custcare.review.pack": {
                "record": self.review_pack,
                "write": {"conclusion": "<p>建议增加售后人员</p>"},
                "create": lambda u: {"date_from": "2025-01-01", "date_to": "2025-12-31"},
                "evidence": [self.review_pack_submitted],
            },
            "custcare.register.print": {
                "record": self.env["custcare.register.print"]
                .with_user(self.user_staff)
                .create({"report_id": register.id}),
                "write": {"period": "year"},
                "create": lambda u: {"report_id": register.id},
            },
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import AccessMatrixTests, TrustMixin

from .common import done_delivery

# What each role may do with a record that the "user" role handles (the
# one responsible for the tracking, the service request and the return, the
# visitor who asks for the gift): R read, W write an ordinary field, C create,
# D delete it while it is a draft; "-" refused. Deliveries (stock.picking) are
# Odoo's: custcare opens the customer's own to their portal users only.
# See custcare_base/tests/test_access_matrix.py.
# fmt: off
MATRIX = {
    # model                          user coll qc   kpr  mgr  gm   prt  oprt coB
    "custcare.callback.plan":       "RWC- --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.callback":            "RW-- ---- ---- ---- RW-D RW-D ---- ---- ----",
    "custcare.service.request":     "RWC- --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.service.part":        "RWCD ---- ---- ---- RWCD RWCD ---- ---- ----",
    "custcare.visit":               "RWC- --C- --C- --C- RWCD RWCD ---- ---- ----",
    "custcare.visit.purpose":       "R--- R--- R--- R--- RWCD RWCD ---- ---- RWCD",
    "custcare.gift.request":        "RWCD ---- ---- ---- RWCD RWCD ---- ---- ----",
    "custcare.return":              "RWC- --C- RWC- --C- RWCD RWCD R--- ---- ----",
    "custcare.return.line":         "RWCD ---- RWCD ---- RWCD RWCD R--- ---- ----",
    "custcare.production.notice":   "RW-- ---- RW-- ---- RW-- RW-- ---- ---- ----",
    "custcare.weekly.summary":      "RWC- --C- --C- --C- R-CD R-CD ---- ---- ----",
    "custcare.weekly.summary.line": "R--- ---- ---- ---- R--- R--- ---- ---- ----",
    "stock.picking":                "---- ---- ---- ---- ---- ---- R--- ---- ----",
}
# fmt: on


@tagged("post_install", "-at_install")
class TestAftersalesAccessMatrix(AccessMatrixTests, TrustMixin, TransactionCase):
    """Every custcare_aftersales model and the customers' deliveries × every
    role × read/write/create/delete, every protected field × every role,
    evidence never deleted."""

    MATRIX = MATRIX
    ADDON = "custcare_aftersales"
    OPENED = ("stock.picking",)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        user, qc, manager = cls.user_staff, cls.user_qc, cls.user_manager
        today = fields.Date.today()
        cls.month = today.replace(day=1)
        cls.product, cls.spare = env["product.product"].create(
            [{"name": "变频器 VF-22", "is_storable": True}, {"name": "IGBT 模块"}]
        )
        cls.out_type = env.ref("stock.picking_type_out")
        cls.delivery = done_delivery(env, cls.customer, cls.product, 4)
        # post-delivery tracking and callbacks
        Plan = env["custcare.callback.plan"].with_user(user)
        cls.plan = Plan.create({"name": "项目 A", "partner_id": cls.customer.id})
        cls.callback = cls.plan.callback_ids[0]
        cls.plan_called = Plan.create({"name": "项目 B", "partner_id": cls.customer.id})
        cls.callback_done = cls.plan_called.callback_ids[0]
        cls.callback_done.write(
            {"contact_name": "王采购", "satisfaction": "4", "quality_feedback": "散热风扇噪音大"}
        )
        cls.callback_done.action_done()
        cls.callback_done.action_create_complaint()
        env["custcare.complaint"].create(  # another one, for the forged links
            {"partner_id": cls.other_customer.id, "description": "<p>另一投诉</p>"}
        )
        # service requests and their parts
        Service = env["custcare.service.request"].with_user(user)
        service_vals = {
            "partner_id": cls.customer.id,
            "product_id": cls.product.id,
            "symptom": "过流报警",
        }
        cls.service = Service.create(dict(service_vals))
        cls.part = (
            env["custcare.service.part"]
            .with_user(user)
            .create({"request_id": cls.service.id, "product_id": cls.product.id, "unit_cost": 30})
        )
        cls.service_repaired = Service.create(dict(service_vals))
        cls.part_used = (
            env["custcare.service.part"]
            .with_user(user)
            .create({"request_id": cls.service_repaired.id, "product_id": cls.product.id})
        )
        cls.service_repaired.action_receive_product()
        cls.service_repaired.diagnosis = "IGBT 模块损坏"
        cls.service_repaired.action_repaired()
        # visits and gifts
        Visit = env["custcare.visit"].with_user(user)
        cls.visit = Visit.create({"partner_id": cls.customer.id, "plan_month": cls.month})
        cls.visit_done = Visit.create({"partner_id": cls.customer.id, "plan_month": cls.month})
        cls.visit_done.write({"visit_date": today, "key_gains": "续签年度合同"})
        cls.visit_done.action_done()
        cls.purpose = env["custcare.visit.purpose"].create({"name": "催收货款"})
        Gift = env["custcare.gift.request"].with_user(user)
        gift_vals = {"visit_id": cls.visit.id, "name": "台历", "value": 80, "reason": "年末拜访"}
        cls.gift = Gift.create(dict(gift_vals))
        cls.gift_approved = Gift.create(dict(gift_vals))
        cls.gift_approved.action_submit()
        cls.gift_approved.with_user(manager).action_approve()
        # returns, their lines, production notices
        Return = env["custcare.return"].with_user(user)
        return_vals = {
            "partner_id": cls.customer.id,
            "picking_id": cls.delivery.id,
            "line_ids": [
                Command.create({"product_id": cls.product.id, "quantity": 2, "reason": "烧毁"})
            ],
        }
        cls.ret = Return.create(dict(return_vals))
        cls.ret_received = Return.create(dict(return_vals))
        cls.ret_received.action_receive()
        cls.ret_inspected = Return.create(dict(return_vals))
        cls.ret_inspected.action_receive()
        cls.ret_inspected.line_ids.with_user(qc).write(
            {"qty_conforming": 0, "qty_nonconforming": 2}
        )
        cls.ret_inspected.with_user(qc).action_inspected()
        cls.ret_inspected.action_replenish()
        cls.notice = cls.ret_inspected.sudo().notice_ids
        # weekly summaries: this week's (with what the customers said in the
        # records above) still a draft; last week's submitted
        Summary = env["custcare.weekly.summary"].with_user(user)
        cls.monday = today - timedelta(days=today.weekday())
        cls.summary = Summary.create({"week_start": cls.monday})
        cls.summary_submitted = Summary.create({"week_start": cls.monday - timedelta(days=7)})
        cls.summary_submitted.write({"work_summary": "维修 2 单", "next_week_plan": "回访"})
        cls.summary_submitted.action_submit()

    def _specs(self):
        customer, product = self.customer, self.product
        return {
            "custcare.callback.plan": {
                "record": self.plan,
                "write": {"production_user_id": self.user_qc.id},
                "create": lambda u: {"name": "项目 C", "partner_id": customer.id},
                "evidence": [self.plan_called],
            },
            "custcare.callback": {
                "record": self.callback,
                "write": {"usage": "运行正常"},
                "create": lambda u: {
                    "plan_id": self.plan.id,
                    "scheduled_date": fields.Date.today(),
                },
                "evidence": [self.callback_done],
            },
            "custcare.service.request": {
                "record": self.service,
                "write": {"diagnosis": "电容老化"},
                "create": lambda u: {
                    "partner_id": customer.id,
                    "product_id": product.id,
                    "symptom": "不启动",
                },
                "evidence": [self.service_repaired],
            },
            "custcare.service.part": {
                "record": self.part,
                "write": {"quantity": 2},
                "create": lambda u: {
                    "request_id": self.service.id,
                    "product_id": product.id,
                    "unit_cost": 5,
                },
                "evidence": [self.part_used],
            },
            "custcare.visit": {
                "record": self.visit,
                "write": {"key_gains": "了解扩产计划"},
                "create": lambda u: {"partner_id": customer.id, "plan_month": self.month},
                "evidence": [self.visit_done],
            },
            "custcare.visit.purpose": {
                "record": self.purpose,
                "write": {"sequence": 5},
                "create": lambda u: {"name": "处理投诉"},
            },
            "custcare.gift.request": {
                "record": self.gift,
                "write": {"reason": "节日问候"},
                "create": lambda u: {
                    "visit_id": self.visit.id,
                    "name": "茶叶",
                    "value": 120,
                    "reason": "拜访",
                },
                "evidence": [self.gift_approved],
            },
            "custcare.return": {
                "record": self.ret,
                "read": ["name", "state", "partner_id"],
                "write": {"customer_reaction": "满意"},
                "create": lambda u: {"partner_id": customer.id},
                "evidence": [self.ret_received, self.ret_inspected],
            },
            "custcare.return.line": {
                "record": self.ret.line_ids,
                "read": ["product_id", "quantity", "reason"],
                "write": {"reason": "外壳开裂"},
                "create": lambda u: {
                    "return_id": self.ret.id,
                    "product_id": product.id,
                    "quantity": 1,
                    "reason": "短少",
                },
                "evidence": [self.ret_received.line_ids],
            },
            "custcare.production.notice": {
                "record": self.notice,
                "write": {"company_id": self.company_a.id},
                "create": lambda u: {"product_id": product.id, "quantity": 1},
                "evidence": [self.notice],
            },
            "custcare.weekly.summary": {
                "record": self.summary,
                "write": {"work_summary": "受理维修 2 单"},
                "create": lambda u: {"week_start": self.monday - timedelta(days=14)},
                "evidence": [self.summary_submitted],
            },
            "custcare.weekly.summary.line": {
                "record": self.summary.line_ids[:1],
                "read": ["kind", "text"],
                "write": {"text": "伪造"},
                "create": lambda u: {"summary_id": self.summary.id, "kind": "service"},
            },
            "stock.picking": {
                "record": self.delivery,
                "read": ["name", "state", "partner_id"],
                "write": {"note": "<p>改写</p>"},
                "create": lambda u: {
                    "partner_id": customer.id,
                    "picking_type_id": self.out_type.id,
                },
            },
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.custcare_base.tests.common import CustcareCase


@tagged("post_install", "-at_install")
class TestAftersalesRefusals(CustcareCase):
    """Every refused step of the after-sales flows says why and changes nothing;
    outsiders read none of the after-sales records."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env["res.partner"].create(
            {"name": "南京紫金机电有限公司", "is_company": True}
        )
        cls.product = env["product.product"].create({"name": "变频器", "is_storable": True})
        picking_type = env.ref("stock.picking_type_out")
        cls.draft_delivery = env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": picking_type.id,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "location_id": picking_type.default_location_src_id.id,
                            "location_dest_id": env.ref("stock.stock_location_customers").id,
                        },
                    )
                ],
            }
        )
        cls.plan = env["custcare.callback.plan"].create(
            {"name": "项目 A", "partner_id": cls.customer.id}
        )
        cls.visit = env["custcare.visit"].create(
            {"partner_id": cls.customer.id, "plan_month": "2026-03-01"}
        )
        cls.gift = env["custcare.gift.request"].create(
            {"visit_id": cls.visit.id, "name": "台历", "value": 80, "reason": "年末拜访"}
        )
        cls.service = env["custcare.service.request"].create(
            {"partner_id": cls.customer.id, "product_id": cls.product.id, "symptom": "过流报警"}
        )
        cls.ret = env["custcare.return"].create(
            {
                "partner_id": cls.customer.id,
                "line_ids": [
                    (0, 0, {"product_id": cls.product.id, "quantity": 2, "reason": "烧毁"})
                ],
            }
        )

    def test_delivery_not_shipped(self):
        with self.assertRaises(UserError):
            self.draft_delivery._custcare_confirm_receipt("王采购")
        with self.assertRaises(UserError):
            self.draft_delivery.action_custcare_track()
        self.assertFalse(self.draft_delivery.custcare_received_at)
        self.assertFalse(self.draft_delivery.custcare_callback_plan_ids)

    def test_callback_forwarding(self):
        callback = self.plan.callback_ids[0]
        callback.quality_feedback = "散热风扇噪音大"
        with self.assertRaises(UserError):
            callback.action_forward_to_production()  # no production contact
        self.plan.production_user_id = self.user_qc
        callback.quality_feedback = False
        with self.assertRaises(UserError):
            callback.action_forward_to_production()  # nothing to forward
        self.assertFalse(callback.activity_ids)

    def test_service_steps_in_order(self):
        with self.assertRaises(UserError):
            self.service.action_return_product()  # never repaired
        self.service.action_receive_product()
        with self.assertRaises(UserError):
            self.service.action_receive_product()  # already in
        self.assertEqual(self.service.state, "in_repair")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["custcare.service.part"].create(
                {"request_id": self.service.id, "product_id": self.product.id, "quantity": 0}
            )

    def test_visit_and_gift_steps(self):
        self.gift.action_submit()
        with self.assertRaises(UserError):
            self.gift.action_submit()  # already submitted
        self.assertEqual(self.gift.approval_state, "submitted")
        with self.assertRaises(AccessError):
            self.gift.with_user(self.user_staff).action_reject()
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["custcare.gift.request"].create(
                {"visit_id": self.visit.id, "name": "x", "value": 0, "reason": "x"}
            )
        self.visit.action_cancel()
        with self.assertRaises(UserError):
            self.visit.action_done()  # cancelled
        # no gift for a visit that is no longer planned
        with self.assertRaises(UserError):
            self.env["custcare.gift.request"].create(
                {"visit_id": self.visit.id, "name": "茶叶", "value": 200, "reason": "补送"}
            )
        with self.assertRaises(AccessError):
            self.env.ref("custcare_aftersales.visit_purpose_1").with_user(self.user_staff).write(
                {"name": "x"}
            )

    def test_return_steps_in_order(self):
        with self.assertRaises(UserError):
            self.ret.action_replenish()  # not inspected
        self.ret.action_receive()
        self.ret.line_ids.write({"qty_conforming": 2, "qty_nonconforming": 0})
        self.ret.with_user(self.user_qc).action_inspected()
        with self.assertRaises(UserError):
            self.ret.action_replenish()  # nothing non-conforming
        self.assertFalse(self.ret.replacement_picking_id or self.ret.notice_ids)
        self.ret.action_submit()
        with self.assertRaises(UserError):
            self.ret.with_user(self.user_gm).action_approve()  # no result written
        self.assertEqual(self.ret.approval_state, "submitted")
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["custcare.return.line"].create(
                {
                    "return_id": self.ret.id,
                    "product_id": self.product.id,
                    "quantity": -1,
                    "reason": "x",
                }
            )

    def test_outsiders_read_nothing(self):
        notice = self.env["custcare.production.notice"].create(
            {"product_id": self.product.id, "quantity": 1}
        )
        records = (
            self.plan.callback_ids[:1],
            self.gift,
            self.service,
            self.ret.line_ids,
            notice,
            self.env.ref("custcare_aftersales.visit_purpose_1"),
        )
        for user in (self.user_internal, self.user_portal):
            for record in records:
                with self.assertRaises(AccessError, msg=f"{user.login} {record._name}"):
                    record.with_user(user).read(["display_name"])

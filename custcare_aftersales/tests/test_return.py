# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase

from .common import done_delivery


@tagged("post_install", "-at_install")
class TestReturns(CustcareCase):
    """客户退货: receipt into inspection, QC split per line, 补货."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env["res.partner"].create(
            {"name": "厦门鹭岛食品有限公司", "is_company": True}
        )
        cls.film = env["product.product"].create(
            {"name": "BOPP 包装膜 20μm", "is_storable": True, "tracking": "lot"}
        )
        cls.caps = env["product.product"].create({"name": "瓶盖 28mm", "is_storable": True})
        cls.lot = env["stock.lot"].create({"name": "F-20261020", "product_id": cls.film.id})
        cls.stock = env.ref("stock.stock_location_stock")
        warehouse = env.ref("stock.warehouse0")
        cls.inspection = warehouse.custcare_inspection_loc_id
        cls.nonconforming = warehouse.custcare_nonconforming_loc_id
        # 4 rolls of film in stock; caps: none
        env["stock.quant"]._update_available_quantity(cls.film, cls.stock, 4, lot_id=cls.lot)

    def _qty(self, product, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", product.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )

    def _return(self):
        return (
            self.env["custcare.return"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": self.film.id,
                                "lot_id": self.lot.id,
                                "quantity": 10,
                                "reason": "热封强度不足",
                            },
                        ),
                        (0, 0, {"product_id": self.caps.id, "quantity": 500, "reason": "螺纹毛刺"}),
                    ],
                }
            )
        )

    def test_new_line_from_the_form(self):
        """The form sends the QC columns of a new line with their default 0:
        accepted; a split given before the goods are received is refused."""
        Return = self.env["custcare.return"].with_user(self.user_staff)
        line = {"product_id": self.caps.id, "quantity": 5, "reason": "螺纹毛刺"}
        ret = Return.create(
            {
                "partner_id": self.customer.id,
                "line_ids": [(0, 0, {**line, "qty_conforming": 0, "qty_nonconforming": 0})],
            }
        )
        self.assertEqual(ret.line_ids.quantity, 5)
        with self.assertRaisesRegex(
            UserError, "The inspection result is entered by QC once the goods are received."
        ):
            ret.write({"line_ids": [(0, 0, {**line, "qty_nonconforming": 5})]})
        self.assertEqual(len(ret.line_ids), 1)

    def test_delivery_by_its_number_without_inventory_rights(self):
        """Staff without Inventory rights link the original delivery by the
        number on the customer's delivery note; a number that is not a
        delivery of this customer is refused and changes nothing; they still
        cannot read Inventory's transfers, and the form shows them the number."""
        self.assertFalse(self.user_staff.has_group("stock.group_stock_user"))
        delivery = done_delivery(self.env, self.customer, self.caps, 5)
        other = self.env["res.partner"].create({"name": "泉州海丰贸易有限公司", "is_company": True})
        theirs = done_delivery(self.env, other, self.caps, 3)
        ret = self._return().with_user(self.user_staff)
        ret.write({"delivery_number": f" {delivery.name.lower()} "})
        self.assertEqual(ret.picking_id.id, delivery.id)
        ret.invalidate_recordset(["delivery_number"])
        self.assertEqual(ret.delivery_number, delivery.name)
        for wrong in (theirs.name, "WH/OUT/99999"):
            with self.assertRaisesRegex(ValidationError, r"No delivery .* to 厦门鹭岛食品有限公司"):
                ret.write({"delivery_number": wrong})
            ret.invalidate_recordset()
            self.assertEqual(ret.picking_id.id, delivery.id, "unchanged")
        with self.assertRaises(AccessError):
            delivery.with_user(self.user_staff).check_access("read")
        arch = ret.get_views([(False, "form"), (False, "list")])["views"]
        for view in ("form", "list"):
            self.assertIn('name="delivery_number"', arch[view]["arch"])
            self.assertNotIn('name="picking_id"', arch[view]["arch"])

    def test_split_between_stock_and_nonconforming(self):
        ret = self._return()
        self.assertTrue(ret.name.startswith("TH"))
        ret.action_receive()
        self.assertEqual(self._qty(self.film, self.inspection), 10)
        self.assertEqual(self._qty(self.caps, self.inspection), 500)
        receipt = ret.receipt_picking_id
        self.assertEqual(receipt.state, "done")
        self.assertEqual(receipt.picking_type_id.code, "incoming")
        self.assertEqual(receipt.move_line_ids.lot_id, self.lot)
        film, caps = ret.line_ids
        # only QC enters the split
        with self.assertRaises(AccessError):
            film.write({"qty_conforming": 7, "qty_nonconforming": 3})
        film, caps = film.with_user(self.user_qc), caps.with_user(self.user_qc)
        film.write({"qty_conforming": 7, "qty_nonconforming": 3})
        caps.write({"qty_conforming": 0, "qty_nonconforming": 400})
        # only QC decides; the quantities must add up
        with self.assertRaises(AccessError):
            ret.action_inspected()
        with self.assertRaises(UserError):
            ret.with_user(self.user_qc).action_inspected()
        self.assertEqual(ret.state, "received")
        self.assertEqual(self._qty(self.caps, self.inspection), 500, "nothing moved")
        caps.qty_conforming = 100
        ret.with_user(self.user_qc).action_inspected()
        self.assertEqual(self._qty(self.film, self.stock), 4 + 7)
        self.assertEqual(self._qty(self.film, self.nonconforming), 3)
        self.assertEqual(self._qty(self.caps, self.stock), 100)
        self.assertEqual(self._qty(self.caps, self.nonconforming), 400)
        self.assertEqual(self._qty(self.film, self.inspection), 0)
        self.assertEqual(self._qty(self.caps, self.inspection), 0)
        # where the goods went is on the return, one transfer each way
        self.assertEqual(ret.conforming_picking_id.location_dest_id, self.stock)
        self.assertEqual(ret.nonconforming_picking_id.location_dest_id, self.nonconforming)
        self.assertEqual(len(ret.nonconforming_picking_id.move_ids), 2)
        self.assertEqual(ret.inspected_by_id, self.user_qc)
        # what was returned and QC's split are fixed now
        with self.assertRaises(UserError):
            film.write({"qty_conforming": 10, "qty_nonconforming": 0})
        with self.assertRaises(UserError):
            ret.line_ids[0].write({"quantity": 1})
        # 补货: film is in stock (11 ≥ 3), caps are short (100 < 400): a notice for 300
        ret.action_replenish()
        replacement = ret.replacement_picking_id
        self.assertTrue(replacement.custcare_replenishment)
        self.assertEqual(replacement.origin, ret.name)
        self.assertEqual(
            {m.product_id: m.product_uom_qty for m in replacement.move_ids},
            {self.film: 3, self.caps: 400},
        )
        self.assertEqual(len(ret.notice_ids), 1)
        self.assertEqual(ret.notice_ids.product_id, self.caps)
        self.assertEqual(ret.notice_ids.quantity, 300)
        self.assertTrue(ret.notice_ids.replenishment)
        with self.assertRaises(UserError):
            ret.action_replenish()  # not twice

    def test_answered_like_a_complaint(self):
        ret = self._return()
        ret.action_receive()
        lines = ret.line_ids.with_user(self.user_qc)
        lines.write({"qty_conforming": 0})
        lines[0].qty_nonconforming = 10
        lines[1].qty_nonconforming = 500
        ret.with_user(self.user_qc).action_inspected()
        ret.result = "<p>全部退换，补发新货。</p>"
        ret.action_submit()
        for user in (self.user_staff, self.user_manager):
            with self.assertRaises(AccessError):
                ret.with_user(user).action_approve()
        ret.with_user(self.user_gm).action_approve()
        with self.assertRaises(UserError):
            ret.action_close()  # no feedback yet
        self.assertNotEqual(ret.state, "closed")
        ret.write({"feedback_date": fields.Date.today(), "feedback_method": "phone"})
        ret.action_close()
        self.assertEqual(ret.state, "closed")

    def test_from_a_complaint(self):
        complaint = (
            self.env["custcare.complaint"]
            .with_user(self.user_staff)
            .create({"partner_id": self.customer.id, "description": "<p>包装膜热封不良</p>"})
        )
        action = complaint.action_custcare_create_return()
        ret = self.env["custcare.return"].browse(action["res_id"])
        self.assertEqual(ret.complaint_id, complaint)
        self.assertEqual(ret.partner_id, self.customer)
        self.assertEqual(complaint.return_ids, ret)

    def test_refusals(self):
        empty = (
            self.env["custcare.return"]
            .with_user(self.user_staff)
            .create({"partner_id": self.customer.id})
        )
        with self.assertRaises(UserError):
            empty.action_receive()
        ret = self._return()
        with self.assertRaises(UserError):
            ret.with_user(self.user_qc).action_inspected()  # not received
        ret.action_receive()
        with self.assertRaises(UserError):
            ret.action_receive()  # not twice
        self.assertEqual(self._qty(self.film, self.inspection), 10)
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                ret.with_user(user).read(["name"])

    def test_where_the_goods_went(self):
        ret = self._return()
        ret.action_receive()
        film, caps = ret.line_ids.with_user(self.user_qc)
        film.write({"qty_conforming": 8, "qty_nonconforming": 2})
        caps.write({"qty_conforming": 500, "qty_nonconforming": 0})
        ret.with_user(self.user_qc).action_inspected()
        ret.action_replenish()
        self.user_manager.group_ids = [(4, self.env.ref("stock.group_stock_user").id)]
        action = ret.with_user(self.user_manager).action_open_transfers()
        pickings = self.env["stock.picking"].with_user(self.user_manager).search(action["domain"])
        self.assertEqual(
            pickings,
            ret.receipt_picking_id
            | ret.conforming_picking_id
            | ret.nonconforming_picking_id
            | ret.replacement_picking_id,
        )
        self.assertEqual(len(pickings), 4)

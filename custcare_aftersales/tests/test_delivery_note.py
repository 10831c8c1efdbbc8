# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase


@tagged("post_install", "-at_install")
class TestDeliveryNote(CustcareHttpCase):
    """交货单: controlled print with lots, 补货 mark, receipt block and a QR code
    whose page lets the customer confirm receipt or report a problem."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls._print_in("zh_CN", ["custcare_aftersales"])
        cls.customer = env["res.partner"].create(
            {
                "name": "苏州精工电子有限公司",
                "lang": "zh_CN",
                "is_company": True,
                "city": "苏州",
                "street": "工业园区星湖街 88 号",
            }
        )
        cls.contact = env["res.partner"].create(
            {"name": "王采购", "parent_id": cls.customer.id, "phone": "0512-62880000"}
        )
        stock = env.ref("stock.stock_location_stock")
        cls.machine = env["product.product"].create(
            {"name": "数控车床 CK6150", "is_storable": True, "tracking": "lot"}
        )
        cls.parts = env["product.product"].create({"name": "刀架备件", "is_storable": True})
        cls.lot = env["stock.lot"].create({"name": "LOT-20261105-A", "product_id": cls.machine.id})
        Quant = env["stock.quant"]
        Quant._update_available_quantity(cls.machine, stock, 5, lot_id=cls.lot)
        Quant._update_available_quantity(cls.parts, stock, 100)
        picking_type = env.ref("stock.picking_type_out")
        cls.picking = env["stock.picking"].create(
            {
                "partner_id": cls.contact.id,
                "picking_type_id": picking_type.id,
                "origin": "SO2026-0188",
                "custcare_replenishment": True,
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": stock.id,
                            "location_dest_id": env.ref("stock.stock_location_customers").id,
                        },
                    )
                    for product, qty in ((cls.machine, 2), (cls.parts, 12))
                ],
            }
        )
        cls.picking.action_confirm()
        cls.picking.action_assign()
        cls.picking.move_ids.picked = True
        cls.picking.button_validate()
        cls.user_manager.group_ids |= env.ref("stock.group_stock_user")

    def test_delivery_note(self):
        self.assertEqual(self.picking.state, "done")
        xmlid = "custcare_aftersales.action_report_custcare_delivery_note"
        html, text, _pdf = self.render_controlled(
            xmlid, self.picking, ["custcare_aftersales"], "delivery_note.pdf"
        )
        for expected in (
            "交货单",
            "补货",
            "苏州精工电子有限公司",
            "SO2026-0188",
            "数控车床 CK6150",
            "LOT-20261105-A",
            "刀架备件",
            "客户签收",
            "/report/barcode/?barcode_type=QR",
            "编制",
            "仓库发货",
            "承运人",
        ):
            self.assertIn(expected, html)
        for expected in ("Q/CC-JL301", self.picking.name, "LOT-20261105-A", "SO2026-0188"):
            self.assertIn(expected, text)
        self.assertIn("第1页/共1页", text.replace(" ", ""))
        # an ordinary delivery carries no 补货 mark
        self.picking.custcare_replenishment = False
        report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        html = report._render_qweb_html(xmlid, self.picking.ids)[0].decode()
        self.assertNotIn("补货", html)

    def test_receipt_page(self):
        self.authenticate(None, None)  # a public visitor's session
        url = self.picking._custcare_receipt_url()
        path = url[url.index("/custcare/delivery/") :]
        wrong = f"/custcare/delivery/{self.picking.id}/{'0' * 32}"
        self.assertEqual(self.url_open(wrong).status_code, 404)
        page = self.url_open(path)
        self.assertEqual(page.status_code, 200)
        self.assertIn("LOT-20261105-A", page.text)
        # on a phone: the company's header, what to do before the lines
        self.assertIn('<header id="top"', page.text)
        self.assertLess(page.text.index('name="received_by"'), page.text.index("LOT-20261105-A"))
        csrf = http.Request.csrf_token(self)
        # no name: refused, nothing recorded
        page = self.url_open(
            path, data={"csrf_token": csrf, "action": "confirm", "received_by": " "}
        )
        self.assertIn("alert-danger", page.text)
        self.assertFalse(self.picking.custcare_received_at)
        page = self.url_open(
            path, data={"csrf_token": csrf, "action": "confirm", "received_by": "王采购"}
        )
        self.assertIn("alert-success", page.text)
        self.assertEqual(self.picking.custcare_received_by, "王采购")
        self.assertTrue(self.picking.custcare_received_at)
        # not twice
        page = self.url_open(
            path, data={"csrf_token": csrf, "action": "confirm", "received_by": "别人"}
        )
        self.assertIn("alert-danger", page.text)
        self.assertEqual(self.picking.custcare_received_by, "王采购")
        # a problem with this delivery becomes a complaint
        Complaint = self.env["custcare.complaint"]
        before = Complaint.search_count([])
        page = self.url_open(
            path, data={"csrf_token": csrf, "action": "problem", "description": ""}
        )
        self.assertIn("alert-danger", page.text)
        self.assertEqual(Complaint.search_count([]), before)
        page = self.url_open(
            path, data={"csrf_token": csrf, "action": "problem", "description": "到货外箱破损 2 件"}
        )
        complaint = Complaint.search([], order="id desc", limit=1)
        self.assertEqual(Complaint.search_count([]), before + 1)
        self.assertEqual(complaint.delivery_ref, self.picking.name)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.category, "delivery")
        self.assertIn(complaint.name, page.text)

    def test_track_after_delivery(self):
        self.picking.with_user(self.user_manager).action_custcare_track()
        plan = self.picking.custcare_callback_plan_ids
        self.assertEqual(plan.partner_id, self.customer)
        self.assertEqual(plan.name, "SO2026-0188")
        self.assertEqual(len(plan.callback_ids), 20)
        with self.assertRaises(UserError):
            self.picking.action_custcare_track()  # already tracked

    def test_portal_lists_own_deliveries_and_returns(self):
        other = self.env["res.partner"].create({"name": "别家公司", "is_company": True})
        other_picking = self.picking.copy({"partner_id": other.id})
        other_picking.write({"state": "done", "date_done": self.picking.date_done})
        mine = self.env["custcare.return"].create({"partner_id": self.customer.id})
        theirs = self.env["custcare.return"].create({"partner_id": other.id})
        self.user_portal.partner_id.parent_id = self.customer
        self.authenticate("cc_portal", "cc_portal")
        page = self.url_open("/my/deliveries")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.picking.name, page.text)
        self.assertNotIn(other_picking.name, page.text)
        page = self.url_open("/my/returns")
        self.assertIn(mine.name, page.text)
        self.assertNotIn(theirs.name, page.text)
        # through the API too: their own company's deliveries and returns only
        self.assertEqual(
            self.picking.with_user(self.user_portal).read(["name"])[0]["name"], self.picking.name
        )
        with self.assertRaises(AccessError):
            other_picking.with_user(self.user_portal).read(["name"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_portal).read(["name"])
        self.assertEqual(mine.with_user(self.user_portal).read()[0]["name"], mine.name)

    def test_token_hidden_from_customers(self):
        self.picking._custcare_ensure_token()
        for user in (self.user_portal, self.user_staff):
            with self.assertRaises(AccessError):
                self.picking.with_user(user).read(["custcare_access_token"])

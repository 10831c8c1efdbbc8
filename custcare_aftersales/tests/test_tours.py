# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging
import time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.tour_common import CustcareTourCase

from .common import done_delivery

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestReturnTours(CustcareTourCase):
    """A customer return in a browser, in Chinese: after-sales registers and
    receives the goods, QC splits them, after-sales replaces the
    non-conforming ones (补货)."""

    ui_modules = ("contacts", "stock", "custcare_complaint", "custcare_aftersales")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = cls.tour_user("cc_tour_sales", "周凯", "custcare_base.group_custcare_user")
        cls.qc = cls.tour_user("cc_tour_qc", "钱进", "custcare_base.group_custcare_qc")
        cls.customer = cls.env["res.partner"].create(
            {"name": "华东精工机械有限公司", "is_company": True, "account_manager_id": cls.sales.id}
        )
        cls.valve = cls.env["product.product"].create(
            {"name": "液压阀 HV-200", "default_code": "HV-200", "is_storable": True}
        )
        cls.warehouse = cls.env.ref("stock.warehouse0")
        # the delivery the goods came with: 10 valves out of stock, its number as
        # the tour types it from the customer's delivery note
        cls.env["stock.quant"]._update_available_quantity(cls.valve, cls.warehouse.lot_stock_id, 10)
        cls.delivery = done_delivery(cls.env, cls.customer, cls.valve, 10)
        cls.delivery.name = "WH/OUT/TOUR01"

    def _qty(self, location):
        return sum(
            self.env["stock.quant"]
            .search([("product_id", "=", self.valve.id), ("location_id", "=", location.id)])
            .mapped("quantity")
        )

    def test_return_received_inspected_replenished(self):
        timings = {}
        for tour, user in (
            ("custcare_return_receive_tour", self.sales),
            ("custcare_return_inspect_tour", self.qc),
            ("custcare_return_replenish_tour", self.sales),
        ):
            start = time.monotonic()
            self.tour("/odoo", tour, login=user.login)
            timings[tour] = round(time.monotonic() - start, 1)
            ret = self.env["custcare.return"].search([("partner_id", "=", self.customer.id)])
            self.assertEqual(len(ret), 1)
            if tour == "custcare_return_receive_tour":
                self.assertRecordValues(
                    ret,
                    [
                        {
                            "state": "received",
                            "user_id": self.sales.id,
                            "create_uid": self.sales.id,
                            "picking_id": self.delivery.id,
                        }
                    ],
                )
                self.assertEqual(
                    ret.receipt_picking_id.move_ids.origin_returned_move_id,
                    self.delivery.move_ids,
                    "received as a return of that delivery",
                )
                self.assertRecordValues(
                    ret.line_ids, [{"product_id": self.valve.id, "quantity": 10.0}]
                )
                self.assertEqual(ret.receipt_picking_id.state, "done")
                self.assertEqual(self._qty(self.warehouse.custcare_inspection_loc_id), 10)
            elif tour == "custcare_return_inspect_tour":
                self.assertRecordValues(
                    ret, [{"state": "inspected", "inspected_by_id": self.qc.id}]
                )
                self.assertRecordValues(
                    ret.line_ids, [{"qty_conforming": 3.0, "qty_nonconforming": 7.0}]
                )
                self.assertRecordValues(
                    ret.conforming_picking_id | ret.nonconforming_picking_id,
                    [
                        {"state": "done", "location_dest_id": self.warehouse.lot_stock_id.id},
                        {
                            "state": "done",
                            "location_dest_id": self.warehouse.custcare_nonconforming_loc_id.id,
                        },
                    ],
                )
                self.assertEqual(self._qty(self.warehouse.custcare_inspection_loc_id), 0)
                self.assertEqual(self._qty(self.warehouse.lot_stock_id), 3)
                self.assertEqual(self._qty(self.warehouse.custcare_nonconforming_loc_id), 7)
        # 补货: a replacement delivery of the 7 non-conforming valves, and a
        # production notice for the 4 that stock cannot cover
        delivery = ret.replacement_picking_id
        self.assertRecordValues(
            delivery,
            [
                {
                    "custcare_replenishment": True,
                    "partner_id": self.customer.id,
                    "origin": ret.name,
                    "picking_type_id": self.warehouse.out_type_id.id,
                }
            ],
        )
        self.assertIn(delivery.state, ("confirmed", "assigned"))
        self.assertRecordValues(
            delivery.move_ids,
            [{"product_id": self.valve.id, "product_uom_qty": 7.0}],
        )
        # the 3 conforming valves back in stock are reserved for the customer
        self.assertEqual(delivery.move_ids.quantity, 3)
        self.assertRecordValues(ret.notice_ids, [{"product_id": self.valve.id, "quantity": 4.0}])
        self.assertIn(delivery.name, ret.message_ids[0].body)
        self.assertGreaterEqual(
            set(self.shots),
            {"return_list", "return_form", "return_inspected", "return_replenished"},
        )
        _logger.info("return tours (seconds): %s", timings)

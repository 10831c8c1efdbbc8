# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase


@tagged("post_install", "-at_install")
class TestTransactionCounts(CustcareCase):
    """以往交易记录: deliveries counted on the customer, in one query per batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_manager.group_ids |= cls.env.ref("stock.group_stock_user")
        cls.product = cls.env["product.product"].create({"name": "数控机床", "type": "consu"})
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"客户{i}", "is_company": True} for i in range(6)]
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "采购员", "parent_id": cls.customers[0].id}
        )
        picking_type = cls.env.ref("stock.picking_type_out")
        for partner in (cls.customers[0], cls.contact, cls.customers[1]):
            picking = cls.env["stock.picking"].create(
                {
                    "partner_id": partner.id,
                    "picking_type_id": picking_type.id,
                    "move_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": cls.product.id,
                                "product_uom_qty": 2,
                                "location_id": picking_type.default_location_src_id.id,
                                "location_dest_id": cls.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            },
                        )
                    ],
                }
            )
            picking.action_confirm()
            picking.move_ids.quantity = 2
            picking.button_validate()

    def test_delivery_counts(self):
        customers = self.customers.with_user(self.user_manager)
        self.assertEqual(customers[0].custcare_delivery_count, 2)  # its own and its contact's
        self.assertEqual(customers[1].custcare_delivery_count, 1)
        self.assertEqual(customers[2].custcare_delivery_count, 0)
        # without access to deliveries, nothing is counted (nor shown)
        self.assertEqual(self.customers[0].with_user(self.user_staff).custcare_delivery_count, 0)
        action = (
            customers[0].with_context(custcare_kind="delivery").action_open_custcare_transactions()
        )
        self.assertEqual(self.env["stock.picking"].search_count(action["domain"]), 2)

    def test_counts_cost_constant_queries(self):
        def queries(partners):
            partners = partners.with_user(self.user_manager)
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            partners.mapped("custcare_delivery_count")
            return self.env.cr.sql_log_count - start

        queries(self.customers[:1])  # warm-up
        few, many = queries(self.customers[:2]), queries(self.customers)
        self.assertGreater(few, 0)
        self.assertEqual(few, many)

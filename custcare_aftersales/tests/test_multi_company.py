# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import TrustMixin


@tagged("post_install", "-at_install")
class TestAftersalesMultiCompany(TrustMixin, TransactionCase):
    """Returns and service requests of company B never touch company A's
    records, locations or numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        cls.product = env["product.product"].create({"name": "变频器 VF-22", "is_storable": True})
        Warehouse = env["stock.warehouse"].sudo()
        cls.warehouse_a = Warehouse.search([("company_id", "=", cls.company_a.id)], limit=1)
        cls.warehouse_b = Warehouse.search([("company_id", "=", cls.company_b.id)], limit=1)
        out = cls.warehouse_a.out_type_id
        cls.delivery_a = env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": out.id,
                "move_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "product_uom_qty": 1,
                            "location_id": out.default_location_src_id.id,
                            "location_dest_id": env.ref("stock.stock_location_customers").id,
                        }
                    )
                ],
            }
        )
        cls.delivery_a.action_confirm()
        staff = cls.user_staff
        cls.records_a = [
            env["custcare.return"].with_user(staff).create({"partner_id": cls.customer.id}),
            env["custcare.service.request"]
            .with_user(staff)
            .create({"partner_id": cls.customer.id, "product_id": cls.product.id, "symptom": "x"}),
            env["custcare.visit"]
            .with_user(staff)
            .create({"partner_id": cls.customer.id, "plan_month": fields.Date.today()}),
            env["custcare.callback.plan"]
            .with_user(staff)
            .create({"name": "项目 A", "partner_id": cls.customer.id}),
        ]
        cls.as_b = cls.user_company_b

    def test_each_warehouse_has_its_own_return_locations(self):
        a, b = self.warehouse_a, self.warehouse_b
        self.assertTrue(b, "company B has its warehouse")
        for name in ("custcare_inspection_loc_id", "custcare_nonconforming_loc_id"):
            self.assertTrue(a[name] and b[name])
            self.assertNotEqual(a[name], b[name])
            self.assertEqual(b[name].company_id, self.company_b)
        self.assertEqual(b.custcare_inspection_type_id.company_id, self.company_b)

    def test_return_of_company_b_moves_through_company_b(self):
        before = self._next_numbers("custcare.return")
        ret = (
            self.env["custcare.return"]
            .with_user(self.as_b)
            .create(
                {
                    "partner_id": self.shared.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": self.product.id, "quantity": 3, "reason": "破损"}
                        )
                    ],
                }
            )
        )
        self._assert_numbered_in_b(ret, "custcare.return", before)
        ret.action_receive()
        ret.line_ids.write({"qty_conforming": 1, "qty_nonconforming": 2})
        ret.action_inspected()
        wh = self.warehouse_b
        ret = ret.sudo()
        moves = (
            ret.receipt_picking_id | ret.conforming_picking_id | ret.nonconforming_picking_id
        ).move_ids
        self.assertEqual(len(moves), 3)
        self.assertEqual(set(moves.mapped("company_id.id")), {self.company_b.id})
        self.assertEqual(ret.receipt_picking_id.location_dest_id, wh.custcare_inspection_loc_id)
        self.assertEqual(ret.conforming_picking_id.location_dest_id, wh.lot_stock_id)
        self.assertEqual(
            ret.nonconforming_picking_id.location_dest_id, wh.custcare_nonconforming_loc_id
        )
        internal = (moves.location_id | moves.location_dest_id).filtered(
            lambda loc: loc.usage == "internal"
        )
        self.assertEqual(set(internal.mapped("company_id.id")), {self.company_b.id})
        # nothing moved through company A's return locations
        Quant = self.env["stock.quant"].sudo()
        for name in ("custcare_inspection_loc_id", "custcare_nonconforming_loc_id"):
            location = self.warehouse_a[name]
            self.assertFalse(Quant.search([("location_id", "=", location.id)]))

    def test_service_request_numbered_by_company_b(self):
        before = self._next_numbers("custcare.service.request")
        request = (
            self.env["custcare.service.request"]
            .with_user(self.as_b)
            .create({"partner_id": self.shared.id, "product_id": self.product.id, "symptom": "y"})
        )
        self.assertEqual(request.company_id, self.company_b)
        self._assert_numbered_in_b(request, "custcare.service.request", before)

    def test_no_link_to_company_a(self):
        Return = self.env["custcare.return"].with_user(self.as_b)
        before = self.env["custcare.return"].search_count([])
        for vals in (
            {"partner_id": self.customer.id},
            {"partner_id": self.shared.id, "picking_id": self.delivery_a.id},
            {"partner_id": self.shared.id, "user_id": self.user_staff.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                Return.create(vals)
        self.assertEqual(self.env["custcare.return"].search_count([]), before)
        Service = self.env["custcare.service.request"].with_user(self.as_b)
        with self.assertRaises(UserError):
            Service.create(
                {"partner_id": self.shared.id, "product_id": self.product.id, "symptom": "z",
                 "picking_id": self.delivery_a.id}
            )  # fmt: skip

    def test_company_b_sees_nothing_of_company_a(self):
        ret, service, visit, plan = self.records_a
        self._assert_hidden_from_b([ret, service, visit, plan, plan.callback_ids[:1]])

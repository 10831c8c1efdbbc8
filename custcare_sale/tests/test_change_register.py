# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from .common import ContractReviewMixin


@tagged("post_install", "-at_install")
class TestChangeRegister(ContractReviewMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_sale()

    def _confirmed(self, lines):
        order = self._order(lines)
        self._approved(order)
        order.action_confirm()
        return order

    def _validate(self, picking):
        picking.action_assign()
        for move in picking.move_ids:
            move.quantity = move.product_uom_qty
        picking.move_ids.picked = True
        return picking.button_validate()

    def test_customer_change_requires_re_review(self):
        order = self._confirmed([(self.product, 2)])
        first = order.custcare_review_id
        picking = order.picking_ids
        self.assertFalse(order.custcare_rereview)
        # the customer asks for more: the salesperson changes the quantity
        order.order_line.with_user(self.user_sales).product_uom_qty = 5
        change = order.custcare_change_ids
        self.assertEqual(len(change), 1)
        self.assertEqual(change.reason_type, "customer_change")
        self.assertEqual(change.state, "open")
        self.assertEqual(change.registered_by_id, self.user_sales)
        self.assertIn("quantities changed", change.description)
        new = order.custcare_review_id
        self.assertNotEqual(new, first)
        self.assertEqual(new.revision, 2)
        self.assertEqual(new.change_id, change)
        self.assertEqual(change.new_review_id, new)
        self.assertEqual(first.superseded_by_id, new)
        self.assertEqual(first.approval_state, "approved")
        self.assertEqual(new.stock_line_ids.quantity, 5)
        self.assertTrue(order.custcare_rereview)
        self.assertIn(order, self.env["sale.order"].search([("custcare_rereview", "=", True)]))
        # the delivery waits for the new review
        with self.assertRaisesRegex(UserError, "new contract review .* is not approved yet"):
            self._validate(picking)
        self.assertNotEqual(picking.state, "done")
        with self.assertRaisesRegex(UserError, "not approved yet"):
            picking._action_done()
        # the new review needs the reason and the customer's agreement
        self._answer_all(new)
        with self.assertRaisesRegex(UserError, "Complete the change register entry"):
            new.with_user(self.user_sales).action_submit()
        change.with_user(self.user_sales).write(
            {
                "reason": "客户追加 3 件",
                "agreement_contact": "王采购",
                "agreement_date": fields.Date.today(),
                "agreement_method": "fax",
            }
        )
        with self.assertRaisesRegex(UserError, "closes itself"):
            change.action_done()
        new.with_user(self.user_sales).action_submit()
        new.with_user(self.user_cs_manager).action_approve()
        self.assertEqual(change.state, "done")
        self.assertFalse(order.custcare_rereview)
        # the change register keeps the entry as it was
        with self.assertRaisesRegex(UserError, "keeps it as it was"):
            change.with_user(self.user_sales).write({"reason": "改"})
        self._validate(order.picking_ids.filtered(lambda p: p.state != "done")[:1])

    def test_date_change_requires_re_review(self):
        order = self._confirmed([(self.product, 1)])
        order.with_user(self.user_sales).commitment_date = fields.Datetime.now() + timedelta(
            days=40
        )
        self.assertTrue(order.custcare_rereview)
        self.assertEqual(order.custcare_change_ids.reason_type, "customer_change")

    def test_company_delay_reissues_production_notices(self):
        order = self._confirmed([(self.machine, 5)])
        old = self.env["custcare.production.notice"].search([("sale_order_id", "=", order.id)])
        self.assertEqual(old.state, "open")
        Change = self.env["custcare.contract.review.change"].with_user(self.user_sales)
        # a delay names the company's reason
        with self.assertRaisesRegex(UserError, "company's reasons"):
            Change.create({"order_id": order.id, "reason_type": "company_delay"})
        new_date = fields.Datetime.now() + timedelta(days=20)
        change = Change.create(
            {
                "order_id": order.id,
                "reason_type": "company_delay",
                "cause": "material",
                "new_delivery_date": new_date,
            }
        )
        with self.assertRaisesRegex(UserError, "already has an open change"):
            Change.create(
                {"order_id": order.id, "reason_type": "company_delay", "cause": "quality"}
            )
        with self.assertRaisesRegex(UserError, "Complete"):
            change.action_done()
        self.assertEqual(change.state, "open")
        change.write(
            {
                "reason": "钢材到货延迟",
                "agreement_contact": "王采购",
                "agreement_date": fields.Date.today(),
            }
        )
        change.action_done()
        self.assertEqual(change.state, "done")
        self.assertEqual(order.commitment_date, new_date.replace(microsecond=0))
        # no re-review for the company's own delay
        self.assertFalse(order.custcare_rereview)
        self.assertEqual(old.state, "cancelled")
        self.assertIn(change.name, old.voided_by)
        self.assertEqual(len(change.notice_ids), 1)
        self.assertEqual(change.notice_ids.quantity, old.quantity)
        self.assertEqual(change.notice_ids.state, "open")
        if "mrp.production" in self.env:
            self.assertEqual(old.production_ref.state, "cancel")
            self.assertTrue(change.notice_ids.production_ref)

    def test_change_register_only_for_confirmed_orders(self):
        order = self._order([(self.product, 1)])
        with self.assertRaisesRegex(UserError, "is not confirmed"):
            self.env["custcare.contract.review.change"].with_user(self.user_sales).create(
                {"order_id": order.id, "reason_type": "customer_change"}
            )

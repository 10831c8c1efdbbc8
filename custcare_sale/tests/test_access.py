# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import ContractReviewMixin


@tagged("post_install", "-at_install")
class TestAccess(ContractReviewMixin, TransactionCase):
    """Refusals as the user who must be refused, with the calls of the
    external API (read, write, create, unlink, the buttons)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_sale()
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.user_sales_b = new_test_user(
            cls.env,
            "cs_sales_b",
            groups="sales_team.group_sale_salesman_all_leads,custcare_base.group_custcare_manager",
            company_id=cls.company_b.id,
            company_ids=[(6, 0, cls.company_b.ids)],
        )
        cls.portal = new_test_user(cls.env, "cs_portal", groups="base.group_portal")
        cls.customer.user_ids = cls.portal  # the customer's own portal user

    def _records(self):
        order = self._order([(self.machine, 5)])
        review = self._approved(order)
        order.action_confirm()
        order.order_line.product_uom_qty = 6
        return order, review, order.custcare_change_ids, order.custcare_review_id

    def test_other_company_refused(self):
        order, review, change, new = self._records()
        notice = self.env["custcare.production.notice"].search([("sale_order_id", "=", order.id)])
        for record in (review, change, new, notice, review.line_ids, review.stock_line_ids):
            with self.assertRaises(AccessError, msg=record._name):
                record.with_user(self.user_sales_b).read(["display_name"])
        Review = self.env["custcare.contract.review"].with_user(self.user_sales_b)
        self.assertFalse(Review.search([]))
        with self.assertRaises(AccessError):
            Review.create({"order_id": self._order([(self.product, 1)]).id})
        with self.assertRaises(AccessError):
            new.with_user(self.user_sales_b).action_approve()
        with self.assertRaises(AccessError):
            change.with_user(self.user_sales_b).write({"reason": "x"})
        with self.assertRaises(AccessError):
            self.env["custcare.review.answer"].with_user(self.user_sales_b).create(
                {"line_id": new.line_ids[0].id, "decision": "accepted"}
            ).action_answer()
        self.assertEqual(new.approval_state, "draft")

    def test_portal_refused(self):
        order, review, change, new = self._records()
        for model, record in (
            ("custcare.contract.review", review),
            ("custcare.contract.review.change", change),
            ("custcare.contract.review.line", review.line_ids[:1]),
            ("custcare.contract.review.stock.line", review.stock_line_ids[:1]),
            ("custcare.review.department", self.env.ref("custcare_sale.review_department_sales")),
        ):
            with self.assertRaises(AccessError, msg=model):
                record.with_user(self.portal).read(["display_name"])
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.portal).search([])
        with self.assertRaises(AccessError):
            self.env["custcare.contract.review.change"].with_user(self.portal).create(
                {"order_id": order.id, "reason_type": "customer_change"}
            )
        with self.assertRaises(AccessError):
            self.env["custcare.review.answer"].with_user(self.portal).create(
                {"line_id": new.line_ids[0].id, "decision": "accepted"}
            )

    def test_department_member_reads_but_does_not_edit(self):
        _order, _review, change, new = self._records()
        self.assertEqual(new.with_user(self.user_warehouse).read(["name"])[0]["name"], new.name)
        with self.assertRaises(AccessError):
            new.with_user(self.user_warehouse).write({"requirements": "x"})
        with self.assertRaises(AccessError):
            change.with_user(self.user_production).write({"reason": "x"})
        with self.assertRaises(AccessError):
            new.with_user(self.user_warehouse).unlink()

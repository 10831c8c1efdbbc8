# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import ContractReviewMixin


@tagged("post_install", "-at_install")
class TestContractReview(ContractReviewMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_sale()

    def test_bridge_installed_automatically(self):
        module = self.env["ir.module.module"].search([("name", "=", "custcare_sale")])
        self.assertEqual(module.state, "installed")
        self.assertTrue(module.auto_install)

    def test_confirmation_refused_without_approved_review(self):
        order = self._order([(self.product, 5)])
        with self.assertRaisesRegex(UserError, "needs its contract review before it is confirmed"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.picking_ids)
        # a direct write, as an RPC client could send it, is refused the same way
        with self.assertRaisesRegex(UserError, "needs its contract review"):
            order.write({"state": "sale"})
        self.assertEqual(order.state, "draft")
        # a review that is not approved yet does not do either
        review = self._review(order)
        self._answer_all(review)
        review.action_submit()
        with self.assertRaisesRegex(UserError, "is not approved"):
            order.action_confirm()
        self.assertEqual(order.state, "draft")
        # in Chinese for a Chinese user
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_sale"], ["zh_CN"])
        other = self._order([(self.product, 1)])
        with self.assertRaisesRegex(UserError, "合同评审"):
            other.with_context(lang="zh_CN").action_confirm()

    def test_company_rule_amount(self):
        self.env.company.write({"custcare_review_rule": "amount", "custcare_review_amount": 50000})
        small = self._order([(self.product, 1)])
        self.assertFalse(small.custcare_review_required)
        small.action_confirm()
        self.assertEqual(small.state, "sale")
        big = self._order([(self.machine, 1)])
        self.assertTrue(big.custcare_review_required)
        with self.assertRaises(UserError):
            big.action_confirm()
        self.env.company.custcare_review_rule = "none"
        big.action_confirm()
        self.assertEqual(big.state, "sale")

    def test_stock_sufficient_ships_from_stock(self):
        order = self._order([(self.product, 6)])
        review = self._approved(order)
        self.assertEqual(review.outcome, "stock")
        line = review.stock_line_ids
        self.assertEqual((line.quantity, line.free_qty, line.covered_qty), (6, 10, 6))
        self.assertEqual(line.shortage_qty, 0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertFalse(order.custcare_notice_count)
        picking = order.picking_ids
        self.assertEqual(len(picking), 1)
        picking.action_assign()
        picking.move_ids.quantity = 6
        picking.move_ids.picked = True
        picking.button_validate()
        self.assertEqual(picking.state, "done")

    def test_stock_short_production_notice_and_mo(self):
        order = self._order([(self.machine, 5), (self.product, 3)])
        review = self._approved(order)
        self.assertEqual(review.outcome, "production")
        short = review.stock_line_ids.filtered(lambda li: li.product_id == self.machine)
        self.assertEqual((short.free_qty, short.covered_qty, short.shortage_qty), (2, 2, 3))
        order.action_confirm()
        notice = self.env["custcare.production.notice"].search([("sale_order_id", "=", order.id)])
        self.assertEqual(len(notice), 1)
        self.assertEqual((notice.product_id, notice.quantity), (self.machine, 3))
        self.assertFalse(notice.replenishment)
        self.assertEqual(notice.review_id, review)
        self.assertEqual(order.custcare_notice_count, 1)
        if "mrp.production" in self.env:
            production = notice.production_ref
            self.assertEqual(production._name, "mrp.production")
            self.assertEqual(production.product_id, self.machine)
            self.assertEqual(production.product_qty, 3)
            self.assertIn(notice.name, production.origin)
            self.assertIn(order.name, production.origin)

    def _check_queries(self, count):
        products = self.env["product.product"].create(
            [{"name": f"配件{i}", "is_storable": True} for i in range(count)]
        )
        review = self._review(self._order([(p, 1) for p in products]))
        self.env.flush_all()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        review._custcare_check_stock()
        self.env.flush_all()
        self.assertEqual(len(review.stock_line_ids), count)
        return self.env.cr.sql_log_count - before

    def test_free_quantity_read_in_batch(self):
        """The stock check reads the free quantities of all the lines at
        once: 20 lines take no more queries than 2 (give or take a few)."""
        two = self._check_queries(2)
        twenty = self._check_queries(20)
        self.assertLessEqual(twenty, two + 4, f"2 lines: {two} queries, 20 lines: {twenty}")

    def test_department_line_answered_by_wrong_user_refused(self):
        order = self._order([(self.product, 1)])
        review = self._review(order)
        warehouse = review.line_ids.filtered(
            lambda li: li.department_id == self.env.ref("custcare_sale.review_department_warehouse")
        )
        for user in (self.user_sales, self.user_cs_qc, self.user_production):
            with self.assertRaisesRegex(AccessError, "Only a member of Warehouse"):
                self._answer(warehouse, user, "accepted")
        self.assertEqual(warehouse.state, "pending")
        self.assertFalse(warehouse.answered_by_id)
        # the answer is never written directly
        with self.assertRaises(UserError):
            warehouse.with_user(self.user_warehouse).write({"state": "accepted"})
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            warehouse.write({"state": "accepted"})
        # the member answers, with who and when; a point needs a remark
        with self.assertRaisesRegex(UserError, "Say which point"):
            self._answer(warehouse, self.user_warehouse, "point")
        self._answer(warehouse, self.user_warehouse, "point", "木箱包装需外购")
        self.assertEqual(warehouse.state, "point")
        self.assertEqual(warehouse.answered_by_id, self.user_warehouse)
        self.assertTrue(warehouse.answered_date)
        # a point raised stops the submission
        with self.assertRaisesRegex(UserError, "Every department must accept"):
            review.action_submit()
        # a manager answers for any department
        self._answer(warehouse, self.user_cs_manager, "accepted")
        self.assertEqual(warehouse.answered_by_id, self.user_cs_manager)

    def test_salesperson_does_not_approve_own_order(self):
        self.user_sales.group_ids |= self.env.ref("custcare_base.group_custcare_manager")
        order = self._order([(self.product, 1)])
        review = self._review(order)
        self._answer_all(review)
        review.action_submit()
        with self.assertRaisesRegex(AccessError, "concerns you"):
            review.with_user(self.user_sales).action_approve()
        with self.assertRaisesRegex(AccessError, "Only members of"):
            review.with_user(self.user_warehouse).action_approve()
        self.assertEqual(review.approval_state, "submitted")

    def test_approved_review_is_evidence(self):
        order = self._order([(self.product, 1)])
        review = self._approved(order)
        with self.assertRaisesRegex(UserError, "submitted or approved"):
            review.with_user(self.user_sales).write({"requirements": "改了"})
        with self.assertRaisesRegex(UserError, "submitted or approved"):
            review.with_user(self.user_cs_manager).write({"approval_state": "draft"})
        # workflow fields are never written, not even on a draft
        draft = self._review(self._order([(self.product, 2)]))
        for vals in (
            {"approval_state": "approved"},
            {"outcome": "stock"},
            {"stock_checked_date": False},
            {"revision": 3},
        ):
            with self.assertRaisesRegex(UserError, "change only through its actions"):
                draft.with_user(self.user_cs_manager).write(vals)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            review.with_user(self.user_cs_manager).unlink()
        with self.assertRaisesRegex(UserError, "no longer open"):
            review.action_check_stock()
        self.assertEqual(review.approval_state, "approved")
        # a second review of the same order is refused
        with self.assertRaisesRegex(UserError, "already has its contract review"):
            self.env["custcare.contract.review"].with_user(self.user_sales).create(
                {"order_id": order.id}
            )

    def test_quotation_changed_after_approval_is_reviewed_again(self):
        order = self._order([(self.product, 1)])
        review = self._approved(order)
        order.order_line.product_uom_qty = 4
        self.assertEqual(review.approval_state, "to_reapprove")
        self.assertEqual(set(review.line_ids.mapped("state")), {"pending"})
        self.assertEqual(review.stock_line_ids.quantity, 4)
        with self.assertRaisesRegex(UserError, "is not approved"):
            order.action_confirm()

    def test_retention_registration(self):
        Policy = self.env["custcare.retention.policy"]
        retainable = Policy._retainable_models()
        for model in (
            "custcare.contract.review",
            "custcare.contract.review.change",
            "custcare.production.notice",
        ):
            self.assertIn(model, retainable)
            policy = Policy.search([("model", "=", model)])
            self.assertTrue(policy, model)
            self.assertEqual(set(policy.mapped("years")), {2}, model)
        # a review past retention is proposed, and destroyed as the policy says
        order = self._order([(self.product, 1)])
        review = self._approved(order)
        review.sudo()._custcare_write({"requirements": "客户要求木箱包装"})
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE custcare_contract_review SET write_date = now() - interval '3 years' "
            "WHERE id = %s",
            [review.id],
        )
        review.invalidate_recordset()
        policy = self.env.ref("custcare_sale.retention_policy_contract_review")
        proposal = policy._propose()
        self.assertIn(
            review.id,
            proposal.line_ids.filtered(lambda li: li.res_model == review._name).mapped("res_id"),
        )
        erased = review._custcare_destroy()
        self.assertEqual(erased[review.id]["requirements"], "客户要求木箱包装")
        self.assertFalse(review.requirements)
        self.assertTrue(review.destroyed)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command
from odoo.tests import new_test_user


class ContractReviewMixin:
    """Sales staff, one user per reviewing department, a manager who
    approves, stocked products and a customer."""

    @classmethod
    def _setup_sale(cls):
        env = cls.env
        env.company.custcare_review_rule = "all"
        make = new_test_user
        cls.user_sales = make(
            env,
            "cs_sales",
            groups="sales_team.group_sale_salesman,custcare_base.group_custcare_user",
            name="赵销售",
        )
        cls.user_sales2 = make(env, "cs_sales2", groups="sales_team.group_sale_salesman")
        cls.user_warehouse = make(
            env, "cs_warehouse", groups="stock.group_stock_user", name="吴仓库"
        )
        cls.user_production = make(
            env, "cs_production", groups="custcare_sale.group_custcare_production", name="郑生产"
        )
        cls.user_cs_qc = make(env, "cs_qc", groups="custcare_base.group_custcare_qc", name="钱质检")
        cls.user_cs_manager = make(
            env,
            "cs_manager",
            groups="custcare_base.group_custcare_manager,sales_team.group_sale_salesman_all_leads",
            name="李经理",
        )
        cls.customer = env["res.partner"].create(
            {"name": "杭州宏达机械有限公司", "is_company": True}
        )
        cls.warehouse = env["stock.warehouse"].search(
            [("company_id", "=", env.company.id)], limit=1
        )
        cls.stock = cls.warehouse.lot_stock_id
        cls.product = env["product.product"].create(
            {"name": "螺杆组件 SJ-90", "is_storable": True, "list_price": 1200}
        )
        cls.machine = env["product.product"].create(
            {"name": "单螺杆挤出机 SJ-90", "is_storable": True, "list_price": 86000}
        )
        env["stock.quant"]._update_available_quantity(cls.product, cls.stock, 10)
        env["stock.quant"]._update_available_quantity(cls.machine, cls.stock, 2)

    def _order(self, lines, user=None):
        """A quotation of ``lines`` [(product, quantity)] by the salesperson."""
        user = user or self.user_sales
        return (
            self.env["sale.order"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "user_id": user.id,
                    "order_line": [
                        Command.create({"product_id": p.id, "product_uom_qty": q}) for p, q in lines
                    ],
                }
            )
        )

    def _review(self, order):
        """The review of ``order`` opened by its salesperson."""
        order.action_custcare_review()
        return order.custcare_review_id

    def _answer_all(self, review):
        """Each department answers its line, as one of its members."""
        members = {
            "custcare_sale.review_department_sales": self.user_sales,
            "custcare_sale.review_department_production": self.user_production,
            "custcare_sale.review_department_quality": self.user_cs_qc,
            "custcare_sale.review_department_warehouse": self.user_warehouse,
        }
        for xmlid, user in members.items():
            line = review.line_ids.filtered(lambda li, x=xmlid: li.department_id == self.env.ref(x))
            self._answer(line, user, "accepted")

    def _answer(self, line, user, decision, note=""):
        """As a member answers from the form: the answer dialog."""
        wizard = (
            self.env["custcare.review.answer"]
            .with_user(user)
            .create({"line_id": line.id, "decision": decision, "note": note})
        )
        return wizard.action_answer()

    def _approved(self, order):
        review = self._review(order)
        self._answer_all(review)
        review.with_user(self.user_sales).action_submit()
        review.with_user(self.user_cs_manager).action_approve()
        return review

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command, fields
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import AccessMatrixTests, TrustMixin

# What each role may do with a record of an order that the "user" role sells
# (a Customer Care user who is also a salesperson; the colleague sells too):
# R read, W write an ordinary field, C create, D delete it while it is a
# draft; "-" refused. A review is read by every internal user of its company
# (each department answers it); answers and stock checks are written by the
# system only; change register entries are evidence from the start.
# See custcare_base/tests/test_access_matrix.py.
# fmt: off
MATRIX = {
    # model                                 user coll qc   kpr  mgr  gm   prt  oprt coB
    "custcare.contract.review":            "RWC- R--- R--- R--- R--D R--D ---- ---- ----",
    "custcare.contract.review.line":       "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "custcare.contract.review.stock.line": "R--- R--- R--- R--- R--- R--- ---- ---- ----",
    "custcare.contract.review.change":     "RWC- R--- R--- R--- R--- R--- ---- ---- ----",
    "custcare.review.department":          "R--- R--- R--- R--- RWC- RWC- ---- ---- RW--",
    "custcare.review.answer":              "RWC- RWC- RWC- RWC- RWC- RWC- ---- ---- RW--",
}
# fmt: on


@tagged("post_install", "-at_install")
class TestSaleAccessMatrix(AccessMatrixTests, TrustMixin, TransactionCase):
    """Every custcare_sale model × every role × read/write/create/delete,
    every protected field × every role, evidence never deleted."""

    MATRIX = MATRIX
    ADDON = "custcare_sale"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        env.company.custcare_review_rule = "all"
        salesman = env.ref("sales_team.group_sale_salesman")
        (cls.user_staff | cls.user_colleague).group_ids = [Command.link(salesman.id)]
        cls.product, cls.other_product = env["product.product"].create(
            [
                {"name": "变频器 VF-22", "is_storable": True},
                {"name": "IGBT 模块", "is_storable": True},
            ]
        )
        stock = env["stock.warehouse"].search([("company_id", "=", env.company.id)], limit=1)
        env["stock.quant"]._update_available_quantity(cls.product, stock.lot_stock_id, 5)

        def order(qty=1):
            return (
                env["sale.order"]
                .with_user(cls.user_staff)
                .create(
                    {
                        "partner_id": cls.customer.id,
                        "user_id": cls.user_staff.id,
                        "order_line": [
                            Command.create({"product_id": cls.product.id, "product_uom_qty": qty})
                        ],
                    }
                )
            )

        def approved(sale):
            sale.action_custcare_review()
            review = sale.custcare_review_id
            review.line_ids.with_user(cls.user_manager)._custcare_answer("accepted", "")
            review.with_user(cls.user_staff).action_submit()
            review.with_user(cls.user_manager).action_approve()
            return review

        cls.order = order()
        cls.order.action_custcare_review()
        cls.review = cls.order.custcare_review_id
        cls.free_order = order(2)  # a quotation without review
        cls.review_approved = approved(order(3))
        confirmed = order(4)
        approved(confirmed)
        confirmed.action_confirm()
        cls.change = (
            env["custcare.contract.review.change"]
            .with_user(cls.user_staff)
            .create({"order_id": confirmed.id, "reason_type": "customer_change"})
        )
        cls.confirmed_free = order(1)
        approved(cls.confirmed_free)
        cls.confirmed_free.action_confirm()
        cls.department = env.ref("custcare_sale.review_department_sales")
        cls.answer = (
            env["custcare.review.answer"]
            .with_user(cls.user_staff)
            .create({"line_id": cls.review.line_ids[0].id, "decision": "accepted"})
        )

    def _specs(self):
        return {
            "custcare.contract.review": {
                "record": self.review,
                "write": {"requirements": "木箱包装"},
                "create": lambda u: {"order_id": self.free_order.id},
                "evidence": [self.review_approved],
            },
            "custcare.contract.review.line": {
                "record": self.review.line_ids[:1],
                "read": ["department_id", "state"],
                "write": {"note": "伪造"},
                "create": lambda u: {
                    "review_id": self.review.id,
                    "department_id": self.department.id,
                },
                "evidence": [],
            },
            "custcare.contract.review.stock.line": {
                "record": self.review.stock_line_ids[:1],
                "read": ["product_id", "quantity"],
                "write": {"description": "伪造"},
                "create": lambda u: {"review_id": self.review.id, "product_id": self.product.id},
            },
            "custcare.contract.review.change": {
                "record": self.change,
                "write": {"reason": "客户追加"},
                "create": lambda u: {
                    "order_id": self.confirmed_free.id,
                    "reason_type": "customer_change",
                },
                "evidence": [self.change],
            },
            "custcare.review.department": {
                "record": self.department,
                "write": {"review_points": "价格"},
                "create": lambda u: {
                    "name": "技术部",
                    "group_id": self.env.ref("base.group_user").id,
                },
            },
            "custcare.review.answer": {
                "record": self.answer,
                "read": ["decision"],
                "write": {"note": "同意"},
                "create": lambda u: {
                    "line_id": self.review.line_ids[0].id,
                    "decision": "accepted",
                },
            },
        }

    def test_review_of_the_day(self):
        self.assertEqual(self.review.stock_checked_date.date(), fields.Date.today())

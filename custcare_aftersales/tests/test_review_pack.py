# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase


@tagged("post_install", "-at_install")
class TestAftersalesReviewSections(CustcareHttpCase):
    """The after-sales sections of the management review input (returns and
    their inspection, services, callbacks and what customers said in them),
    and the whole pack printed in Chinese as the general manager reads it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.customer = env["res.partner"].create(
            {"name": "宁波甬江电器有限公司", "is_company": True}
        )
        cls.motor = env["product.product"].create({"name": "电机 Y2-90L", "is_storable": True})
        stock = env.ref("stock.stock_location_stock")
        env["stock.quant"]._update_available_quantity(cls.motor, stock, 10)

    def _inspected_return(self, quantity, conforming):
        ret = (
            self.env["custcare.return"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "line_ids": [
                        (
                            0,
                            0,
                            {"product_id": self.motor.id, "quantity": quantity, "reason": "异响"},
                        )
                    ],
                }
            )
        )
        ret.action_receive()
        ret.line_ids.with_user(self.user_qc).write(
            {"qty_conforming": conforming, "qty_nonconforming": quantity - conforming}
        )
        ret.with_user(self.user_qc).action_inspected()
        return ret

    def _plan_with_callbacks(self, satisfactions):
        with freeze_time(date.today().replace(month=1, day=1)):
            plan = (
                self.env["custcare.callback.plan"]
                .with_user(self.user_staff)
                .create({"name": "SO2026-0101 电机", "partner_id": self.customer.id})
            )
        for callback, satisfaction in zip(plan.callback_ids, satisfactions, strict=False):
            callback.write({"contact_name": "陈工", "satisfaction": satisfaction})
            callback.action_done()
        return plan

    def test_return_and_service_figures_then_the_printed_pack(self):
        self._print_in("zh_CN", ["custcare_complaint", "custcare_aftersales"])
        self._inspected_return(6, 4)
        self._inspected_return(4, 4)
        self._plan_with_callbacks(["5", "4", "2"])
        today = fields.Date.today()
        pack = (
            self.env["custcare.review.pack"]
            .with_user(self.user_manager)
            .create(
                {
                    "date_from": today.replace(month=1, day=1),
                    "date_to": today.replace(month=12, day=31),
                    "conclusion": "<p>退货以电机异响为主，建议加强出厂噪声检测。</p>",
                }
            )
        )
        pack.action_gather()
        sections = {s["key"]: s for s in pack.data["sections"]}
        self.assertLessEqual({"capa", "complaints", "returns", "services"}, set(sections))
        self.assertEqual(
            [s["key"] for s in pack.data["sections"]],
            sorted(sections, key=lambda key: sections[key]["sequence"]),
            "in the order of the review",
        )
        returns = [k["value"] for k in sections["returns"]["kpis"]]
        self.assertEqual(returns, [2, "10", "8", "2", 0])
        self.assertEqual(sections["returns"]["kpis"][3]["note"], "20.0 %")
        [product_row] = sections["returns"]["tables"][1]["rows"]
        self.assertEqual(product_row[1:], ["10", 2])
        services = sections["services"]
        callbacks_made = services["kpis"][1]
        self.assertEqual(callbacks_made["value"], 3)
        self.assertEqual(services["kpis"][2]["value"], "66.7 %", "two of three satisfied")
        [said] = services["bars"]
        self.assertEqual([i["value"] for i in said["items"]], [1.0, 1.0, 0.0, 1.0, 0.0])
        pack.action_submit()
        pack.with_user(self.user_gm).action_approve()
        self.assertPrinted(
            "custcare_base.report_custcare_review_pack",
            pack,
            ["custcare_complaint", "custcare_aftersales"],
            save_as="review_pack.pdf",
            title="管理评审输入",
            number=pack.name,
            code="Q/CC-JL008",
            words=(
                "客户投诉",
                "客户退货",
                "电机Y2-90L",
                "回访",
                "纠正和预防措施",
                "加强出厂噪声检测",
            ),
        )

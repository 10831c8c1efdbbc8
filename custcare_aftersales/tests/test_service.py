# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase

REPORTS = {
    "repair_tag": ("Q/CC-JL305", "维修卡"),
    "pickup_receipt": ("Q/CC-JL304", "用户产品领取收据"),
    "repair_report": ("Q/CC-JL306", "维修报表"),
    "service_voucher": ("Q/CC-JL303", "服务凭证"),
}


@tagged("post_install", "-at_install")
class TestService(CustcareHttpCase):
    """售后服务: warranty decides free, agreement or paid; the repair from intake
    to hand-back; the four service forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._print_in("zh_CN", ["custcare_aftersales"])
        cls.customer = cls.env["res.partner"].create(
            {"name": "武汉长江重工有限公司", "is_company": True, "lang": "zh_CN"}
        )
        cls.extruder = cls.env["product.product"].create(
            {"name": "单螺杆挤出机 SJ-90", "custcare_warranty_months": 12}
        )
        cls.screw = cls.env["product.product"].create({"name": "螺杆组件"})
        cls.lot = cls.env["stock.lot"].create(
            {"name": "SN-2025-0419", "product_id": cls.extruder.id}
        )

    def _request(self, request_date, **vals):
        return (
            self.env["custcare.service.request"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "contact_name": "刘工",
                    "product_id": self.extruder.id,
                    "lot_id": self.lot.id,
                    "delivery_date": "2025-05-10",
                    "request_date": request_date,
                    "symptom": "挤出量下降，电流波动。",
                    **vals,
                }
            )
        )

    def test_warranty_decides_the_kind(self):
        inside = self._request("2026-05-10")
        self.assertEqual(str(inside.warranty_end), "2026-05-10")
        self.assertEqual(inside.kind, "free")
        outside = self._request("2026-05-11")
        self.assertEqual(outside.kind, "paid")
        self.customer.sudo().custcare_agreement_until = "2026-12-31"
        covered = self._request("2026-06-01")
        self.assertEqual(covered.kind, "contract")
        # a longer warranty on the product makes it free again
        self.extruder.custcare_warranty_months = 24
        self.assertEqual(outside.kind, "free")

    def test_repair_flow_costs_and_refusals(self):
        request = self._request("2026-07-01")
        self.assertTrue(request.name.startswith("FW"))
        with self.assertRaises(UserError):
            request.action_repaired()  # not in yet
        with freeze_time("2026-07-02"):
            request.action_receive_product()
        self.assertEqual(str(request.intake_date), "2026-07-02")
        with self.assertRaises(UserError):
            request.action_repaired()  # no diagnosis
        request.write(
            {
                "diagnosis": "螺杆磨损超限，更换螺杆组件。",
                "hours": 6,
                "hourly_rate": 150,
                "part_ids": [
                    (0, 0, {"product_id": self.screw.id, "quantity": 1, "unit_cost": 8600})
                ],
            }
        )
        self.assertEqual(request.total_cost, 9500)
        self.assertEqual(request.amount_charged, 9500, "out of warranty: paid")
        request.action_repaired()
        with self.assertRaises(UserError):
            request.action_return_product()  # nobody picked it up
        request.picked_up_by = "刘工"
        with freeze_time("2026-07-05"):
            request.action_return_product()
        self.assertEqual(request.state, "returned")
        free = self._request("2026-01-15", hours=2, hourly_rate=150)
        self.assertEqual(free.kind, "free")
        self.assertEqual(free.amount_charged, 0)
        self.assertEqual(request._service_history(), free | request)
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                request.with_user(user).read(["symptom"])
        with self.assertRaises(AccessError):
            request.with_user(self.user_staff).unlink()

    def test_service_forms(self):
        self._request("2026-01-15", diagnosis="温控器接线松动，已紧固。")
        request = self._request(
            "2026-07-01",
            diagnosis="螺杆磨损超限，更换螺杆组件。",
            hours=6,
            hourly_rate=150,
            picked_up_by="刘工",
            part_ids=[(0, 0, {"product_id": self.screw.id, "quantity": 1, "unit_cost": 8600})],
        )
        with freeze_time("2026-07-02"):
            request.action_receive_product()
            request.action_repaired()
        with freeze_time("2026-07-05"):
            request.action_return_product()
        pages = {}
        for key, (code, title) in REPORTS.items():
            html, text, _pdf = self.render_controlled(
                f"custcare_aftersales.action_report_custcare_{key}",
                request,
                ["custcare_aftersales"],
                f"{key}.pdf",
            )
            pages[key] = html
            for expected in (title, "武汉长江重工有限公司", "SN-2025-0419", "编制", "审核", "批准"):
                self.assertIn(expected, html, key)
            self.assertIn(code, text, key)
            self.assertIn(request.name, text, key)
            self.assertIn("第1页/共1页", text.replace(" ", ""), key)
        self.assertIn("螺杆组件", pages["repair_report"])
        self.assertIn("9,500.00", pages["repair_report"])
        self.assertIn(
            "温控器接线松动", pages["service_voucher"], "the earlier service is in the history"
        )

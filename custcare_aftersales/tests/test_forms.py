# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase, flat

CUSTOMER = "日升一号汽车零部件有限公司"


@tagged("post_install", "-at_install")
class TestAftersalesForms(CustcareHttpCase):
    """The after-sales forms over several pages, as a user prints them: each
    page with title, number, code, revision, page x of y and the header row
    of its list; no row on two pages; 客户, 日期 and the customer searchable;
    quantities with their unit, dates in the company's timezone; the forms
    the rulebooks name that printed nothing before (生产通知单, 客户退货,
    客服登记本, 用户产品进出登记本, 巡访计划, 赠送礼品申请)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls._print_in("zh_CN", ["uom", "custcare_aftersales"])
        cls.user_manager.group_ids |= env.ref("stock.group_stock_user")
        cls.customer = env["res.partner"].create(
            {"name": CUSTOMER, "is_company": True, "lang": "zh_CN", "city": "上海"}
        )
        cls.set_unit = env["uom.uom"].create({"name": "台", "relative_factor": 1.0})
        cls.parts = env["product.product"].create(
            [{"name": f"配件P{i:03d}", "is_storable": True} for i in range(1, 101)]
        )
        cls.machine = env["product.product"].create(
            {
                "name": "数控车床 CK6150",
                "is_storable": True,
                "uom_id": cls.set_unit.id,
                "custcare_warranty_months": 12,
            }
        )
        stock = env.ref("stock.stock_location_stock")
        Quant = env["stock.quant"]
        for product in cls.parts | cls.machine:
            Quant._update_available_quantity(product, stock, 50)
        picking_type = env.ref("stock.picking_type_out")
        customers = env.ref("stock.stock_location_customers")
        cls.picking = env["stock.picking"].create(
            {
                "partner_id": cls.customer.id,
                "picking_type_id": picking_type.id,
                "origin": "SO2026-0366",
                "custcare_carrier": "顺丰速运 浙A·12345",
                "move_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "product_uom_qty": qty,
                            "location_id": stock.id,
                            "location_dest_id": customers.id,
                        }
                    )
                    for product, qty in [(p, 3) for p in cls.parts] + [(cls.machine, 2)]
                ],
            }
        )
        picking = cls.picking.with_user(cls.user_manager)
        picking.action_confirm()
        picking.action_assign()
        picking.move_ids.picked = True
        picking.button_validate()
        # validated at 00:35 in Shanghai on the 23rd
        cls.picking.date_done = "2026-11-22 16:35:00"

        # registered in the past: intake dates are set as the system would have
        Service = env["custcare.service.request"].sudo()
        cls.services = Service.create(
            [
                {
                    "partner_id": cls.customer.id,
                    "contact_name": "刘工",
                    "channel": "phone" if i % 2 else "letter",
                    "product_id": cls.machine.id,
                    "delivery_date": "2026-03-01",
                    "request_date": f"2026-11-{1 + i % 28:02d}",
                    "symptom": f"来电S{i:03d}：主轴异响。",
                    "diagnosis": f"诊断S{i:03d}：轴承磨损，更换轴承。",
                    "intake_date": f"2026-11-{1 + i % 28:02d}",
                    "user_id": cls.user_staff.id,
                }
                for i in range(1, 61)
            ]
        )
        cls.service = cls.services[-1]
        cls.service.write(
            {
                "part_ids": [
                    Command.create({"product_id": p.id, "quantity": 2, "unit_cost": 10})
                    for p in cls.parts[:60]
                ],
                "hours": 6,
                "hourly_rate": 150,
            }
        )

    def test_delivery_note(self):
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_delivery_note",
            self.picking,
            ["uom", "custcare_aftersales"],
            "delivery_note_pages.pdf",
            title="交货单",
            number=self.picking.name,
            code="Q/CC-JL301",
            header=("序号", "产品", "批号／序列号", "数量", "单位"),
            rows=[f"配件P{i:03d}" for i in range(1, 101)],
            words=("客户", "日期", CUSTOMER, "顺丰速运", "2026年11月23日"),
        )
        self.assertGreaterEqual(len(texts), 3)
        last = texts[-1]
        # totals per unit, the unit in its own column, no "10.00 单位"
        self.assertIn(flat("300 单位"), last)
        self.assertIn(flat("2 台"), last)
        self.assertNotIn("3.00", "".join(texts))
        # shipper and carrier sign; the customer's receipt block
        self.assertIn(flat("仓库发货：李经理"), last.replace(":", "："))
        self.assertIn("客户签收", last)

    def test_repair_report_and_voucher(self):
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_repair_report",
            self.service,
            ["uom", "custcare_aftersales"],
            "repair_report_pages.pdf",
            title="维修报表",
            number=self.service.name,
            code="Q/CC-JL306",
            header=("序号", "配件", "数量", "单位成本", "小计"),
            rows=[f"配件P{i:03d}" for i in range(1, 61)],
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_service_voucher",
            self.service,
            ["uom", "custcare_aftersales"],
            "service_voucher_pages.pdf",
            title="服务凭证",
            number=self.service.name,
            code="Q/CC-JL303",
            header=("编号", "日期", "类别"),
            rows=[s.symptom[:6] for s in self.services.sorted(lambda s: (s.request_date, s.id))],
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)

    def test_repair_tag_and_receipts(self):
        """维修卡 is an A6 tag; 用户产品领取收据 at intake and at hand-back."""
        service = self.services[0]
        service.symptom = "\n".join(f"现象X{i:02d}：主轴异响，温升过高。" for i in range(1, 81))
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_repair_tag",
            service,
            ["uom", "custcare_aftersales"],
            "repair_tag.pdf",
            title="维修卡",
            number=service.name,
            code="Q/CC-JL305",
            rows=[f"现象X{i:02d}" for i in range(1, 81)],
            words=("客户", "日期"),
        )
        self.assertGreaterEqual(len(texts), 2)
        self.assertIn(CUSTOMER, texts[0])
        intake = self.render_pdf(
            "custcare_aftersales.action_report_custcare_pickup_receipt",
            service,
            ["uom", "custcare_aftersales"],
            "pickup_receipt_intake.pdf",
        )
        texts = self.assertFormPages(
            intake,
            title="用户产品领取收据",
            number=service.name,
            code="Q/CC-JL304",
            rows=[f"现象X{i:02d}" for i in range(1, 81)],
            words=("客户", "日期", CUSTOMER, "收件联", "凭此收据领取产品"),
        )
        self.assertGreaterEqual(len(texts), 2)
        self.assertNotIn("交还联", "".join(texts))
        service.sudo().write({"state": "done", "picked_up_by": "刘工"})
        service.with_user(self.user_staff).action_return_product()
        back = self.render_pdf(
            "custcare_aftersales.action_report_custcare_pickup_receipt",
            service,
            ["uom", "custcare_aftersales"],
            "pickup_receipt_back.pdf",
        )
        texts = self.assertFormPages(
            back,
            title="用户产品领取收据",
            number=service.name,
            code="Q/CC-JL304",
            words=("客户", "日期", "交还联", "领取人"),
        )
        self.assertNotIn("收件联", "".join(texts))

    def test_registers(self):
        """客服登记本 and 用户产品进出登记本 of a month, 巡访计划 of a year."""
        Wizard = self.env["custcare.register.print"].with_user(self.user_staff)
        month = Wizard.create(
            {
                "report_id": self.env.ref(
                    "custcare_aftersales.action_report_custcare_service_log"
                ).id,
                "date_from": "2026-11-01",
                "date_to": "2026-11-30",
            }
        )
        self.assertEqual(
            month.action_print()["report_name"], "custcare_aftersales.report_custcare_service_log"
        )
        entries = [f"来电S{i:03d}" for i in sorted(range(1, 61), key=lambda i: (1 + i % 28, i))]
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_service_log",
            month,
            ["uom", "custcare_aftersales"],
            "service_log.pdf",
            title="客服登记本",
            number="KF-202611",
            code="Q/CC-JL309",
            header=("序号", "日期", "编号", "客户"),
            rows=entries,
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_product_register",
            month,
            ["uom", "custcare_aftersales"],
            "product_register.pdf",
            title="用户产品进出登记本",
            number="JC-202611",
            code="Q/CC-JL310",
            header=("序号", "编号", "客户"),
            rows=[s.name for s in self.services.sorted(lambda s: (s.intake_date, s.id))],
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)

        Visit = self.env["custcare.visit"].with_user(self.user_staff)
        visits = Visit.create(
            [
                {
                    "partner_id": self.customer.id,
                    "plan_type": "annual",
                    "plan_month": f"2026-{1 + i % 12:02d}-01",
                    "visitor_id": self.user_staff.id,
                }
                for i in range(48)
            ]
        )
        year = Wizard.create(
            {
                "report_id": self.env.ref(
                    "custcare_aftersales.action_report_custcare_visit_plan"
                ).id,
                "period": "year",
                "date_from": "2026-01-01",
                "date_to": "2026-12-31",
            }
        )
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_visit_plan",
            year,
            ["uom", "custcare_aftersales"],
            "visit_plan.pdf",
            title="年度/月度巡访计划",
            number="XF-2026",
            code="Q/CC-JL311",
            header=("序号", "月份"),
            rows=visits.sorted(lambda v: (v.plan_month, v.id)).mapped("name"),
            words=("客户", "日期", CUSTOMER, "年度巡访计划"),
        )
        self.assertGreaterEqual(len(texts), 2)

    def test_return_and_production_notice(self):
        ret = (
            self.env["custcare.return"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "line_ids": [
                        Command.create(
                            {"product_id": p.id, "quantity": 1, "reason": f"退货R{i:03d}"}
                        )
                        for i, p in enumerate(self.parts[:70], start=1)
                    ],
                }
            )
        )
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_return",
            ret,
            ["uom", "custcare_aftersales"],
            "return.pdf",
            title="客户退货处理记录",
            number=ret.name,
            code="Q/CC-JL308",
            rows=[f"退货R{i:03d}" for i in range(1, 71)],
            words=("客户", "日期", CUSTOMER, "补货"),
        )
        self.assertGreaterEqual(len(texts), 2)
        for text in texts:
            self.assertIn("草稿", text)
        notice = self.env["custcare.production.notice"].create(
            {"return_id": ret.id, "product_id": self.machine.id, "quantity": 2}
        )
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_production_notice",
            notice,
            ["uom", "custcare_aftersales"],
            "production_notice.pdf",
            title="生产通知单",
            number=notice.name,
            code="Q/CC-JL307",
            header=("序号", "产品", "数量", "单位"),
            words=("客户", "日期", CUSTOMER, "补货", "台"),
        )

    def test_visit_report_and_gift(self):
        visit = (
            self.env["custcare.visit"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": self.customer.id,
                    "plan_month": "2026-11-01",
                    "visitor_id": self.user_staff.id,
                    "manager_id": self.user_manager.id,
                    "visit_date": "2026-11-12",
                    "key_gains": "\n".join(
                        f"收获G{i:02d}：确认下季度订单意向。" for i in range(1, 61)
                    ),
                    "customer_reaction": "对交货及时性满意。",
                }
            )
        )
        gift = (
            self.env["custcare.gift.request"]
            .with_user(self.user_staff)
            .create(
                {
                    "visit_id": visit.id,
                    "name": "茶叶礼盒",
                    "value": 600,
                    "reason": "\n".join(f"理由L{i:02d}：年终拜访采购部。" for i in range(1, 61)),
                }
            )
        )
        gift.action_submit()
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_visit",
            visit,
            ["uom", "custcare_aftersales"],
            "visit_pages.pdf",
            title="走访用户汇报",
            number=visit.name,
            code="Q/CC-JL302",
            rows=[f"收获G{i:02d}" for i in range(1, 61)],
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)
        texts = self.assertPrinted(
            "custcare_aftersales.action_report_custcare_gift_request",
            gift,
            ["uom", "custcare_aftersales"],
            "gift_request.pdf",
            title="赠送礼品申请",
            number=f"LP{gift.id:05d}",
            code="Q/CC-JL312",
            rows=[f"理由L{i:02d}" for i in range(1, 61)],
            words=("客户", "日期", CUSTOMER, "茶叶礼盒"),
        )
        self.assertGreaterEqual(len(texts), 2)
        for text in texts:
            self.assertIn("未批准", text)

    def test_supervision_service_figures(self):
        """服务监督报告 counts the month's 服务受理 and 主动维护."""
        report = (
            self.env["custcare.service.supervision"]
            .with_user(self.user_manager)
            .create({"date_from": "2026-11-01", "date_to": "2026-11-30"})
        )
        stats = report._statistics()
        self.assertEqual(stats["services"]["received"], 60)
        texts = self.assertPrinted(
            "custcare_complaint.action_report_custcare_service_supervision",
            report,
            ["uom", "custcare_complaint", "custcare_aftersales"],
            "supervision_services.pdf",
            title="服务监督报告",
            number=report.name,
            code="Q/CC-JL104",
            words=("客户", "日期", "服务受理", "主动维护", "回访", "走访"),
        )
        self.assertIn(flat("受理服务请求60"), "".join(texts))

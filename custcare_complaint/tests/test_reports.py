# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase


@tagged("post_install", "-at_install")
class TestComplaintReport(CustcareHttpCase):
    """客户投诉登记及处理报告, printed with Chinese data."""

    def test_complaint_report(self):
        customer = self.env["res.partner"].create(
            {"name": "苏州精工电子有限公司", "is_company": True}
        )
        complaint = (
            self.env["custcare.complaint"]
            .with_user(self.user_staff)
            .create(
                {
                    "partner_id": customer.id,
                    "contact_name": "王采购",
                    "contact_phone": "0512-62880000",
                    "severity": "major",
                    "lot_ref": "20261105-A",
                    "description": "<p>11 月 5 日批次外壳尺寸超差 0.3 mm，共 200 件。</p>",
                }
            )
        )
        complaint.action_start_investigation()
        complaint.write(
            {
                "root_cause": "<p>夹具磨损导致定位偏移。</p>",
                "responsibility": "company",
                "result": "<p>200 件全部换货，更换夹具并加严首检。</p>",
            }
        )
        complaint.with_user(self.user_qc).action_create_capa()
        self._verify_capa(complaint.capa_id)
        complaint.action_submit_result()
        complaint.with_user(self.user_gm).action_approve()
        complaint.write(
            {
                "feedback_date": fields.Date.today(),
                "feedback_method": "phone",
                "customer_reaction": "客户接受处理方案。",
            }
        )
        complaint.action_close()

        html, text, _pdf = self.render_controlled(
            "custcare_complaint.action_report_custcare_complaint",
            complaint,
            ["custcare_complaint"],
            "complaint.pdf",
        )
        for expected in (
            "客户投诉登记及处理报告",
            "苏州精工电子有限公司",
            "夹具磨损",
            "客户接受处理方案",
            "首问负责人",
            "赵销售",
            "王总",
            "编制",
            "审核",
            "批准",
        ):
            self.assertIn(expected, html)
        for expected in ("Q/CC-JL101", complaint.name, complaint.capa_id.name):
            self.assertIn(expected, text)
        self.assertIn("第1页/共1页", text.replace(" ", ""))

    def test_fault_report(self):
        customer = self.env["res.partner"].create(
            {
                "name": "深圳深达新材料股份有限公司",
                "is_company": True,
                "email": "qa@shenda.example.cn",
            }
        )
        Fault = self.env["custcare.fault.report"]
        # only QC and managers write fault reports
        with self.assertRaises(AccessError):
            Fault.with_user(self.user_staff).create(
                {
                    "partner_id": customer.id,
                    "occurred_at": fields.Datetime.now(),
                    "place": "x",
                    "symptoms": "<p>x</p>",
                }
            )
        fault = Fault.with_user(self.user_qc).create(
            {
                "partner_id": customer.id,
                "occurred_at": "2026-11-20 06:30:00",
                "place": "客户 2 号注塑车间",
                "symptoms": "<p>挤出机温控器失灵，料筒超温报警。</p>",
                "sales_user_id": self.user_staff.id,
            }
        )
        with self.assertRaises(UserError):
            fault.action_send()  # cause and plan missing
        fault.write(
            {
                "response_plan": "<p>4 小时内派工程师到场，更换温控模块。</p>",
                "impact": "<p>停机 6 小时，报废原料 300 kg。</p>",
                "cause": "<p>温控模块批次缺陷。</p>",
            }
        )
        fault.with_context(force_report_rendering=True).action_send()
        self.assertEqual(fault.state, "sent")
        message = fault.message_ids.filtered(lambda m: m.attachment_ids)[:1]
        self.assertIn(customer, message.partner_ids)
        self.assertIn(self.user_staff.partner_id, message.partner_ids)
        html, text, _pdf = self.render_controlled(
            "custcare_complaint.action_report_custcare_fault",
            fault,
            ["custcare_complaint"],
            "fault.pdf",
        )
        for expected in ("故障分析报告", "温控器失灵", "2 号注塑车间", "停机 6 小时", "赵销售"):
            self.assertIn(expected, html)
        self.assertIn("Q/CC-JL103", text)
        self.assertIn(fault.name, text)

    def test_service_supervision_report(self):
        customer = self.env["res.partner"].create(
            {"name": "杭州西湖精密仪器有限公司", "is_company": True}
        )
        Complaint = self.env["custcare.complaint"].with_user(self.user_staff)
        for category, severity in (
            ("quality", "major"),
            ("quality", "critical"),
            ("service", "minor"),
        ):
            Complaint.create(
                {
                    "partner_id": customer.id,
                    "category": category,
                    "severity": severity,
                    "received_at": "2026-10-12 02:00:00",
                    "description": "<p>测试</p>",
                }
            )
        with self.assertRaises(AccessError):
            self.env["custcare.service.supervision"].with_user(self.user_staff).create(
                {"date_from": "2026-10-01", "date_to": "2026-10-31"}
            )
        report_record = (
            self.env["custcare.service.supervision"]
            .with_user(self.user_manager)
            .create(
                {
                    "date_from": "2026-10-01",
                    "date_to": "2026-10-31",
                    "conclusion": "<p>质量投诉占多数，需加强出厂检验。</p>",
                }
            )
        )
        stats = report_record._statistics()
        self.assertEqual(stats["count"], 3)
        self.assertEqual(dict(stats["by_category"])["Product Quality"], 2)
        html, text, _pdf = self.render_controlled(
            "custcare_complaint.action_report_custcare_service_supervision",
            report_record,
            ["custcare_complaint"],
            "supervision.pdf",
        )
        for expected in ("服务监督报告", "产品质量", "严重", "加强出厂检验"):
            self.assertIn(expected, html)
        self.assertIn("Q/CC-JL104", text)

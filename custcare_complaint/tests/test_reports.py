# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import os
import shutil
import unittest

from odoo import fields
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareHttpCase
from odoo.addons.custcare_base.tests.test_reports import pdf_text


@tagged("post_install", "-at_install")
class TestComplaintReport(CustcareHttpCase):
    """客户投诉登记及处理报告, printed with Chinese data."""

    def test_complaint_report(self):
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            raise unittest.SkipTest("wkhtmltopdf and pdftotext are needed")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["custcare_base", "custcare_complaint"], ["zh_CN"]
        )
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

        report = self.env["ir.actions.report"].with_context(
            force_report_rendering=True, lang="zh_CN"
        )
        xmlid = "custcare_complaint.action_report_custcare_complaint"
        html = report._render_qweb_html(xmlid, complaint.ids)[0].decode()
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
        pdf, _kind = report._render_qweb_pdf(xmlid, complaint.ids)
        if os.environ.get("CUSTCARE_REPORT_DIR"):
            path = os.path.join(os.environ["CUSTCARE_REPORT_DIR"], "complaint.pdf")
            with open(path, "wb") as f:
                f.write(pdf)
        text = pdf_text(pdf)
        for expected in ("Q/CC-JL101", complaint.name, complaint.capa_id.name):
            self.assertIn(expected, text)
        self.assertIn("第1页/共1页", text.replace(" ", ""))

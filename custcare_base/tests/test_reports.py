# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import shutil
import unittest

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import tagged

from .common import USCC, CustcareHttpCase


@tagged("post_install", "-at_install")
class TestReports(CustcareHttpCase):
    """The controlled forms print with Chinese data, code, revision, page x/y."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            raise unittest.SkipTest("wkhtmltopdf and pdftotext are needed")
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(["custcare_base"], ["zh_CN"])
        cls.partner, cls.archive = cls._customer(
            "上海宏达机械制造有限公司",
            USCC[0],
            street="浦东新区张江路 88 号",
            city="上海",
            phone="021-58880000",
        )
        cls.archive.write(
            {
                "business_scope": "机械设备、电子产品的生产和销售；货物进出口。",
                "credit_description": "付款及时，近三年无逾期记录。",
                "production_process": "铸造、机加工、装配、检验",
                "raw_materials": "铸铁、钢材、轴承",
                "production_investment": "1.2 亿元",
                "registered_capital": 50000000,
            }
        )
        cls.env["custcare.credential"].create(
            [
                {
                    "archive_id": cls.archive.id,
                    "kind": "business_licence",
                    "number": USCC[0],
                    "authority": "上海市市场监督管理局",
                },
                {
                    "archive_id": cls.archive.id,
                    "kind": "permit",
                    "name": "全国工业产品生产许可证",
                    "number": "XK06-001-00888",
                    "authority": "上海市质量技术监督局",
                    "expiry_date": "2029-05-31",
                },
            ]
        )

    def _render(self, xmlid, records):
        """(HTML text, PDF text) of the report in Chinese."""
        html, text, _pdf = self.render_controlled(
            xmlid, records, [], save_as=f"{xmlid.split('.')[-1]}.pdf"
        )
        return html, text

    def test_archive_card(self):
        html, pdf = self._render("custcare_base.action_report_custcare_archive", self.archive)
        for expected in (
            "客户档案表",
            "上海宏达机械制造有限公司",
            "全国工业产品生产许可证",
            "付款及时",
            "统一社会信用代码",
            "编制",
            "审核",
            "批准",
            "保密",
        ):
            self.assertIn(expected, html)
        for expected in ("Q/CC-JL001", "A/0", USCC[0], "XK06-001-00888"):
            self.assertIn(expected, pdf)
        # the form code is stamped at the foot of every page too
        self.assertEqual(pdf.count("Q/CC-JL001"), 2)
        self.assertIn("第1页/共1页", pdf.replace(" ", ""))

    def test_destruction_record(self):
        self.partner.active = False
        self.archive._custcare_write(
            {"retention_start_date": fields.Date.today() - relativedelta(years=3)}
        )
        destruction = self.env.ref("custcare_base.retention_policy_archive")._propose()
        destruction.action_submit()
        destruction.with_user(self.user_gm).action_approve()
        destruction.action_destroy()
        html, pdf = self._render("custcare_base.action_report_custcare_destruction", destruction)
        for expected in ("销毁记录", "上海宏达机械制造有限公司", "王总", "批准", "保密数据"):
            self.assertIn(expected, html)
        digest = destruction.line_ids.data_hash
        for expected in ("Q/CC-JL002", destruction.name, digest):
            self.assertIn(expected, pdf)
        self.assertIn("第1页/共1页", pdf.replace(" ", ""))

    def test_capa_request(self):
        capa = self.env["custcare.capa"].create(
            {
                "partner_id": self.partner.id,
                "nonconformity": "<p>外壳尺寸超差 0.3 mm，共 200 件。</p>",
                "containment": "<p>隔离库存，全检在制品。</p>",
                "root_cause": "<p>夹具磨损导致定位偏移。</p>",
                "corrective_action": "<p>更换夹具。</p>",
                "preventive_action": "<p>夹具纳入月度点检。</p>",
                "department": "机加工车间",
                "responsible_id": self.user_staff.id,
                "due_date": "2026-12-10",
            }
        )
        capa.action_issue()
        capa.implementation = "<p>12 月 3 日已更换。</p>"
        capa.action_implemented()
        capa.with_user(self.user_qc).action_verify_not_effective()
        html, pdf = self._render("custcare_base.action_report_custcare_capa", capa)
        for expected in (
            "纠正和预防措施要求书",
            "外壳尺寸超差",
            "机加工车间",
            "赵销售",
            "钱质检",
            "夹具纳入月度点检",
            "编制",
            "审核",
            "批准",
        ):
            self.assertIn(expected, html)
        for expected in ("Q/CC-JL102", capa.name):
            self.assertIn(expected, pdf)
        self.assertIn("第1页/共1页", pdf.replace(" ", ""))

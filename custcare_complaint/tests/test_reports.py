# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.custcare_base.hooks import load_shared_terms
from odoo.addons.custcare_base.tests.common import CustcareHttpCase, flat


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
        self._print_in("zh_CN", ["custcare_complaint"])
        customer = self.env["res.partner"].create(
            {
                "name": "深圳深达新材料股份有限公司",
                "is_company": True,
                "email": "qa@shenda.example.cn",
                "lang": "zh_CN",
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


@tagged("post_install", "-at_install")
class TestComplaintForms(CustcareHttpCase):
    """The complaint desk's forms over several pages: every page with title,
    number, code, revision and page x of y; the transfer trail (转交) listed
    with its header on every page; nothing cut between pages; Chinese
    searchable; the customer's language for the fault analysis report."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._print_in("zh_CN", ["custcare_complaint"])
        cls.customer = cls.env["res.partner"].create(
            {"name": "日升一号汽车零部件有限公司", "is_company": True, "lang": "zh_CN"}
        )
        cls.complaint = (
            cls.env["custcare.complaint"]
            .with_user(cls.user_staff)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "contact_name": "王采购",
                    "severity": "major",
                    "received_at": "2026-11-22 16:35:00",
                    "description": "".join(
                        f"<p>投诉{i:02d}：11 月 5 日批次外壳尺寸超差 0.3 mm。</p>"
                        for i in range(1, 21)
                    ),
                }
            )
        )
        users = (cls.user_manager, cls.user_staff)
        for i in range(1, 41):
            cls.complaint.with_user(users[i % 2])._transfer(users[(i + 1) % 2], f"转交原因T{i:02d}")
        cls.fault = cls.env["custcare.fault.report"].create(
            {
                "partner_id": cls.customer.id,
                "complaint_id": cls.complaint.id,
                "occurred_at": "2026-11-22 16:35:00",
                "place": "客户 2 号注塑车间",
                "symptoms": "".join(
                    f"<p>现象{i:02d}：料筒超温报警，挤出量下降。</p>" for i in range(1, 31)
                ),
                "response_plan": "<p>4 小时内派工程师到场。</p>",
                "impact": "<p>停机 6 小时。</p>",
                "handling": "".join(
                    f"<p>处理{i:02d}：更换温控模块并试机。</p>" for i in range(1, 21)
                ),
                "cause": "<p>温控模块批次缺陷。</p>",
                "preventive_action": "<p>温控模块纳入来料全检。</p>",
                "sales_user_id": cls.user_staff.id,
            }
        )
        cls.supervision = (
            cls.env["custcare.service.supervision"]
            .with_user(cls.user_manager)
            .create(
                {
                    "date_from": "2026-11-01",
                    "date_to": "2026-11-30",
                    "conclusion": "<p>转交次数偏多，需明确首问责任。</p>"
                    + "".join(f"<p>结论C{i:02d}：加强首问负责制培训。</p>" for i in range(1, 61)),
                }
            )
        )
        cls.supervision.with_user(cls.user_manager).action_submit()
        cls.supervision.with_user(cls.user_gm).action_approve()

    def test_complaint_transfers(self):
        texts = self.assertPrinted(
            "custcare_complaint.action_report_custcare_complaint",
            self.complaint,
            ["custcare_complaint"],
            "complaint_transfers.pdf",
            title="客户投诉登记及处理报告",
            number=self.complaint.name,
            code="Q/CC-JL101",
            rows=[f"投诉{i:02d}" for i in range(1, 21)] + [f"T{i:02d}" for i in range(1, 41)],
            words=("客户", "日期", "日升一号汽车零部件有限公司", "转交"),
        )
        self.assertGreaterEqual(len(texts), 2)
        # received at 00:35 in Shanghai on the 23rd (16:35 UTC the day before)
        self.assertIn("2026年11月23日00:35", texts[0])
        # the transfer table goes on to the next page with its header row
        header = flat("日期 原处理人 新处理人 理由")
        pages = [i for i, text in enumerate(texts) if "T01" in text or "T40" in text]
        for index in range(pages[0], pages[-1] + 1):
            self.assertIn(header, texts[index])
        # registered, not approved: marked on every page
        for text in texts:
            self.assertIn("草稿", text)

    def test_fault_report_in_customer_language(self):
        """故障分析报告 goes to the customer: printed in the customer's
        language (here Traditional Chinese), with 处理情况 and 预防措施."""
        self._print_in("zh_TW", ["custcare_complaint"])
        self.customer.lang = "zh_TW"
        texts = self.assertPrinted(
            "custcare_complaint.action_report_custcare_fault",
            self.fault,
            ["custcare_complaint"],
            "fault_zh_TW.pdf",
            lang="zh_CN",  # the company prints in Simplified Chinese,
            title="故障分析報告",
            number=self.fault.name,
            code="Q/CC-JL103",
            rows=[f"现象{i:02d}" for i in range(1, 31)] + [f"处理{i:02d}" for i in range(1, 21)],
            words=("客戶", "日期", "日升一号汽车零部件有限公司", "處理情況", "預防措施"),
        )
        self.assertGreaterEqual(len(texts), 2)

    def test_supervision_numbered_and_approved(self):
        texts = self.assertPrinted(
            "custcare_complaint.action_report_custcare_service_supervision",
            self.supervision,
            ["custcare_complaint"],
            "supervision_approved.pdf",
            title="服务监督报告",
            number=self.supervision.name,
            code="Q/CC-JL104",
            rows=[f"结论C{i:02d}" for i in range(1, 61)],
            words=("客户", "日期", "2026年11月01日", "首问责任"),
        )
        self.assertTrue(self.supervision.name.startswith("JD"))
        self.assertGreaterEqual(len(texts), 2)
        whole = "".join(texts)
        self.assertIn(flat("批准：王总"), whole.replace(":", "："))
        self.assertNotIn("未批准", whole)

    def test_approval_labels_translated_after_install(self):
        """草稿/已批准 of the approval mixin on a complaint are custcare_base
        records created when this addon is installed: its install hook loads
        custcare_base's translations again, so they print translated."""
        env = self.env
        env["res.lang"]._activate_lang("zh_TW")
        env["ir.module.module"]._load_module_terms(["custcare_complaint"], ["zh_TW"])
        field = env["custcare.complaint"]._fields["approval_state"]

        def labels():
            return dict(field._description_selection(env(context={"lang": "zh_TW"})))

        env.registry.clear_cache("stable")
        # the addon's own terms do not translate them (custcare_base's do)
        self.assertEqual(labels()["draft"], "Draft")
        load_shared_terms(env)
        env.registry.clear_cache("stable")
        self.assertEqual(labels()["draft"], "草稿")
        self.assertEqual(labels()["approved"], "已批准")

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import json
from datetime import datetime

import pytz
from markupsafe import Markup

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ..models.custcare_investigation import CRITERIA
from .common import USCC, CustcareHttpCase, flat, pdf_pages


def shanghai_today():
    return datetime.now(pytz.timezone("Asia/Shanghai")).date()


# 户 一 日 车 are the ideographs Noto CJK drew with radicals in the text layer
CUSTOMER = "日升汽车一号零部件有限公司"


def paragraphs(prefix, count, text):
    """An HTML text of ``count`` numbered paragraphs, each with its own token."""
    return Markup("").join(
        Markup("<p>%s%02d：%s</p>") % (prefix, i, text * (1 + i % 3)) for i in range(1, count + 1)
    )


@tagged("post_install", "-at_install")
class TestBaseForms(CustcareHttpCase):
    """The controlled forms of the base addon, printed as a user prints them:
    several pages, each with title, number, code, revision, page x of y and
    the header row of its list; rows whole; Chinese searchable. (Each form is
    printed once, in its test: wkhtmltopdf loads the report assets from the
    test server, which serves them only while a test runs.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._print_in("zh_CN")
        cls.partner, cls.archive = cls._customer(
            CUSTOMER,
            USCC[1],
            street="嘉定区安亭镇墨玉南路 1 号",
            city="上海",
            state_id=cls.env.ref("base.state_cn_SH").id,
            zip="201805",
            phone="021-69570000",
            lang="zh_CN",
        )
        cls.env["res.partner"].create(
            [
                {
                    "name": f"联系人{i:02d}号",
                    "parent_id": cls.partner.id,
                    "phone": f"1390000{i:04d}",
                }
                for i in range(1, 41)
            ]
        )
        cls.env["custcare.credential"].create(
            [
                {
                    "archive_id": cls.archive.id,
                    "kind": "permit",
                    "name": f"生产许可证第{i:02d}号",
                    "number": f"ZJ-{i:03d}",
                    "authority": "上海市市场监督管理局",
                    "issue_date": "2024-01-05",
                }
                for i in range(1, 31)
            ]
        )
        cls.archive.write(
            {
                "business_scope": "汽车零部件的生产和销售。\n货物进出口。",
                "production_process": "1. 冲压\n2. 焊接\n3. 涂装",
            }
        )
        cls.archive.with_user(cls.user_keeper).action_submit()
        cls.archive.with_user(cls.user_gm).action_approve()

        cls.capa = cls.env["custcare.capa"].create(
            {
                "partner_id": cls.partner.id,
                "nonconformity": paragraphs("不合格", 30, "外壳尺寸超差 0.3 mm，批次 LOT-88。"),
                "root_cause": paragraphs("原因", 25, "夹具磨损导致定位偏移。"),
                "corrective_action": paragraphs("纠正", 10, "更换夹具并全检在制品。"),
                "department": "机加工车间",
                "responsible_id": cls.user_staff.id,
                "due_date": "2026-12-10",
            }
        )

        policy = cls.env.ref("custcare_base.retention_policy_archive")
        cls.destruction = cls.env["custcare.destruction"].create(
            {
                "policy_id": policy.id,
                "line_ids": [
                    Command.create(
                        {
                            "res_model": "custcare.archive",
                            "res_id": 900000 + i,
                            "record_name": f"已注销客户{i:03d}号",
                        }
                    )
                    for i in range(1, 71)
                ],
            }
        )

        cls.evaluation = cls.env["custcare.evaluation"].create(
            {
                "partner_id": cls.partner.id,
                "period": "2026",
                "evaluator_id": cls.user_staff.id,
                "score_contribution": 90,
                "score_discipline": 80,
                "score_handling": 70,
                "score_communication": 60,
                "rewards": "年度返利 2%\n优先排产",
                "note": paragraphs("评语", 45, "合作良好，付款及时，沟通顺畅。"),
            }
        )
        cls.evaluation.with_user(cls.user_staff).action_submit()

        cls.investigation = cls.env["custcare.investigation"].create(
            {
                "name": "合肥一车新能源科技有限公司",
                "method": "onsite",
                "investigator_id": cls.user_staff.id,
                "findings": paragraphs("考察", 45, "生产线管理规范，现金流偏紧。"),
                **dict.fromkeys(CRITERIA, "4"),
            }
        )

        others = cls.env["res.partner"].create(
            [{"name": f"一览客户{i:03d}号", "is_company": True} for i in range(1, 61)]
        )
        cls.archives = cls.archive | cls.env["custcare.archive"].create(
            [{"partner_id": p.id, "keeper_id": cls.user_keeper.id} for p in others]
        )

    def test_archive_card(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_archive",
            self.archive,
            save_as="archive.pdf",
            title="客户档案表",
            number=f"DA{self.archive.id:05d}",
            code="Q/CC-JL001",
            rows=[f"联系人{i:02d}号" for i in range(1, 41)] + [f"ZJ-{i:03d}" for i in range(1, 31)],
            words=("客户", "日期", CUSTOMER, "以往交易记录", "联系方式", "生产规模"),
        )
        self.assertGreaterEqual(len(texts), 2)
        whole = "".join(texts)
        # Chinese address order, dates in one style, the real actors
        self.assertIn(flat("上海市嘉定区安亭镇墨玉南路 1 号"), whole)
        self.assertIn("2024年01月05日", whole)
        self.assertIn(flat("批准：王总"), whole.replace(":", "："))
        self.assertNotIn("OdooBot", whole)
        # approved: no draft mark
        self.assertNotIn("草稿", whole)
        self.assertNotIn("未批准", whole)
        # the contacts and credentials tables repeat their header on the next page
        for text in texts[1:]:
            self.assertIn("续表", text)

    def test_capa_request(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_capa",
            self.capa,
            save_as="capa.pdf",
            title="纠正和预防措施要求书",
            number=self.capa.name,
            code="Q/CC-JL102",
            rows=[f"不合格{i:02d}" for i in range(1, 31)] + [f"原因{i:02d}" for i in range(1, 26)],
            words=("客户", "日期", CUSTOMER, "机加工车间"),
        )
        self.assertGreaterEqual(len(texts), 2)
        # a draft request is marked on every page
        for text in texts:
            self.assertIn("草稿", text)

    def test_destruction_record(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_destruction",
            self.destruction,
            save_as="destruction.pdf",
            title="销毁记录",
            number=self.destruction.name,
            code="Q/CC-JL002",
            header=("序号", "记录", "已完成", "已删除数据的SHA-256"),
            rows=[f"已注销客户{i:03d}号" for i in range(1, 71)],
            words=("客户", "日期"),
        )
        self.assertGreaterEqual(len(texts), 2)
        # the method comes from what is destroyed (archives), not a fixed text
        self.assertIn(flat("资质证件及其扫描件已删除"), texts[0])

    def test_evaluation(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_evaluation",
            self.evaluation,
            save_as="evaluation.pdf",
            title="客户评价表",
            number=f"PJ{self.evaluation.id:05d}",
            code="Q/CC-JL004",
            rows=[f"评语{i:02d}" for i in range(1, 46)],
            words=("客户", "日期", CUSTOMER, "加权得分"),
        )
        self.assertGreaterEqual(len(texts), 2)
        # submitted, not approved yet
        for text in texts:
            self.assertIn("未批准", text)

    def test_investigation(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_investigation",
            self.investigation,
            save_as="investigation.pdf",
            title="新用户选择调查表",
            number=f"DC{self.investigation.id:05d}",
            code="Q/CC-JL005",
            rows=[f"考察{i:02d}" for i in range(1, 46)],
            words=("客户", "日期", "合肥一车新能源科技有限公司", "实地调查"),
        )
        self.assertGreaterEqual(len(texts), 2)

    def test_customer_overview(self):
        texts = self.assertPrinted(
            "custcare_base.action_report_custcare_customer_overview",
            self.archives,
            save_as="customer_overview.pdf",
            title="用户情况一览表",
            number=f"YHQK-{shanghai_today():%Y%m%d}",
            code="Q/CC-JL003",
            header=("序号", "客户"),
            rows=[f"一览客户{i:03d}号" for i in range(1, 61)],
            words=("客户", "日期", CUSTOMER),
        )
        self.assertGreaterEqual(len(texts), 2)

    def test_twenty_records_one_pdf(self):
        """Printing 20 records from a list (the report route the web client
        calls) gives one PDF: 20 forms, each numbered on its own."""
        capas = self.env["custcare.capa"].create(
            [
                {"partner_id": self.partner.id, "nonconformity": f"<p>问题{i:02d}</p>"}
                for i in range(20)
            ]
        )
        # the report assets exist before the request (wkhtmltopdf fetches
        # them from this server while the request holds the test cursor)
        self.render_pdf("custcare_base.action_report_custcare_capa", capas[:1])
        self.authenticate("cc_qc", "cc_qc")
        context = json.dumps({"force_report_rendering": True})
        response = self.url_open(
            f"/report/pdf/custcare_base.report_custcare_capa/{','.join(map(str, capas.ids))}"
            f"?context={context}",
            timeout=120,
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        texts = pdf_pages(response.content)
        self.assertEqual(len(texts), 20)
        for capa, text in zip(capas, texts, strict=True):
            self.assertIn(flat(capa.name), text)
            self.assertIn("第1页/共1页", text)
            self.assertIn("客户", text)

    def test_print_language_and_dates(self):
        """Internal forms in the company's language, selection values and
        dates in its style; datetimes in the company's timezone."""
        report = self.env["ir.actions.report"]
        helper = report._custcare_form_helper(
            self.capa, "custcare_base.report_custcare_capa", customer=self.partner
        )
        self.assertEqual(helper.lang, "zh_CN")
        # 2026-11-22 16:35 UTC is 00:35 on the 23rd in Shanghai
        self.assertEqual(
            helper.date(fields.Datetime.to_datetime("2026-11-22 16:35:00")), "2026年11月23日"
        )
        self.assertEqual(helper.datetime("2026-11-22 16:35:59"), "2026年11月23日 00:35")
        self.assertEqual(helper.label(self.capa, "state"), "草稿")
        self.assertEqual(helper.number(10.0), "10")
        self.assertEqual(helper.number(2.50), "2.5")
        self.assertEqual(
            helper.text("1. 冲压\n2. 焊接"),
            Markup('<div class="cc-line">1. 冲压</div><div class="cc-line">2. 焊接</div>'),
        )
        self.assertEqual(
            helper.address(self.partner), "上海市嘉定区安亭镇墨玉南路 1 号 邮编 201805"
        )
        self._print_in("zh_TW")
        self.partner.lang = "zh_TW"
        helper = report._custcare_form_helper(
            self.capa, "custcare_base.report_custcare_capa", customer=self.partner
        )
        self.assertEqual(helper.lang, "zh_TW")
        self.assertEqual(helper.label(self.capa, "state"), "草稿")
        self.assertEqual(helper.mark("not_approved"), "未批准")

    def test_register_period_refused(self):
        """A register for a period that ends before it starts is refused."""
        Wizard = self.env["custcare.register.print"].with_user(self.user_staff)
        report = self.env.ref("custcare_base.action_report_custcare_capa")
        with self.assertRaisesRegex(ValidationError, "期间的开始日期必须早于结束日期"):
            Wizard.with_context(lang="zh_CN").create(
                {"report_id": report.id, "date_from": "2026-11-30", "date_to": "2026-11-01"}
            )
        wizard = Wizard.create(
            {"report_id": report.id, "date_from": "2026-11-01", "date_to": "2026-11-30"}
        )
        with self.assertRaisesRegex(UserError, "is not a register"):
            wizard.action_print()
        self.assertEqual(wizard._register_number("KF"), "KF-202611")

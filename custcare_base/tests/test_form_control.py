# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import CustcareCase


@tagged("post_install", "-at_install")
class TestFormControl(CustcareCase):
    def test_create_through_form(self):
        with Form(self.env["custcare.form.control"].with_user(self.user_keeper)) as form:
            form.name = "销毁记录"
            form.code = "Q/CC-JL002"
        record = form.record
        self.assertEqual(record.revision, "A/0")
        self.assertEqual(record.retention_years, 2)
        self.assertEqual(record.company_id, self.company)
        self.assertEqual(record.display_name, "[Q/CC-JL002] 销毁记录")

    def test_bad_code_refused(self):
        Form_ = self.env["custcare.form.control"].with_user(self.user_keeper)
        for code in ("JL001", "q/cc-jl001", "Q/CC-JL1", "Q/CC JL001", ""):
            with self.subTest(code=code), self.assertRaises(ValidationError) as ctx:
                Form_.create({"name": "Bad", "code": code or " "})
            self.assertIn("Q/XX-JL001", str(ctx.exception))
        self.assertFalse(Form_.search([("name", "=", "Bad")]))

    def test_bad_code_refused_in_chinese(self):
        keeper = self.user_keeper
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_base"], ["zh_CN"])
        keeper.lang = "zh_CN"
        with self.assertRaises(ValidationError) as ctx:
            self.env["custcare.form.control"].with_user(keeper).with_context(lang="zh_CN").create(
                {"name": "Bad", "code": "JL001"}
            )
        self.assertIn("表单编号", str(ctx.exception))

    @mute_logger("odoo.sql_db")
    def test_duplicate_code_refused(self):
        Form_ = self.env["custcare.form.control"]
        Form_.create({"name": "A", "code": "Q/CC-JL003"})
        with self.assertRaises(IntegrityError):
            Form_.create({"name": "B", "code": "Q/CC-JL003"})

    @mute_logger("odoo.sql_db")
    def test_retention_must_be_positive(self):
        with self.assertRaises(IntegrityError):
            self.env["custcare.form.control"].create(
                {"name": "A", "code": "Q/CC-JL004", "retention_years": 0}
            )

    def test_lookup_by_report(self):
        report = self.env["ir.actions.report"].create(
            {"name": "Test", "model": "res.partner", "report_name": "custcare_base.test_card"}
        )
        form = self.env["custcare.form.control"].create(
            {"name": "客户档案表", "code": "Q/CC-JL005", "report_id": report.id}
        )
        found = self.env["custcare.form.control"]._for_report("custcare_base.test_card")
        self.assertEqual(found, form)
        self.assertFalse(self.env["custcare.form.control"]._for_report("nope.none"))

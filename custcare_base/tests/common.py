# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import os
import shutil
import subprocess
import tempfile
import unittest

from lxml import etree

from odoo import fields
from odoo.tests import HttpCase, TransactionCase, new_test_user


def pdf_text(pdf):
    """The text of a PDF (pdftotext). Text set in Noto CJK comes back with some
    ideographs as look-alike radicals (户 as ⼾), so Chinese wording is checked
    on the HTML and the PDF is checked for codes and the stamped page x/y."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return text


def view_specification(model, view, view_type="list"):
    """What the web client asks for when it opens `view`: its fields, with the
    display name of related records."""
    arch = model.get_views([(view.id, view_type)])["views"][view_type]["arch"]
    spec = {}
    for node in etree.fromstring(arch).iter("field"):
        field = model._fields[node.get("name")]
        if field.type in ("many2one", "many2many", "one2many"):
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {}
    return spec


# Valid unified social credit codes (check digits computed with python-stdnum)
USCC = (
    "91110105526018150A",
    "91310115908301660P",
    "91440305131860910M",
    "913205053909960302",
    "91330106082462810J",
    "913702029482199300",
)


class CustcareMixin:
    """A user for each rung of the custcare ladder, plus outsiders."""

    @classmethod
    def _setup_custcare(cls):
        cls.company = cls.env.company
        make = new_test_user
        env = cls.env
        cls.user_internal = make(env, "cc_internal", groups="base.group_user")
        cls.user_portal = make(env, "cc_portal", groups="base.group_portal")
        cls.user_staff = make(env, "cc_staff", groups="custcare_base.group_custcare_user")
        cls.user_qc = make(env, "cc_qc", groups="custcare_base.group_custcare_qc")
        cls.user_keeper = make(
            env, "cc_keeper", groups="custcare_base.group_custcare_archive_keeper"
        )
        cls.user_manager = make(env, "cc_manager", groups="custcare_base.group_custcare_manager")
        cls.user_gm = make(env, "cc_gm", groups="custcare_base.group_custcare_gm")
        for user, name in (
            (cls.user_staff, "赵销售"),
            (cls.user_qc, "钱质检"),
            (cls.user_keeper, "孙档案"),
            (cls.user_manager, "李经理"),
            (cls.user_gm, "王总"),
        ):
            user.name = name

    def _verify_capa(self, capa):
        """Take a CAPA request through issue, implementation and QC's
        verification, as the people who do each step."""
        capa.with_user(self.user_qc).write(
            {
                "responsible_id": self.user_staff.id,
                "due_date": fields.Date.today(),
                "corrective_action": "<p>更换夹具</p>",
                "implementation": "<p>已完成</p>",
            }
        )
        capa.with_user(self.user_qc).action_issue()
        capa.with_user(self.user_staff).action_implemented()
        capa.with_user(self.user_qc).action_verify_effective()

    @classmethod
    def _customer(cls, name, uscc=None, **vals):
        """A company customer with its archive (created as superuser)."""
        partner = cls.env["res.partner"].create(
            {"name": name, "is_company": True, "uscc": uscc, **vals}
        )
        archive = cls.env["custcare.archive"].create(
            {
                "partner_id": partner.id,
                "keeper_id": cls.user_keeper.id,
                "legal_representative": "张伟",
                "credit_rating": "AA",
                "credit_limit": 500000,
                "production_scale": "年产 2 万吨",
            }
        )
        return partner, archive


class CustcareCase(CustcareMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_custcare()


class CustcareHttpCase(CustcareMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_custcare()

    def render_controlled(self, xmlid, records, modules, save_as=None):
        """Render a controlled form in zh_CN: (HTML, text of the PDF, PDF).
        Chinese wording is checked on the HTML (pdftotext returns some Noto
        CJK ideographs as radicals), codes and page x/y on the PDF text. With
        CUSTCARE_REPORT_DIR set, the PDF is kept there as `save_as`."""
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            raise unittest.SkipTest("wkhtmltopdf and pdftotext are needed")
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["custcare_base", *modules], ["zh_CN"])
        report = self.env["ir.actions.report"].with_context(
            force_report_rendering=True, lang="zh_CN"
        )
        html = report._render_qweb_html(xmlid, records.ids)[0].decode()
        pdf, kind = report._render_qweb_pdf(xmlid, records.ids)
        self.assertEqual(kind, "pdf")
        if save_as and os.environ.get("CUSTCARE_REPORT_DIR"):
            with open(os.path.join(os.environ["CUSTCARE_REPORT_DIR"], save_as), "wb") as f:
                f.write(pdf)
        return html, pdf_text(pdf), pdf

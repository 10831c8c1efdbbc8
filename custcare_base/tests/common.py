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
    """The text layer of a PDF as a document system indexes it (pdftotext),
    pages separated by form feeds. custcare rewrites the ToUnicode map of the
    Noto CJK fonts after wkhtmltopdf, so 户 一 日 车 come back as typed (not as
    the Kangxi radicals ⼾ ⼀ ⽇ ⻋): "客户" and "日期" are found."""
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        text = subprocess.run(
            ["pdftotext", "-layout", f.name, "-"], capture_output=True, text=True, check=True
        ).stdout
    return text


def pdf_pages(pdf):
    """The text of each page, without white space (a cell's text may be
    wrapped and laid out with spaces)."""
    return ["".join(page.split()) for page in pdf_text(pdf).split("\f")[:-1]]


def flat(text):
    return "".join(text.split())


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

    def setUp(self):
        super().setUp()
        type(self)._in_class_setup = False

    @classmethod
    def _print_in(cls, lang, modules=()):
        """Print in ``lang``: the language active with the addons' terms, and
        the company's language (internal forms print in it)."""
        if not shutil.which("wkhtmltopdf") or not shutil.which("pdftotext"):
            raise unittest.SkipTest("wkhtmltopdf and pdftotext are needed")
        # terms loaded by setUpClass stay for every test; those loaded in a
        # test are rolled back with it
        loaded = cls.__dict__.get("_terms_loaded")
        if loaded is None:
            loaded = cls._terms_loaded = set()
        key = (lang, tuple(modules))
        if key not in loaded:
            cls.env["res.lang"]._activate_lang(lang)
            cls.env["ir.module.module"]._load_module_terms(["custcare_base", *modules], [lang])
            if cls.__dict__.get("_in_class_setup", True):
                loaded.add(key)
        cls.env.company.partner_id.write({"lang": lang, "tz": "Asia/Shanghai"})

    @classmethod
    def render_pdf(cls, xmlid, records, modules=(), save_as=None, lang="zh_CN"):
        """The PDF of a controlled form as a user prints it (wkhtmltopdf).
        With CUSTCARE_REPORT_DIR set, it is kept there as ``save_as``."""
        cls._print_in(lang, modules)
        report = cls.env["ir.actions.report"].with_context(force_report_rendering=True)
        pdf, kind = report._render_qweb_pdf(xmlid, records.ids)
        assert kind == "pdf", kind
        if save_as and os.environ.get("CUSTCARE_REPORT_DIR"):
            with open(os.path.join(os.environ["CUSTCARE_REPORT_DIR"], save_as), "wb") as f:
                f.write(pdf)
        return pdf

    def render_controlled(self, xmlid, records, modules, save_as=None):
        """Render a controlled form in zh_CN: (HTML, text of the PDF, PDF)."""
        pdf = self.render_pdf(xmlid, records, modules, save_as)
        report = self.env["ir.actions.report"].with_context(lang="zh_CN")
        html = report._render_qweb_html(xmlid, records.ids)[0].decode()
        return html, pdf_text(pdf), pdf

    def assertPrinted(self, xmlid, records, modules=(), save_as=None, lang="zh_CN", **checks):
        """Print the form (``render_pdf``) and check its pages
        (``assertFormPages``); returns the text of the pages."""
        pdf = self.render_pdf(xmlid, records, modules, save_as, lang=lang)
        return self.assertFormPages(pdf, **checks)

    def assertFormPages(
        self, pdf, *, title, number, code, revision="A/0", header=(), rows=(), words=(), pages=None
    ):
        """Every page of the form carries its title, number, code, revision,
        page x of y and, for a list, its header row (the labels, in order);
        each of ``rows`` (a text unique to one row) is on exactly one page,
        in order; ``words`` (客户, 日期, the customer) are in the text layer.
        Returns the text of the pages."""
        texts = pdf_pages(pdf)
        total = len(texts)
        if pages is not None:
            self.assertEqual(total, pages, "number of pages")
        for number_, text in enumerate(texts, start=1):
            for expected in (title, number, code, revision):
                self.assertIn(flat(expected), text, f"page {number_} of {total}")
            # 第 x 页 / 共 y 页, or 頁 in Traditional Chinese
            self.assertIn(
                f"第{number_}页/共{total}页",
                text.replace("頁", "页"),
                f"page x of y on page {number_} of {total}",
            )
            if header:
                self.assertIn(flat("".join(header)), text, f"header row on page {number_}")
        last = 0
        for row in rows:
            found = [i for i, text in enumerate(texts, start=1) if flat(row) in text]
            self.assertEqual(len(found), 1, f"row {row!r} on pages {found}")
            self.assertGreaterEqual(found[0], last, f"row {row!r} out of order")
            last = found[0]
        whole = "".join(texts)
        for word in words:
            self.assertIn(flat(word), whole)
        return texts

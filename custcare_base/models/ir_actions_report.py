# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import io

import lxml.html

from odoo import api, models

from ..tools.form_helper import FormHelper
from ..tools.pdf import finish_forms


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def _custcare_form_helper(self, doc, report_name, customer=None):
        """The ``cc`` helper of one printed form. Customer-facing forms print
        in the customer's language, internal forms in the company's."""
        company = (doc.company_id if "company_id" in doc else False) or self.env.company
        Lang = self.env["res.lang"]
        lang = False
        if customer:
            lang = customer.commercial_partner_id.lang or customer.lang
        if not lang or not Lang._get_data(code=lang):
            lang = company.partner_id.lang
        if not lang or not Lang._get_data(code=lang):
            lang = self.env.lang or "en_US"
        paperformat = self._get_report_from_name(report_name).get_paperformat()
        return FormHelper(self.env, company, lang, paperformat)

    def _custcare_join_bodies(self, bodies):
        """One HTML document with the articles of all ``bodies``: Debian's
        wkhtmltopdf prints a single document per run."""
        if len(bodies) == 1:
            return bodies[0]
        root = lxml.html.fromstring(bodies[0])
        target = root.find("body")
        for body in bodies[1:]:
            for node in lxml.html.fromstring(body).find("body"):
                target.append(node)
        return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """Controlled forms: all records in one wkhtmltopdf run, then one PDF
        per record (cut at its first page), each with its own page x of y
        and form code at the foot, and a searchable text layer."""
        report = self._get_report(report_ref)
        form = self.env["custcare.form.control"].sudo()._for_report(report.report_name)
        if not form or not res_ids or report.attachment:
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        data = dict(data or {}, report_type="pdf", debug=False)
        if self.get_wkhtmltopdf_state() == "install":
            # the same refusal as Odoo's own rendering
            return super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report_sudo = report.with_context(debug=False)
        html = self.with_context(debug=False)._render_qweb_html(report_ref, res_ids, data=data)[0]
        bodies, html_ids, _header, _footer, paper_args = report_sudo._prepare_html(
            html, report_model=report.model
        )
        pdf = self._run_wkhtmltopdf(
            [self._custcare_join_bodies(bodies)],
            report_ref=report_ref,
            landscape=self.env.context.get("landscape"),
            specific_paperformat_args=paper_args,
            set_viewport_size=self.env.context.get("set_viewport_size"),
        )
        langs = [
            node.get("data-oe-lang") or self.env.lang
            for node in lxml.html.fromstring(html).find_class("article")
        ]
        labels = [
            self.with_context(lang=lang).env._("Page %(page)s of %(total)s") for lang in langs
        ]
        parts = finish_forms(pdf, labels, f"{form.code} {form.revision}")
        record_ids = [rid for rid in html_ids if rid]
        one_each = len(parts) == len(record_ids) == len(set(record_ids))
        if one_each and set(record_ids) <= set(res_ids):
            return {
                rid: {"stream": io.BytesIO(part), "attachment": None}
                for rid, part in zip(record_ids, parts, strict=True)
            }
        # one form for all the records (a list or a register), or forms that
        # could not be told apart: one document
        if len(parts) == 1:
            stream = io.BytesIO(parts[0])
        else:
            stream = self._merge_pdfs([io.BytesIO(part) for part in parts])
        return {False: {"stream": stream, "attachment": None}}

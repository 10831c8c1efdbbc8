# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import re

from odoo import api, fields, models
from odoo.exceptions import ValidationError

FORM_CODE = re.compile(r"^[A-Z][A-Z0-9]*/[A-Z0-9]+-[A-Z]{1,4}\d{3,}$")


class CustcareFormControl(models.Model):
    """One controlled record form (受控表单): its code, revision and signatures.

    Every custcare PDF prints the code, the revision and the signature block
    of the form-control record that points at its report.
    """

    _name = "custcare.form.control"
    _description = "Controlled Form"
    _inherit = ["mail.thread"]
    _order = "code, id"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    # Identity
    name = fields.Char("Form Title", required=True, translate=True, tracking=True)
    code = fields.Char(
        "Form Code",
        required=True,
        tracking=True,
        help="Document number of the form, for example Q/XX-JL001.",
    )
    revision = fields.Char(required=True, default="A/0", tracking=True)
    effective_date = fields.Date(default=fields.Date.context_today, tracking=True)
    report_id = fields.Many2one(
        "ir.actions.report",
        "Printed Report",
        ondelete="set null",
        help="The PDF report that prints this form.",
    )
    extra_report_ids = fields.Many2many(
        "ir.actions.report",
        string="Also Printed by",
        help="Other reports printing the same form (a blank copy and a named one, say).",
    )
    # Keeping
    retention_years = fields.Integer(
        "Retention (years)",
        default=2,
        required=True,
        help="How long a filled-in form is kept before it may be destroyed.",
    )
    # Signature block
    prepared_label = fields.Char(default="Prepared by", translate=True)
    reviewed_label = fields.Char(default="Reviewed by", translate=True)
    approved_label = fields.Char(default="Approved by", translate=True)
    company_id = fields.Many2one("res.company", default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
    note = fields.Text()

    _code_company_uniq = models.Constraint(
        "UNIQUE NULLS NOT DISTINCT (code, company_id)",
        "A form code must be unique per company.",
    )
    _retention_positive = models.Constraint(
        "CHECK(retention_years > 0)",
        "The retention period must be at least one year.",
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for form in self:
            form.display_name = f"[{form.code}] {form.name}" if form.code else form.name

    @api.constrains("code")
    def _check_code(self):
        for form in self:
            if not FORM_CODE.match(form.code or ""):
                raise ValidationError(
                    self.env._(
                        "The form code “%(code)s” is not valid: write it like "
                        "Q/XX-JL001 (standard prefix, slash, company code, "
                        "dash, letters and a number of at least three digits).",
                        code=form.code,
                    )
                )

    @api.model
    def _for_report(self, report_name):
        """The form-control record of a report, for the current company."""
        return self.search(
            [
                "|",
                ("report_id.report_name", "=", report_name),
                ("extra_report_ids.report_name", "=", report_name),
                ("company_id", "in", [self.env.company.id, False]),
            ],
            order="company_id",
            limit=1,
        )

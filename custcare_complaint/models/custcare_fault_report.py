# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CustcareFaultReport(models.Model):
    """A fault analysis report (故障分析报告) for a major incident, sent to the
    customer and to sales."""

    _name = "custcare.fault.report"
    _description = "Fault Analysis Report"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.numbered.mixin"]
    _custcare_sequence_code = "custcare.fault.report"
    _check_company_auto = True
    _custcare_evidence_states = ("sent",)
    _order = "occurred_at desc, id desc"

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    complaint_id = fields.Many2one("custcare.complaint", index=True, check_company=True)
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, check_company=True
    )
    occurred_at = fields.Datetime("Time of Fault", required=True)
    place = fields.Char(required=True)
    symptoms = fields.Html(required=True)
    response_plan = fields.Html()
    impact = fields.Html()
    handling = fields.Html(help="How the fault was handled (处理情况).")
    cause = fields.Html()
    preventive_action = fields.Html(
        help="What prevents the fault from happening again (预防措施); the CAPA "
        "request's preventive action is printed when this is empty."
    )
    capa_id = fields.Many2one("custcare.capa", "CAPA Request", check_company=True)
    author_id = fields.Many2one("res.users", "Prepared by", default=lambda self: self.env.user)
    sales_user_id = fields.Many2one("res.users", "Salesperson")
    sent_date = fields.Date("Sent on", readonly=True)
    state = fields.Selection(
        [("draft", "Draft"), ("sent", "Sent")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    @api.onchange("complaint_id")
    def _onchange_complaint_id(self):
        if self.complaint_id:
            self.partner_id = self.complaint_id.partner_id
            self.capa_id = self.complaint_id.capa_id
            self.symptoms = self.symptoms or self.complaint_id.description

    def action_send(self):
        """Send the report to the customer and to sales (a message with the PDF)."""
        for report in self:
            if report.state != "draft":
                raise UserError(self.env._("This report was already sent."))
            if not report.cause or not report.response_plan:
                raise UserError(
                    self.env._("Describe the cause and the response plan before sending.")
                )
        # sent first: the PDF the customer receives is the final one, not a draft
        self._custcare_write({"state": "sent", "sent_date": fields.Date.context_today(self)})
        for report in self:
            pdf, _kind = self.env["ir.actions.report"]._render_qweb_pdf(
                "custcare_complaint.action_report_custcare_fault", report.ids
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{report.name}.pdf",
                    "raw": pdf,
                    "res_model": report._name,
                    "res_id": report.id,
                    "mimetype": "application/pdf",
                }
            )
            recipients = report.partner_id | report.sales_user_id.partner_id
            report.message_post(
                body=self.env._("Fault analysis report %(name)s.", name=report.name),
                partner_ids=recipients.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

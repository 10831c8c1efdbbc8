# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CustcareServiceSupervision(models.Model):
    """The monthly service supervision report (服务监督报告) for the management
    review: complaint figures of one period, computed with aggregate queries;
    numbered, and reported to the general manager for approval."""

    _name = "custcare.service.supervision"
    _description = "Service Supervision Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
    ]
    _custcare_sequence_code = "custcare.service.supervision"
    _order = "date_from desc, id desc"
    _check_company_auto = True
    _approval_key_fields = ("date_from", "date_to", "conclusion")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1)
        - relativedelta(months=1),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1) - relativedelta(days=1),
    )
    conclusion = fields.Html()

    @api.depends("name", "date_from", "date_to")
    def _compute_display_name(self):
        for report in self:
            report.display_name = self.env._(
                "%(number)s (%(start)s - %(end)s)",
                number=report.name,
                start=report.date_from,
                end=report.date_to,
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if self.filtered(lambda r: r.date_from > r.date_to):
            raise ValidationError(self.env._("The period must start before it ends."))

    def _statistics(self):
        """The figures of the period, in a fixed number of aggregate queries."""
        self.ensure_one()
        Complaint = self.env["custcare.complaint"]
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to) + relativedelta(days=1)
        period = [
            ("company_id", "=", self.company_id.id),
            ("received_at", ">=", start),
            ("received_at", "<", end),
        ]
        by_category = dict(Complaint._read_group(period, ["category"], ["__count"]))
        by_severity = dict(Complaint._read_group(period, ["severity"], ["__count"]))
        self.env.flush_all()
        self.env.cr.execute(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE sla_breached),
                   coalesce(sum(repeat_contact_count), 0),
                   count(closed_at),
                   avg(extract(epoch FROM responded_at - received_at)) / 3600,
                   avg(extract(epoch FROM closed_at - received_at)) / 3600
              FROM custcare_complaint
             WHERE company_id = %s AND received_at >= %s AND received_at < %s
            """,
            (self.company_id.id, start, end),
        )
        count, breached, repeats, closed, response_hours, resolution_hours = self.env.cr.fetchone()
        capa_states = dict(
            self.env["custcare.capa"]._read_group(
                [
                    ("company_id", "=", self.company_id.id),
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                ],
                ["state"],
                ["__count"],
            )
        )
        categories = dict(Complaint._fields["category"]._description_selection(self.env))
        severities = dict(Complaint._fields["severity"]._description_selection(self.env))
        capa_labels = dict(
            self.env["custcare.capa"]._fields["state"]._description_selection(self.env)
        )
        return {
            "count": count,
            "closed": closed,
            "breached": breached,
            "repeats": repeats,
            "response_hours": round(float(response_hours or 0), 1),
            "resolution_hours": round(float(resolution_hours or 0), 1),
            "by_category": [(categories[k], by_category.get(k, 0)) for k in categories],
            "by_severity": [(severities[k], by_severity.get(k, 0)) for k in severities],
            "capa": [(capa_labels[k], v) for k, v in capa_states.items()],
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models

from odoo.addons.custcare_base.models.custcare_review_pack import bars, kpi, percent, table


class CustcareReviewPack(models.Model):
    """The complaint statistics of the management review (投诉统计): by
    category, severity, customer tier and month; response and resolution
    times; SLA breaches; repeat contacts."""

    _inherit = "custcare.review.pack"

    def _custcare_review_sections(self):
        return [*super()._custcare_review_sections(), self._review_complaint_section()]

    def _review_complaint_section(self):
        _ = self.env._
        Complaint = self.env["custcare.complaint"].sudo()
        start, end = self._review_period()
        company = self.company_id.id
        received = [
            ("company_id", "=", company),
            ("received_at", ">=", start),
            ("received_at", "<", end),
        ]
        self.env.flush_all()  # the figures below are read with SQL
        self.env.cr.execute(
            """
            SELECT count(*),
                   count(closed_at) FILTER (WHERE closed_at < %(end)s),
                   count(*) FILTER (WHERE sla_breached),
                   coalesce(sum(repeat_contact_count), 0),
                   avg(response_hours) FILTER (WHERE responded_at IS NOT NULL),
                   avg(resolution_hours) FILTER (WHERE closed_at IS NOT NULL),
                   count(DISTINCT partner_id)
              FROM custcare_complaint
             WHERE company_id = %(company)s
               AND received_at >= %(start)s AND received_at < %(end)s
            """,
            {"company": company, "start": start, "end": end},
        )
        count, closed, breached, repeats, response, resolution, customers = self.env.cr.fetchone()
        # customers who complained more than once in the period
        self.env.cr.execute(
            """
            SELECT count(*) FROM (
                SELECT partner_id FROM custcare_complaint
                 WHERE company_id = %(company)s
                   AND received_at >= %(start)s AND received_at < %(end)s
                 GROUP BY partner_id HAVING count(*) > 1
            ) AS again
            """,
            {"company": company, "start": start, "end": end},
        )
        again = self.env.cr.fetchone()[0]
        open_at_end = Complaint.search_count(
            [
                ("company_id", "=", company),
                ("received_at", "<", end),
                "|",
                ("closed_at", "=", False),
                ("closed_at", ">=", end),
            ]
        )

        def labels(name):
            return dict(Complaint._fields[name]._description_selection(self.env))

        categories, severities = labels("category"), labels("severity")
        tiers = labels("customer_tier")
        grid = {
            (category, severity): n
            for category, severity, n in Complaint._read_group(
                received, ["category", "severity"], ["__count"]
            )
        }
        by_tier = dict(Complaint._read_group(received, ["customer_tier"], ["__count"]))

        def month_of(value):
            return value.date() if hasattr(value, "date") else value

        by_month = {
            month_of(month): (n, hours)
            for month, n, hours in Complaint._read_group(
                received, ["received_at:month"], ["__count", "resolution_hours:avg"]
            )
        }
        breached_by_month = {
            month_of(month): n
            for month, n in Complaint._read_group(
                [*received, ("sla_breached", "=", True)], ["received_at:month"], ["__count"]
            )
        }
        by_responsibility = dict(
            Complaint._read_group(
                [*received, ("responsibility", "!=", False)], ["responsibility"], ["__count"]
            )
        )
        responsibilities = labels("responsibility")
        hours = _("%s h")
        month_rows = []
        for month in self._review_months():
            n, resolution_avg = by_month.get(month, (0, 0))
            month_rows.append(
                [
                    fields.Date.to_string(month)[:7],
                    n,
                    breached_by_month.get(month, 0),
                    hours % f"{resolution_avg:.1f}" if n and resolution_avg else "—",
                ]
            )
        return {
            "key": "complaints",
            "sequence": 10,
            "title": _("Customer Complaints"),
            "kpis": [
                kpi(_("Complaints received"), count, _("from %s customers", customers)),
                kpi(_("Closed"), closed, percent(closed, count)),
                kpi(_("Open at the end"), open_at_end),
                kpi(_("SLA breached"), breached, percent(breached, count)),
                kpi(
                    _("Repeat contacts"),
                    repeats,
                    _("%s customers complained more than once", again),
                ),
            ],
            "tables": [
                table(
                    _("By category and severity"),
                    [_("Category"), *severities.values(), _("Total")],
                    [
                        [
                            label,
                            *(grid.get((key, s), 0) for s in severities),
                            sum(grid.get((key, s), 0) for s in severities),
                        ]
                        for key, label in categories.items()
                    ],
                    foot=[
                        _("Total"),
                        *(sum(grid.get((c, s), 0) for c in categories) for s in severities),
                        count,
                    ],
                ),
                table(
                    _("Response and resolution"),
                    [_("Measure"), _("Figure")],
                    [
                        [
                            _("Average response time"),
                            hours % f"{response:.1f}" if response is not None else "—",
                        ],
                        [
                            _("Average resolution time"),
                            hours % f"{resolution:.1f}" if resolution is not None else "—",
                        ],
                        [_("Answered or closed past the SLA"), breached],
                        [_("Repeat contacts about open complaints"), repeats],
                    ],
                ),
                table(
                    _("By month"),
                    [
                        _("Month"),
                        _("Complaints received"),
                        _("SLA breached"),
                        _("Average resolution"),
                    ],
                    month_rows,
                ),
                table(
                    _("By customer tier"),
                    [_("Customer tier"), _("Complaints")],
                    [
                        [label, by_tier.get(key, 0)]
                        for key, label in tiers.items()
                        if by_tier.get(key)
                    ]
                    + ([[_("Not classified"), by_tier[False]]] if by_tier.get(False) else []),
                ),
                table(
                    _("Responsibility found by the investigation"),
                    [_("Responsible party"), _("Complaints")],
                    [
                        [label, by_responsibility.get(key, 0)]
                        for key, label in responsibilities.items()
                    ],
                ),
            ]
            if count
            else [],
            "bars": [
                bars(
                    _("Complaints by category"),
                    [
                        (label, sum(grid.get((key, s), 0) for s in severities))
                        for key, label in categories.items()
                    ],
                )
            ]
            if count
            else [],
            "note": "" if count else _("No complaint was received in this period."),
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import datetime, time

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


def _month_start(day):
    return day.replace(day=1)


class CustcareRegisterPrint(models.TransientModel):
    """Print a register for a period (客服登记本, 用户产品进出登记本, 巡访计划):
    choose the month, the year or any period, then print its form."""

    _name = "custcare.register.print"
    _description = "Print a Register"

    report_id = fields.Many2one(
        "ir.actions.report",
        "Register",
        required=True,
        domain=[("model", "=", "custcare.register.print")],
    )
    period = fields.Selection(
        [("month", "Month"), ("year", "Year"), ("custom", "Other Period")],
        default="month",
        required=True,
    )
    date_from = fields.Date(
        required=True,
        default=lambda self: _month_start(fields.Date.context_today(self)),
    )
    date_to = fields.Date(
        required=True,
        default=lambda self: _month_start(fields.Date.context_today(self))
        + relativedelta(months=1, days=-1),
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        domain=[("is_company", "=", True)],
        help="Only this customer's records; every customer's when empty.",
    )

    @api.onchange("period", "date_from")
    def _onchange_period(self):
        if not self.date_from:
            return
        if self.period == "month":
            self.date_from = _month_start(self.date_from)
            self.date_to = self.date_from + relativedelta(months=1, days=-1)
        elif self.period == "year":
            self.date_from = self.date_from.replace(month=1, day=1)
            self.date_to = self.date_from.replace(month=12, day=31)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        if self.filtered(lambda w: w.date_from > w.date_to):
            raise ValidationError(self.env._("The period must start before it ends."))

    def action_print(self):
        self.ensure_one()
        if self.report_id.model != self._name:
            raise UserError(self.env._("%(report)s is not a register.", report=self.report_id.name))
        return self.report_id.report_action(self)

    def _period_domain(self, field_name):
        """Records of the company whose ``field_name`` falls in the period."""
        self.ensure_one()
        return [
            (field_name, ">=", self.date_from),
            (field_name, "<=", self.date_to),
            ("company_id", "in", [self.company_id.id, False]),
        ]

    def _register_number(self, prefix):
        """KF-202611 for a month, KF-2026 for a year, KF-20261101-20261115 else."""
        self.ensure_one()
        start, end = self.date_from, self.date_to
        if start.day == 1 and end == start + relativedelta(months=1, days=-1):
            return f"{prefix}-{start:%Y%m}"
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
            start.year == end.year
        ):
            return f"{prefix}-{start:%Y}"
        return f"{prefix}-{start:%Y%m%d}-{end:%Y%m%d}"

    def _communications(self, channel=None):
        """The logged communications of the period (its days in the company's
        timezone), of the customer when one is chosen; the visits received
        only with ``channel="visit"``."""
        self.ensure_one()
        company = self.company_id
        calendar = company["resource_calendar_id"] if "resource_calendar_id" in company else None
        tz = pytz.timezone(company.partner_id.tz or (calendar and calendar.tz) or "UTC")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        domain = [
            ("state", "=", "logged"),
            ("date", ">=", utc(self.date_from)),
            ("date", "<", utc(self.date_to + relativedelta(days=1))),
            ("company_id", "=", company.id),
        ]
        if self.partner_id:
            domain.append(("commercial_partner_id", "=", self.partner_id.commercial_partner_id.id))
        if channel:
            domain.append(("channel", "=", channel))
        return self.env["custcare.communication"].search(
            domain, order="commercial_partner_id, date, id"
        )

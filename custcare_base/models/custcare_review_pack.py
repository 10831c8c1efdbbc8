# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)
_BY_GATHERING = _lt("Gather the Figures")
# what the preparer decides; frozen once the pack is submitted
CONTENT_FIELDS = ("company_id", "date_from", "date_to", "conclusion")


def kpi(label, value, note=None):
    """One headline figure of a section."""
    return {"label": label, "value": value, "note": note or ""}


def table(title, head, rows, align=None, foot=None):
    """A table of a section: ``align`` gives each column's alignment
    ('l' or 'r'), ``foot`` an optional total row."""
    return {
        "title": title,
        "head": list(head),
        "rows": [list(row) for row in rows],
        "align": align or "l" + "r" * (len(head) - 1),
        "foot": list(foot) if foot else [],
    }


def bars(title, items, scale=None, unit=""):
    """A bar chart drawn in the PDF: ``items`` are (label, value); the bars
    are scaled to ``scale`` (the largest value when none is given)."""
    items = [(label, float(value or 0)) for label, value in items]
    top = scale or max((value for _label, value in items), default=0) or 1
    return {
        "title": title,
        "unit": unit,
        "items": [
            {
                "label": label,
                "value": value,
                "text": f"{round(value, 2):g}",
                "width": round(min(value / top, 1) * 100, 1),
            }
            for label, value in items
        ],
    }


def percent(part, whole):
    """'12.5 %', or '—' when there is nothing to divide."""
    return f"{100.0 * part / whole:.1f} %" if whole else "—"


class CustcareReviewPack(models.Model):
    """The management review input (管理评审输入): one document for a period
    that gathers, with aggregate queries, what the management review needs
    from customer care — complaint statistics, satisfaction results and their
    trend, corrective actions and their effectiveness, returns, services and
    callbacks. The figures are a snapshot taken by "Gather the Figures", so
    the pack the general manager approves never changes afterwards; each
    custcare addon adds its own section (``_custcare_review_sections``)."""

    _name = "custcare.review.pack"
    _description = "Management Review Input"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
    ]
    _custcare_sequence_code = "custcare.review.pack"
    _custcare_protected_fields = dict.fromkeys(("data", "gathered_date"), _BY_GATHERING)
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, tracking=True
    )
    date_from = fields.Date(
        "Period From",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1)
        - relativedelta(years=1),
    )
    date_to = fields.Date(
        "Period To",
        required=True,
        tracking=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1)
        - relativedelta(days=1),
    )
    data = fields.Json("Figures", readonly=True, copy=False)
    gathered_date = fields.Datetime("Figures Gathered on", readonly=True, copy=False)
    section_count = fields.Integer("Sections", compute="_compute_section_count")
    conclusion = fields.Html(
        "Conclusions and Proposals",
        help="What customer care concludes from the figures and proposes to the review "
        "(resources, improvements, objectives).",
    )

    @api.depends("name", "date_from", "date_to")
    def _compute_display_name(self):
        for pack in self:
            pack.display_name = self.env._(
                "%(number)s (%(start)s - %(end)s)",
                number=pack.name,
                start=pack.date_from,
                end=pack.date_to,
            )

    @api.depends("data")
    def _compute_section_count(self):
        for pack in self:
            pack.section_count = len((pack.data or {}).get("sections", []))

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for pack in self:
            if pack.date_from > pack.date_to:
                raise ValidationError(self.env._("The period must start before it ends."))
            if pack.date_to > pack.date_from + relativedelta(years=3):
                raise ValidationError(self.env._("A management review covers at most three years."))

    def write(self, vals):
        content = set(vals) & set(CONTENT_FIELDS)
        if content and not (self.env.su or self._custcare_trusted()):
            frozen = self.filtered(lambda p: p.approval_state in ("submitted", "approved"))
            if frozen:
                raise UserError(
                    self.env._(
                        "%(pack)s was submitted for the management review: its period and "
                        "conclusions no longer change (the general manager sends it back "
                        "first).",
                        pack=frozen[0].display_name,
                    )
                )
        res = super().write(vals)
        if {"company_id", "date_from", "date_to"} & content:
            # figures of another period are no figures of this one
            self.filtered("data")._custcare_write({"data": False, "gathered_date": False})
        return res

    # ---------------------------------------------------------------- actions
    def action_gather(self):
        """Take the snapshot of the period's figures, in the language of the
        company (the language the pack is printed in)."""
        for pack in self:
            if pack.approval_state in ("submitted", "approved"):
                raise UserError(
                    self.env._(
                        "%(pack)s was submitted: its figures are the ones the general "
                        "manager approves.",
                        pack=pack.display_name,
                    )
                )
            lang = pack.company_id.partner_id.lang or self.env.lang
            sections = pack.with_context(lang=lang)._custcare_review_sections()
            sections = sorted(sections, key=lambda section: section["sequence"])
            now = fields.Datetime.now()
            pack._custcare_write(
                {"data": {"lang": lang, "sections": sections}, "gathered_date": now}
            )
            pack.message_post(
                body=self.env._(
                    "Figures gathered for %(start)s - %(end)s (%(count)s sections).",
                    start=pack.date_from,
                    end=pack.date_to,
                    count=len(sections),
                ),
                message_type="notification",
            )
        return True

    def _custcare_self_approval_users(self):
        """Whoever submitted the pack does not approve it."""
        self.ensure_one()
        return self.submitted_by_id

    def _custcare_before_submit(self):
        missing = self.filtered(lambda p: not p.data)
        if missing:
            raise UserError(
                self.env._(
                    "Gather the figures of %(pack)s before submitting it.",
                    pack=missing[0].display_name,
                )
            )

    # ---------------------------------------------------------------- figures
    def _review_period(self):
        """(start, end) datetimes of the period: end excluded."""
        self.ensure_one()
        start = fields.Datetime.to_datetime(self.date_from)
        end = fields.Datetime.to_datetime(self.date_to) + relativedelta(days=1)
        return start, end

    def _review_months(self):
        """The first day of every month of the period."""
        self.ensure_one()
        month, months = self.date_from.replace(day=1), []
        while month <= self.date_to:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def _custcare_review_sections(self):
        """The sections of the pack: each addon adds its own (super() first).
        A section is {key, sequence, title, kpis, tables, bars, note}; see
        :func:`kpi`, :func:`table` and :func:`bars`."""
        self.ensure_one()
        return [self._review_capa_section()]

    def _review_capa_section(self):
        """Corrective and preventive actions issued in the period: status,
        overdue, effectiveness (verified effective at the first check)."""
        _ = self.env._
        Capa = self.env["custcare.capa"]
        start, end = self._review_period()
        issued = [
            ("company_id", "=", self.company_id.id),
            ("create_date", ">=", start),
            ("create_date", "<", end),
            ("state", "!=", "draft"),
        ]
        by_state = dict(Capa._read_group(issued, ["state"], ["__count"]))
        labels = dict(Capa._fields["state"]._description_selection(self.env))
        total = sum(by_state.values())
        verified = by_state.get("verified", 0)
        open_states = ("issued", "implemented")
        # open past the due date, at the end of the period (or today)
        cutoff = min(self.date_to, fields.Date.context_today(self))
        overdue = Capa.search_count(
            [*issued, ("state", "in", open_states), ("due_date", "<", cutoff)]
        )
        verified_rows = Capa._read_group(
            [*issued, ("state", "=", "verified")], ["reopen_count"], ["__count"]
        )
        first_time = sum(count for reopened, count in verified_rows if not reopened)
        by_department = Capa._read_group(
            issued, ["department", "state"], ["__count"], order="department"
        )
        departments = {}
        for department, state, count in by_department:
            row = departments.setdefault(department or _("Not given"), dict.fromkeys(labels, 0))
            row[state] = count
        states = [state for state in labels if state != "draft"]
        return {
            "key": "capa",
            "sequence": 40,
            "title": _("Corrective and Preventive Actions"),
            "kpis": [
                kpi(_("Issued"), total),
                kpi(_("Verified effective"), verified, percent(verified, total)),
                kpi(_("Still open"), sum(by_state.get(s, 0) for s in open_states)),
                kpi(_("Overdue"), overdue, _("open past their due date")),
                kpi(
                    _("Effective at the first check"),
                    percent(first_time, verified),
                    _("of the verified actions"),
                ),
            ],
            "tables": [
                table(
                    _("By responsible department"),
                    [_("Department"), *(labels[s] for s in states), _("Total")],
                    [
                        [name, *(row[s] for s in states), sum(row[s] for s in states)]
                        for name, row in departments.items()
                    ],
                    foot=[_("Total"), *(by_state.get(s, 0) for s in states), total],
                )
            ]
            if departments
            else [],
            "bars": [],
            "note": "" if total else _("No corrective action was issued in this period."),
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, html2plaintext

from .custcare_callback import SATISFACTION

ACTIVITY = "custcare_aftersales.mail_activity_type_weekly_summary"
# what the service person writes, and only while the summary is a draft
PERSON_FIELDS = ("work_summary", "issues", "next_week_plan")
COUNTERS = (
    "service_count",
    "service_returned_count",
    "complaint_received_count",
    "complaint_handled_count",
    "complaint_closed_count",
    "callback_count",
    "visit_count",
    "communication_count",
)
# a line says at most this much of what the customer said (the record has it all)
LINE_TEXT_SIZE = 300
KINDS = [
    ("service", "Service Request"),
    ("complaint", "Complaint"),
    ("callback", "Callback"),
    ("visit", "Visit"),
    ("communication", "Communication"),
]
# persons per drafting batch: the job's batch size divided by this
PERSONS_PER_BATCH_DIVISOR = 20
# Only the drafting job holds this object: the people of its batch already
# follow their summaries, so assigning them the activity subscribes nobody.
_FOLLOWERS_SET = object()


def _monday(day):
    return day - timedelta(days=day.weekday())


def _shorten(text, size=LINE_TEXT_SIZE):
    text = " ".join((text or "").split())
    return text if len(text) <= size else text[: size - 1] + "…"


class CustcareWeeklySummary(models.Model):
    """The weekly service summary (周报, seed 004 §4): every Friday the week
    of each service person is drafted from the records (services, complaints,
    callbacks, visits, communications and what the customers said); the
    person completes and submits it for the Friday meeting, where a manager
    reviews it (审阅). Submitted, it is evidence; not submitted by the Monday
    after its week, it is overdue."""

    _name = "custcare.weekly.summary"
    _description = "Weekly Service Summary"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "week_start desc, id desc"
    _check_company_auto = True
    _approval_group = "custcare_base.group_custcare_manager"
    _custcare_sequence_code = "custcare.weekly.summary"
    _custcare_fixed_fields = ("person_id", "week_start", "company_id")
    _custcare_retention_erase = (*PERSON_FIELDS, "review_note")

    # Whose week
    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    person_id = fields.Many2one(
        "res.users",
        "Service Person",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref("custcare_base.group_custcare_user").ids),
        ],
    )
    week_start = fields.Date(
        "Week of",
        required=True,
        index=True,
        default=lambda self: _monday(fields.Date.context_today(self)),
        help="The Monday the week starts.",
    )
    week_end = fields.Date(compute="_compute_week", store=True, precompute=True)
    deadline = fields.Date(
        "Due",
        compute="_compute_week",
        store=True,
        precompute=True,
        index=True,
        help="Submitted for the Friday meeting; overdue when not submitted by the Monday "
        "after the week.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("reviewed", "Reviewed")],
        "Status",
        compute="_compute_state",
        store=True,
        precompute=True,
        index=True,
        group_expand=True,
    )
    is_overdue = fields.Boolean(
        "Overdue", compute="_compute_is_overdue", search="_search_is_overdue"
    )
    # The week in figures, taken from the records (never typed in)
    figures_date = fields.Datetime("Figures Taken on", readonly=True, copy=False)
    service_count = fields.Integer("Services Received", readonly=True)
    service_returned_count = fields.Integer("Products Handed Back", readonly=True)
    complaint_received_count = fields.Integer("Complaints Received", readonly=True)
    complaint_handled_count = fields.Integer(
        "Complaints Handled",
        readonly=True,
        help="Complaints owned by the person and open at some time of the week.",
    )
    complaint_closed_count = fields.Integer("Complaints Closed", readonly=True)
    callback_count = fields.Integer("Callbacks Made", readonly=True)
    visit_count = fields.Integer("Visits Made", readonly=True)
    communication_count = fields.Integer("Communications Logged", readonly=True)
    line_ids = fields.One2many(
        "custcare.weekly.summary.line", "summary_id", "What Customers Said", readonly=True
    )
    # What the person writes (本周工作总结, 问题与建议, 下周计划)
    work_summary = fields.Text("Work of the Week")
    issues = fields.Text("Problems and Suggestions")
    next_week_plan = fields.Text("Plan for Next Week")
    # What the manager says at the meeting (审阅意见)
    review_note = fields.Text("Review Comments", tracking=True)

    _person_week_uniq = models.Constraint(
        "UNIQUE(person_id, week_start, company_id)",
        "A service person has one weekly summary per week and company.",
    )

    @api.depends("week_start")
    def _compute_week(self):
        for summary in self:
            start = summary.week_start
            summary.week_end = start and start + timedelta(days=6)
            summary.deadline = start and start + timedelta(days=7)

    @api.depends("approval_state")
    def _compute_state(self):
        states = {"submitted": "submitted", "approved": "reviewed"}
        for summary in self:
            summary.state = states.get(summary.approval_state, "draft")

    @api.depends("approval_state", "deadline")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for summary in self:
            summary.is_overdue = bool(
                summary.approval_state in ("draft", "to_reapprove")
                and summary.deadline
                and summary.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        overdue = Domain("approval_state", "in", ("draft", "to_reapprove")) & Domain(
            "deadline", "<", fields.Date.context_today(self)
        )
        return overdue if (True in value) == (operator == "in") else ~overdue

    @api.depends("name", "person_id", "week_start")
    def _compute_display_name(self):
        for summary in self:
            summary.display_name = summary._custcare_title(summary.person_id.name)

    def _custcare_title(self, person_name):
        return self.env._(
            "%(number)s %(person)s (week of %(week)s)",
            number=self.name if self.name != "/" else "",
            person=person_name or "",
            week=self.week_start or "",
        ).strip()

    # ------------------------------------------------------------ checks
    @api.constrains("week_start")
    def _check_week_start(self):
        this_week = _monday(fields.Date.context_today(self))
        for summary in self:
            if summary.week_start.weekday():
                raise ValidationError(
                    self.env._(
                        "A weekly summary covers a week from Monday to Sunday: %(day)s is not "
                        "a Monday.",
                        day=summary.week_start,
                    )
                )
            if summary.week_start > this_week:
                raise ValidationError(
                    self.env._(
                        "The week of %(day)s has not started: a week is summarised once it has "
                        "begun.",
                        day=summary.week_start,
                    )
                )

    @api.constrains("person_id")
    def _check_person(self):
        desk = self.env.ref("custcare_base.group_custcare_user")
        for summary in self:
            person = summary.person_id
            if person.share or desk not in person.all_group_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a Customer Care user: weekly summaries are written by "
                        "the service staff.",
                        user=person.name,
                    )
                )

    def _custcare_check_unique(self, vals_list):
        """A second summary of a person's week is refused with a clear
        message (the database's unique index stays as the last guard)."""
        defaults = self.default_get(["person_id", "week_start", "company_id"])
        keys = [
            (
                vals.get("person_id") or defaults.get("person_id"),
                fields.Date.to_date(vals.get("week_start") or defaults.get("week_start")),
                vals.get("company_id") or defaults.get("company_id"),
            )
            for vals in vals_list
        ]
        domain = Domain.OR(
            Domain("person_id", "=", person)
            & Domain("week_start", "=", week)
            & Domain("company_id", "=", company)
            for person, week, company in keys
        )
        taken = self.sudo().search(domain, limit=1)
        duplicate = taken and (taken.person_id.id, taken.week_start, taken.company_id.id)
        if not taken and len(set(keys)) < len(keys):
            duplicate = next(key for key in keys if keys.count(key) > 1)
        if duplicate:
            raise ValidationError(
                self.env._(
                    "%(person)s already has a weekly summary for the week of %(week)s.",
                    person=self.env["res.users"].sudo().browse(duplicate[0]).name,
                    week=duplicate[1],
                )
            )

    # -------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or self._custcare_trusted()):
            self._custcare_check_unique(vals_list)
        summaries = super().create(vals_list)
        # created by hand (the drafting job brings the figures): figures and to-do now
        by_hand = summaries.filtered(lambda s: not s.figures_date)
        if by_hand:
            by_hand._custcare_refresh()
            by_hand._custcare_schedule_completion()
        return summaries

    def write(self, vals):
        if not (self.env.su or self._custcare_trusted()):
            if set(vals) & set(PERSON_FIELDS):
                self._custcare_check_person_edit()
            if "review_note" in vals:
                self._custcare_check_review_edit()
        return super().write(vals)

    def copy_data(self, default=None):
        raise UserError(
            self.env._(
                "A weekly summary is not copied: each person has one per week, drafted from "
                "the records. Create the summary of the missing week instead."
            )
        )

    def _custcare_check_person_edit(self):
        for summary in self:
            if summary.approval_state not in ("draft", "to_reapprove"):
                raise UserError(
                    self.env._(
                        "%(record)s was submitted: what it says is kept as submitted. Add what "
                        "you want to say as a note in its chatter.",
                        record=summary.display_name,
                    )
                )
            if summary.person_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(record)s is written by %(person)s only; add your remarks as a note "
                        "in its chatter or, at the review, in the review comments.",
                        record=summary.display_name,
                        person=summary.person_id.name,
                    )
                )

    def _custcare_check_review_edit(self):
        manager = self.env.user.has_group(self._approval_group)
        for summary in self:
            if summary.approval_state != "submitted":
                raise UserError(
                    self.env._(
                        "The review comments of %(record)s are written while it awaits review.",
                        record=summary.display_name,
                    )
                )
            if not manager:
                raise UserError(
                    self.env._("Only a Customer Care manager writes the review comments.")
                )
            if summary.person_id == self.env.user:
                raise UserError(
                    self.env._(
                        "%(record)s concerns you: another manager reviews it.",
                        record=summary.display_name,
                    )
                )

    def _custcare_self_approval_users(self):
        self.ensure_one()
        return self.person_id

    def _custcare_is_evidence(self):
        # once submitted, it stays on record (also when sent back for completion)
        return super()._custcare_is_evidence() | self.filtered("submitted_date")

    def message_subscribe(self, partner_ids=None, subtype_ids=None):
        if self.env.context.get("custcare_followers_set") is _FOLLOWERS_SET:
            return True
        return super().message_subscribe(partner_ids=partner_ids, subtype_ids=subtype_ids)

    # ------------------------------------------------------------ actions
    def action_refresh(self):
        """Take the figures of the week again from the records (draft only)."""
        if self.filtered(lambda s: s.approval_state not in ("draft", "to_reapprove")):
            raise UserError(
                self.env._("The figures of a submitted weekly summary are kept as submitted.")
            )
        self._custcare_refresh()
        return True

    def _custcare_before_submit(self):
        for summary in self:
            if summary.person_id != self.env.user:
                raise UserError(
                    self.env._(
                        "%(record)s is submitted by %(person)s, whose week it is.",
                        record=summary.display_name,
                        person=summary.person_id.name,
                    )
                )
            if (
                not (summary.work_summary or "").strip()
                or not (summary.next_week_plan or "").strip()
            ):
                raise UserError(
                    self.env._(
                        "Write the work of the week and the plan for next week before "
                        "submitting %(record)s.",
                        record=summary.display_name,
                    )
                )
        # submitted with the figures of the whole week up to now
        self._custcare_refresh()

    def action_submit(self):
        res = super().action_submit()
        self.sudo().activity_feedback([ACTIVITY])
        return res

    def _custcare_before_approve(self):
        if self.filtered(lambda s: not (s.review_note or "").strip()):
            raise UserError(
                self.env._("Write the review comments (审阅意见) before marking it reviewed.")
            )

    def action_reject(self):
        """Send back for completion: the review comments say what is missing."""
        self._check_approver()
        if self.filtered(lambda s: not (s.review_note or "").strip()):
            raise UserError(
                self.env._("Say in the review comments what is missing before sending it back.")
            )
        return super().action_reject()

    @api.private
    def _custcare_after_reject(self):
        self._custcare_schedule_completion(sent_back=True)

    # ------------------------------------------------------- the drafting
    @api.model
    def _cron_draft_week(self):
        """Scheduled job (Fridays): a draft summary of this week for every
        service person of every company who has none yet, in batches (one
        INSERT of summaries, lines, followers and activities per batch),
        each with the figures of the week and a to-do due the Monday after.
        Service persons are the active internal Customer Care users below
        manager (staff, QC inspectors, archive keepers): the managers review."""
        Batch = self.env["custcare.batch"]
        total = 0
        for company in self.env["res.company"].sudo().search([]):
            week = _monday(self._custcare_today(company))
            total += Batch._run(
                "res.users",
                self._custcare_undrafted_domain(company, week),
                lambda users, company=company, week=week: self._custcare_draft(
                    users, company, week
                ),
                # a person brings the week's records as lines (tens each):
                # fewer persons per batch keep a batch's size and memory flat
                batch_size=max(Batch._batch_size() // PERSONS_PER_BATCH_DIVISOR, 1),
            )
        return total

    @api.model
    def _custcare_undrafted_domain(self, company, week):
        """The service persons of ``company`` without a summary of ``week``."""
        drafted = self.sudo()._search([("company_id", "=", company.id), ("week_start", "=", week)])
        managers = (
            self.env["res.users"]
            .sudo()
            .with_context(active_test=False)
            ._search([("all_group_ids", "in", self.env.ref(self._approval_group).ids)])
        )
        return (
            Domain("share", "=", False)
            & Domain("active", "=", True)
            & Domain("company_ids", "in", company.ids)
            & Domain("all_group_ids", "in", self.env.ref("custcare_base.group_custcare_user").ids)
            & Domain("id", "not in", managers.subselect())
            & Domain("id", "not in", drafted.subselect(SQL.identifier(self._table, "person_id")))
        )

    @api.model
    def _custcare_today(self, company):
        tz = pytz.timezone(company.partner_id.tz or "UTC")
        return fields.Datetime.now().replace(tzinfo=pytz.utc).astimezone(tz).date()

    @api.model
    def _custcare_draft(self, users, company, week):
        """Draft the summaries of ``week`` for ``users`` (one batch)."""
        figures = self._custcare_figures(company, week, users)
        now = fields.Datetime.now()
        Summary = self.sudo().with_context(mail_create_nolog=True, mail_create_nosubscribe=True)
        summaries = Summary._custcare_create(
            [
                {
                    "person_id": user.id,
                    "company_id": company.id,
                    "week_start": week,
                    "figures_date": now,
                    **figures[user.id]["counts"],
                }
                for user in users
            ]
        )
        self.env["custcare.weekly.summary.line"].sudo()._custcare_create(
            [
                {**line, "summary_id": summary.id}
                for summary in summaries
                for line in figures[summary.person_id.id]["lines"]
            ]
        )
        # each person follows their summary (one INSERT for the batch)
        subtypes = self.env["mail.message.subtype"].default_subtypes(self._name)[0]
        self.env["mail.followers"].sudo().create(
            [
                {
                    "res_model": self._name,
                    "res_id": summary.id,
                    "partner_id": summary.person_id.partner_id.id,
                    "subtype_ids": [Command.set(subtypes.ids)],
                }
                for summary in summaries
            ]
        )
        summaries.with_context(
            custcare_followers_set=_FOLLOWERS_SET
        )._custcare_schedule_completion()
        return summaries

    def _custcare_schedule_completion(self, sent_back=False):
        """The person's to-do: complete and submit the summary by its
        deadline (one INSERT for the batch)."""
        activity_type = self.env.ref(ACTIVITY)
        model_id = self.env["ir.model"]._get_id(self._name)
        today = fields.Date.context_today(self)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": summary.id,
                    "res_name": summary._custcare_title(summary.person_id.name),
                    "activity_type_id": activity_type.id,
                    "user_id": summary.person_id.id,
                    "date_deadline": max(summary.deadline, today)
                    if sent_back
                    else summary.deadline,
                    "automated": True,
                    "summary": (
                        self.env._("Complete the weekly summary sent back to you")
                        if sent_back
                        else self.env._("Complete and submit your weekly summary")
                    ),
                }
                for summary in self
            ]
        )

    def _custcare_refresh(self):
        """Take the figures and the customers' words again (any number of
        summaries; grouped by company and week)."""
        now = fields.Datetime.now()
        groups = defaultdict(lambda: self.browse())
        for summary in self:
            groups[summary.company_id, summary.week_start] |= summary
        Line = self.env["custcare.weekly.summary.line"].sudo()
        for (company, week), summaries in groups.items():
            figures = self._custcare_figures(company, week, summaries.person_id)
            summaries.line_ids.sudo().unlink()
            for summary in summaries:
                summary._custcare_write(
                    {"figures_date": now, **figures[summary.person_id.id]["counts"]}
                )
            Line._custcare_create(
                [
                    {**line, "summary_id": summary.id}
                    for summary in summaries
                    for line in figures[summary.person_id.id]["lines"]
                ]
            )

    @api.model
    def _custcare_figures(self, company, week, users):
        """{user id: {"counts": {field: n}, "lines": [line values]}} of the
        week of ``users`` in ``company``: a fixed number of queries for any
        number of users."""
        tz = pytz.timezone(company.partner_id.tz or "UTC")

        def utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        def local_date(value):
            return pytz.utc.localize(value).astimezone(tz).date()

        week_end = week + timedelta(days=6)
        start, end = utc(week), utc(week + timedelta(days=7))
        ids = users.ids
        in_company = Domain("company_id", "=", company.id)
        in_week = {  # a date field, or a datetime field in the company's timezone
            "date": lambda name: Domain(name, ">=", week) & Domain(name, "<=", week_end),
            "datetime": lambda name: Domain(name, ">=", start) & Domain(name, "<", end),
        }
        result = {uid: {"counts": dict.fromkeys(COUNTERS, 0), "lines": []} for uid in ids}
        # what customers said: one line per record of the week, counted
        for source in self._custcare_line_sources():
            Model = self.env[source["model"]].sudo()
            date_field = Model._fields[source["date"]]
            records = Model.search_fetch(
                in_company
                & Domain(source["person"], "in", ids)
                & Domain(source.get("domain", []))
                & in_week[date_field.type](source["date"]),
                [source["person"], "partner_id", source["date"], *source["fields"]],
            )
            for record in records:
                day = record[source["date"]]
                data = result[record[source["person"]].id]
                data["counts"][source["counter"]] += 1
                data["lines"].append(
                    {
                        "kind": source["kind"],
                        "date": local_date(day) if date_field.type == "datetime" else day,
                        "partner_id": record.partner_id.id,
                        "reference": record.display_name,
                        "res_model": record._name,
                        "res_id": record.id,
                        "satisfaction": record["satisfaction"]
                        if "satisfaction" in record
                        else False,
                        "text": _shorten(source["text"](record)),
                    }
                )
        # counted only: products handed back, complaints handled and closed
        Complaint = self.env["custcare.complaint"].sudo()
        counted = (
            (
                self.env["custcare.service.request"].sudo(),
                "user_id",
                in_week["date"]("returned_date"),
                "service_returned_count",
            ),
            (
                Complaint,
                "user_id",
                Domain("received_at", "<", end)
                & (Domain("closed_at", "=", False) | Domain("closed_at", ">=", start)),
                "complaint_handled_count",
            ),
            (Complaint, "user_id", in_week["datetime"]("closed_at"), "complaint_closed_count"),
        )
        for Model, person, domain, counter in counted:
            for user, count in Model._read_group(
                in_company & Domain(person, "in", ids) & domain, [person], ["__count"]
            ):
                result[user.id]["counts"][counter] = count
        for data in result.values():
            data["lines"].sort(key=lambda line: (line["date"], line["kind"], line["res_id"]))
        return result

    @api.model
    def _custcare_line_sources(self):
        """Where the week's lines come from: the person's field, the date of
        the week, and what the customer said."""
        return [
            {
                "model": "custcare.service.request",
                "kind": "service",
                "counter": "service_count",
                "person": "user_id",
                "date": "request_date",
                "fields": ["name", "symptom"],
                "text": lambda r: r.symptom,
            },
            {
                "model": "custcare.complaint",
                "kind": "complaint",
                "counter": "complaint_received_count",
                "person": "first_receiver_id",
                "date": "received_at",
                "fields": ["name", "description"],
                "text": lambda r: html2plaintext(r.description or ""),
            },
            {
                "model": "custcare.callback",
                "kind": "callback",
                "counter": "callback_count",
                "person": "user_id",
                "date": "done_date",
                "domain": [("state", "=", "done")],
                "fields": ["plan_id", "satisfaction", "quality_feedback", "usage"],
                "text": lambda r: r.quality_feedback or r.usage,
            },
            {
                "model": "custcare.visit",
                "kind": "visit",
                "counter": "visit_count",
                "person": "visitor_id",
                "date": "visit_date",
                "domain": [("state", "=", "done")],
                "fields": ["name", "customer_reaction", "suggestions", "key_gains"],
                "text": lambda r: r.customer_reaction or r.suggestions or r.key_gains,
            },
            {
                "model": "custcare.communication",
                "kind": "communication",
                "counter": "communication_count",
                "person": "user_id",
                "date": "date",
                "domain": [("state", "=", "logged")],
                "fields": ["name", "subject", "content"],
                "text": lambda r: f"{r.subject}: {r.content}",
            },
        ]

    # ---------------------------------------------------------- retention
    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "What the person wrote, the review comments and what the customers said erased "
            "from the database; the number, the week, the person and the figures are kept."
        )

    def _custcare_destroy(self):
        erased = super()._custcare_destroy()
        for summary in self:
            erased[summary.id]["lines"] = {line.id: line.text for line in summary.line_ids}
        self.line_ids._custcare_write({"text": False})
        return erased


class CustcareWeeklySummaryLine(models.Model):
    """One thing a customer said in the week (a complaint, a callback, a
    visit, a communication, a service request), taken from its record."""

    _name = "custcare.weekly.summary.line"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Weekly Summary: What a Customer Said"
    _order = "summary_id, date, id"

    summary_id = fields.Many2one(
        "custcare.weekly.summary",
        "Weekly Summary",
        required=True,
        readonly=True,
        ondelete="cascade",
        index=True,
    )
    company_id = fields.Many2one(related="summary_id.company_id", store=True, precompute=True)
    kind = fields.Selection(KINDS, required=True, readonly=True)
    date = fields.Date(readonly=True)
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True)
    reference = fields.Char(readonly=True)
    res_model = fields.Char("Record Model", readonly=True)
    res_id = fields.Integer("Record ID", readonly=True)
    satisfaction = fields.Selection(SATISFACTION, readonly=True)
    text = fields.Text("What the Customer Said", readonly=True)

    def _custcare_is_evidence(self):
        # replaced when the figures of a draft are taken again, kept once submitted
        return self.filtered(
            lambda line: line.summary_id.approval_state not in ("draft", "to_reapprove")
        )

    def action_open_record(self):
        """Open the record the line was taken from (as the user: their
        rights apply)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }

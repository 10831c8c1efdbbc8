# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import re
from bisect import bisect_right
from datetime import timedelta

from markupsafe import Markup
from pytz import utc

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate, html2plaintext
from odoo.tools.intervals import Intervals

_lt = LazyTranslate(__name__)
# Only this module's methods hold this object, so a client cannot forge it
_GATEWAY = object()
SUBJECT_SIZE = 256
PHONE = re.compile(r"^[0-9０-９+()（）\-\s/.,，转xX#*]*$")

CHANNELS = [
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("fax", "Fax"),
    ("email", "Email"),
    ("visit", "In Person"),
    ("portal", "Portal"),
]
CATEGORIES = [
    ("quality", "Product Quality"),
    ("service", "Service"),
    ("delivery", "Delivery"),
    ("other", "Other"),
]
SEVERITIES = [("minor", "Minor"), ("major", "Major"), ("critical", "Critical")]
STATES = [
    ("new", "Registered"),
    ("investigating", "Investigating"),
    ("approval", "Awaiting Approval"),
    ("feedback", "Feedback to Customer"),
    ("closed", "Closed"),
]
RESPONSIBILITIES = [
    ("company", "Company"),
    ("customer", "Customer"),
    ("carrier", "Carrier"),
    ("supplier", "Supplier"),
]


class CustcareComplaint(models.Model):
    """A customer complaint (客户投诉登记及处理报告)."""

    _name = "custcare.complaint"
    _description = "Customer Complaint"
    _inherit = [
        "portal.mixin",
        "mail.thread",
        "custcare.portal.mixin",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _custcare_sequence_code = "custcare.complaint"
    _custcare_protected_fields = {
        "state": _lt("Start Investigation, Submit Result, the approval, Close"),
        "user_id": _lt("Transfer, with a reason"),
        "first_receiver_id": _lt("nothing: whoever registers the complaint keeps the duty"),
        "repeat_contact_count": _lt("Customer Contacted Again"),
        "capa_id": _lt("Issue CAPA Request"),
    }
    _custcare_evidence_states = ("investigating", "approval", "feedback", "closed")
    _custcare_retention_erase = (
        "subject",
        "description",
        "root_cause",
        "result",
        "customer_reaction",
        "contact_name",
        "contact_phone",
    )
    _order = "priority desc, received_at desc, id desc"
    _rec_names_search = ["name", "subject"]
    _check_company_auto = True
    _approval_key_fields = ("result", "root_cause", "responsibility")
    # whoever may read a complaint may discuss it: customers reply from the portal
    _mail_post_access = "read"

    # Registration
    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    subject = fields.Char(
        size=SUBJECT_SIZE,
        tracking=True,
        help="What the complaint is about, in a line (the description's first words "
        "when left empty).",
    )
    channel = fields.Selection(CHANNELS, required=True, default="phone")
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, tracking=True, index=True, check_company=True
    )
    contact_name = fields.Char("Contact Person", size=128)
    contact_phone = fields.Char(size=32)
    received_at = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True)
    category = fields.Selection(CATEGORIES, required=True, default="quality", tracking=True)
    severity = fields.Selection(SEVERITIES, required=True, default="minor", tracking=True)
    priority = fields.Selection(
        [("0", "Normal"), ("1", "High"), ("2", "Urgent")],
        compute="_compute_priority",
        store=True,
        precompute=True,
    )
    customer_tier = fields.Selection(
        related="partner_id.commercial_partner_id.customer_tier", store=True, string="Customer Tier"
    )
    # the customer's (company's) name, kept on the complaint for the kanban
    # cards, grouping and searching without computing each partner's display name
    customer_name = fields.Char(
        related="partner_id.commercial_partner_id.name",
        store=True,
        precompute=True,  # in the INSERT, not an UPDATE after it
        string="Customer Name",
    )
    product_id = fields.Many2one("product.product", check_company=True)
    lot_ref = fields.Char("Lot / Serial", size=64)
    delivery_ref = fields.Char("Delivery Reference", size=64)
    description = fields.Html(required=True)
    # First-receiver duty (首问负责制)
    first_receiver_id = fields.Many2one(
        "res.users",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
        index=True,
    )
    user_id = fields.Many2one(
        "res.users",
        "Owner",
        required=True,
        readonly=True,
        tracking=True,
        default=lambda self: self.env.user,
        index=True,
        groups="base.group_user",
    )
    team_id = fields.Many2one(
        "custcare.complaint.team", tracking=True, index=True, check_company=True
    )
    transfer_ids = fields.One2many(
        "custcare.complaint.transfer", "complaint_id", "Transfers", groups="base.group_user"
    )
    repeat_contact_count = fields.Integer(
        "Repeat Contacts",
        readonly=True,
        groups="base.group_user",
        help="How often the customer had to contact us again about this open complaint.",
    )
    state = fields.Selection(
        STATES, default="new", required=True, readonly=True, tracking=True, group_expand=True
    )
    # SLA (in the team's working hours from the reception)
    # computed before the INSERT (precompute): a new complaint costs no UPDATE
    response_deadline = fields.Datetime(
        compute="_compute_sla_deadlines", store=True, precompute=True, groups="base.group_user"
    )
    resolution_deadline = fields.Datetime(
        compute="_compute_sla_deadlines", store=True, precompute=True, groups="base.group_user"
    )
    responded_at = fields.Datetime(readonly=True)
    closed_at = fields.Datetime(readonly=True)
    response_hours = fields.Float(
        "Response Time (hours)",
        compute="_compute_durations",
        store=True,
        precompute=True,
        aggregator="avg",
    )
    resolution_hours = fields.Float(
        "Resolution Time (hours)",
        compute="_compute_durations",
        store=True,
        precompute=True,
        aggregator="avg",
    )
    sla_breached = fields.Boolean(
        "SLA Breached",
        readonly=True,
        index=True,
        groups="base.group_user",
        help="Answered or closed after its deadline, or still open past it (checked hourly).",
    )
    # Investigation (QC)
    root_cause = fields.Html(groups="base.group_user")
    responsibility = fields.Selection(RESPONSIBILITIES, tracking=True, groups="base.group_user")
    investigated_by_id = fields.Many2one(
        "res.users", "Investigated by", readonly=True, groups="base.group_user"
    )
    capa_id = fields.Many2one(
        "custcare.capa", "CAPA Request", readonly=True, copy=False, groups="base.group_user"
    )
    result = fields.Html("Handling Result")
    # Feedback to the customer
    feedback_date = fields.Date(tracking=True)
    feedback_method = fields.Selection(CHANNELS, tracking=True)
    customer_reaction = fields.Text()

    @api.depends("severity")
    def _compute_priority(self):
        mapping = {"minor": "0", "major": "1", "critical": "2"}
        for complaint in self:
            complaint.priority = mapping.get(complaint.severity, "0")

    @api.depends("received_at", "responded_at", "closed_at")
    def _compute_durations(self):
        for complaint in self:
            start = complaint.received_at
            complaint.response_hours = (
                (complaint.responded_at - start).total_seconds() / 3600
                if start and complaint.responded_at
                else 0.0
            )
            complaint.resolution_hours = (
                (complaint.closed_at - start).total_seconds() / 3600
                if start and complaint.closed_at
                else 0.0
            )

    def _update_sla_breach(self):
        """Flag the complaints that missed a deadline; one write per change."""
        now = fields.Datetime.now()
        breached = self.filtered(
            lambda c: (c.response_deadline and (c.responded_at or now) > c.response_deadline)
            or (c.resolution_deadline and (c.closed_at or now) > c.resolution_deadline)
        )
        (breached - self.filtered("sla_breached"))._custcare_write({"sla_breached": True})

    @api.model
    def _sla_breach_domain(self):
        """Open complaints past a deadline and not flagged yet."""
        now = fields.Datetime.now()
        return [
            ("state", "!=", "closed"),
            ("sla_breached", "=", False),
            "|",
            "&",
            ("responded_at", "=", False),
            ("response_deadline", "<", now),
            ("resolution_deadline", "<", now),
        ]

    @api.model
    def _cron_check_sla(self):
        """Scheduled job: flag the open complaints past their deadlines, one
        UPDATE per committed batch."""
        return self.env["custcare.batch"]._run(
            self._name,
            self._sla_breach_domain(),
            lambda complaints: complaints._custcare_write({"sla_breached": True}),
        )

    @api.constrains("received_at")
    def _check_received_at(self):
        # a few minutes of clock difference between a client and the server are fine
        limit = fields.Datetime.now() + timedelta(minutes=10)
        if self.filtered(lambda c: c.received_at > limit):
            raise ValidationError(self.env._("A complaint cannot be received in the future."))

    @api.constrains("contact_phone")
    def _check_contact_phone(self):
        for complaint in self.filtered("contact_phone"):
            if not PHONE.match(complaint.contact_phone):
                raise ValidationError(
                    self.env._(
                        "“%(phone)s” is not a phone number: use digits, spaces, + - ( ) and "
                        "转 for an extension.",
                        phone=complaint.contact_phone,
                    )
                )

    @api.depends("name", "subject")
    def _compute_display_name(self):
        for complaint in self:
            complaint.display_name = " ".join(filter(None, (complaint.name, complaint.subject)))

    @api.onchange("partner_id")
    def _onchange_partner_contact(self):
        """The customer's contact person and phone, unless already given."""
        partner = self.partner_id
        if not partner:
            return
        person = (
            partner
            if not partner.is_company
            else partner.child_ids.filtered(lambda c: c.type == "contact" and not c.is_company)[:1]
        )
        if not self.contact_name and person:
            self.contact_name = person.name
        if not self.contact_phone:
            self.contact_phone = person.phone or partner.phone

    # ------------------------------------------------------------------ CRUD
    @api.private
    def _custcare_prepare_create(self, vals_list):
        """The first receiver is whoever registers the complaint, for good;
        for mail and the portal, the person the team puts in charge."""
        super()._custcare_prepare_create(vals_list)
        gateway = self.env.context.get("custcare_gateway")
        owner = gateway[1] if isinstance(gateway, tuple) and gateway[0] is _GATEWAY else None
        given = self.env.su or self._custcare_trusted()  # data files, imports by the system
        for vals in vals_list:
            if not vals.get("subject") and vals.get("description"):
                # the description's first words, as a subject line
                text = " ".join(html2plaintext(vals["description"]).split())
                vals["subject"] = text if len(text) <= 60 else text[:59] + "…"
            receiver = owner or (given and vals.get("first_receiver_id")) or self.env.uid
            vals["first_receiver_id"] = receiver
            vals["user_id"] = (given and vals.get("user_id")) or receiver

    @api.model_create_multi
    def create(self, vals_list):
        complaints = super().create(vals_list)
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id(self._name)
        summaries = {}  # in the language of the receiver who follows it up
        for lang in set(complaints.first_receiver_id.mapped("lang")):
            summaries[lang] = self.with_context(lang=lang or self.env.lang).env._(
                "Follow up until the customer has the answer"
            )
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": complaint.id,
                    # given, not computed afterwards by an UPDATE
                    "res_name": complaint.display_name,
                    "activity_type_id": todo.id,
                    "user_id": complaint.first_receiver_id.id,
                    "date_deadline": fields.Date.context_today(complaint),
                    "summary": summaries[complaint.first_receiver_id.lang],
                    "automated": True,
                }
                for complaint in complaints
            ]
        )
        complaints.filtered(lambda c: c.severity == "critical")._notify_general_manager()
        self.env["custcare.archive"]._custcare_count_new_complaints(complaints)
        return complaints

    @api.model
    def formatted_read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        """The desk's kanban by state keeps the closed column folded: its
        cards are not read until someone opens it."""
        groups = super().formatted_read_group(
            domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order
        )
        if groupby and groupby[0] == "state":
            for group in groups:
                group["__fold"] = group.get("state") == "closed"
        return groups

    def write(self, vals):
        moved = self.env["res.partner"]
        if {"partner_id", "company_id"} & vals.keys():
            moved = self.partner_id.commercial_partner_id
        res = super().write(vals)
        if vals.get("severity") == "critical":
            self._notify_general_manager()
        if moved:
            self.env["custcare.archive"]._custcare_refresh_complaint_counts(
                moved | self.partner_id.commercial_partner_id
            )
        return res

    def unlink(self):
        customers = self.partner_id.commercial_partner_id
        res = super().unlink()
        self.env["custcare.archive"]._custcare_refresh_complaint_counts(customers)
        return res

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A complaint by mail: the sender is matched to a partner."""
        values = dict(custom_values or {})
        sender = self.env["res.partner"]
        if msg_dict.get("email_from"):
            sender = self.env["mail.thread"]._partner_find_from_emails_single(
                [msg_dict["email_from"]], no_create=False
            )
        team = self.env["custcare.complaint.team"].browse(values.get("team_id")).exists()
        owner = team.leader_id or team.member_ids[:1]
        values.update(
            {
                "channel": "email",
                "partner_id": (sender.commercial_partner_id or sender).id,
                "contact_name": sender.name,
                "subject": (msg_dict.get("subject") or "")[:SUBJECT_SIZE] or False,
                "description": msg_dict.get("body") or msg_dict.get("subject") or "",
                "received_at": fields.Datetime.now(),
            }
        )
        values.pop("user_id", None)
        gateway = self.with_context(custcare_gateway=(_GATEWAY, owner.id or self.env.uid))
        return super(CustcareComplaint, gateway).message_new(msg_dict, custom_values=values)

    def _compute_access_url(self):
        super()._compute_access_url()
        for complaint in self:
            complaint.access_url = f"/my/complaints/{complaint.id}"

    @api.model
    def _portal_register(
        self, partner, category, description, lot_ref=False, delivery_ref=False, subject=False
    ):
        """A complaint submitted by a customer in the portal (called as sudo)."""
        team = self.env.ref("custcare_complaint.team_desk", raise_if_not_found=False)
        owner = (team.leader_id or team.member_ids[:1]) if team else self.env["res.users"]
        owner = owner or self.env.ref("base.user_admin")
        complaint = self.with_context(custcare_gateway=(_GATEWAY, owner.id)).create(
            {
                "partner_id": partner.commercial_partner_id.id,
                "contact_name": partner.name,
                "contact_phone": partner.phone,
                "channel": "portal",
                "subject": subject,
                "category": category,
                "lot_ref": lot_ref,
                "delivery_ref": delivery_ref,
                "description": Markup("<p>%s</p>") % description,
                "team_id": team.id if team else False,
            }
        )
        complaint.message_subscribe(partner_ids=partner.ids)
        return complaint

    def _portal_attach(self, partner, files):
        """Files the customer joined to the complaint: one message of theirs
        that carries them, so they are seen in the portal and on the desk.
        ``files``: [(file name, content)], already checked."""
        self.ensure_one()
        message = self.message_post(
            body=self.env._("Files joined to the complaint by the customer."),
            attachments=list(files),
            author_id=partner.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return message.attachment_ids

    # ------------------------------------------------------------------- SLA
    @api.depends(
        "received_at",
        "severity",
        "company_id.resource_calendar_id",
        "team_id.resource_calendar_id",
        "team_id.response_hours_minor",
        "team_id.response_hours_major",
        "team_id.response_hours_critical",
        "team_id.resolution_hours_minor",
        "team_id.resolution_hours_major",
        "team_id.resolution_hours_critical",
    )
    def _compute_sla_deadlines(self):
        """Deadlines counted in the team's working hours from the reception:
        the working intervals are read once per calendar for the batch."""
        defaults = {
            "response": {"minor": 16, "major": 8, "critical": 2},
            "resolution": {"minor": 80, "major": 40, "critical": 16},
        }
        self.response_deadline = self.resolution_deadline = False
        dated = self.filtered("received_at")
        by_calendar = dated.grouped(
            lambda c: c.team_id.resource_calendar_id or c.company_id.resource_calendar_id
        )
        for calendar, complaints in by_calendar.items():
            if not calendar:
                continue
            starts = [utc.localize(c.received_at) for c in complaints]
            intervals = self._sla_intervals(calendar, min(starts), max(starts))
            for complaint, start in zip(complaints, starts, strict=True):
                team = complaint.team_id
                for kind in ("response", "resolution"):
                    hours = (
                        team[f"{kind}_hours_{complaint.severity}"]
                        if team
                        else defaults[kind][complaint.severity]
                    )
                    end = self._sla_plan(intervals, start, hours) or calendar.plan_hours(
                        hours, start, compute_leaves=True
                    )
                    complaint[f"{kind}_deadline"] = (
                        end.astimezone(utc).replace(tzinfo=None) if end else False
                    )

    @api.model
    def _sla_intervals(self, calendar, first, last, days=28):
        """The calendar's working intervals (leaves excluded) from the day of
        the first reception to four weeks after the last, as (start, stop)
        pairs (a deadline beyond them is planned by the calendar itself).
        The weekly working hours are computed once per calendar version and
        day (:meth:`_sla_attendance`); the leaves are read every time."""
        start = first.replace(hour=0, minute=0, second=0, microsecond=0)
        end = (last + timedelta(days=days + 1)).replace(hour=0, minute=0, second=0, microsecond=0)
        calendar = calendar.sudo()
        attendance = self._sla_attendance(calendar.id, calendar.write_date, start, end)
        empty = self.env["resource.calendar.attendance"]
        work = Intervals([(a, b, empty) for a, b in attendance], keep_distinct=True)
        leaves = calendar._leave_intervals_batch(start, end)[False]
        return [(a, b) for a, b, _meta in work - leaves]

    @api.model
    @tools.ormcache("calendar_id", "version", "start", "end")
    def _sla_attendance(self, calendar_id, version, start, end):
        """The calendar's attendance intervals between ``start`` and ``end``
        as (start, stop) pairs; ``version``: the calendar's write date (its
        attendances clear the cache when they change, see resource.py)."""
        calendar = self.env["resource.calendar"].sudo().browse(calendar_id)
        return tuple(
            (a, b) for a, b, _meta in calendar._attendance_intervals_batch(start, end)[False]
        )

    @api.model
    def _sla_plan(self, intervals, start, hours):
        """When ``hours`` of work starting at ``start`` are done, or None when
        the intervals end before (the caller then plans further)."""
        index = bisect_right([stop for _start, stop in intervals], start)
        for begin, stop in intervals[index:]:
            begin = max(begin, start)
            available = (stop - begin).total_seconds() / 3600
            if hours <= available:
                return begin + timedelta(hours=hours)
            hours -= available
        return None

    def _notify_general_manager(self):
        """Critical complaints reach the general manager at once."""
        if not self:
            return
        managers = self.env.ref("custcare_base.group_custcare_gm").sudo().all_user_ids
        partners = managers.filtered(lambda u: not u.share).partner_id
        for complaint in self:
            complaint.message_subscribe(partner_ids=partners.ids)
            complaint.message_post(
                body=self.env._(
                    "Critical complaint %(name)s from %(customer)s: the general manager is "
                    "informed.",
                    name=complaint.name,
                    customer=complaint.partner_id.display_name,
                ),
                partner_ids=partners.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )

    # ---------------------------------------------------------------- actions
    def action_register_repeat_contact(self):
        """The customer contacted us again about this open complaint."""
        for complaint in self:
            if complaint.state == "closed":
                raise UserError(self.env._("The complaint is closed: register a new one."))
            complaint._custcare_write({"repeat_contact_count": complaint.repeat_contact_count + 1})
            complaint.message_post(
                body=self.env._(
                    "The customer contacted us again (%(n)s).", n=complaint.repeat_contact_count
                ),
                message_type="notification",
            )
        return True

    def _transfer(self, to_user, reason):
        """转交: hand the complaints over to a colleague, with the reason in
        the ledger; the follow-up activity moves with them."""
        if not (reason or "").strip():
            raise UserError(self.env._("Give the reason for the transfer."))
        if to_user.share or not to_user.has_group("custcare_base.group_custcare_user"):
            raise UserError(
                self.env._(
                    "%(user)s does not work on the complaint desk: transfer to a Customer Care "
                    "user.",
                    user=to_user.name,
                )
            )
        for complaint in self:
            if complaint.state == "closed":
                raise UserError(self.env._("A closed complaint cannot be transferred."))
            if to_user == complaint.user_id:
                raise UserError(
                    self.env._("The complaint already belongs to %(user)s.", user=to_user.name)
                )
        self.env["custcare.complaint.transfer"].sudo().create(
            [
                {
                    "complaint_id": complaint.id,
                    "from_user_id": complaint.user_id.id,
                    "to_user_id": to_user.id,
                    "reason": reason,
                }
                for complaint in self
            ]
        )
        self._custcare_write({"user_id": to_user.id})
        self.message_subscribe(partner_ids=to_user.partner_id.ids)
        self.sudo().activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_todo")
        ).write({"user_id": to_user.id})

    def action_start_investigation(self):
        if self.filtered(lambda c: c.state != "new"):
            raise UserError(self.env._("Only a registered complaint can go to investigation."))
        vals = {"state": "investigating", "responded_at": fields.Datetime.now()}
        if self.env.user.has_group("custcare_base.group_custcare_qc"):
            vals["investigated_by_id"] = self.env.uid
        self._custcare_write(vals)
        self._update_sla_breach()
        return True

    def _check_qc(self):
        if not self.env.user.has_group("custcare_base.group_custcare_qc"):
            raise AccessError(self.env._("Only a QC inspector investigates complaints."))

    def action_create_capa(self):
        """The company is at fault: issue a corrective and preventive action request."""
        self.ensure_one()
        self._check_qc()
        if self.responsibility != "company":
            raise UserError(self.env._("A CAPA request is issued when the company is responsible."))
        if self.capa_id:
            raise UserError(self.env._("This complaint already has a CAPA request."))
        capa = self.env["custcare.capa"]._custcare_create(
            {
                "source_ref": f"{self._name},{self.id}",
                "partner_id": self.partner_id.id,
                "company_id": self.company_id.id,
                "nonconformity": self.description,
                "root_cause": self.root_cause,
            }
        )
        self._custcare_write({"capa_id": capa.id, "investigated_by_id": self.env.uid})
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.capa",
            "res_id": capa.id,
            "view_mode": "form",
        }

    def action_submit_result(self):
        for complaint in self:
            if complaint.state != "investigating":
                raise UserError(self.env._("Submit the result of a complaint under investigation."))
            if not complaint.root_cause or not complaint.responsibility or not complaint.result:
                raise UserError(
                    self.env._("Record the root cause, the responsibility and the result first.")
                )
        self.action_submit()
        self._custcare_write({"state": "approval"})
        return True

    def _custcare_before_approve(self):
        open_capa = self.filtered(lambda c: c.capa_id and c.sudo().capa_id.state != "verified")
        if open_capa:
            raise UserError(
                self.env._(
                    "The corrective action %(capa)s of %(complaint)s has not been verified "
                    "effective by QC yet: approve the result after the verification.",
                    capa=open_capa[0].sudo().capa_id.name,
                    complaint=open_capa[0].name,
                )
            )

    def _custcare_after_approve(self):
        self._custcare_write({"state": "feedback"})

    def _custcare_after_reject(self):
        self._custcare_write({"state": "investigating"})

    def action_close(self):
        for complaint in self:
            if complaint.approval_state != "approved":
                raise UserError(
                    self.env._("The general manager must approve the result before closing.")
                )
            if not (complaint.feedback_date and complaint.feedback_method):
                raise UserError(
                    self.env._(
                        "Record the feedback to the customer (date and method) before closing."
                    )
                )
        self._custcare_write({"state": "closed", "closed_at": fields.Datetime.now()})
        self._update_sla_breach()
        self.activity_feedback(
            ["mail.mail_activity_data_todo"], feedback=self.env._("The customer has the answer.")
        )
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The customer's words and contact (description, contact person, phone, reaction) "
            "and our findings (cause, result) erased from the database; the number and dates "
            "kept."
        )

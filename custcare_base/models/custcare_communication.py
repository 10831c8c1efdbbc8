# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate, plaintext2html

_lt = LazyTranslate(__name__)

CHANNELS = [
    ("phone", "Phone"),
    ("letter", "Letter"),
    ("fax", "Fax"),
    ("email", "E-mail"),
    ("visit", "Visit Received"),
    ("on_site", "Visit Made"),
]
# a clock a little ahead of the server's is not "the future"
CLOCK_SKEW = timedelta(minutes=5)


class CustcareCommunication(models.Model):
    """One exchange with a customer (顾客沟通情况记录表): a call, letter, fax,
    e-mail or visit, what was said and what we promised. The visits received
    are the visitor register (客户来访登记). Once logged it is evidence."""

    _name = "custcare.communication"
    _description = "Customer Communication"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.communication"
    _custcare_protected_fields = {"state": _lt("Log")}
    _custcare_evidence_states = ("logged",)
    _custcare_retention_erase = ("contact_name", "content", "promise", "visitor_names")
    # what a logged record says: changed by nobody afterwards
    _custcare_logged_fields = (
        "company_id",
        "partner_id",
        "contact_id",
        "contact_name",
        "date",
        "channel",
        "direction",
        "subject",
        "content",
        "promise",
        "follow_up_date",
        "user_id",
        "visitor_names",
        "visitor_count",
        "receiver_ids",
        "visit_purpose",
    )

    # Identity
    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        store=True,
        index=True,
        string="Customer Company",
    )
    contact_id = fields.Many2one(
        "res.partner",
        "Contact Person",
        check_company=True,
        domain="[('id', 'child_of', commercial_partner_id)]",
    )
    contact_name = fields.Char(
        size=128, help="Who spoke for the customer, when not among its contacts."
    )
    # The exchange
    date = fields.Datetime(required=True, default=fields.Datetime.now, tracking=True, index=True)
    channel = fields.Selection(CHANNELS, required=True, default="phone", tracking=True, index=True)
    direction = fields.Selection(
        [("incoming", "Incoming"), ("outgoing", "Outgoing")], required=True, default="incoming"
    )
    subject = fields.Char(required=True, size=256)
    content = fields.Text("What Was Said", required=True)
    promise = fields.Text("Promise / Follow-up", help="What we promised the customer to do.")
    follow_up_date = fields.Date(
        "Follow-up Deadline", help="Logging the record gives its handler a to-do due this day."
    )
    user_id = fields.Many2one(
        "res.users",
        "Handled by",
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
    # Visits received (客户来访登记)
    visitor_names = fields.Char("Visitors", size=256)
    visitor_count = fields.Integer("Number of Visitors")
    receiver_ids = fields.Many2many(
        "res.users",
        "custcare_communication_receiver_rel",
        "communication_id",
        "user_id",
        "Received by",
    )
    visit_purpose = fields.Char("Purpose of the Visit", size=256)
    state = fields.Selection(
        [("draft", "Draft"), ("logged", "Logged")],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    @api.constrains("date")
    def _check_date(self):
        limit = fields.Datetime.now() + CLOCK_SKEW
        if self.filtered(lambda c: c.date > limit):
            raise ValidationError(
                self.env._(
                    "A communication is recorded once it has taken place: its date cannot be "
                    "in the future."
                )
            )

    @api.constrains("date", "follow_up_date")
    def _check_follow_up_date(self):
        for record in self.filtered("follow_up_date"):
            if record.follow_up_date < fields.Date.to_date(record.date):
                raise ValidationError(
                    self.env._(
                        "The follow-up deadline of %(record)s falls before the communication.",
                        record=record.display_name,
                    )
                )

    @api.constrains("visitor_count")
    def _check_visitor_count(self):
        if self.filtered(lambda c: c.visitor_count < 0):
            raise ValidationError(self.env._("The number of visitors cannot be negative."))

    @api.constrains("user_id")
    def _check_user(self):
        desk = self.env.ref("custcare_base.group_custcare_user")
        for record in self:
            user = record.user_id
            if user.share or desk not in user.all_group_ids:
                raise ValidationError(
                    self.env._(
                        "%(user)s is not a Customer Care user: a communication is handled by "
                        "the customer-service staff.",
                        user=user.name,
                    )
                )

    @api.constrains("partner_id", "contact_id")
    def _check_contact(self):
        for record in self.filtered("contact_id"):
            if record.contact_id.commercial_partner_id != record.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(contact)s is not a contact of %(customer)s.",
                        contact=record.contact_id.name,
                        customer=record.partner_id.commercial_partner_id.name,
                    )
                )

    @api.onchange("channel")
    def _onchange_channel(self):
        if self.channel == "visit":
            self.direction = "incoming"
        elif self.channel == "on_site":
            self.direction = "outgoing"

    def write(self, vals):
        locked = set(vals) & self._custcare_logged_field_names()
        if locked and not (self.env.su or self._custcare_trusted()):
            logged = self.filtered(lambda c: c.state == "logged")
            if logged:
                raise UserError(
                    self.env._(
                        "%(record)s is logged: what it records is kept as it was. Add what "
                        "happened since as a note in its chatter, or log a new communication.",
                        record=logged[0].display_name,
                    )
                )
        return super().write(vals)

    def _custcare_logged_field_names(self):
        """The fields nobody changes once the record is logged."""
        return set(self._custcare_logged_fields)

    def action_log(self):
        """登记: the record becomes evidence; a promise with a deadline
        becomes a to-do for the handler (one per record)."""
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("Only a draft communication can be logged."))
        for record in self.filtered(lambda c: c.follow_up_date and not c.promise):
            raise UserError(
                self.env._(
                    "%(record)s has a follow-up deadline but no promise: say what was promised.",
                    record=record.display_name,
                )
            )
        self._custcare_write({"state": "logged"})
        self._custcare_schedule_follow_up()
        return True

    def _custcare_schedule_follow_up(self):
        """One to-do per promise with a deadline, created in one batch."""
        todo = self.env.ref("mail.mail_activity_data_todo", raise_if_not_found=False)
        records = self.filtered(lambda c: c.promise and c.follow_up_date)
        if not records or not todo:
            return self.env["mail.activity"]
        model = self.env["ir.model"]._get_id(self._name)
        return self.env["mail.activity"].create(
            [
                {
                    "res_model_id": model,
                    "res_id": record.id,
                    "res_name": record.display_name,
                    "activity_type_id": todo.id,
                    "user_id": record.user_id.id,
                    "date_deadline": record.follow_up_date,
                    "summary": self.with_context(lang=record.user_id.lang or self.env.lang).env._(
                        "Promised to %(customer)s: %(subject)s",
                        customer=record.commercial_partner_id.name,
                        subject=record.subject,
                    ),
                    "note": plaintext2html(record.promise),
                }
                for record in records
            ]
        )

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "What was said, the promise, the contact's and the visitors' names erased from the "
            "database; the number, date, customer and subject are kept."
        )

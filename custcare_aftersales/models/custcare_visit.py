# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from babel.dates import format_skeleton
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate
from odoo.tools.misc import babel_locale_parse

_lt = LazyTranslate(__name__)


class CustcareVisitPurpose(models.Model):
    """Why a manager goes along on a visit (seed 002 §3.4)."""

    _name = "custcare.visit.purpose"
    _description = "Visit Purpose"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)


class CustcareVisit(models.Model):
    """A planned customer visit (走访, from the annual or monthly plan 巡访计划)
    and its report (走访用户汇报)."""

    _name = "custcare.visit"
    _description = "Customer Visit"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "plan_month desc, visit_date desc, id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.visit"
    _custcare_protected_fields = {"state": _lt("Report the Visit or Cancel")}
    _custcare_evidence_states = ("done",)
    _custcare_retention_erase = ("persons_met", "key_gains", "customer_reaction", "suggestions")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True
    )
    plan_type = fields.Selection(
        [("annual", "Annual Plan"), ("monthly", "Monthly Plan"), ("adhoc", "Ad hoc")],
        "Plan",
        default="monthly",
        required=True,
    )
    plan_month = fields.Date("Planned Month", required=True, tracking=True)
    plan_month_label = fields.Char("Month", compute="_compute_plan_month_label")
    visitor_id = fields.Many2one(
        "res.users",
        required=True,
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
    )
    manager_id = fields.Many2one(
        "res.users", "Accompanying Manager", tracking=True, check_company=True
    )
    purpose_ids = fields.Many2many("custcare.visit.purpose", string="Purposes")
    visit_date = fields.Date(tracking=True)
    persons_met = fields.Char("Whom We Met", size=256)
    key_gains = fields.Text()
    customer_reaction = fields.Text("Customer Reactions and Opinions")
    suggestions = fields.Text("Improvement Suggestions")
    gift_ids = fields.One2many("custcare.gift.request", "visit_id", "Gifts")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Visited"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )
    completion = fields.Float(
        "Completion (%)",
        compute="_compute_completion",
        store=True,
        aggregator="avg",
        help="100 for a visit made, 0 otherwise: its average is the plan's completion rate.",
    )

    @api.depends("plan_month")
    @api.depends_context("lang")
    def _compute_plan_month_label(self):
        """The planned month as the user reads a month: 2026年11月, Nov 2026."""
        locale = babel_locale_parse(self.env.lang or "en_US")
        for visit in self:
            visit.plan_month_label = (
                format_skeleton("yMMM", visit.plan_month, locale=locale) if visit.plan_month else ""
            )

    @api.constrains("plan_type", "plan_month", "visit_date")
    def _check_visit_date(self):
        today = fields.Date.context_today(self)
        for visit in self.filtered("visit_date"):
            if visit.visit_date > today:
                raise ValidationError(
                    self.env._("A visit is reported once it has taken place, not in advance.")
                )
            start = visit.plan_month.replace(day=1)
            if visit.plan_type == "annual":
                start, end = start.replace(month=1), start.replace(month=12, day=31)
            elif visit.plan_type == "monthly":
                end = start + relativedelta(months=1, days=-1)
            else:
                continue
            if not start <= visit.visit_date <= end:
                raise ValidationError(
                    self.env._(
                        "The visit of %(date)s falls outside its plan (%(start)s to %(end)s): "
                        "record it on the plan of that period or as an ad hoc visit.",
                        date=visit.visit_date,
                        start=start,
                        end=end,
                    )
                )

    @api.depends("state")
    def _compute_completion(self):
        for visit in self:
            visit.completion = 100.0 if visit.state == "done" else 0.0

    def action_done(self):
        for visit in self:
            if visit.state != "planned":
                raise UserError(self.env._("Only a planned visit can be reported."))
            if not visit.visit_date or not visit.key_gains:
                raise UserError(
                    self.env._("Give the date of the visit and its key gains in the report.")
                )
            pending = visit.gift_ids.filtered(lambda g: g.approval_state != "approved")
            if pending:
                raise UserError(
                    self.env._(
                        "The gift “%(gift)s” has not been approved: a gift needs a manager's "
                        "approval before the visit.",
                        gift=pending[0].name,
                    )
                )
        self._custcare_write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda v: v.state != "planned"):
            raise UserError(self.env._("Only a planned visit can be cancelled."))
        self._custcare_write({"state": "cancelled"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The visit report (persons met, key gains, reactions, suggestions) erased from "
            "the database; that the visit took place is kept."
        )


class CustcareGiftRequest(models.Model):
    """A gift for a customer: applied for and approved by a manager before the
    visit (赠送礼品需事先申请批准), never by the person who asked."""

    _name = "custcare.gift.request"
    _description = "Customer Gift Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.approval.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _approval_group = "custcare_base.group_custcare_manager"
    _approval_key_fields = ("name", "value", "reason")
    _custcare_protected_fields = {"handed_over": _lt("Hand Over")}
    _custcare_fixed_fields = ("visit_id",)

    name = fields.Char("Gift", required=True, size=256)
    visit_id = fields.Many2one(
        "custcare.visit", required=True, ondelete="cascade", index=True, check_company=True
    )
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    partner_id = fields.Many2one(related="visit_id.partner_id", store=True)
    reason = fields.Text(required=True)
    value = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    requested_by_id = fields.Many2one(
        "res.users", "Requested by", default=lambda self: self.env.user, readonly=True
    )
    handed_over = fields.Boolean(readonly=True, copy=False)

    _value_positive = models.Constraint("CHECK(value > 0)", "A gift's value must be positive.")

    @api.model_create_multi
    def create(self, vals_list):
        visits = self.env["custcare.visit"].browse([v.get("visit_id") for v in vals_list])
        if visits.filtered(lambda v: v.state != "planned"):
            raise UserError(
                self.env._(
                    "A gift is applied for before the visit: this visit is no longer planned."
                )
            )
        return super().create(vals_list)

    def _custcare_before_submit(self):
        if self.visit_id.filtered(lambda v: v.state != "planned"):
            raise UserError(
                self.env._("A gift is approved before the visit: this visit has taken place.")
            )

    def _custcare_self_approval_users(self):
        self.ensure_one()
        return self.requested_by_id

    def action_hand_over(self):
        if self.filtered(lambda g: g.approval_state != "approved"):
            raise UserError(self.env._("A gift is handed over only once a manager approved it."))
        self._custcare_write({"handed_over": True})
        return True

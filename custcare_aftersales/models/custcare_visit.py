# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


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
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.numbered.mixin"]
    _order = "plan_month desc, visit_date desc, id desc"
    _custcare_sequence_code = "custcare.visit"

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True
    )
    plan_type = fields.Selection(
        [("annual", "Annual Plan"), ("monthly", "Monthly Plan"), ("adhoc", "Ad hoc")],
        "Plan",
        default="monthly",
        required=True,
    )
    plan_month = fields.Date("Planned Month", required=True, tracking=True)
    visitor_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user, tracking=True
    )
    manager_id = fields.Many2one("res.users", "Accompanying Manager", tracking=True)
    purpose_ids = fields.Many2many("custcare.visit.purpose", string="Purposes")
    visit_date = fields.Date(tracking=True)
    persons_met = fields.Char("Whom We Met")
    key_gains = fields.Text()
    customer_reaction = fields.Text("Customer Reactions and Opinions")
    suggestions = fields.Text("Improvement Suggestions")
    gift_ids = fields.One2many("custcare.gift.request", "visit_id", "Gifts")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Visited"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
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
            pending = visit.gift_ids.filtered(lambda g: g.state not in ("approved", "refused"))
            if pending:
                raise UserError(
                    self.env._(
                        "The gift “%(gift)s” has not been approved: a gift needs a manager's "
                        "approval before the visit.",
                        gift=pending[0].name,
                    )
                )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        self.write({"state": "cancelled"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The visit report (persons met, key gains, reactions, suggestions) erased from "
            "the database; that the visit took place is kept."
        )

    def _custcare_destroy(self):
        """Retention: erase the visit report, keep that the visit took place."""
        self.ensure_one()
        fields_ = ("persons_met", "key_gains", "customer_reaction", "suggestions")
        erased = {name: self[name] for name in fields_}
        self.write(dict.fromkeys(fields_, False))
        return erased


class CustcareGiftRequest(models.Model):
    """A gift for a customer: applied for and approved by a manager before the
    visit (赠送礼品需事先申请批准)."""

    _name = "custcare.gift.request"
    _description = "Customer Gift Request"
    _inherit = ["mail.thread"]
    _order = "id desc"

    name = fields.Char("Gift", required=True)
    visit_id = fields.Many2one("custcare.visit", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="visit_id.company_id", store=True)
    partner_id = fields.Many2one(related="visit_id.partner_id", store=True)
    reason = fields.Text(required=True)
    value = fields.Monetary(required=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    requested_by_id = fields.Many2one(
        "res.users", "Requested by", default=lambda self: self.env.user, readonly=True
    )
    approved_by_id = fields.Many2one("res.users", "Approved by", readonly=True)
    approved_date = fields.Date("Decided on", readonly=True, copy=False)
    handed_over = fields.Boolean(readonly=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("submitted", "Submitted"),
            ("approved", "Approved"),
            ("refused", "Refused"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
    )

    _value_positive = models.Constraint("CHECK(value > 0)", "A gift's value must be positive.")

    def action_submit(self):
        if self.filtered(lambda g: g.state != "draft"):
            raise UserError(self.env._("Only a draft gift request can be submitted."))
        self.write({"state": "submitted"})
        return True

    def _check_manager(self):
        if not self.env.user.has_group("custcare_base.group_custcare_manager"):
            raise AccessError(self.env._("Only a manager approves gifts to customers."))
        if self.filtered(lambda g: g.state != "submitted"):
            raise UserError(self.env._("Only a submitted gift request can be decided."))

    def action_approve(self):
        self._check_manager()
        self.write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_refuse(self):
        self._check_manager()
        self.write(
            {
                "state": "refused",
                "approved_by_id": self.env.uid,
                "approved_date": fields.Date.context_today(self),
            }
        )
        return True

    def action_hand_over(self):
        if self.filtered(lambda g: g.state != "approved"):
            raise UserError(self.env._("A gift is handed over only once a manager approved it."))
        self.write({"handed_over": True})
        return True

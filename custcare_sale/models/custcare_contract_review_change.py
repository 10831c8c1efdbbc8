# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.custcare_complaint.models.custcare_complaint import CHANNELS

_lt = LazyTranslate(__name__)

REASONS = [
    ("company_delay", "Delivery delayed for the company's reasons"),
    ("customer_change", "The customer changes the order"),
]
CAUSES = [
    ("material", "Material"),
    ("production", "Production"),
    ("technology", "Technology"),
    ("quality", "Quality"),
    ("equipment", "Equipment"),
    ("other", "Other"),
]


class CustcareContractReviewChange(models.Model):
    """An entry of the change register (合同评审变更登记表) of a confirmed
    order: why it changes — the company must delay the delivery (material,
    production, technology, quality, equipment), or the customer changes the
    order —, what changes, and the customer's agreement, with who registered
    it and when. The order may be changed while its entry is open. A
    customer's change of products, quantities or dates starts a new revision
    of the contract review; a delay re-issues the open production notices
    (原单作废)."""

    _name = "custcare.contract.review.change"
    _description = "Contract Review Change"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.contract.review.change"
    _custcare_fixed_fields = ("order_id", "reason_type")
    _custcare_protected_fields = {
        "state": _lt("Done or Cancel"),
        "registered_by_id": _lt("set when the change is registered"),
        "registered_date": _lt("set when the change is registered"),
        "review_id": _lt("set when the change is registered"),
        "new_review_id": _lt("the first change made to the order under this entry"),
    }
    _custcare_evidence_states = ("open", "done", "cancelled")
    _custcare_retention_erase = ("reason", "description", "agreement_contact")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        domain="[('state', '=', 'sale')]",
        tracking=True,
    )
    order_name = fields.Char(related="order_id.name", string="Order Number", store=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True, index=True
    )
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, index=True
    )
    team_id = fields.Many2one(related="order_id.team_id", string="Sales Team", store=True)
    # Why and what
    reason_type = fields.Selection(REASONS, "Change", required=True, tracking=True)
    cause = fields.Selection(
        CAUSES, help="The company's reason for the delay (material, production, ...)."
    )
    reason = fields.Text("Reason for the Change", tracking=True)
    description = fields.Text("What Changes")
    new_delivery_date = fields.Datetime(help="The delivery date agreed with the customer.")
    # The customer's agreement
    agreement_contact = fields.Char(
        "Agreed by (Customer)", size=128, help="Who agreed at the customer."
    )
    agreement_date = fields.Date("Agreed on")
    agreement_method = fields.Selection(CHANNELS, "Agreement by", default="fax")
    # Who and when
    registered_by_id = fields.Many2one("res.users", "Registered by", readonly=True)
    registered_date = fields.Datetime("Registered on", readonly=True)
    review_id = fields.Many2one(
        "custcare.contract.review", "Review Changed", readonly=True, check_company=True
    )
    new_review_id = fields.Many2one("custcare.contract.review", readonly=True, check_company=True)
    notice_ids = fields.One2many(
        "custcare.production.notice", "change_id", "Re-issued Notices", readonly=True
    )
    state = fields.Selection(
        [("open", "Open"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    @api.constrains("reason_type", "cause")
    def _check_cause(self):
        for change in self:
            if change.reason_type == "company_delay" and not change.cause:
                raise ValidationError(
                    self.env._("Say which of the company's reasons delays the delivery.")
                )

    @api.constrains("agreement_date")
    def _check_agreement_date(self):
        today = fields.Date.context_today(self)
        if self.filtered(lambda c: c.agreement_date and c.agreement_date > today):
            raise ValidationError(self.env._("The customer cannot have agreed in the future."))

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if any(v.get("reason_type") == "company_delay" and not v.get("cause") for v in vals_list):
            raise UserError(self.env._("Say which of the company's reasons delays the delivery."))
        return super().create(vals_list)

    @api.private
    def _custcare_prepare_create(self, vals_list):
        super()._custcare_prepare_create(vals_list)
        now = fields.Datetime.now()
        Order = self.env["sale.order"].sudo()
        for vals in vals_list:
            vals.setdefault("registered_by_id", self.env.uid)
            vals.setdefault("registered_date", now)
            order = Order.browse(vals.get("order_id"))
            vals.setdefault("review_id", order.custcare_review_id.id)
        if self.env.su or self._custcare_trusted():
            return  # the system registers the customer's change as it happens
        orders = self.env["sale.order"].browse(
            [vals.get("order_id") for vals in vals_list if vals.get("order_id")]
        )
        # the change register is kept by those who may change the order
        orders.check_access("write")
        for order in orders:
            if order.state != "sale":
                raise UserError(
                    self.env._(
                        "%(order)s is not confirmed: change the quotation itself (its contract "
                        "review is then done again); the change register is for confirmed "
                        "orders.",
                        order=order.name,
                    )
                )
            open_ = order.sudo().custcare_change_ids.filtered(lambda c: c.state == "open")
            if open_ or len(orders.ids) != len(set(orders.ids)):
                raise UserError(
                    self.env._(
                        "%(order)s already has an open change (%(change)s): complete it first.",
                        order=order.name,
                        change=open_[:1].name or "",
                    )
                )

    def write(self, vals):
        if not (self.env.su or self._custcare_trusted()):
            self.order_id.check_access("write")
            closed = self.filtered(lambda c: c.state != "open")
            if closed:
                raise UserError(
                    self.env._(
                        "%(change)s is %(state)s: the register keeps it as it was.",
                        change=closed[0].name,
                        state=dict(self._fields["state"]._description_selection(self.env))[
                            closed[0].state
                        ],
                    )
                )
        return super().write(vals)

    # ------------------------------------------------------------------ flow
    def _custcare_check_complete(self):
        """The register needs the reason and the customer's agreement."""
        for change in self:
            missing = [
                change._fields[name]._description_string(self.env)
                for name in ("reason", "agreement_contact", "agreement_date")
                if not change[name]
            ]
            if change.reason_type == "company_delay":
                missing += [
                    change._fields[name]._description_string(self.env)
                    for name in ("cause", "new_delivery_date")
                    if not change[name]
                ]
            if missing:
                raise UserError(
                    self.env._(
                        "Complete %(change)s first: %(fields)s.",
                        change=change.name,
                        fields="、".join(missing),
                    )
                )

    def action_done(self):
        """Close the change. A delay agreed with the customer moves the
        order's delivery date and re-issues its open production notices (the
        originals are void, 原单作废); a customer's change is closed when its
        new contract review is approved."""
        for change in self:
            if change.state != "open":
                raise UserError(self.env._("Only an open change can be closed."))
            if change.reason_type == "customer_change":
                new = change.new_review_id
                raise UserError(
                    self.env._(
                        "%(change)s closes itself when the new contract review %(review)s is "
                        "approved.",
                        change=change.name,
                        review=new.display_name if new else "-",
                    )
                )
        self._custcare_check_complete()
        for change in self:
            change.order_id.with_context(custcare_change_id=change.id)._custcare_set_date(
                change.new_delivery_date
            )
            change._custcare_reissue_notices()
        self._custcare_write({"state": "done"})
        return True

    def action_cancel(self):
        """A change that did not happen: nothing of the order was changed."""
        if self.filtered(lambda c: c.state != "open" or c.new_review_id):
            raise UserError(
                self.env._(
                    "Only an open change under which the order was not changed can be cancelled."
                )
            )
        self._custcare_write({"state": "cancelled"})
        return True

    def _custcare_reissue_notices(self):
        """生产通知单 re-issued after a delay agreed with the customer."""
        self.ensure_one()
        Notice = self.env["custcare.production.notice"].sudo()
        old = Notice.search([("sale_order_id", "=", self.order_id.id), ("state", "=", "open")])
        if not old:
            return
        new = Notice._custcare_create(
            [
                {
                    "review_id": notice.review_id.id,
                    "sale_order_id": notice.sale_order_id.id,
                    "change_id": self.id,
                    "product_id": notice.product_id.id,
                    "quantity": notice.quantity,
                    "replenishment": False,
                    "company_id": notice.company_id.id,
                }
                for notice in old
            ]
        )
        old._custcare_void(self)
        new._link_manufacturing()
        self.message_post(
            body=self.env._(
                "Production notices re-issued: %(new)s (void: %(old)s).",
                new="、".join(new.mapped("name")),
                old="、".join(old.mapped("name")),
            ),
            message_type="notification",
        )

    @api.model
    def _custcare_destruction_method(self):
        return self.env._(
            "The reason, what changed and the customer's contact erased from the database; the "
            "number, order, kind of change, dates and who registered it kept."
        )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

KINDS = [("free", "Free (warranty)"), ("contract", "Agreement"), ("paid", "Paid")]


class CustcareServiceRequest(models.Model):
    """An after-sales service request (售后服务): the service log entry
    (客服登记本), the product's intake and return (用户产品进出登记本), the
    repair (维修卡, 维修报表) and its kind — free within warranty, under a
    maintenance agreement, or paid."""

    _name = "custcare.service.request"
    _description = "After-sales Service Request"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "request_date desc, id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.service.request"
    _custcare_protected_fields = {
        "state": _lt("Receive Product, Repaired, Hand Back"),
        "intake_date": _lt("Receive Product"),
        "returned_date": _lt("Hand Back"),
    }
    _custcare_evidence_states = ("in_repair", "done", "returned")
    _custcare_retention_erase = ("contact_name", "symptom", "diagnosis", "picked_up_by")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True
    )
    contact_name = fields.Char("Contact", size=128)
    channel = fields.Selection(
        [("phone", "Phone Call"), ("letter", "Letter"), ("email", "Email"), ("visit", "In Person")],
        default="phone",
        required=True,
    )
    request_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        "Service Engineer",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
    )
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    lot_id = fields.Many2one(
        "stock.lot",
        "Lot / Serial",
        domain="[('product_id', '=', product_id)]",
        index="btree_not_null",
        check_company=True,
    )
    picking_id = fields.Many2one(
        "stock.picking",
        "Delivery",
        domain="[('picking_type_code', '=', 'outgoing')]",
        check_company=True,
    )
    delivery_date = fields.Date(
        compute="_compute_delivery_date", store=True, readonly=False, tracking=True
    )
    warranty_end = fields.Date("Warranty until", compute="_compute_kind", store=True)
    kind = fields.Selection(
        KINDS,
        compute="_compute_kind",
        store=True,
        tracking=True,
        help="Decided by the warranty (delivery date + the product's warranty months) and "
        "the customer's maintenance agreement.",
    )
    symptom = fields.Text(required=True)
    diagnosis = fields.Text()
    # product intake and return (用户产品进出登记本)
    intake_date = fields.Date("Product Received", tracking=True, readonly=True, copy=False)
    returned_date = fields.Date("Product Returned", tracking=True, readonly=True, copy=False)
    picked_up_by = fields.Char("Picked up by", size=128)
    # repair report (维修报表)
    part_ids = fields.One2many("custcare.service.part", "request_id", "Parts")
    hours = fields.Float("Labour Hours")
    hourly_rate = fields.Monetary()
    currency_id = fields.Many2one(related="company_id.currency_id")
    parts_cost = fields.Monetary(compute="_compute_cost", store=True)
    labour_cost = fields.Monetary(compute="_compute_cost", store=True)
    total_cost = fields.Monetary(compute="_compute_cost", store=True)
    amount_charged = fields.Monetary(
        compute="_compute_cost",
        store=True,
        help="What the customer pays: nothing when free or under agreement.",
    )
    state = fields.Selection(
        [
            ("new", "Registered"),
            ("in_repair", "In Repair"),
            ("done", "Repaired"),
            ("returned", "Returned to Customer"),
        ],
        default="new",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    _costs_positive = models.Constraint(
        "CHECK(hours >= 0 AND hourly_rate >= 0)",
        "Labour hours and the hourly rate cannot be negative.",
    )

    @api.depends("picking_id.date_done")
    def _compute_delivery_date(self):
        for request in self:
            if request.picking_id.date_done:
                request.delivery_date = request.picking_id.date_done.date()
            else:
                request.delivery_date = request.delivery_date

    @api.depends(
        "delivery_date",
        "request_date",
        "product_id.custcare_warranty_months",
        "partner_id.commercial_partner_id.custcare_agreement_until",
    )
    def _compute_kind(self):
        for request in self:
            months = request.product_id.custcare_warranty_months
            end = request.delivery_date and request.delivery_date + relativedelta(months=months)
            request.warranty_end = end
            agreement = request.partner_id.commercial_partner_id.sudo().custcare_agreement_until
            if end and request.request_date <= end:
                request.kind = "free"
            elif agreement and request.request_date <= agreement:
                request.kind = "contract"
            else:
                request.kind = "paid"

    @api.depends("part_ids.subtotal", "hours", "hourly_rate", "kind")
    def _compute_cost(self):
        for request in self:
            request.parts_cost = sum(request.part_ids.mapped("subtotal"))
            request.labour_cost = request.hours * request.hourly_rate
            request.total_cost = request.parts_cost + request.labour_cost
            request.amount_charged = request.total_cost if request.kind == "paid" else 0.0

    def action_receive_product(self):
        if self.filtered(lambda r: r.state != "new"):
            raise UserError(self.env._("The product of this request is already in."))
        self._custcare_write({"state": "in_repair", "intake_date": fields.Date.context_today(self)})
        return True

    def action_repaired(self):
        if self.filtered(lambda r: r.state != "in_repair"):
            raise UserError(self.env._("Only a product in repair can be marked repaired."))
        if self.filtered(lambda r: not r.diagnosis):
            raise UserError(self.env._("Write the diagnosis before closing the repair."))
        self._custcare_write({"state": "done"})
        return True

    def action_return_product(self):
        if self.filtered(lambda r: r.state != "done"):
            raise UserError(self.env._("Only a repaired product can be handed back."))
        if self.filtered(lambda r: not (r.picked_up_by or "").strip()):
            raise UserError(self.env._("Record who picked the product up."))
        self._custcare_write(
            {"state": "returned", "returned_date": fields.Date.context_today(self)}
        )
        return True

    def _service_history(self):
        """The service voucher (服务凭证): every request on this delivered
        product (same lot, or same product and customer without lot)."""
        self.ensure_one()
        domain = [("product_id", "=", self.product_id.id)]
        if self.lot_id:
            domain.append(("lot_id", "=", self.lot_id.id))
        else:
            domain.append(("partner_id", "child_of", self.partner_id.commercial_partner_id.id))
        return self.search(domain, order="request_date, id")

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The contact person, the customer's account of the fault, the diagnosis and who "
            "picked the product up erased from the database; the number, dates and costs "
            "kept."
        )


class CustcareServicePart(models.Model):
    """A part used in a repair (维修报表), locked once the repair is done."""

    _name = "custcare.service.part"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Service Part"
    _check_company_auto = True

    request_id = fields.Many2one(
        "custcare.service.request", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="request_id.company_id", store=True)
    product_id = fields.Many2one("product.product", "Part", required=True, check_company=True)
    quantity = fields.Float(default=1.0, required=True)
    unit_cost = fields.Monetary()
    currency_id = fields.Many2one(related="request_id.currency_id")
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0 AND unit_cost >= 0)",
        "A part's quantity must be positive and its cost not negative.",
    )

    def _check_open(self, requests):
        if not (self.env.su or self._custcare_trusted()) and requests.filtered(
            lambda r: r.state in ("done", "returned")
        ):
            raise UserError(
                self.env._("The parts of a finished repair cannot be changed any more.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_open(
            self.env["custcare.service.request"].browse([v.get("request_id") for v in vals_list])
        )
        return super().create(vals_list)

    def write(self, vals):
        self._check_open(self.request_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_finished(self):
        self._check_open(self.request_id)

    @api.depends("quantity", "unit_cost")
    def _compute_subtotal(self):
        for part in self:
            part.subtotal = part.quantity * part.unit_cost

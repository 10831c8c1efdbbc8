# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [("free", "Free (warranty)"), ("contract", "Agreement"), ("paid", "Paid")]


class CustcareServiceRequest(models.Model):
    """An after-sales service request (售后服务): the service log entry
    (客服登记本), the product's intake and return (用户产品进出登记本), the
    repair (维修卡, 维修报表) and its kind — free within warranty, under a
    maintenance agreement, or paid."""

    _name = "custcare.service.request"
    _description = "After-sales Service Request"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.numbered.mixin"]
    _order = "request_date desc, id desc"
    _custcare_sequence_code = "custcare.service.request"

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True
    )
    contact_name = fields.Char("Contact")
    channel = fields.Selection(
        [("phone", "Phone Call"), ("letter", "Letter"), ("email", "Email"), ("visit", "Visit")],
        default="phone",
        required=True,
    )
    request_date = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    user_id = fields.Many2one(
        "res.users", "Service Engineer", default=lambda self: self.env.user, tracking=True
    )
    product_id = fields.Many2one("product.product", required=True)
    lot_id = fields.Many2one(
        "stock.lot",
        "Lot / Serial",
        domain="[('product_id', '=', product_id)]",
        index="btree_not_null",
    )
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", domain="[('picking_type_code', '=', 'outgoing')]"
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
    intake_date = fields.Date("Product Received", tracking=True)
    returned_date = fields.Date("Product Returned", tracking=True)
    picked_up_by = fields.Char("Picked up by")
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
        tracking=True,
        index=True,
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
        self.write({"state": "in_repair", "intake_date": fields.Date.context_today(self)})
        return True

    def action_repaired(self):
        if self.filtered(lambda r: r.state != "in_repair"):
            raise UserError(self.env._("Only a product in repair can be marked repaired."))
        if self.filtered(lambda r: not r.diagnosis):
            raise UserError(self.env._("Write the diagnosis before closing the repair."))
        self.write({"state": "done"})
        return True

    def action_return_product(self):
        if self.filtered(lambda r: r.state != "done"):
            raise UserError(self.env._("Only a repaired product can be handed back."))
        if self.filtered(lambda r: not (r.picked_up_by or "").strip()):
            raise UserError(self.env._("Record who picked the product up."))
        self.write({"state": "returned", "returned_date": fields.Date.context_today(self)})
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

    def _custcare_destroy(self):
        """Retention: erase the people and the customer's account of the fault."""
        self.ensure_one()
        fields_ = ("contact_name", "symptom", "diagnosis", "picked_up_by")
        erased = {name: self[name] for name in fields_}
        self.write(
            {"contact_name": False, "symptom": "-", "diagnosis": False, "picked_up_by": False}
        )
        return erased


class CustcareServicePart(models.Model):
    _name = "custcare.service.part"
    _description = "Service Part"

    request_id = fields.Many2one(
        "custcare.service.request", required=True, ondelete="cascade", index=True
    )
    product_id = fields.Many2one("product.product", "Part", required=True)
    quantity = fields.Float(default=1.0, required=True)
    unit_cost = fields.Monetary()
    currency_id = fields.Many2one(related="request_id.currency_id")
    subtotal = fields.Monetary(compute="_compute_subtotal", store=True)

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "A part's quantity must be positive."
    )

    @api.depends("quantity", "unit_cost")
    def _compute_subtotal(self):
        for part in self:
            part.subtotal = part.quantity * part.unit_cost

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import LazyTranslate, float_compare, float_is_zero

from odoo.addons.custcare_complaint.models.custcare_complaint import CHANNELS

_lt = LazyTranslate(__name__)


class CustcareReturn(models.Model):
    """A customer return (客户退货), handled and answered like a complaint: the
    goods come back into an inspection location, QC decides per line what is
    conforming (back to stock) and what is not (non-conforming control), short
    stock raises a production notice, and the replacement delivery carries 补货."""

    _name = "custcare.return"
    _description = "Customer Return"
    _inherit = [
        "mail.thread",
        "custcare.portal.mixin",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.return"
    _approval_key_fields = ("result",)
    _custcare_protected_fields = {
        "state": _lt("Receive Goods, Inspection Done, the approval, Close or Cancel"),
    }
    _custcare_evidence_states = ("received", "inspected", "closed")
    _custcare_retention_erase = ("result", "customer_reaction")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True, check_company=True
    )
    complaint_id = fields.Many2one("custcare.complaint", index="btree_not_null", check_company=True)
    picking_id = fields.Many2one(
        "stock.picking",
        "Original Delivery",
        domain="[('picking_type_code', '=', 'outgoing')]",
        check_company=True,
    )
    # staff without Inventory rights give the original delivery by its number
    # (as on the customer's delivery note), looked up among the customer's
    # deliveries: the form needs no read access to Inventory's transfers
    delivery_number = fields.Char(
        "Original Delivery No.",
        compute="_compute_delivery_number",
        inverse="_inverse_delivery_number",
        help="The number of the delivery the goods came with, as printed on the delivery "
        "note (for example WH/OUT/00012): the return is linked to that delivery of the "
        "customer.",
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
        groups="base.group_user",
    )
    line_ids = fields.One2many("custcare.return.line", "return_id", "Returned Goods")
    receipt_date = fields.Datetime("Goods Received", readonly=True)
    receipt_picking_id = fields.Many2one(
        "stock.picking", "Return Receipt", readonly=True, groups="base.group_user"
    )
    result = fields.Html("Handling Result")
    feedback_date = fields.Date()
    feedback_method = fields.Selection(CHANNELS)
    customer_reaction = fields.Text()
    replacement_picking_id = fields.Many2one("stock.picking", "Replacement Delivery", readonly=True)
    conforming_picking_id = fields.Many2one(
        "stock.picking",
        "Conforming Goods to Stock",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    nonconforming_picking_id = fields.Many2one(
        "stock.picking",
        "Non-conforming Goods to Control",
        readonly=True,
        copy=False,
        groups="base.group_user",
    )
    notice_ids = fields.One2many(
        "custcare.production.notice",
        "return_id",
        "Production Notices",
        readonly=True,
        groups="base.group_user",
    )
    inspected_by_id = fields.Many2one(
        "res.users", "Inspected by", readonly=True, copy=False, groups="base.group_user"
    )
    inspected_date = fields.Datetime("Inspected on", readonly=True, copy=False)
    state = fields.Selection(
        [
            ("draft", "Registered"),
            ("received", "Received"),
            ("inspected", "Inspected"),
            ("closed", "Closed"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    # -------------------------------------------------------------- locations
    @api.depends("picking_id")
    def _compute_delivery_number(self):
        for ret in self:
            ret.delivery_number = ret.picking_id.sudo().name or False

    def _inverse_delivery_number(self):
        Picking = self.env["stock.picking"].sudo()
        for ret in self:
            number = (ret.delivery_number or "").strip()
            picking = Picking
            if number:
                picking = Picking.search(
                    [
                        ("name", "=ilike", number),
                        ("picking_type_code", "=", "outgoing"),
                        ("company_id", "=", ret.company_id.id),
                        ("partner_id", "child_of", ret.partner_id.commercial_partner_id.id),
                    ],
                    limit=1,
                )
                if not picking:
                    raise ValidationError(
                        self.env._(
                            "No delivery %(number)s to %(customer)s was found: check the "
                            "number on the customer's delivery note.",
                            number=number,
                            customer=ret.partner_id.commercial_partner_id.display_name,
                        )
                    )
            if ret.picking_id != picking:
                ret.picking_id = picking

    def _warehouse(self):
        """The warehouse the goods come back to: the original delivery's, or
        the company's first."""
        self.ensure_one()
        warehouse = self.picking_id.sudo().picking_type_id.warehouse_id
        if not warehouse or warehouse.company_id != self.company_id:
            warehouse = (
                self.env["stock.warehouse"]
                .sudo()
                .search([("company_id", "=", self.company_id.id)], limit=1)
            )
        if not warehouse:
            raise UserError(
                self.env._(
                    "%(company)s has no warehouse to receive returned goods.",
                    company=self.company_id.name,
                )
            )
        if not (warehouse.custcare_inspection_loc_id and warehouse.custcare_inspection_type_id):
            warehouse._custcare_setup_returns()
        return warehouse

    def _transfer(self, picking_type, source, destination, quantities, extra=None):
        """One validated transfer of `quantities` ({line: quantity}) from
        `source` to `destination` (done by the system for the desk); `extra`:
        {line: more values of its move}."""
        extra = extra or {}
        lines = [(line, qty) for line, qty in quantities.items() if qty]
        if not lines:
            return self.env["stock.picking"]
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "partner_id": (self.picking_id.sudo().partner_id or self.partner_id).id,
                    "picking_type_id": picking_type.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": qty,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": source.id,
                                "location_dest_id": destination.id,
                                **extra.get(line, {}),
                            }
                        )
                        for line, qty in lines
                    ],
                }
            )
        )
        picking.action_confirm()
        for move, (line, qty) in zip(picking.move_ids.sorted("id"), lines, strict=True):
            move._set_quantity_done(qty)
            if line.lot_id:
                move.move_line_ids.lot_id = line.lot_id
        picking.move_ids.picked = True
        picking._action_done()
        return picking

    # ------------------------------------------------------------------ flow
    def action_receive(self):
        """The goods come back through a stock return (an incoming transfer
        linked to the original delivery's moves) into the warehouse's
        inspection location."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("These goods have already been received."))
        if not self.line_ids:
            raise UserError(self.env._("List the returned goods first."))
        warehouse = self._warehouse()
        delivery = self.picking_id.sudo()
        picking_type = delivery.picking_type_id.return_picking_type_id or warehouse.in_type_id
        originals = {move.product_id: move for move in delivery.move_ids}
        receipt = self._transfer(
            picking_type,
            self.env.ref("stock.stock_location_customers"),
            warehouse.custcare_inspection_loc_id,
            {line: line.quantity for line in self.line_ids},
            {
                line: {"origin_returned_move_id": originals[line.product_id].id}
                for line in self.line_ids
                if line.product_id in originals
            },
        )
        self._custcare_write(
            {
                "state": "received",
                "receipt_date": fields.Datetime.now(),
                "receipt_picking_id": receipt.id,
            }
        )
        return True

    def action_inspected(self):
        """QC's decision per line: conforming goods to stock, the rest to
        non-conforming control, one transfer each."""
        self.ensure_one()
        if not self.env.user.has_group("custcare_base.group_custcare_qc"):
            raise AccessError(self.env._("Only a QC inspector records the inspection of returns."))
        if self.state != "received":
            raise UserError(self.env._("Receive the goods before inspecting them."))
        unsplit = self.line_ids.filtered(lambda line: not line._split_ok())
        if unsplit:
            raise UserError(
                self.env._(
                    "Conforming and non-conforming quantities of %(product)s must add up to "
                    "the quantity returned.",
                    product=unsplit[0].product_id.display_name,
                )
            )
        warehouse = self._warehouse()
        inspection = warehouse.custcare_inspection_loc_id
        self._custcare_write(
            {
                "state": "inspected",
                "inspected_by_id": self.env.uid,
                "inspected_date": fields.Datetime.now(),
                "conforming_picking_id": self._transfer(
                    warehouse.custcare_inspection_type_id,
                    inspection,
                    warehouse.lot_stock_id,
                    {line: line.qty_conforming for line in self.line_ids},
                ).id,
                "nonconforming_picking_id": self._transfer(
                    warehouse.custcare_inspection_type_id,
                    inspection,
                    warehouse.custcare_nonconforming_loc_id,
                    {line: line.qty_nonconforming for line in self.line_ids},
                ).id,
            }
        )
        return True

    def action_open_transfers(self):
        """Where the goods went: the return receipt, the conforming goods to
        stock, the non-conforming ones to control and the replacement
        delivery (for those who work in Inventory)."""
        self.ensure_one()
        pickings = (
            self.receipt_picking_id
            | self.conforming_picking_id
            | self.nonconforming_picking_id
            | self.replacement_picking_id
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "stock.picking",
            "name": self.env._("Transfers of %(name)s", name=self.name),
            "view_mode": "list,form",
            "domain": [("id", "in", pickings.ids)],
        }

    def action_replenish(self):
        """Replace the non-conforming goods: a replacement delivery marked 补货,
        and a production notice (补货) for what stock cannot cover."""
        self.ensure_one()
        if self.state != "inspected":
            raise UserError(self.env._("Replenish once QC has inspected the goods."))
        if self.replacement_picking_id:
            raise UserError(self.env._("A replacement delivery already exists."))
        lines = self.line_ids.filtered("qty_nonconforming")
        if not lines:
            raise UserError(self.env._("Nothing was found non-conforming: nothing to replace."))
        warehouse = self._warehouse()
        stock = warehouse.lot_stock_id
        notices = []
        for line in lines:
            available = line.product_id.sudo().with_context(location=stock.id).free_qty
            short = line.qty_nonconforming - max(available, 0.0)
            if float_compare(short, 0.0, precision_rounding=line.product_id.uom_id.rounding) > 0:
                notices.append(
                    {
                        "return_id": self.id,
                        "product_id": line.product_id.id,
                        "quantity": short,
                        "company_id": self.company_id.id,
                    }
                )
        self.env["custcare.production.notice"].sudo()._custcare_create(
            notices
        )._link_manufacturing()
        picking_type = warehouse.out_type_id
        picking = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "partner_id": (self.picking_id.sudo().partner_id or self.partner_id).id,
                    "picking_type_id": picking_type.id,
                    "origin": self.name,
                    "custcare_replenishment": True,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": line.qty_nonconforming,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": picking_type.default_location_src_id.id,
                                "location_dest_id": self.env.ref(
                                    "stock.stock_location_customers"
                                ).id,
                            }
                        )
                        for line in lines
                    ],
                }
            )
        )
        picking.action_confirm()
        self._custcare_write({"replacement_picking_id": picking.id})
        picking.message_post(
            body=self.env._(
                "Replacement delivery (补货) for the customer return %(name)s.", name=self.name
            ),
            message_type="notification",
        )
        self.message_post(
            body=self.env._(
                "Replacement delivery %(picking)s created (补货).", picking=picking.name
            ),
            message_type="notification",
        )
        return True

    def _custcare_before_approve(self):
        if self.filtered(lambda r: r.state != "inspected" or not r.result):
            raise UserError(
                self.env._(
                    "The general manager approves the result once QC has inspected the goods."
                )
            )

    def action_close(self):
        for ret in self:
            if ret.approval_state != "approved":
                raise UserError(self.env._("The general manager must approve the result first."))
            if not (ret.feedback_date and ret.feedback_method):
                raise UserError(self.env._("Record the feedback given to the customer first."))
        self._custcare_write({"state": "closed"})
        return True

    def action_cancel(self):
        if self.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("Only a return whose goods have not been received can be cancelled.")
            )
        self._custcare_write({"state": "cancelled"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The customer's reasons and reaction and the handling result erased from the "
            "database; the goods, quantities and stock moves kept."
        )

    def _custcare_destroy(self):
        """Retention: also erase the customer's reasons on the lines."""
        erased = super()._custcare_destroy()
        for ret in self:
            erased[ret.id]["reasons"] = ret.line_ids.mapped("reason")
        self.line_ids._custcare_write({"reason": "-"})
        return erased


class CustcareReturnLine(models.Model):
    """What came back: registered with the return, split by QC after
    inspection into conforming and non-conforming quantities."""

    _name = "custcare.return.line"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Customer Return Line"
    _check_company_auto = True

    QC_FIELDS = ("qty_conforming", "qty_nonconforming")

    return_id = fields.Many2one("custcare.return", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="return_id.company_id", store=True)
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    lot_id = fields.Many2one(
        "stock.lot",
        "Lot / Serial",
        domain="[('product_id', '=', product_id)]",
        check_company=True,
        groups="base.group_user",
    )
    quantity = fields.Float(required=True, default=1.0)
    reason = fields.Char(required=True, size=256)
    qty_conforming = fields.Float("Conforming")
    qty_nonconforming = fields.Float("Non-conforming")

    _quantities_valid = models.Constraint(
        "CHECK(quantity > 0 AND qty_conforming >= 0 AND qty_nonconforming >= 0)",
        "Returned quantities must be positive.",
    )

    def _split_ok(self):
        rounding = self.product_id.uom_id.rounding
        return float_is_zero(
            self.qty_conforming + self.qty_nonconforming - self.quantity,
            precision_rounding=rounding,
        )

    def _check_editable(self, names):
        """What was returned is fixed once the goods are received; QC's split
        is entered by QC while the goods wait for inspection."""
        if self.env.su or self._custcare_trusted():
            return
        qc = set(names) & set(self.QC_FIELDS)
        if qc:
            if not self.env.user.has_group("custcare_base.group_custcare_qc"):
                raise AccessError(
                    self.env._("Only a QC inspector enters the inspection result of returns.")
                )
            if self.return_id.filtered(lambda r: r.state != "received"):
                raise UserError(
                    self.env._("The inspection result is entered while the goods wait for QC.")
                )
        if set(names) - qc and self.return_id.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("The goods of a return cannot be changed once they have been received.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        returns = self.env["custcare.return"].browse([v.get("return_id") for v in vals_list])
        self._check_new(returns, vals_list)
        return super().create(vals_list)

    def _check_new(self, returns, vals_list):
        if self.env.su or self._custcare_trusted():
            return
        if returns.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("Goods cannot be added to a return once they have been received.")
            )
        # the form sends the QC columns with their default 0 on a new line
        if any(vals.get(name) for vals in vals_list for name in self.QC_FIELDS):
            raise UserError(
                self.env._("The inspection result is entered by QC once the goods are received.")
            )

    def write(self, vals):
        self._check_editable(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_received(self):
        if self.return_id.filtered(lambda r: r.state != "draft"):
            raise UserError(
                self.env._("Goods cannot be removed from a return once they have been received.")
            )


class CustcareProductionNotice(models.Model):
    """A production notice (生产通知单) for replenishment (补货)."""

    _name = "custcare.production.notice"
    _description = "Production Notice"
    _inherit = ["mail.thread", "custcare.numbered.mixin", "custcare.retention.mixin"]
    _order = "id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.production.notice"
    _custcare_evidence_states = ("open", "done")
    _custcare_protected_fields = {
        "return_id": _lt("Replenish on the customer return"),
        "product_id": _lt("Replenish on the customer return"),
        "quantity": _lt("Replenish on the customer return"),
    }

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    return_id = fields.Many2one(
        "custcare.return", "Customer Return", index=True, check_company=True
    )
    product_id = fields.Many2one("product.product", required=True, check_company=True)
    quantity = fields.Float(required=True)
    replenishment = fields.Boolean(default=True, readonly=True)
    state = fields.Selection(
        [("open", "To Produce"), ("done", "Produced")],
        default="open",
        required=True,
        readonly=True,
        tracking=True,
    )

    production_ref = fields.Reference(
        [("mrp.production", "Manufacturing Order")],
        "Manufacturing Order",
        readonly=True,
        help="Set when Manufacturing is installed: the order made for this notice.",
    )

    def _link_manufacturing(self):
        """With Manufacturing installed, each notice gets its manufacturing
        order (origin: the notice, marked 补货); without it the notice is the
        paper order to production."""
        if "mrp.production" not in self.env:
            return self
        Production = self.env["mrp.production"].sudo()
        for notice in self:
            production = Production.create(
                {
                    "product_id": notice.product_id.id,
                    "product_qty": notice.quantity,
                    "product_uom_id": notice.product_id.uom_id.id,
                    "origin": notice._custcare_production_origin(),
                    "company_id": notice.company_id.id,
                }
            )
            notice._custcare_write({"production_ref": f"mrp.production,{production.id}"})
        return self

    def _custcare_production_origin(self):
        """The source document of the manufacturing order: the notice,
        marked 补货 when it replenishes a return."""
        self.ensure_one()
        if self.replenishment:
            return f"{self.name} {self.env._('(replenishment)')}"
        return self.name

    def action_produced(self):
        if self.filtered(lambda n: n.state != "open"):
            raise UserError(self.env._("This production notice is already produced."))
        self._custcare_write({"state": "done"})
        return True

    @api.depends("name", "replenishment")
    def _compute_display_name(self):
        for notice in self:
            mark = self.env._(" (replenishment)") if notice.replenishment else ""
            notice.display_name = f"{notice.name}{mark}"

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, float_is_zero

from odoo.addons.custcare_complaint.models.custcare_complaint import CHANNELS


class CustcareReturn(models.Model):
    """A customer return (客户退货), handled and answered like a complaint: the
    goods come back into an inspection location, QC decides per line what is
    conforming (back to stock) and what is not (non-conforming control), short
    stock raises a production notice, and the replacement delivery carries 补货."""

    _name = "custcare.return"
    _description = "Customer Return"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
    ]
    _order = "id desc"
    _custcare_sequence_code = "custcare.return"
    _approval_key_fields = ("result",)

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, tracking=True
    )
    complaint_id = fields.Many2one("custcare.complaint", index="btree_not_null")
    picking_id = fields.Many2one(
        "stock.picking", "Original Delivery", domain="[('picking_type_code', '=', 'outgoing')]"
    )
    user_id = fields.Many2one(
        "res.users", "Responsible", default=lambda self: self.env.user, tracking=True
    )
    line_ids = fields.One2many("custcare.return.line", "return_id", "Returned Goods")
    receipt_date = fields.Datetime("Goods Received", readonly=True)
    receipt_picking_id = fields.Many2one("stock.picking", "Return Receipt", readonly=True)
    inspected_by_id = fields.Many2one("res.users", "Inspected by", readonly=True, copy=False)
    inspected_date = fields.Date("Inspected on", readonly=True, copy=False)
    result = fields.Html("Handling Result")
    feedback_date = fields.Date()
    feedback_method = fields.Selection(CHANNELS)
    customer_reaction = fields.Text()
    replacement_picking_id = fields.Many2one("stock.picking", "Replacement Delivery", readonly=True)
    notice_ids = fields.One2many("custcare.production.notice", "return_id", "Production Notices")
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
    def _locations(self):
        env = self.env
        return (
            env.ref("stock.stock_location_customers"),
            env.ref("custcare_aftersales.stock_location_return_inspection"),
            env.ref("stock.stock_location_stock"),
            env.ref("custcare_aftersales.stock_location_nonconforming"),
        )

    def _move(self, line, quantity, source, destination):
        """One done stock move of `quantity` of the line's product (and lot)."""
        # stock operations of a return are done for the desk by the system:
        # desk and QC staff need no warehouse rights
        move = (
            self.env["stock.move"]
            .sudo()
            .create(
                {
                    "product_id": line.product_id.id,
                    "product_uom_qty": quantity,
                    "product_uom": line.product_id.uom_id.id,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "origin": self.name,
                    "company_id": self.company_id.id,
                }
            )
        )
        move._action_confirm()
        move._action_assign()
        move._set_quantity_done(quantity)
        if line.lot_id:
            move.move_line_ids.lot_id = line.lot_id
        move.picked = True
        move._action_done()
        return move

    # ------------------------------------------------------------------ flow
    def action_receive(self):
        """The goods come back through a stock return (an incoming transfer
        linked to the original delivery's moves) into the inspection location."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("These goods have already been received."))
        if not self.line_ids:
            raise UserError(self.env._("List the returned goods first."))
        customers, inspection, _stock, _nc = self._locations()
        delivery = self.picking_id.sudo()
        picking_type = delivery.picking_type_id.return_picking_type_id or self.env[
            "stock.picking.type"
        ].sudo().search(
            [("code", "=", "incoming"), ("company_id", "=", self.company_id.id)], limit=1
        )
        originals = {move.product_id: move for move in delivery.move_ids}
        receipt = (
            self.env["stock.picking"]
            .sudo()
            .create(
                {
                    "partner_id": (delivery.partner_id or self.partner_id).id,
                    "picking_type_id": picking_type.id,
                    "location_id": customers.id,
                    "location_dest_id": inspection.id,
                    "origin": self.name,
                    "move_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "product_uom_qty": line.quantity,
                                "product_uom": line.product_id.uom_id.id,
                                "location_id": customers.id,
                                "location_dest_id": inspection.id,
                                "origin_returned_move_id": originals.get(
                                    line.product_id, delivery.move_ids.browse()
                                ).id,
                            }
                        )
                        for line in self.line_ids
                    ],
                }
            )
        )
        receipt.action_confirm()
        for move, line in zip(receipt.move_ids.sorted("id"), self.line_ids, strict=True):
            move._set_quantity_done(line.quantity)
            if line.lot_id:
                move.move_line_ids.lot_id = line.lot_id
        receipt.move_ids.picked = True
        receipt._action_done()
        self.write(
            {
                "state": "received",
                "receipt_date": fields.Datetime.now(),
                "receipt_picking_id": receipt.id,
            }
        )
        return True

    def action_inspected(self):
        """QC's decision per line: conforming goods to stock, the rest to
        non-conforming control."""
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
        _customers, inspection, stock, nonconforming = self._locations()
        for line in self.line_ids:
            if line.qty_conforming:
                self._move(line, line.qty_conforming, inspection, stock)
            if line.qty_nonconforming:
                self._move(line, line.qty_nonconforming, inspection, nonconforming)
        self.write(
            {
                "state": "inspected",
                "inspected_by_id": self.env.uid,
                "inspected_date": fields.Date.context_today(self),
            }
        )
        return True

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
        _customers, _inspection, stock, _nc = self._locations()
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
        self.env["custcare.production.notice"].create(notices)._link_manufacturing()
        picking_type = (
            self.env["stock.picking.type"]
            .sudo()
            .search([("code", "=", "outgoing"), ("company_id", "=", self.company_id.id)], limit=1)
        )
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
        self.replacement_picking_id = picking.id
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
        self.write({"state": "closed"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The customer's reasons and reaction and the handling result erased from the "
            "database; the goods, quantities and stock moves kept."
        )

    def _custcare_destroy(self):
        """Retention: erase what the customer said and our findings."""
        self.ensure_one()
        erased = {
            "result": self.result,
            "customer_reaction": self.customer_reaction,
            "reasons": self.line_ids.mapped("reason"),
        }
        self._approval_write({"result": False, "customer_reaction": False})
        self.line_ids.write({"reason": "-"})
        return erased


class CustcareReturnLine(models.Model):
    _name = "custcare.return.line"
    _description = "Customer Return Line"

    return_id = fields.Many2one("custcare.return", required=True, ondelete="cascade", index=True)
    product_id = fields.Many2one("product.product", required=True)
    lot_id = fields.Many2one(
        "stock.lot", "Lot / Serial", domain="[('product_id', '=', product_id)]"
    )
    quantity = fields.Float(required=True, default=1.0)
    reason = fields.Char(required=True)
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


class CustcareProductionNotice(models.Model):
    """A production notice (生产通知单) for replenishment (补货)."""

    _name = "custcare.production.notice"
    _description = "Production Notice"
    _inherit = ["mail.thread", "custcare.numbered.mixin"]
    _order = "id desc"
    _custcare_sequence_code = "custcare.production.notice"

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    return_id = fields.Many2one("custcare.return", "Customer Return", index=True)
    product_id = fields.Many2one("product.product", required=True)
    quantity = fields.Float(required=True)
    replenishment = fields.Boolean(default=True, readonly=True)
    state = fields.Selection(
        [("open", "To Produce"), ("done", "Produced")], default="open", required=True, tracking=True
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
                    "origin": f"{notice.name} {self.env._('(replenishment)')}",
                    "company_id": notice.company_id.id,
                }
            )
            notice.production_ref = f"mrp.production,{production.id}"
        return self

    @api.depends("name", "replenishment")
    def _compute_display_name(self):
        for notice in self:
            mark = self.env._(" (replenishment)") if notice.replenishment else ""
            notice.display_name = f"{notice.name}{mark}"

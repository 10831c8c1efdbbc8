# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import uuid
from urllib.parse import quote

from odoo import fields, models
from odoo.exceptions import UserError

RECEIVER_SIZE = 128


class StockPicking(models.Model):
    """The delivery note (交货单) side of an outgoing transfer: replenishment
    mark (补货), a personal link for the customer's receipt confirmation."""

    _inherit = "stock.picking"

    custcare_replenishment = fields.Boolean(
        "Replenishment",
        copy=False,
        tracking=True,
        help="A replacement delivery (补货): marked on screen and on the delivery note.",
    )
    custcare_access_token = fields.Char(
        "Receipt Token", copy=False, readonly=True, groups="stock.group_stock_user"
    )
    custcare_carrier = fields.Char(
        "Carrier",
        copy=False,
        help="Who carries the goods to the customer (承运人): the carrier's name, the "
        "driver and the vehicle, as printed on the delivery note.",
    )
    custcare_shipped_by_id = fields.Many2one(
        "res.users",
        "Shipped by",
        copy=False,
        readonly=True,
        help="Who validated the shipment in the warehouse (仓库发货).",
    )
    custcare_received_at = fields.Datetime("Receipt Confirmed on", copy=False, readonly=True)
    custcare_received_by = fields.Char("Received by", copy=False, readonly=True)

    def write(self, vals):
        """The customer's receipt confirmation comes only from their page,
        the shipper's name only from the validation of the transfer."""
        protected = {
            "custcare_received_at",
            "custcare_received_by",
            "custcare_access_token",
            "custcare_shipped_by_id",
        }
        if protected & set(vals) and not self.env.su:
            raise UserError(
                self.env._(
                    "The receipt is confirmed by the customer on the delivery's page, and "
                    "the shipper is whoever validates the transfer."
                )
            )
        return super().write(vals)

    def _custcare_ensure_token(self):
        for picking in self.filtered(lambda p: not p.sudo().custcare_access_token):
            picking.sudo().custcare_access_token = uuid.uuid4().hex
        return True

    def _custcare_receipt_url(self):
        """The customer's page for this delivery (confirm receipt, report a problem)."""
        self.ensure_one()
        self._custcare_ensure_token()
        base = self.get_base_url()
        return f"{base}/custcare/delivery/{self.id}/{self.sudo().custcare_access_token}"

    def _custcare_qr_src(self):
        """Odoo's report barcode route drawing the receipt link as a QR code."""
        return "/report/barcode/?barcode_type=QR&value={}&width=220&height=220".format(
            quote(self._custcare_receipt_url(), safe="")
        )

    def _action_done(self):
        res = super()._action_done()
        self.filtered(lambda p: p.state == "done" and not p.custcare_shipped_by_id).sudo().write(
            {"custcare_shipped_by_id": self.env.uid}
        )
        return res

    def _custcare_carrier_name(self):
        """The carrier printed on the delivery note: the shipping method of
        Odoo's delivery app when installed, else the carrier typed in."""
        self.ensure_one()
        carrier = self["carrier_id"].name if "carrier_id" in self._fields else ""
        return ", ".join(filter(None, (carrier, self.custcare_carrier)))

    def _custcare_note_totals(self):
        """[(quantity, unit)]: the total of the note per unit of measure."""
        totals = {}
        for _product, _lot, quantity, uom in self._custcare_note_lines():
            totals[uom] = totals.get(uom, 0.0) + quantity
        return [(quantity, uom) for uom, quantity in totals.items()]

    def _custcare_note_lines(self):
        """(product, lot, quantity, unit) rows: what was shipped once done,
        what is planned before."""
        self.ensure_one()
        if self.state == "done":
            return [
                (line.product_id, line.lot_id, line.quantity, line.product_uom_id)
                for line in self.move_line_ids
            ]
        return [
            (move.product_id, move.lot_ids[:1], move.product_uom_qty, move.product_uom)
            for move in self.move_ids
        ]

    custcare_callback_plan_ids = fields.One2many(
        "custcare.callback.plan", "picking_id", "Post-delivery Tracking"
    )

    def action_custcare_track(self):
        """Start post-delivery tracking (callbacks) for this delivery."""
        self.ensure_one()
        if self.picking_type_code != "outgoing" or self.state != "done":
            raise UserError(self.env._("Only a delivered customer shipment can be tracked."))
        if self.custcare_callback_plan_ids:
            raise UserError(self.env._("This delivery is already tracked."))
        plan = self.env["custcare.callback.plan"]._custcare_create(
            {
                "name": self.origin or self.name,
                "partner_id": self.partner_id.commercial_partner_id.id,
                "picking_id": self.id,
                "company_id": self.company_id.id,
                "start_date": fields.Date.context_today(self, self.date_done),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.callback.plan",
            "res_id": plan.id,
            "view_mode": "form",
        }

    def _custcare_confirm_receipt(self, received_by):
        """Called from the customer's page (sudo) once the token matched."""
        self.ensure_one()
        if self.state != "done":
            raise UserError(self.env._("This delivery has not left our warehouse yet."))
        if self.custcare_received_at:
            raise UserError(self.env._("The receipt of this delivery is already confirmed."))
        name = (received_by or "").strip()
        if not name:
            raise UserError(self.env._("Please give the name of the person who received it."))
        if len(name) > RECEIVER_SIZE:
            raise UserError(
                self.env._(
                    "The name of the person who received it takes at most %(size)s characters.",
                    size=RECEIVER_SIZE,
                )
            )
        self.sudo().write(
            {"custcare_received_at": fields.Datetime.now(), "custcare_received_by": name}
        )
        self.message_post(
            body=self.env._("Receipt confirmed online by %(name)s.", name=name),
            message_type="notification",
        )
        return True

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models

WATCHED = ("product_id", "product_uom_qty", "product_uom_id")


class SaleOrderLine(models.Model):
    """A change of the goods of a reviewed order (products, quantities, units)
    sends it back to review: see ``sale.order._custcare_after_change``."""

    _inherit = "sale.order.line"

    def _custcare_goods(self):
        """The lines of goods (not notes, sections, down payments or
        services); the products' type is read for all the lines at once."""
        self.fetch(["display_type", "is_downpayment", "product_id"])
        lines = self.filtered(lambda line: not line.display_type and not line.is_downpayment)
        goods = lines.product_id.filtered(lambda product: product.type == "consu")
        return lines.filtered(lambda line: line.product_id in goods)

    @api.model
    def _custcare_adds_goods(self, vals):
        """Does a new line of ``vals`` add goods to its order? (Odoo itself adds
        lines of quantity 0 for goods delivered beyond the order.)"""
        if vals.get("display_type") or vals.get("is_downpayment") or not vals.get("order_id"):
            return False
        product = self.env["product.product"].browse(vals.get("product_id"))
        return product.type == "consu" and vals.get("product_uom_qty", 1.0) > 0

    def _custcare_reviewed_orders(self, orders):
        return orders.filtered(lambda o: o.sudo().custcare_review_ids)

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        orders = self.env["sale.order"].browse(
            [vals["order_id"] for vals in vals_list if self._custcare_adds_goods(vals)]
        )
        orders = self._custcare_reviewed_orders(orders)
        if orders:
            orders._custcare_after_change(self.env._("Goods were added to the order"))
        return lines

    def write(self, vals):
        watched = [name for name in WATCHED if name in vals]
        if not watched:
            return super().write(vals)
        goods = self._custcare_goods()
        before = {line.id: [line[name] for name in watched] for line in goods}
        res = super().write(vals)
        moved = goods.filtered(lambda line: [line[name] for name in watched] != before[line.id])
        orders = self._custcare_reviewed_orders(moved.order_id)
        if orders:
            orders._custcare_after_change(self.env._("Products or quantities changed"))
        return res

    def unlink(self):
        orders = self._custcare_reviewed_orders(self._custcare_goods().order_id)
        res = super().unlink()
        orders = orders.exists()
        if orders:
            orders._custcare_after_change(self.env._("Goods were removed from the order"))
        return res

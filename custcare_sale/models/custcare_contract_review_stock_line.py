# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareContractReviewStockLine(models.Model):
    """The stock check of one order line at the review (written by the
    system): ordered quantity, the warehouse's free quantity, what stock
    covers and what must be produced. Together with the review it is the
    kept record of what was ordered."""

    _name = "custcare.contract.review.stock.line"
    _description = "Contract Review Stock Check"
    _inherit = ["custcare.evidence.mixin"]
    _order = "review_id, id"
    _check_company_auto = True

    review_id = fields.Many2one(
        "custcare.contract.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    sale_line_id = fields.Many2one(
        "sale.order.line", "Order Line", readonly=True, ondelete="set null", index=True
    )
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    description = fields.Text(readonly=True)
    quantity = fields.Float("Ordered", readonly=True, digits="Product Unit")
    uom_id = fields.Many2one("uom.uom", "Unit", readonly=True)
    stocked = fields.Boolean(
        "Stock Tracked", readonly=True, help="Only products tracked in stock are checked."
    )
    free_qty = fields.Float("Free in Stock", readonly=True, digits="Product Unit")
    covered_qty = fields.Float("From Stock", readonly=True, digits="Product Unit")
    shortage_qty = fields.Float("To Produce", readonly=True, digits="Product Unit")
    currency_id = fields.Many2one(related="review_id.currency_id")
    price_subtotal = fields.Monetary("Amount", readonly=True)

    def _custcare_short(self):
        self.ensure_one()
        return self.uom_id.compare(self.shortage_qty, 0.0) > 0

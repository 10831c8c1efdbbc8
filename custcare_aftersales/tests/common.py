# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command


def done_delivery(env, partner, product, quantity, picking_type=None):
    """A delivery of `quantity` `product` to `partner`, shipped (as the system)."""
    picking_type = picking_type or env.ref("stock.picking_type_out")
    delivery = env["stock.picking"].create(
        {
            "partner_id": partner.id,
            "picking_type_id": picking_type.id,
            "move_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": quantity,
                        "location_id": picking_type.default_location_src_id.id,
                        "location_dest_id": env.ref("stock.stock_location_customers").id,
                    }
                )
            ],
        }
    )
    delivery.action_confirm()
    delivery.move_ids._set_quantity_done(quantity)
    delivery.move_ids.picked = True
    delivery._action_done()
    return delivery

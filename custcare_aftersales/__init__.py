from . import controllers
from . import models

from odoo.addons.custcare_base.hooks import load_shared_terms


def _custcare_post_init(env):
    """Translations of the shared approval labels; and warehouses that existed
    before the addon get their return locations and inspection operation type."""
    load_shared_terms(env)
    env["stock.warehouse"].search([])._custcare_setup_returns()


def _custcare_uninstall(env):
    """Goods that moved through stock are part of the stock history, which
    outlives the addon: the demo products that have stock moves (with their
    templates and units), and the transfers that were done, are detached from
    the addon instead of being deleted (a done move cannot be deleted, and
    trying logs database errors). A reinstall then makes new demo records."""
    Data = env["ir.model.data"].sudo()
    rows = Data.search(
        [
            ("module", "=", "custcare_aftersales"),
            ("model", "in", ("product.product", "product.template", "uom.uom", "stock.picking")),
        ]
    )
    ids = {
        model: set()
        for model in ("product.product", "product.template", "uom.uom", "stock.picking")
    }
    for row in rows:
        ids[row.model].add(row.res_id)
    moves = env["stock.move"].sudo().search([("product_id", "in", list(ids["product.product"]))])
    products = moves.product_id
    templates = products.product_tmpl_id
    kept = {
        "product.product": set(products.ids),
        "product.template": set(templates.ids),
        "uom.uom": set((templates.uom_id | moves.product_uom).ids),
        "stock.picking": set(
            env["stock.picking"]
            .sudo()
            .browse(ids["stock.picking"])
            .exists()
            .filtered(lambda p: p.state == "done")
            .ids
        ),
    }
    rows.filtered(lambda row: row.res_id in kept[row.model]).unlink()

from . import controllers
from . import models

from odoo.addons.custcare_base.hooks import load_shared_terms


def _custcare_post_init(env):
    """Translations of the shared approval labels; and warehouses that existed
    before the addon get their return locations and inspection operation type."""
    load_shared_terms(env)
    env["stock.warehouse"].search([])._custcare_setup_returns()

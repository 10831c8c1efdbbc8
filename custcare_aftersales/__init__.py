from . import controllers
from . import models


def _custcare_post_init(env):
    """Warehouses that existed before the addon get their return locations
    and inspection operation type."""
    env["stock.warehouse"].search([])._custcare_setup_returns()

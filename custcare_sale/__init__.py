from . import models
from . import wizards

from odoo.addons.custcare_base.hooks import load_shared_terms


def _custcare_post_init(env):
    """Translations of the shared approval labels (草稿, 已批准) on the review."""
    load_shared_terms(env)

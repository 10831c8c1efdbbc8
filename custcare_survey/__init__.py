from . import models
from . import wizard
from odoo.addons.custcare_base.hooks import load_shared_terms as post_init_hook

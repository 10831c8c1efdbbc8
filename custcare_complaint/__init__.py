from . import controllers
from . import models
from . import wizards
from odoo.addons.custcare_base.hooks import load_shared_terms as post_init_hook

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from lxml import etree

from odoo import models

# context key of a mail template sent to many customers in one batch (see
# mail.mail.create too)
BULK_MAIL = "custcare_bulk_mail"


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _generate_code_uncached(self, template):
        """In a bulk mailing (context key ``custcare_bulk_mail``), the code of
        a template given as a tree, as a mail template's body is, is generated
        once per transaction and language and reused for every record, as
        Odoo does for the views it caches; without it QWeb compiles the same
        body again for each recipient (about 4 ms each). The key holds what
        the code depends on: the template itself and the context keys of
        Odoo's own template cache, plus the restriction on unsafe code."""
        if not (self.env.context.get(BULK_MAIL) and isinstance(template, etree._Element)):
            return super()._generate_code_uncached(template)
        cache = self.env.cr.cache.setdefault(BULK_MAIL, {})
        key = (
            etree.tostring(template),
            tuple(self.env.context.get(k) or False for k in self._get_template_cache_keys()),
            self.env.context.get("raise_on_forbidden_code_for_model") or False,
        )
        if key not in cache:
            cache[key] = super()._generate_code_uncached(template)
        return cache[key]

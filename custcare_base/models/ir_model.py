# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import models
from odoo.fields import Domain


class IrModel(models.Model):
    _inherit = "ir.model"

    def unlink(self):
        """A record type goes away (its addon is uninstalled): corrective
        actions keep the name of their source but no longer link to it, since
        the ids would point at unrelated records after a reinstall."""
        names = [name for name in self.mapped("model") if name != "custcare.capa"]
        if names and "custcare.capa" in self.env:
            domain = Domain.OR(Domain("source_ref", "=like", f"{name},%") for name in names)
            capas = self.env["custcare.capa"].sudo().with_context(active_test=False).search(domain)
            capas._custcare_write({"source_ref": False})
        return super().unlink()

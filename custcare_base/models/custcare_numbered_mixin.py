# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models


class CustcareNumberedMixin(models.AbstractModel):
    """Numbering of custcare records (编号): a record created without a number
    takes the next one of ``_custcare_sequence_code``, per company when the
    sequence is company-specific."""

    _name = "custcare.numbered.mixin"
    _description = "Custcare Numbering"

    _custcare_sequence_code = None

    @api.model_create_multi
    def create(self, vals_list):
        Sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") in ("/", False):
                company = self.env["res.company"].browse(vals.get("company_id"))
                vals["name"] = (
                    Sequence.with_company(company or self.env.company).next_by_code(
                        self._custcare_sequence_code
                    )
                    or "/"
                )
        return super().create(vals_list)

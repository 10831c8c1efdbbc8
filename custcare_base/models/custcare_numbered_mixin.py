# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class CustcareNumberedMixin(models.AbstractModel):
    """Numbering of custcare records (编号): every new record takes the next
    number of ``_custcare_sequence_code`` in its own company's sequence.

    The addon ships one template sequence (no company); each company gets its
    own copy the first time it numbers a record. The copies belong to no
    addon, so uninstalling and reinstalling an addon never restarts numbers
    that printed forms and other records still carry.
    """

    _name = "custcare.numbered.mixin"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Custcare Numbering"

    _custcare_sequence_code = None
    _custcare_protected_fields = {"name": _lt("the number is given by the numbering sequence")}

    @api.model
    def _custcare_sequence(self, company):
        """The numbering sequence of ``company``, created from the template
        the first time (the template row is locked meanwhile)."""
        Sequence = self.env["ir.sequence"].sudo()
        code = self._custcare_sequence_code
        domain = [("code", "=", code), ("company_id", "=", company.id)]
        sequence = Sequence.search(domain, limit=1)
        if sequence:
            return sequence
        template = Sequence.search([("code", "=", code), ("company_id", "=", False)], limit=1)
        if not template:
            return sequence
        self.env.cr.execute("SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", [template.id])
        return Sequence.search(domain, limit=1) or template.copy(
            {
                "company_id": company.id,
                "name": f"{template.name} ({company.name})",
                # continue after the numbers the template has already given
                "number_next": template.number_next_actual,
            }
        )

    @api.private
    def _custcare_prepare_create(self, vals_list):
        super()._custcare_prepare_create(vals_list)
        if not self._custcare_sequence_code:
            return
        sequences = {}
        Company = self.env["res.company"]
        for vals in vals_list:
            if vals.get("name", "/") not in ("/", False):
                continue  # given by trusted server code
            company = Company.browse(vals.get("company_id")) or self.env.company
            if company not in sequences:
                sequences[company] = self._custcare_sequence(company)
            sequence = sequences[company]
            vals["name"] = sequence.next_by_id() if sequence else "/"

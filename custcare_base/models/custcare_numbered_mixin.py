# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import defaultdict

from odoo import api, models, tools
from odoo.exceptions import MissingError
from odoo.tools import SQL, LazyTranslate

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
    @tools.ormcache("code", "company_id")
    def _custcare_sequence_id(self, code, company_id):
        """The id of the company's numbering sequence (None before the first
        record): looked up once per process, not once per record."""
        domain = [("code", "=", code), ("company_id", "=", company_id)]
        return self.env["ir.sequence"].sudo().search(domain, limit=1).id or None

    @api.model
    def _custcare_sequence(self, company):
        """The numbering sequence of ``company``, created from the template
        the first time (the template row is locked meanwhile)."""
        Sequence = self.env["ir.sequence"].sudo()
        code = self._custcare_sequence_code
        sequence_id = self._custcare_sequence_id(code, company.id)
        if sequence_id:
            return Sequence.browse(sequence_id)
        domain = [("code", "=", code), ("company_id", "=", company.id)]
        template = Sequence.search([("code", "=", code), ("company_id", "=", False)], limit=1)
        if not template:
            return Sequence
        self.env.cr.execute("SELECT id FROM ir_sequence WHERE id = %s FOR UPDATE", [template.id])
        sequence = Sequence.search(domain, limit=1) or template.copy(
            {
                "company_id": company.id,
                "name": f"{template.name} ({company.name})",
                # continue after the numbers the template has already given
                "number_next": template.number_next_actual,
            }
        )
        self.env.registry.clear_cache()  # _custcare_sequence_id knows it now
        return sequence

    def _custcare_next_numbers(self, company, sequences, count):
        """The next ``count`` numbers of ``company``'s sequence (``sequences``:
        those already found for this batch); a plain sequence gives them all
        in one query."""
        if company not in sequences:
            sequences[company] = self._custcare_sequence(company)
        sequence = sequences[company]
        if not sequence:
            return ["/"] * count
        try:
            if sequence.implementation == "standard" and not sequence.use_date_range:
                self.env.cr.execute(
                    SQL(
                        "SELECT nextval(%s) FROM generate_series(1, %s)",
                        f"ir_sequence_{sequence.id:03d}",
                        count,
                    )
                )
                return [sequence.get_next_char(row[0]) for row in self.env.cr.fetchall()]
            return [sequence.next_by_id() for _i in range(count)]
        except MissingError:  # deleted since it was looked up: look again
            self.env.registry.clear_cache()
            sequences[company] = self._custcare_sequence(company)
            if not sequences[company]:
                return ["/"] * count
            return [sequences[company].next_by_id() for _i in range(count)]

    @api.private
    def _custcare_prepare_create(self, vals_list):
        super()._custcare_prepare_create(vals_list)
        if not self._custcare_sequence_code:
            return
        to_number = defaultdict(list)  # company: the values to number, in order
        Company = self.env["res.company"]
        for vals in vals_list:
            if vals.get("name", "/") not in ("/", False):
                continue  # given by trusted server code
            company = Company.browse(vals.get("company_id")) or self.env.company
            to_number[company].append(vals)
        sequences = {}
        for company, company_vals in to_number.items():
            numbers = self._custcare_next_numbers(company, sequences, len(company_vals))
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["name"] = number

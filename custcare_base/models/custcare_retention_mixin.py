# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class CustcareRetentionMixin(models.AbstractModel):
    """A record kept for a retention period (记录保存) and then destroyed
    (销毁): only models with this mixin can have a retention policy.

    ``_custcare_retention_erase`` names the fields erased on destruction
    (required text fields get "-"); override :meth:`_custcare_destroy` to
    erase more (attachments, lines) and :meth:`_custcare_destruction_method`
    to describe it on the destruction record.
    """

    _name = "custcare.retention.mixin"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Custcare Retained Record"

    _custcare_retainable = True
    _custcare_retention_erase = ()
    _custcare_protected_fields = {"destroyed": _lt("the retention policy's destruction")}

    destroyed = fields.Boolean(readonly=True, copy=False, index=True)

    @api.model
    def _custcare_destruction_method(self):
        """How records of this model are destroyed, for the 销毁记录."""
        labels = "、".join(
            self._fields[name]._description_string(self.env)
            for name in self._custcare_retention_erase
        )
        return self.env._(
            "Erased from the database: %(fields)s. The record number and dates are kept as "
            "the trace that the record existed.",
            fields=labels,
        )

    def _custcare_erase_values(self):
        """The values that replace the erased ones (one write for the batch)."""
        vals = {}
        for name in self._custcare_retention_erase:
            field = self._fields[name]
            if field.required and field.type in ("char", "text", "html"):
                vals[name] = "-"
            elif field.type in ("float", "monetary", "integer"):
                vals[name] = 0
            else:
                vals[name] = False
        return vals

    def _custcare_destroy(self):
        """Erase the records (a batch); return {record id: erased values},
        which the destruction record hashes with the model and id."""
        erased = {
            record.id: {name: record[name] for name in self._custcare_retention_erase}
            for record in self
        }
        self._custcare_write(self._custcare_erase_values() | {"destroyed": True})
        return erased

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class StockWarehouse(models.Model):
    """Each warehouse has its own return inspection location (退货待检), its
    own non-conforming goods location (不合格品) and a return inspection
    operation type, created as Odoo creates its own per-warehouse
    locations: a return of one company never moves through another's."""

    _inherit = "stock.warehouse"

    custcare_inspection_loc_id = fields.Many2one(
        "stock.location", "Return Inspection Location", check_company=True, copy=False
    )
    custcare_nonconforming_loc_id = fields.Many2one(
        "stock.location", "Non-conforming Goods Location", check_company=True, copy=False
    )
    custcare_inspection_type_id = fields.Many2one(
        "stock.picking.type", "Return Inspection Type", check_company=True, copy=False
    )

    def _custcare_names(self):
        """Location names in the company's language (stock locations have
        no translations)."""
        env = self.with_context(lang=self.company_id.partner_id.lang or self.env.lang).env
        return env._("Return Inspection"), env._("Non-conforming Goods")

    def _get_locations_values(self, vals, code=False):
        values = super()._get_locations_values(vals, code=code)
        code = (vals.get("code") or code or "").replace(" ", "").upper()
        company_id = vals.get("company_id", self.default_get(["company_id"])["company_id"])
        warehouse = self or self.new({"company_id": company_id})
        inspection, nonconforming = warehouse._custcare_names()
        values.update(
            {
                "custcare_inspection_loc_id": {
                    "name": inspection,
                    "active": True,
                    "usage": "internal",
                    "barcode": self._valid_barcode(code + "RETQC", company_id),
                },
                "custcare_nonconforming_loc_id": {
                    "name": nonconforming,
                    "active": True,
                    "usage": "internal",
                    "barcode": self._valid_barcode(code + "NONCONF", company_id),
                },
            }
        )
        return values

    def _get_sequence_values(self, name=False, code=False):
        values = super()._get_sequence_values(name=name, code=code)
        values["custcare_inspection_type_id"] = {
            "name": self.env._("%(name)s Sequence return inspection", name=self.name),
            "prefix": f"{self.code}/{self.custcare_inspection_type_id.sequence_code or 'RQC'}/",
            "padding": 5,
            "company_id": self.company_id.id,
        }
        return values

    def _get_picking_type_create_values(self, max_sequence):
        data, next_sequence = super()._get_picking_type_create_values(max_sequence)
        data["custcare_inspection_type_id"] = {
            "name": self.env._("Return Inspection"),
            "code": "internal",
            "default_location_src_id": self.custcare_inspection_loc_id.id,
            "default_location_dest_id": self.lot_stock_id.id,
            "sequence": next_sequence + 1,
            "sequence_code": "RQC",
            "company_id": self.company_id.id,
            "use_existing_lots": True,
        }
        return data, next_sequence + 2

    def _get_picking_type_update_values(self):
        data = super()._get_picking_type_update_values()
        data["custcare_inspection_type_id"] = {"active": self.active}
        return data

    def _custcare_setup_returns(self):
        """Create what is missing on existing warehouses (install hook)."""
        for warehouse in self.with_context(active_test=False):
            warehouse._create_missing_locations({})
            values = warehouse._create_or_update_sequences_and_picking_types()
            if values:
                warehouse.write(values)

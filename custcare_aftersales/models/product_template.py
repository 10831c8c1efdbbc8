# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    custcare_warranty_months = fields.Integer(
        "Warranty (months)",
        default=12,
        help="Service within this many months after delivery is free (无偿服务).",
    )

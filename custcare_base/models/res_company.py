# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    # Weights of the customer evaluation indicators (客户评价), in percent
    custcare_weight_contribution = fields.Integer("Business Contribution Weight", default=40)
    custcare_weight_discipline = fields.Integer("Cooperation Discipline Weight", default=20)
    custcare_weight_handling = fields.Integer("Problem Handling Weight", default=20)
    custcare_weight_communication = fields.Integer("Communication Weight", default=20)
    # Lowest total score for each tier
    custcare_threshold_core = fields.Integer("Core Customer from", default=85)
    custcare_threshold_key = fields.Integer("Key Customer from", default=70)
    custcare_threshold_general = fields.Integer("General Customer from", default=50)

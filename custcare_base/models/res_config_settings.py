# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models

from .custcare_capa import RECHECK_PARAM
from .custcare_credential import EXPIRY_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    custcare_credential_expiry_days = fields.Integer(
        "Credential Reminder (days before expiry)",
        config_parameter=EXPIRY_PARAM,
        default=30,
    )
    custcare_capa_recheck_days = fields.Integer(
        "CAPA Effectiveness Re-check (days)",
        config_parameter=RECHECK_PARAM,
        default=90,
    )
    custcare_weight_contribution = fields.Integer(
        related="company_id.custcare_weight_contribution", readonly=False
    )
    custcare_weight_discipline = fields.Integer(
        related="company_id.custcare_weight_discipline", readonly=False
    )
    custcare_weight_handling = fields.Integer(
        related="company_id.custcare_weight_handling", readonly=False
    )
    custcare_weight_communication = fields.Integer(
        related="company_id.custcare_weight_communication", readonly=False
    )
    custcare_threshold_core = fields.Integer(
        related="company_id.custcare_threshold_core", readonly=False
    )
    custcare_threshold_key = fields.Integer(
        related="company_id.custcare_threshold_key", readonly=False
    )
    custcare_threshold_general = fields.Integer(
        related="company_id.custcare_threshold_general", readonly=False
    )

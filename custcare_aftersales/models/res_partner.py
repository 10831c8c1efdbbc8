# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    custcare_agreement_until = fields.Date(
        "Maintenance Agreement until",
        groups="custcare_base.group_custcare_user",
        help="Out of warranty, services are covered by the agreement (协议服务) until this date.",
    )

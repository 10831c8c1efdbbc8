# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models


class CustcareSurveyResult(models.Model):
    _inherit = "custcare.survey.result"

    # the dashboard's satisfaction trend groups the results by the date of
    # their campaign's analysis (stored: read_group groups by columns)
    campaign_date = fields.Datetime(
        "Analysed on", related="campaign_id.analysed_date", store=True, index=True
    )

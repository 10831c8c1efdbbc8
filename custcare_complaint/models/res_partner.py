# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer's complaints, one click from its form."""

    _inherit = "res.partner"

    custcare_complaint_count = fields.Integer(
        "Complaints", compute="_compute_custcare_complaint_count"
    )
    custcare_open_complaint_count = fields.Integer(
        "Open Complaints", compute="_compute_custcare_complaint_count"
    )

    @api.model
    def _custcare_transaction_sources(self):
        sources = super()._custcare_transaction_sources()
        sources.update(
            {
                "complaint": ("custcare.complaint", "partner_id", []),
                "open_complaint": (
                    "custcare.complaint",
                    "partner_id",
                    [("state", "!=", "closed")],
                ),
            }
        )
        return sources

    @api.depends_context("uid")
    def _compute_custcare_complaint_count(self):
        """One grouped query per count for the whole batch."""
        total, open_ = self._custcare_count("complaint"), self._custcare_count("open_complaint")
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.custcare_complaint_count = total.get(key, 0)
            partner.custcare_open_complaint_count = open_.get(key, 0)

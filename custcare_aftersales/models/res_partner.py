# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models

AFTERSALES_KINDS = ("tracked", "callback_due", "visit", "return", "service")


class ResPartner(models.Model):
    _inherit = "res.partner"

    custcare_agreement_until = fields.Date(
        "Maintenance Agreement until",
        groups="custcare_base.group_custcare_user",
        help="Out of warranty, services are covered by the agreement (协议服务) until this date.",
    )
    custcare_tracked_count = fields.Integer(
        "Deliveries Tracked", compute="_compute_custcare_aftersales_counts"
    )
    custcare_callback_due_count = fields.Integer(
        "Callbacks Due", compute="_compute_custcare_aftersales_counts"
    )
    custcare_visit_count = fields.Integer("Visits", compute="_compute_custcare_aftersales_counts")
    custcare_return_count = fields.Integer("Returns", compute="_compute_custcare_aftersales_counts")
    custcare_service_count = fields.Integer(
        "Services", compute="_compute_custcare_aftersales_counts"
    )

    @api.model
    def _custcare_transaction_sources(self):
        sources = super()._custcare_transaction_sources()
        today = fields.Date.context_today(self)
        sources.update(
            {
                "tracked": ("custcare.callback.plan", "partner_id", [("state", "=", "active")]),
                "callback_due": (
                    "custcare.callback",
                    "partner_id",
                    [("state", "=", "planned"), ("scheduled_date", "<=", today)],
                ),
                "visit": ("custcare.visit", "partner_id", []),
                "return": ("custcare.return", "partner_id", []),
                "service": ("custcare.service.request", "partner_id", []),
            }
        )
        return sources

    @api.depends_context("uid")
    def _compute_custcare_aftersales_counts(self):
        """One grouped query per kind for the whole batch."""
        counts = {kind: self._custcare_count(kind) for kind in AFTERSALES_KINDS}
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.custcare_tracked_count = counts["tracked"].get(key, 0)
            partner.custcare_callback_due_count = counts["callback_due"].get(key, 0)
            partner.custcare_visit_count = counts["visit"].get(key, 0)
            partner.custcare_return_count = counts["return"].get(key, 0)
            partner.custcare_service_count = counts["service"].get(key, 0)

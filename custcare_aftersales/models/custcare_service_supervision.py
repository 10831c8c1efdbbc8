# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import models


class CustcareServiceSupervision(models.Model):
    """The service supervision report also judges the technical service's
    服务受理 (service requests received and handled) and 主动维护 (callbacks
    and visits planned and made) of the period."""

    _inherit = "custcare.service.supervision"

    def _statistics(self):
        stats = super()._statistics()
        stats.update(self._service_statistics())
        return stats

    def _service_statistics(self):
        """The after-sales figures of the period, in grouped queries."""
        self.ensure_one()
        company = [("company_id", "=", self.company_id.id)]
        Service = self.env["custcare.service.request"]
        received = [
            *company,
            ("request_date", ">=", self.date_from),
            ("request_date", "<=", self.date_to),
        ]
        by_kind = dict(Service._read_group(received, ["kind"], ["__count"]))
        by_channel = dict(Service._read_group(received, ["channel"], ["__count"]))
        by_state = dict(Service._read_group(received, ["state"], ["__count"]))
        handed_back = Service.search_count(
            [
                *company,
                ("returned_date", ">=", self.date_from),
                ("returned_date", "<=", self.date_to),
            ]
        )
        callbacks = dict(
            self.env["custcare.callback"]._read_group(
                [
                    *company,
                    ("scheduled_date", ">=", self.date_from),
                    ("scheduled_date", "<=", self.date_to),
                ],
                ["state"],
                ["__count"],
            )
        )
        visits = dict(
            self.env["custcare.visit"]._read_group(
                [
                    *company,
                    ("plan_month", ">=", self.date_from.replace(day=1)),
                    ("plan_month", "<=", self.date_to),
                ],
                ["state"],
                ["__count"],
            )
        )
        labels = {
            name: dict(Service._fields[name]._description_selection(self.env))
            for name in ("kind", "channel")
        }
        planned_callbacks = sum(callbacks.values()) - callbacks.get("cancelled", 0)
        planned_visits = sum(visits.values()) - visits.get("cancelled", 0)
        return {
            "services": {
                "received": sum(by_kind.values()),
                "finished": by_state.get("done", 0) + by_state.get("returned", 0),
                "open": by_state.get("new", 0) + by_state.get("in_repair", 0),
                "handed_back": handed_back,
                "by_kind": [(labels["kind"][k], by_kind.get(k, 0)) for k in labels["kind"]],
                "by_channel": [
                    (labels["channel"][k], by_channel.get(k, 0)) for k in labels["channel"]
                ],
            },
            "maintenance": {
                "callbacks_planned": planned_callbacks,
                "callbacks_done": callbacks.get("done", 0),
                "visits_planned": planned_visits,
                "visits_done": visits.get("done", 0),
            },
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import models

from odoo.addons.custcare_base.models.custcare_review_pack import bars, kpi, percent, table


class CustcareReviewPack(models.Model):
    """The after-sales figures of the management review: returns and their
    inspection, service requests, callbacks (with what customers said) and
    visits of the period."""

    _inherit = "custcare.review.pack"

    def _custcare_review_sections(self):
        return [
            *super()._custcare_review_sections(),
            self._review_return_section(),
            self._review_service_section(),
        ]

    def _review_return_section(self):
        _ = self.env._
        start, end = self._review_period()
        company = [("company_id", "=", self.company_id.id)]
        Return = self.env["custcare.return"].sudo()
        registered = [*company, ("create_date", ">=", start), ("create_date", "<", end)]
        by_state = dict(Return._read_group(registered, ["state"], ["__count"]))
        count = sum(by_state.values())
        inspected = [
            ("return_id.company_id", "=", self.company_id.id),
            ("return_id.inspected_date", ">=", start),
            ("return_id.inspected_date", "<", end),
        ]
        [[quantity, conforming, nonconforming]] = (
            self.env["custcare.return.line"]
            .sudo()
            ._read_group(
                inspected, [], ["quantity:sum", "qty_conforming:sum", "qty_nonconforming:sum"]
            )
        )
        by_reason = (
            self.env["custcare.return.line"]
            .sudo()
            ._read_group(
                [("return_id", "any", registered)],
                ["product_id"],
                ["quantity:sum", "__count"],
                order="quantity:sum desc",
                limit=10,
            )
        )
        notices = (
            self.env["custcare.production.notice"]
            .sudo()
            .search_count(
                [
                    *company,
                    ("replenishment", "=", True),
                    ("create_date", ">=", start),
                    ("create_date", "<", end),
                ]
            )
        )
        labels = dict(Return._fields["state"]._description_selection(self.env))
        return {
            "key": "returns",
            "sequence": 30,
            "title": _("Customer Returns"),
            "kpis": [
                kpi(_("Returns registered"), count),
                kpi(_("Quantity inspected"), f"{quantity or 0:g}"),
                kpi(_("Conforming"), f"{conforming or 0:g}", percent(conforming, quantity)),
                kpi(
                    _("Non-conforming"), f"{nonconforming or 0:g}", percent(nonconforming, quantity)
                ),
                kpi(_("Replenishment notices"), notices),
            ],
            "tables": [
                table(
                    _("Returns by status"),
                    [_("Status"), _("Returns")],
                    [[label, by_state.get(key, 0)] for key, label in labels.items()],
                    foot=[_("Total"), count],
                ),
                table(
                    _("Most returned products"),
                    [_("Product"), _("Quantity"), _("Lines")],
                    [[product.display_name, f"{qty:g}", n] for product, qty, n in by_reason],
                ),
            ]
            if count
            else [],
            "bars": [],
            "note": "" if count else _("No return was registered in this period."),
        }

    def _review_service_section(self):
        """Service requests, callbacks and visits: the service supervision
        report's figures for the pack's period, and what customers said in
        the callbacks."""
        _ = self.env._
        stats = (
            self.env["custcare.service.supervision"]
            .sudo()
            .new(
                {
                    "company_id": self.company_id.id,
                    "date_from": self.date_from,
                    "date_to": self.date_to,
                }
            )
            ._service_statistics()
        )
        services, maintenance = stats["services"], stats["maintenance"]
        Callback = self.env["custcare.callback"].sudo()
        done = [
            ("company_id", "=", self.company_id.id),
            ("state", "=", "done"),
            ("done_date", ">=", self.date_from),
            ("done_date", "<=", self.date_to),
        ]
        by_satisfaction = dict(Callback._read_group(done, ["satisfaction"], ["__count"]))
        problems = Callback.search_count([*done, ("problem", "=", True)])
        overdue = Callback.search_count(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "planned"),
                ("scheduled_date", "<", self.date_to),
            ]
        )
        satisfaction = dict(Callback._fields["satisfaction"]._description_selection(self.env))
        answered = sum(n for key, n in by_satisfaction.items() if key)
        satisfied = by_satisfaction.get("5", 0) + by_satisfaction.get("4", 0)
        return {
            "key": "services",
            "sequence": 35,
            "title": _("After-sales Service and Callbacks"),
            "kpis": [
                kpi(
                    _("Service requests"),
                    services["received"],
                    _("%s finished", services["finished"]),
                ),
                kpi(
                    _("Callbacks made"),
                    maintenance["callbacks_done"],
                    _("of %s planned", maintenance["callbacks_planned"]),
                ),
                kpi(_("Satisfied in callbacks"), percent(satisfied, answered)),
                kpi(_("Problems reported"), problems),
                kpi(
                    _("Visits made"),
                    maintenance["visits_done"],
                    _("of %s planned", maintenance["visits_planned"]),
                ),
            ],
            "tables": [
                table(
                    _("Service requests by kind"),
                    [_("Kind"), _("Requests")],
                    services["by_kind"],
                    foot=[_("Total"), services["received"]],
                ),
                table(
                    _("Callbacks"),
                    [_("Measure"), _("Figure")],
                    [
                        [_("Planned in the period"), maintenance["callbacks_planned"]],
                        [_("Made"), maintenance["callbacks_done"]],
                        [_("Overdue at the end"), overdue],
                        [_("Problems reported (passed on as complaints)"), problems],
                    ],
                ),
            ],
            "bars": [
                bars(
                    _("What customers said in the callbacks"),
                    [(label, by_satisfaction.get(key, 0)) for key, label in satisfaction.items()],
                )
            ]
            if answered
            else [],
            "note": "",
        }

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import models

from odoo.addons.custcare_base.models.custcare_review_pack import bars, kpi, percent, table

TREND_CAMPAIGNS = 4  # how many campaigns the trend table compares


class CustcareReviewPack(models.Model):
    """The satisfaction results of the management review (顾客满意度): the
    campaigns analysed in the period, the latest one's score per dimension
    against its target and the previous campaign, and the trend over the
    last campaigns."""

    _inherit = "custcare.review.pack"

    def _custcare_review_sections(self):
        return [*super()._custcare_review_sections(), self._review_satisfaction_section()]

    def _review_satisfaction_section(self):
        _ = self.env._
        Campaign = self.env["custcare.survey.campaign"].sudo()
        start, end = self._review_period()
        analysed = [("company_id", "=", self.company_id.id), ("state", "=", "analysed")]
        campaigns = Campaign.search(
            [*analysed, ("sent_date", ">=", start), ("sent_date", "<", end)], order="sent_date"
        )
        section = {
            "key": "satisfaction",
            "sequence": 20,
            "title": _("Customer Satisfaction"),
            "kpis": [],
            "tables": [],
            "bars": [],
            "note": "",
        }
        if not campaigns:
            section["note"] = _("No satisfaction survey was analysed in this period.")
            return section
        latest = campaigns[-1]
        invited = sum(campaigns.mapped("invited_count"))
        answered = sum(campaigns.mapped("answered_count"))
        results = latest.result_ids.sorted("sequence")
        below = results.filtered("below_target")
        change = (
            f"{latest.overall_score - latest.previous_overall_score:+.2f}"
            if latest.previous_id
            else "—"
        )
        section["kpis"] = [
            kpi(_("Surveys analysed"), len(campaigns)),
            kpi(_("Forms returned"), answered, _("of %s sent", invited)),
            kpi(_("Response rate"), percent(answered, invited)),
            kpi(_("Overall score"), f"{latest.overall_score:.2f}", latest.title),
            kpi(
                _("Change"),
                change,
                _("%s dimensions below target", len(below)) if below else _("all on target"),
            ),
        ]
        section["tables"].append(
            table(
                _("Surveys of the period"),
                [
                    _("Survey"),
                    _("Sent"),
                    _("Returned"),
                    _("Response rate"),
                    _("Overall score"),
                    _("Previous"),
                ],
                [
                    [
                        f"{c.name} {c.title}",
                        c.invited_count,
                        c.answered_count,
                        percent(c.answered_count, c.invited_count),
                        f"{c.overall_score:.2f}",
                        f"{c.previous_overall_score:.2f}" if c.previous_id else "—",
                    ]
                    for c in campaigns
                ],
            )
        )
        section["tables"].append(
            table(
                _("Scores of %s by dimension", latest.name),
                [_("Dimension"), _("Score"), _("Target"), _("Previous"), _("Trend"), _("Forms")],
                [
                    [
                        r.dimension_id.name + (" " + _("(below target)") if r.below_target else ""),
                        f"{r.average:.2f}",
                        f"{r.target:.2f}",
                        f"{r.previous_average:.2f}" if r.has_previous else "—",
                        f"{r.trend:+.2f}" if r.has_previous else "—",
                        r.form_count,
                    ]
                    for r in results
                ],
            )
        )
        top = max(results.mapped("average") + results.mapped("target"), default=0)
        section["bars"].append(
            bars(
                _("Score by dimension (%s)", latest.name),
                [(r.dimension_id.name, r.average) for r in results],
                scale=5 if top <= 5 else None,
            )
        )
        # the trend: this campaign and the ones analysed before it
        history = Campaign.search(
            [*analysed, ("sent_date", "<=", latest.sent_date)],
            order="sent_date desc",
            limit=TREND_CAMPAIGNS,
        ).sorted("sent_date")
        if len(history) > 1:
            scores = {
                (line.campaign_id.id, line.dimension_id.id): line.average
                for line in history.result_ids
            }
            dimensions = history.result_ids.dimension_id.sorted("sequence")
            section["tables"].append(
                table(
                    _("Trend over the last %s surveys", len(history)),
                    [_("Dimension"), *history.mapped("name")],
                    [
                        [
                            dimension.name,
                            *(
                                f"{scores[c.id, dimension.id]:.2f}"
                                if (c.id, dimension.id) in scores
                                else "—"
                                for c in history
                            ),
                        ]
                        for dimension in dimensions
                    ]
                    + [[_("Overall"), *(f"{c.overall_score:.2f}" for c in history)]],
                )
            )
        return section

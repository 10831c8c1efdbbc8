# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common import SurveyMixin


@tagged("post_install", "-at_install")
class TestSatisfactionReviewSection(SurveyMixin, TransactionCase):
    """The satisfaction results of the management review input: the surveys
    analysed in the period, the latest one's scores against target and the
    previous survey, and the trend."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()
        cls._customers(4, prefix="PACK")

    def _analysed(self, days_ago, scores, title):
        campaign = self._campaign(prefix="PACK", title=title)
        with freeze_time(fields.Datetime.now() - timedelta(days=days_ago)):
            campaign.action_send()
        for form in campaign.answer_ids[:3]:  # three of four answer
            self._answer(form, scores)
        with freeze_time(fields.Datetime.now() - timedelta(days=days_ago - 70)):
            campaign.action_analyse()
        return campaign

    def test_satisfaction_figures_and_trend(self):
        old = self._analysed(500, dict.fromkeys(("product", "service", "price"), 3), "前年调查")
        first = self._analysed(300, dict.fromkeys(("product", "service", "price"), 4), "上半年")
        latest = self._analysed(120, {"product": 5, "service": 3, "price": 4}, "下半年")
        self.assertEqual(latest.previous_id, first)
        today = fields.Date.today()
        pack = (
            self.env["custcare.review.pack"]
            .with_user(self.user_manager)
            .create({"date_from": today - timedelta(days=365), "date_to": today})
        )
        pack.action_gather()
        section = next(s for s in pack.data["sections"] if s["key"] == "satisfaction")
        analysed, returned, rate, overall, change = section["kpis"]
        self.assertEqual(analysed["value"], 2, "the survey of 500 days ago is not in the period")
        self.assertEqual(returned["value"], 6)
        self.assertEqual(rate["value"], "75.0 %")
        self.assertEqual(overall["value"], f"{latest.overall_score:.2f}")
        self.assertEqual(change["value"], f"{latest.overall_score - first.overall_score:+.2f}")
        surveys, scores, trend = section["tables"]
        self.assertEqual(len(surveys["rows"]), 2)
        by_dimension = {row[0].replace(" (below target)", ""): row[1:] for row in scores["rows"]}
        product = self.dimension["product"].name
        self.assertEqual(by_dimension[product][0], "5.00")
        self.assertEqual(by_dimension[product][2], "4.00", "previous survey")
        self.assertEqual(by_dimension[product][3], "+1.00")
        # the trend compares the three surveys, oldest first
        self.assertEqual(trend["head"][1:], [old.name, first.name, latest.name])
        self.assertEqual(
            next(row for row in trend["rows"] if row[0] == product)[1:], ["3.00", "4.00", "5.00"]
        )
        [chart] = section["bars"]
        self.assertEqual(chart["items"][0]["width"], 100.0, "5 of 5 fills the bar")

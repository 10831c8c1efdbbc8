# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging

from freezegun import freeze_time

from odoo.tests import TransactionCase, tagged

from .common import SurveyMixin

_logger = logging.getLogger(__name__)

# Fixed budgets: sending a campaign and analysing it cost the same for 10 or
# 40 customers, and no more than this (sending reads the campaign's tag filter)
SEND_BUDGET = 41
ANALYSIS_BUDGET = 16
ALL_FOUR = {"product": 4, "service": 4, "price": 4, "reputation": 4, "delivery": 4}


@tagged("post_install", "-at_install")
class TestSurveyPerformance(SurveyMixin, TransactionCase):
    """Inviting costs the same queries for 10 or 40 customers (one mail batch);
    the analysis costs the same for 5 or 30 returned forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_survey()
        cls.warm = cls._customers(2, prefix="PWARM")
        cls.warm2 = cls._customers(3, prefix="PWARN")
        cls.small = cls._customers(10, prefix="PSMALL")
        cls.large = cls._customers(40, prefix="PLARGE")

    def _queries(self, call):
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        call()
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def test_invitation_queries_do_not_grow_per_customer(self):
        warm = self._campaign(prefix="PWARM")
        warm2 = self._campaign(prefix="PWARN")
        small = self._campaign(prefix="PSMALL")
        large = self._campaign(prefix="PLARGE")
        with freeze_time("2026-03-02 08:00:00"):
            self._queries(warm.action_send)
            self._queries(warm2.action_send)
            q_small = self._queries(small.action_send)
            q_large = self._queries(large.action_send)
        _logger.info("invitation queries: 10 customers %d, 40 customers %d", q_small, q_large)
        self.assertEqual(len(large.answer_ids), 40)
        self.assertEqual(q_small, q_large)
        self.assertLessEqual(q_small, SEND_BUDGET)
        again = self._campaign(prefix="PLARGE")
        self.env.flush_all()
        self.env.invalidate_all()
        with freeze_time("2026-03-02 08:00:00"), self.assertQueryCount(SEND_BUDGET):
            again.action_send()
            self.env.flush_all()

    def test_analysis_queries_do_not_depend_on_answers(self):
        campaigns = {}
        for key, prefix, when in (
            ("warm", "PWARM", "2026-01-05"),
            ("small", "PSMALL", "2026-02-05"),
            ("large", "PLARGE", "2026-03-05"),
        ):
            campaign = self._campaign(prefix=prefix)
            with freeze_time(when):
                campaign.action_send()
            for form in campaign.answer_ids:
                self._answer(form, ALL_FOUR)
            campaigns[key] = campaign

        def analyse(campaign):
            def call():
                campaign.action_analyse()
                campaign._report_tiers()
                campaign._report_customers()
                campaign._distribution()

            return call

        with freeze_time("2026-06-01"):
            self._queries(analyse(campaigns["warm"]))
            q_small = self._queries(analyse(campaigns["small"]))
            q_large = self._queries(analyse(campaigns["large"]))
        _logger.info("analysis queries: 10 forms %d, 40 forms %d", q_small, q_large)
        self.assertEqual(campaigns["large"].answered_count, 40)
        self.assertEqual(campaigns["large"].previous_id, campaigns["small"])
        self.assertEqual(q_small, q_large)
        self.assertLessEqual(q_small, ANALYSIS_BUDGET)

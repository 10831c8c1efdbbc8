# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintReviewSection(ComplaintCase):
    """The complaint statistics of the management review input: the
    period's complaints only, by category and severity, month and tier, with
    SLA breaches, repeat contacts and the complaints still open at its end."""

    def test_complaint_figures_of_the_period(self):
        other = self.env["res.partner"].create(
            {
                "name": "苏州精工模具有限公司",
                "is_company": True,
                "customer_tier": "key",
                "account_manager_id": self.user_staff.id,
            }
        )
        plan = [
            # customer, received (UTC), category, severity
            (self.customer, "2025-03-03 02:00:00", "quality", "major"),
            (self.customer, "2025-03-20 02:00:00", "quality", "critical"),
            (other, "2025-07-08 02:00:00", "service", "minor"),
            (other, "2024-12-30 02:00:00", "quality", "minor"),  # before the period
            (other, "2026-01-02 02:00:00", "delivery", "minor"),  # after it
        ]
        complaints = self.env["custcare.complaint"]
        for partner, received, category, severity in plan:
            complaints |= self._complaint(
                partner_id=partner.id, received_at=received, category=category, severity=severity
            )
        first, _second, third, before, _after = complaints
        first.sudo()._custcare_write(
            {"sla_breached": True, "repeat_contact_count": 2, "closed_at": "2025-04-01 02:00:00"}
        )
        third.sudo()._custcare_write({"closed_at": "2026-02-01 02:00:00"})  # after the period
        before.sudo()._custcare_write({"sla_breached": True})
        pack = (
            self.env["custcare.review.pack"]
            .with_user(self.user_manager)
            .create({"date_from": "2025-01-01", "date_to": "2025-12-31"})
        )
        pack.action_gather()
        section = next(s for s in pack.data["sections"] if s["key"] == "complaints")
        received, closed, open_at_end, breached, repeats = (k["value"] for k in section["kpis"])
        self.assertEqual((received, closed, breached, repeats), (3, 1, 1, 2))
        # open at the end of 2025: the two not closed and the one closed in 2026,
        # and the one of December 2024 (still open)
        self.assertEqual(open_at_end, 3)
        self.assertIn("1", section["kpis"][4]["note"], "one customer complained twice")
        by_category = {row[0]: row[1:] for row in section["tables"][0]["rows"]}
        self.assertEqual(by_category["Product Quality"], [0, 1, 1, 2])  # minor, major, critical
        self.assertEqual(by_category["Service"], [1, 0, 0, 1])
        self.assertEqual(section["tables"][0]["foot"], ["Total", 1, 1, 1, 3])
        by_month = {row[0]: row[1:3] for row in section["tables"][2]["rows"]}
        self.assertEqual(len(by_month), 12)
        self.assertEqual(by_month["2025-03"], [2, 1])
        self.assertEqual(by_month["2025-07"], [1, 0])
        self.assertEqual(by_month["2025-01"], [0, 0])
        by_tier = dict(section["tables"][3]["rows"])
        self.assertEqual(by_tier["Key Customer"], 1)
        [chart] = section["bars"]
        self.assertEqual([i["value"] for i in chart["items"]], [2.0, 1.0, 0.0, 0.0])
        self.assertEqual(chart["items"][0]["width"], 100.0)

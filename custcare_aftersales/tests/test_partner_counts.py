# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase

_logger = logging.getLogger(__name__)

# Fixed budget: the five after-sales counts of any number of customers
COUNTS_BUDGET = 7

FIELDS = [
    "custcare_tracked_count",
    "custcare_callback_due_count",
    "custcare_visit_count",
    "custcare_return_count",
    "custcare_service_count",
]


@tagged("post_install", "-at_install")
class TestPartnerCounts(CustcareCase):
    """After-sales smart buttons on the customer: counted per batch, at a
    constant number of queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        # the staff member counts what the record rules show them: their own customers
        cls.customers = env["res.partner"].create(
            [
                {
                    "name": f"售后客户 {i}",
                    "is_company": True,
                    "account_manager_id": cls.user_staff.id,
                }
                for i in range(24)
            ]
        )
        product = env["product.product"].create({"name": "控制柜"})
        with freeze_time("2026-01-10"):
            for customer in cls.customers:
                env["custcare.callback.plan"].create({"name": "项目", "partner_id": customer.id})
                env["custcare.visit"].create(
                    {"partner_id": customer.id, "plan_month": "2026-03-01"}
                )
                env["custcare.return"].create({"partner_id": customer.id})
                env["custcare.service.request"].create(
                    {"partner_id": customer.id, "product_id": product.id, "symptom": "报警"}
                )

    def _queries(self, partners):
        partners = partners.with_user(self.user_staff)
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        partners.read(FIELDS)
        return self.env.cr.sql_log_count - start

    def test_counts_and_constant_queries(self):
        with freeze_time("2026-04-15"):
            values = self.customers[0].with_user(self.user_staff).read(FIELDS)[0]
            self.assertEqual(
                [values[f] for f in FIELDS], [1, 3, 1, 1, 1], "three monthly callbacks are due"
            )
            self._queries(self.customers[:2])  # warm caches
            few, many = self._queries(self.customers[:3]), self._queries(self.customers)
        _logger.info(
            "after-sales partner counts: 3 customers %d queries, 24 customers %d", few, many
        )
        self.assertEqual(few, many)
        with freeze_time("2026-04-15"), self.assertQueryCount(COUNTS_BUDGET):
            self.env.invalidate_all()
            self.customers.with_user(self.user_staff).read(FIELDS)

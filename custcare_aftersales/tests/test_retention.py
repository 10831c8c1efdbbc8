# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase


@tagged("post_install", "-at_install")
class TestAftersalesRetention(CustcareCase):
    """After-sales records join the retention engine (two years)."""

    def test_due_and_erased(self):
        customer = self.env["res.partner"].create(
            {"name": "天津渤海物流有限公司", "is_company": True}
        )
        product = self.env["product.product"].create({"name": "叉车"})
        service = self.env["custcare.service.request"].create(
            {
                "partner_id": customer.id,
                "product_id": product.id,
                "request_date": "2024-01-05",
                "contact_name": "赵师傅",
                "symptom": "液压泄漏",
                "diagnosis": "密封圈老化",
                "state": "returned",
                "picked_up_by": "赵师傅",
            }
        )
        visit = self.env["custcare.visit"].create(
            {
                "partner_id": customer.id,
                "plan_month": "2024-01-01",
                "visit_date": "2024-01-09",
                "key_gains": "续签年度合同",
                "persons_met": "钱总",
                "state": "done",
            }
        )
        policies = {
            self.env.ref(f"custcare_aftersales.retention_policy_{key}"): record
            for key, record in (("service", service), ("visit", visit))
        }
        with freeze_time(date(2024, 1, 9) + relativedelta(years=2, days=1)):
            for policy, record in policies.items():
                self.assertIn(record, policy._records_due(), policy.name)
        with freeze_time(date(2024, 1, 9) + relativedelta(years=1)):
            for policy, record in policies.items():
                self.assertNotIn(record, policy._records_due(), policy.name)
        erased = service._custcare_destroy()[service.id]
        self.assertEqual(erased["diagnosis"], "密封圈老化")
        self.assertFalse(service.contact_name or service.diagnosis or service.picked_up_by)
        visit._custcare_destroy()
        self.assertFalse(visit.key_gains or visit.persons_met)
        self.assertEqual(visit.state, "done", "the visit itself stays on record")

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging

from stdnum.cn import uscc as stdnum_uscc

from odoo.tests import tagged

from .common import CustcareCase, view_specification

_logger = logging.getLogger(__name__)

# Fixed budget of the customer list (80 customers); Odoo's contacts list: 17
PARTNER_LIST_BUDGET = 8
TIERS = ("core", "key", "general", "potential")


def valid_uscc(n):
    """A valid unified social credit code built from the number n."""
    body = f"91330106{n:08d}"
    for ninth in "0123456789ABCDEFGHJKLMNPQRTUWXY":
        code = body + ninth
        code += stdnum_uscc.calc_check_digit(code)
        if stdnum_uscc.is_valid(code):
            return code
    raise AssertionError(n)


@tagged("post_install", "-at_install")
class TestPerformance(CustcareCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        managers = [cls.user_staff, cls.user_qc, cls.user_keeper, cls.user_manager]
        state = cls.env.ref("base.state_cn_ZJ", raise_if_not_found=False)
        cls.partners = cls.env["res.partner"].create(
            [
                {
                    "name": f"浙江客户{i:02d}有限公司",
                    "is_company": True,
                    "uscc": valid_uscc(i),
                    "customer_tier": TIERS[i % 4],
                    "account_manager_id": managers[i % 4].id,
                    "phone": f"0571-8800{i:04d}",
                    "email": f"c{i}@example.cn",
                    "city": "杭州",
                    "state_id": state.id if state else False,
                    "country_id": cls.env.ref("base.cn").id,
                }
                for i in range(80)
            ]
        )

    def _list_queries(self, view):
        Partner = self.env["res.partner"].with_user(self.user_keeper)
        spec = view_specification(Partner, view)
        domain = [("id", "in", self.partners.ids)]
        Partner.web_search_read(domain, spec, limit=80)  # warm the caches
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        result = Partner.web_search_read(domain, spec, limit=80)
        self.assertEqual(result["length"], 80)
        return self.env.cr.sql_log_count - start, spec

    def test_customer_list_costs_at_most_two_queries_more_than_contacts(self):
        contacts_view = self.env.ref("base.view_partner_tree")
        ours_view = self.env.ref("custcare_base.res_partner_view_list")
        contacts, _spec = self._list_queries(contacts_view)
        Partner = self.env["res.partner"].with_user(self.user_keeper)
        spec = view_specification(Partner, ours_view)
        self.assertIn("customer_tier", spec)
        self.assertIn("account_manager_id", spec)
        Partner.web_search_read([("id", "in", self.partners.ids)], spec, limit=80)
        ours, _spec = self._list_queries(ours_view)
        _logger.info("80 partners: contacts list %d queries, customer list %d", contacts, ours)
        self.env.flush_all()
        self.env.invalidate_all()
        with self.assertQueryCount(min(contacts + 2, PARTNER_LIST_BUDGET)):
            Partner.web_search_read([("id", "in", self.partners.ids)], spec, limit=80)

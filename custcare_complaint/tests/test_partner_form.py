# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestPartnerForm(ComplaintCase):
    """The customer's form shows its complaints; the customer list does not
    list the user's own companies."""

    def test_complaint_smart_button(self):
        contact = self.env["res.partner"].create({"name": "刘采购", "parent_id": self.customer.id})
        first = self._complaint()
        self._complaint(partner_id=contact.id)
        first.sudo()._custcare_write({"state": "closed"})
        for partner in (self.customer, contact):
            as_staff = partner.with_user(self.user_staff)
            self.assertEqual(as_staff.custcare_complaint_count, 2)
            self.assertEqual(as_staff.custcare_open_complaint_count, 1)
        action = (
            self.customer.with_user(self.user_staff)
            .with_context(custcare_kind="complaint")
            .action_open_custcare_transactions()
        )
        found = self.env[action["res_model"]].with_user(self.user_staff).search(action["domain"])
        self.assertEqual(len(found), 2)
        # a plain employee counts nothing and is not refused
        self.assertEqual(self.customer.with_user(self.user_internal).custcare_complaint_count, 0)

    def test_own_companies_are_not_customers(self):
        action = self.env.ref("custcare_base.res_partner_action_customers")
        domain = safe_eval(action.domain)
        customers = self.env["res.partner"].with_user(self.user_staff).search(domain)
        self.assertIn(self.customer, customers)
        self.assertNotIn(self.env.company.partner_id, customers)
        self.assertTrue(self.env.company.partner_id.custcare_own_company)
        self.assertFalse(self.customer.custcare_own_company)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import UserError
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

    def test_overview_measures_complaints(self):
        """The customer overview sums each customer's complaints in its pivot
        (a contact's complaints count for its company), kept up as complaints
        are registered."""
        partner, archive = self._customer("无锡恒通化工有限公司", customer_tier="general")
        other, other_archive = self._customer("常州永兴塑料有限公司", customer_tier="general")
        contact = self.env["res.partner"].create({"name": "王工", "parent_id": partner.id})
        self.assertEqual(archive.complaint_count, 0)
        self._complaint(partner_id=partner.id)
        self._complaint(partner_id=contact.id)
        self._complaint(partner_id=other.id)
        self.assertEqual((archive.complaint_count, other_archive.complaint_count), (2, 1))
        groups = (
            self.env["custcare.archive"]
            .with_user(self.user_keeper)
            .formatted_read_group(
                [("id", "in", (archive | other_archive).ids)],
                ["customer_tier"],
                ["complaint_count:sum", "__count"],
            )
        )
        self.assertEqual(
            [(g["customer_tier"], g["complaint_count:sum"], g["__count"]) for g in groups],
            [("general", 3, 2)],
        )
        found = (
            self.env["custcare.archive"]
            .with_user(self.user_keeper)
            .search([("complaint_count", ">", 1), ("id", "in", (archive | other_archive).ids)])
        )
        self.assertEqual(found, archive, "the filter 'With Complaints' works on the count")
        # the count is a measure, not content: an approved archive stays approved
        self.assertNotEqual(archive.approval_state, "to_reapprove")
        # nobody sets it by hand, not even the archive's keeper through the API
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            archive.with_user(self.user_keeper).write({"complaint_count": 0})
        self.assertEqual(archive.complaint_count, 2)
        # a complaint moved to another customer is counted there
        moved = self.env["custcare.complaint"].search([("partner_id", "=", contact.id)])
        moved.write({"partner_id": other.id})
        self.assertEqual((archive.complaint_count, other_archive.complaint_count), (1, 2))

    def test_own_companies_are_not_customers(self):
        action = self.env.ref("custcare_base.res_partner_action_customers")
        domain = safe_eval(action.domain)
        customers = self.env["res.partner"].with_user(self.user_staff).search(domain)
        self.assertIn(self.customer, customers)
        self.assertNotIn(self.env.company.partner_id, customers)
        self.assertTrue(self.env.company.partner_id.custcare_own_company)
        self.assertFalse(self.customer.custcare_own_company)

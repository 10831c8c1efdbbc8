# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import USCC, CustcareCase


@tagged("post_install", "-at_install")
class TestPartnerArchiving(CustcareCase):
    """Installing custcare takes nothing away from what Odoo lets a user do: an
    employee with Contact Creation and no custcare group archives and
    unarchives contacts, and the archive's retention period still starts on
    the day the contact is archived."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_contacts = new_test_user(
            cls.env, "cc_contacts", groups="base.group_user,base.group_partner_manager"
        )
        cls.partner, cls.archive = cls._customer("杭州恒远纺织有限公司", USCC[4])

    def _as_employee(self, partner):
        """The contact as the external API sees it for that employee: by id,
        with nothing in the cache (each API call is a new transaction)."""
        self.env.invalidate_all()
        return self.env["res.partner"].with_user(self.user_contacts).browse(partner.id)

    def test_employee_archives_and_unarchives_contact_with_archive(self):
        with freeze_time("2025-03-14"):
            self._as_employee(self.partner).action_archive()
        self.env.invalidate_all()
        self.assertFalse(self.partner.active)
        self.assertEqual(str(self.archive.retention_start_date), "2025-03-14")

        self._as_employee(self.partner).action_unarchive()
        self.env.invalidate_all()
        self.assertTrue(self.partner.active)
        self.assertFalse(self.archive.retention_start_date)

        with freeze_time("2025-06-30"):
            self._as_employee(self.partner).write({"active": False})
        self.env.invalidate_all()
        self.assertEqual(str(self.archive.retention_start_date), "2025-06-30")
        self._as_employee(self.partner).write({"active": True})
        self.env.invalidate_all()
        self.assertTrue(self.partner.active)
        self.assertFalse(self.archive.retention_start_date)

    def test_employee_archives_contact_without_archive(self):
        contact = self.env["res.partner"].create({"name": "周明", "parent_id": self.partner.id})
        self._as_employee(contact).action_archive()
        self.assertFalse(contact.active)
        self._as_employee(contact).action_unarchive()
        self.assertTrue(contact.active)

    def test_archive_stays_out_of_employee_reach(self):
        self._as_employee(self.partner).action_archive()
        with self.assertRaisesRegex(AccessError, r"\(custcare\.archive\)"):
            self.archive.with_user(self.user_contacts).read(["retention_start_date"])

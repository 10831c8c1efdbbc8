# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase

FORMS = (
    "custcare_complaint.form_control_complaint_report",
    "custcare_complaint.form_control_fault_report",
    "custcare_complaint.form_control_service_supervision",
)
CODES = (
    "Q/CC-JL101",
    "Q/CC-JL103",
    "Q/CC-JL104",
)


@tagged("post_install", "-at_install")
class TestInstall(CustcareCase):
    """The addon registers its controlled forms and its place in the menu."""

    def test_forms_registered(self):
        forms = self.env["custcare.form.control"].browse(self.env.ref(xmlid).id for xmlid in FORMS)
        self.assertEqual(forms.mapped("code"), list(CODES))
        self.assertFalse(forms.company_id, "shipped forms are shared by all companies")
        self.assertEqual(set(forms.mapped("retention_years")), {2})

    def test_forms_readable_by_staff_only(self):
        form = self.env.ref(FORMS[0])
        self.assertEqual(form.with_user(self.user_staff).code, CODES[0])
        with self.assertRaises(AccessError):
            form.with_user(self.user_internal).read(["code"])
        with self.assertRaises(AccessError):
            form.with_user(self.user_staff).write({"revision": "B/0"})
        self.assertEqual(form.revision, "A/0")

    def test_menu_for_custcare_users(self):
        menu = self.env.ref("custcare_complaint.custcare_complaint_menu")
        Menu = self.env["ir.ui.menu"]
        self.assertIn(menu.id, Menu.with_user(self.user_staff)._visible_menu_ids())
        self.assertNotIn(menu.id, Menu.with_user(self.user_internal)._visible_menu_ids())

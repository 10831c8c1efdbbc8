# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestCustcareUi(HttpCase):
    def test_keeper_registers_a_form_in_the_browser(self):
        new_test_user(
            self.env,
            "cc_tour_keeper",
            groups="custcare_base.group_custcare_archive_keeper",
        )
        self.start_tour("/odoo", "custcare_form_control_tour", login="cc_tour_keeper")
        form = self.env["custcare.form.control"].search([("code", "=", "Q/CC-JL701")])
        self.assertEqual(form.name, "Customer Archive Card")
        self.assertEqual(form.create_uid.login, "cc_tour_keeper")

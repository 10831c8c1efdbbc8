# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import TransactionCase, new_test_user


class CustcareCase(TransactionCase):
    """A user for each rung of the custcare ladder, plus outsiders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        make = new_test_user
        env = cls.env
        cls.user_internal = make(env, "cc_internal", groups="base.group_user")
        cls.user_portal = make(env, "cc_portal", groups="base.group_portal")
        cls.user_staff = make(env, "cc_staff", groups="custcare_base.group_custcare_user")
        cls.user_qc = make(env, "cc_qc", groups="custcare_base.group_custcare_qc")
        cls.user_keeper = make(
            env, "cc_keeper", groups="custcare_base.group_custcare_archive_keeper"
        )
        cls.user_manager = make(env, "cc_manager", groups="custcare_base.group_custcare_manager")
        cls.user_gm = make(env, "cc_gm", groups="custcare_base.group_custcare_gm")

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CustcareCase

GROUPS = "custcare_base.group_custcare_"


@tagged("post_install", "-at_install")
class TestCustcareSecurity(CustcareCase):
    """Each rung of the ladder gets exactly its rights on controlled forms."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.form = cls.env["custcare.form.control"].create(
            {"name": "客户档案表", "code": "Q/CC-JL001", "revision": "A/0"}
        )

    def _rights(self, user):
        """What `user` can do on controlled forms: (read, write, create, unlink)."""
        Form = self.env["custcare.form.control"]
        fresh = Form.create({"name": "Test", "code": f"Q/CC-JL9{user.id:02d}"})
        attempts = (
            lambda: fresh.with_user(user).read(["name", "code"]),
            lambda: fresh.with_user(user).write({"revision": "A/1"}),
            lambda: Form.with_user(user).create({"name": "New", "code": f"Q/CC-JL8{user.id:02d}"}),
            lambda: fresh.with_user(user).unlink(),
        )
        result = []
        for attempt in attempts:
            try:
                with self.env.cr.savepoint():
                    attempt()
                result.append(True)
            except AccessError:
                result.append(False)
        return tuple(result)

    def test_access_matrix(self):
        # (read, write, create, unlink)
        expected = {
            self.user_internal: (False, False, False, False),
            self.user_portal: (False, False, False, False),
            self.user_staff: (True, False, False, False),
            self.user_qc: (True, False, False, False),
            self.user_keeper: (True, True, True, False),
            self.user_manager: (True, True, True, True),
            self.user_gm: (True, True, True, True),
        }
        for user, rights in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._rights(user), rights)
        # the rights did not leak: the record is unchanged by refused calls
        self.assertTrue(self.form.exists())

    def test_ladder_implications(self):
        def has(user, group):
            return user.has_group(GROUPS + group)

        self.assertTrue(has(self.user_qc, "user"))
        self.assertFalse(has(self.user_qc, "archive_keeper"))
        self.assertTrue(has(self.user_keeper, "user"))
        self.assertFalse(has(self.user_keeper, "qc"))
        for group in ("user", "qc", "archive_keeper"):
            self.assertTrue(has(self.user_manager, group))
        self.assertFalse(has(self.user_manager, "gm"))
        for group in ("user", "qc", "archive_keeper", "manager"):
            self.assertTrue(has(self.user_gm, group))
        self.assertFalse(has(self.user_internal, "user"))
        self.assertTrue(self.env.ref("base.user_admin").has_group(GROUPS + "gm"))

    def test_menu_visibility(self):
        root = self.env.ref("custcare_base.custcare_menu_root")
        config = self.env.ref("custcare_base.custcare_menu_config")
        Menu = self.env["ir.ui.menu"]
        visible = {
            user: Menu.with_user(user)._visible_menu_ids()
            for user in (self.user_internal, self.user_staff, self.user_keeper)
        }
        self.assertNotIn(root.id, visible[self.user_internal])
        self.assertIn(root.id, visible[self.user_staff])
        self.assertNotIn(config.id, visible[self.user_staff])
        self.assertIn(config.id, visible[self.user_keeper])

    def test_other_company_hidden(self):
        other = self.env["res.company"].create({"name": "另一家公司"})
        foreign = self.env["custcare.form.control"].create(
            {"name": "Other", "code": "Q/OT-JL001", "company_id": other.id}
        )
        # the general manager does not work for the other company
        found = self.env["custcare.form.control"].with_user(self.user_gm).search([])
        self.assertNotIn(foreign, found)
        self.assertIn(self.form, found)
        with self.assertRaises(AccessError):
            foreign.with_user(self.user_gm).read(["code"])
        # a manager of both companies sees it when both are selected
        self.user_manager.company_ids |= other
        Form = self.env["custcare.form.control"].with_user(self.user_manager)
        one = Form.with_context(allowed_company_ids=self.company.ids)
        self.assertNotIn(foreign, one.search([]))
        both = Form.with_context(allowed_company_ids=[self.company.id, other.id])
        self.assertIn(foreign, both.search([]))

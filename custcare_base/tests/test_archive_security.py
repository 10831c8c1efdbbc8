# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from contextlib import contextmanager
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from ..models.custcare_archive import CONFIDENTIAL_FIELDS
from .common import USCC, CustcareCase


@tagged("post_install", "-at_install")
class TestArchiveSecurity(CustcareCase):
    """保密: who may read, change, create, delete and export an archive."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_am = new_test_user(
            cls.env, "cc_am", groups="custcare_base.group_custcare_user", name="客户经理"
        )
        cls.partner, cls.archive = cls._customer(
            "上海宏达机械有限公司", USCC[0], customer_tier="key", account_manager_id=cls.user_am.id
        )
        cls.env["ir.model.access"].invalidate_model()

    def _rights(self, user):
        """(read, write, create, unlink, export) of `user` on a fresh archive."""
        partner = self.env["res.partner"].create(
            {"name": f"客户{user.id}", "is_company": True, "account_manager_id": self.user_am.id}
        )
        archive = self.env["custcare.archive"].create(
            {"partner_id": partner.id, "keeper_id": self.user_keeper.id, "credit_rating": "A"}
        )
        other = self.env["res.partner"].create({"name": f"新客户{user.id}", "is_company": True})
        self.env.invalidate_all()
        attempts = (
            lambda: archive.with_user(user).read(["credit_rating", "partner_id"]),
            lambda: archive.with_user(user).write({"production_scale": "扩产"}),
            lambda: self.env["custcare.archive"].with_user(user).create({"partner_id": other.id}),
            lambda: archive.with_user(user).unlink(),
            lambda: archive.with_user(user).export_data(["credit_rating"]),
        )
        result = []
        for attempt in attempts:
            try:
                with self.env.cr.savepoint():
                    attempt()
                result.append(True)
            except (AccessError, UserError):
                result.append(False)
            self.env.invalidate_all()
        return tuple(result)

    def test_access_matrix(self):
        #        read   write  create unlink export
        expected = {
            self.user_internal: (False, False, False, False, False),
            self.user_portal: (False, False, False, False, False),
            self.user_staff: (False, False, False, False, False),
            self.user_qc: (False, False, False, False, False),
            self.user_am: (True, True, False, False, False),
            self.user_keeper: (True, True, True, False, False),
            self.user_manager: (True, True, True, True, False),
            self.user_gm: (True, True, True, True, False),
        }
        for user, rights in expected.items():
            with self.subTest(user=user.login):
                self.assertEqual(self._rights(user), rights)

    def test_export_refused_with_message_even_for_admin(self):
        with self.assertRaises(AccessError) as ctx:
            self.archive.export_data(["partner_id", "credit_limit"])
        self.assertIn("cannot be exported", str(ctx.exception))
        # through the contact as well
        with self.assertRaises(AccessError):
            self.partner.export_data(["custcare_archive_ids/credit_rating"])
        # non-confidential parts still export
        rows = self.archive.export_data(["partner_id", "customer_tier"])["datas"]
        self.assertEqual(rows[0][0], "上海宏达机械有限公司")

    def test_portal_user_gets_nothing(self):
        portal = self.user_portal
        with self.assertRaises(AccessError):
            self.env["custcare.archive"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.env["custcare.credential"].with_user(portal).search([])
        with self.assertRaises(AccessError):
            self.archive.with_user(portal).read(["partner_id"])

    def test_field_groups_hide_confidential_fields(self):
        fields_internal = self.env["custcare.archive"].with_user(self.user_internal).fields_get()
        self.assertNotIn("credit_limit", fields_internal)
        fields_staff = self.env["custcare.archive"].with_user(self.user_staff).fields_get()
        self.assertIn("credit_limit", fields_staff)
        self.assertFalse(fields_staff["credit_limit"]["exportable"])

    def test_time_limited_grant(self):
        staff = self.user_staff
        Archive = self.env["custcare.archive"].with_user(staff)
        self.assertFalse(Archive.search([("id", "=", self.archive.id)]))
        grant = (
            self.env["custcare.access.grant"]
            .with_user(staff)
            .create(
                {
                    "user_id": staff.id,
                    "partner_ids": [fields.Command.set(self.partner.ids)],
                    "reason": "跟进投诉需要查阅信用情况",
                    "valid_until": fields.Datetime.now() + timedelta(days=1),
                }
            )
        )
        # a request is not a grant
        with self.assertRaises(AccessError):
            self.archive.with_user(staff).read(["credit_rating"])
        grant.with_user(staff).action_submit()
        # staff cannot approve their own request
        with self.assertRaises(AccessError):
            grant.with_user(staff).action_approve()
        self.assertEqual(grant.state, "submitted")
        # the approval is on the manager's to-do list
        self.assertEqual(
            grant.sudo().activity_ids.activity_type_id,
            self.env.ref("custcare_base.mail_activity_type_approval"),
        )
        grant.with_user(self.user_manager).action_approve()
        self.assertFalse(grant.sudo().activity_ids)
        self.env.invalidate_all()
        self.assertEqual(
            self.archive.with_user(staff).read(["credit_rating"])[0]["credit_rating"], "AA"
        )
        # read only: a grant does not let them change the archive
        with self.assertRaises(AccessError):
            self.archive.with_user(staff).write({"credit_rating": "C"})
        with freeze_time(fields.Datetime.now() + timedelta(days=2)):
            self.env.invalidate_all()
            self.assertFalse(grant.is_valid)
            with self.assertRaises(AccessError):
                self.archive.with_user(staff).read(["credit_rating"])

    def test_grant_in_the_past_refused(self):
        grant = self.env["custcare.access.grant"].create(
            {
                "user_id": self.user_staff.id,
                "partner_ids": [fields.Command.set(self.partner.ids)],
                "reason": "x",
                "valid_until": fields.Datetime.now() - timedelta(hours=1),
            }
        )
        grant.action_submit()
        with self.assertRaises(UserError):
            grant.with_user(self.user_manager).action_approve()
        self.assertEqual(grant.state, "submitted")

    def test_opening_leaves_a_trace(self):
        Log = self.env["custcare.access.log"]
        before = Log.search_count([])
        self.archive.with_user(self.user_am).web_read({"credit_rating": {}, "partner_id": {}})
        log = Log.search([], limit=1)
        self.assertEqual(Log.search_count([]), before + 1)
        self.assertEqual((log.user_id, log.partner_id), (self.user_am, self.partner))
        # a read without confidential fields is not logged
        self.archive.with_user(self.user_am).web_read({"partner_id": {}})
        self.assertEqual(Log.search_count([]), before + 1)
        # only the general manager reads the log
        self.assertEqual(Log.with_user(self.user_gm).search([], limit=1), log)
        for user in (self.user_am, self.user_keeper, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                Log.with_user(user).search([])

    def test_every_read_path_leaves_a_trace(self):
        """API reads, search_read, grouped reads and prints of confidential
        values are logged, one INSERT for each batch of archives."""
        Log = self.env["custcare.access.log"]
        am = self.user_am
        others = [self._customer(f"客户{i}", account_manager_id=am.id)[1] for i in range(4)]
        archives = self.archive.browse([self.archive.id] + [a.id for a in others])
        Archive = self.env["custcare.archive"].with_user(am)
        calls = {
            "read": lambda: archives.with_user(am).read(["credit_limit"]),
            "search_read": lambda: Archive.search_read(
                [("id", "in", archives.ids)], ["credit_rating"]
            ),
            "grouped read": lambda: Archive.formatted_read_group(
                [("id", "in", archives.ids)], ["credit_rating"], ["credit_limit:sum"]
            ),
            "print": lambda: self.env["ir.actions.report"]
            .with_user(am)
            ._render_qweb_html("custcare_base.action_report_custcare_archive", archives.ids),
        }
        for path, call in calls.items():
            with self.subTest(path=path):
                before = Log.search_count([])
                self.env.invalidate_all()
                queries = []
                with contextmanager(self._patchExecute)(queries):
                    call()
                inserts = [q for q in queries if 'insert into "custcare_access_log"' in q.lower()]
                self.assertEqual(len(inserts), 1, "one INSERT for the batch")
                logs = Log.search([], limit=Log.search_count([]) - before)
                self.assertEqual(len(logs), len(archives))
                self.assertEqual(logs.user_id, am)
                self.assertEqual(set(logs.archive_id.ids), set(archives.ids))
        # reading only what is not confidential leaves no trace, the overview list included
        view = self.env.ref("custcare_base.custcare_archive_view_list")
        listed = Archive.get_views([(view.id, "list")])["models"]["custcare.archive"]["fields"]
        self.assertFalse(set(listed) & set(CONFIDENTIAL_FIELDS))
        before = Log.search_count([])
        Archive.search_read([("id", "in", archives.ids)], ["partner_id", "customer_tier"])
        Archive.formatted_read_group([("id", "in", archives.ids)], ["customer_tier"], ["__count"])
        self.assertEqual(Log.search_count([]), before)

    def test_side_records_refused(self):
        """Credentials, tier history and destruction lines refuse the wrong users."""
        credential = self.env["custcare.credential"].create(
            {"archive_id": self.archive.id, "kind": "permit", "number": "XK-1"}
        )
        # staff who do not manage the customer: no credential, no new one
        with self.assertRaises(AccessError):
            credential.with_user(self.user_staff).read(["number"])
        with self.assertRaises(AccessError):
            self.env["custcare.credential"].with_user(self.user_staff).create(
                {"archive_id": self.archive.id, "kind": "permit", "number": "XK-2"}
            )
        # the account manager may add one; only keepers delete
        self.env["custcare.credential"].with_user(self.user_am).create(
            {"archive_id": self.archive.id, "kind": "permit", "number": "XK-3"}
        )
        with self.assertRaises(AccessError):
            credential.with_user(self.user_am).unlink()
        credential.with_user(self.user_keeper).unlink()
        # tier history is written by the system only
        history = self.partner.tier_history_ids[:1]
        self.assertTrue(history)
        for user in (self.user_am, self.user_manager, self.user_gm):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                history.with_user(user).write({"new_tier": "core"})
        # destruction records: not for staff
        with self.assertRaises(AccessError):
            self.env["custcare.destruction"].with_user(self.user_staff).search([])
        with self.assertRaises(AccessError):
            self.env["custcare.destruction.line"].with_user(self.user_am).search([])

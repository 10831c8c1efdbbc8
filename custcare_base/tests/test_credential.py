# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging
from datetime import date, timedelta

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import USCC, CustcareCase

_logger = logging.getLogger(__name__)
TODAY = date(2026, 6, 1)


@tagged("post_install", "-at_install")
@freeze_time(TODAY)
class TestCredentialExpiry(CustcareCase):
    def _archive_with_credentials(self, n, name="客户", uscc=None):
        _partner, archive = self._customer(name, uscc)
        self.env["custcare.credential"].create(
            [
                {
                    "archive_id": archive.id,
                    "kind": "permit",
                    "number": f"XK-{archive.id}-{i}",
                    "expiry_date": TODAY + timedelta(days=5 + i),
                }
                for i in range(n)
            ]
        )
        return archive

    def _activities(self, archives):
        return self.env["mail.activity"].search(
            [("res_model", "=", "custcare.archive"), ("res_id", "in", archives.ids)]
        )

    def test_status(self):
        _partner, archive = self._customer("状态")
        Credential = self.env["custcare.credential"]
        creds = Credential.create(
            [
                {"archive_id": archive.id, "number": "1", "expiry_date": TODAY - timedelta(days=1)},
                {
                    "archive_id": archive.id,
                    "number": "2",
                    "expiry_date": TODAY + timedelta(days=10),
                },
                {
                    "archive_id": archive.id,
                    "number": "3",
                    "expiry_date": TODAY + timedelta(days=90),
                },
                {"archive_id": archive.id, "number": "4"},
            ]
        )
        self.assertEqual(creds.mapped("state"), ["expired", "expiring", "valid", "valid"])
        self.assertEqual(Credential.search([("state", "=", "expiring")]) & creds, creds[1])
        self.assertEqual(archive.credential_state, "expired")

    def test_one_activity_per_credential_across_runs(self):
        archive = self._archive_with_credentials(3, "提醒", USCC[4])
        far = self.env["custcare.credential"].create(
            {"archive_id": archive.id, "number": "远期", "expiry_date": TODAY + timedelta(days=60)}
        )
        Credential = self.env["custcare.credential"]
        Credential._cron_remind_expiry()
        Credential._cron_remind_expiry()
        activities = self._activities(archive)
        self.assertEqual(len(activities), 3)
        self.assertEqual(set(activities.mapped("user_id")), {self.user_keeper})
        # renewing a credential within the window reminds again, once
        far.expiry_date = TODAY + timedelta(days=20)
        Credential._cron_remind_expiry()
        Credential._cron_remind_expiry()
        self.assertEqual(len(self._activities(archive)), 4)

    def test_window_is_configurable(self):
        archive = self._archive_with_credentials(3)  # expire in 5, 6 and 7 days
        self.env["ir.config_parameter"].set_param("custcare_base.credential_expiry_days", "5")
        self.env["custcare.credential"]._cron_remind_expiry()
        self.assertEqual(len(self._activities(archive)), 1)

    def test_query_count_does_not_grow_with_batch(self):
        Credential = self.env["custcare.credential"]

        def queries_for(n):
            archive = self._archive_with_credentials(n, f"批量{n}")
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.env.cr.sql_log_count
            done = Credential._cron_remind_expiry()
            self.env.flush_all()
            self.assertEqual(done, n)
            self.assertEqual(len(self._activities(archive)), n)
            return self.env.cr.sql_log_count - start

        queries_for(2)  # warm the registry caches (xmlids, model ids)
        small, large = queries_for(3), queries_for(12)
        _logger.info("credential expiry job: %d queries for 3, %d for 12", small, large)
        self.assertEqual(small, large, "the expiry job must not query per credential")

    def test_bad_credentials_refused(self):
        _partner, archive = self._customer("坏证件")
        with self.assertRaises(ValidationError):
            self.env["custcare.credential"].create({"archive_id": archive.id, "kind": "permit"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["custcare.credential"].create(
                {
                    "archive_id": archive.id,
                    "number": "X",
                    "issue_date": TODAY,
                    "expiry_date": TODAY - timedelta(days=1),
                }
            )

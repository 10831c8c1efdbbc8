# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.custcare_base.models.custcare_credential import CustcareCredential

from .common import CustcareCase


class Killed(Exception):
    """The worker process dies in the middle of a batch."""


@tagged("post_install", "-at_install")
class TestBatchedJobs(CustcareCase):
    """Scheduled jobs work through due records in committed batches: a job
    killed in the middle keeps what its finished batches did, and the next
    run finishes the rest without doing anything twice. (No frozen time here:
    the simulated commits are savepoints, whose names come from the clock.)"""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].set_param("custcare.cron_batch_size", "2")
        _partner, cls.archive = cls._customer("批量客户")
        cls.credentials = cls.env["custcare.credential"].create(
            [
                {
                    "archive_id": cls.archive.id,
                    "kind": "permit",
                    "number": f"XK-{i}",
                    "expiry_date": fields.Date.today() + timedelta(days=3 + i),
                }
                for i in range(5)
            ]
        )

    def _reminders(self):
        return self.env["mail.activity"].search(
            [("res_model", "=", "custcare.archive"), ("res_id", "=", self.archive.id)]
        )

    def test_killed_job_resumes_without_duplicates(self):
        """The commit boundary is simulated: ``_commit_progress`` (a commit)
        is where the first run's time runs out; the second run dies in the
        middle of its batch, whose work is rolled back with it (as a
        transaction is); the third run finishes the job."""
        IrCron = type(self.env["ir.cron"])
        boundaries = []

        def time_is_up(cron, processed=0, remaining=None, deactivate=False):
            boundaries.append((processed, remaining))
            return 0  # no time left: the runner calls the job again later

        Credential = self.env["custcare.credential"]
        with patch.object(IrCron, "_commit_progress", time_is_up):
            self.assertEqual(Credential._cron_remind_expiry(), 2)
        self.assertEqual(boundaries, [(2, 3)], "one batch done, three due left")
        self.assertEqual(len(self.credentials.filtered("reminded_expiry_date")), 2)
        self.assertEqual(len(self._reminders()), 2)

        original = CustcareCredential._remind_expiry

        def dies_midway(credentials):
            original(credentials)  # the batch's work is done, but not committed...
            raise Killed  # ...when the process dies

        with (
            patch.object(CustcareCredential, "_remind_expiry", dies_midway),
            self.assertRaises(Killed),
            self.env.cr.savepoint(),
        ):
            Credential._cron_remind_expiry()
        self.env.invalidate_all()
        self.assertEqual(len(self._reminders()), 2, "the killed batch left nothing behind")

        def commit(cron, processed=0, remaining=None, deactivate=False):
            boundaries.append((processed, remaining))
            return float("inf")  # time left: go on with the next batch

        boundaries.clear()
        with patch.object(IrCron, "_commit_progress", commit):
            self.assertEqual(Credential._cron_remind_expiry(), 3)
        self.assertEqual(boundaries, [(2, 1)])
        self.assertTrue(all(self.credentials.mapped("reminded_expiry_date")))
        reminders = self._reminders()
        self.assertEqual(len(reminders), 5, "one reminder per credential, none twice")
        self.assertEqual(len(set(reminders.mapped("date_deadline"))), 5)

    def test_job_run_by_the_cron_runner_reports_its_progress(self):
        cron = self.env.ref("custcare_base.ir_cron_credential_expiry")
        self.env.flush_all()
        with self.enter_registry_test_mode(), mute_logger("odoo.addons.base.models.ir_cron"):
            cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(len(self._reminders()), 5)
        progress = self.env["ir.cron.progress"].search([("cron_id", "=", cron.id)])
        self.assertEqual(sum(progress.mapped("done")), 5)
        self.assertEqual(sum(progress.mapped("remaining")), 0)
        # and nothing is left for a second run
        with self.enter_registry_test_mode():
            cron.method_direct_trigger()
        self.env.invalidate_all()
        self.assertEqual(len(self._reminders()), 5)

    def test_only_due_records_are_read(self):
        """The job selects due records by a domain: reminded or far-off
        credentials are never loaded."""
        self.credentials[:3]._remind_expiry()
        claimed = []
        Batch = type(self.env["custcare.batch"])
        original = Batch._claim

        def spy(batch, model, domain, limit):
            records = original(batch, model, domain, limit)
            claimed.extend(records.ids)
            return records

        with patch.object(Batch, "_claim", spy):
            self.assertEqual(self.env["custcare.credential"]._cron_remind_expiry(), 2)
        self.assertEqual(sorted(claimed), sorted(self.credentials[3:].ids))

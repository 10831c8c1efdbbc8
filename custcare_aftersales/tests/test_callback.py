# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged
from odoo.tools import mute_logger

from odoo.addons.custcare_base.tests.common import CustcareCase


@tagged("post_install", "-at_install")
class TestCallbacks(CustcareCase):
    """回访: monthly in the first year, quarterly afterwards; a problem becomes
    a complaint; quality feedback reaches production."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "青岛海川化工有限公司", "is_company": True}
        )
        cls.production = cls.env["res.users"].create(
            {
                "name": "孙生产",
                "login": "cc_production",
                "group_ids": [(4, cls.env.ref("base.group_user").id)],
            }
        )

    def _plan(self, **vals):
        return (
            self.env["custcare.callback.plan"]
            .with_user(self.user_staff)
            .create(
                {
                    "name": "SO2026-0020 挤出机",
                    "partner_id": self.customer.id,
                    "production_user_id": self.production.id,
                    **vals,
                }
            )
        )

    def test_schedule_monthly_then_quarterly(self):
        with freeze_time("2026-01-31"):
            plan = self._plan()
        self.assertEqual(plan.start_date, date(2026, 1, 31))
        dates = plan.callback_ids.mapped("scheduled_date")
        self.assertEqual(len(dates), 12 + 8)
        self.assertEqual(
            dates[:4], [date(2026, 2, 28), date(2026, 3, 31), date(2026, 4, 30), date(2026, 5, 31)]
        )
        self.assertEqual(dates[11], date(2027, 1, 31))
        self.assertEqual(dates[12:14], [date(2027, 4, 30), date(2027, 7, 31)])
        self.assertEqual(dates[-1], date(2029, 1, 31))
        self.assertEqual(plan.next_date, date(2026, 2, 28))
        # configurable: two-monthly after six months, for two years
        with freeze_time("2026-01-31"):
            short = self._plan(monthly_months=6, later_interval=2, total_months=24)
        self.assertEqual(len(short.callback_ids), 6 + 9)
        self.assertEqual(short.callback_ids[6].scheduled_date, date(2026, 9, 30))

    def test_due_reminder_once(self):
        with freeze_time("2026-01-31"):
            plan = self._plan()
        Callback = self.env["custcare.callback"]
        with freeze_time("2026-02-20"):
            self.assertEqual(Callback._cron_remind_due(), 0)
        with freeze_time("2026-02-21"):
            self.assertEqual(Callback._cron_remind_due(), 1)
            self.assertEqual(Callback._cron_remind_due(), 0, "never twice")
        first = plan.callback_ids[0]
        self.assertEqual(len(first.activity_ids), 1)
        self.assertEqual(first.activity_ids.user_id, self.user_staff)

    def test_record_problem_and_forward(self):
        with freeze_time("2026-01-31"):
            plan = self._plan()
        callback = plan.callback_ids[0].with_user(self.user_staff)
        with self.assertRaises(UserError):
            callback.action_done()  # nobody reached yet
        self.assertEqual(callback.state, "planned")
        with self.assertRaises(UserError):
            callback.action_create_complaint()  # no feedback written
        callback.write(
            {
                "contact_name": "刘工",
                "satisfaction": "2",
                "usage": "两班倒连续运行",
                "quality_feedback": "螺杆磨损快，三个月出现挤出量下降。",
            }
        )
        callback.action_done()
        self.assertEqual(callback.state, "done")
        callback.action_create_complaint()
        complaint = callback.complaint_id
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.first_receiver_id, self.user_staff)
        self.assertIn("螺杆磨损", str(complaint.description))
        with self.assertRaises(UserError):
            callback.action_create_complaint()  # not twice
        callback.action_forward_to_production()
        activity = callback.activity_ids.filtered(lambda a: a.user_id == self.production)
        self.assertEqual(len(activity), 1)
        self.assertIn("螺杆磨损", str(activity.note))

    def test_refusals(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self._plan(monthly_months=12, total_months=6)
        plan = self._plan()
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                plan.with_user(user).read(["name"])
        with self.assertRaises(AccessError):
            plan.with_user(self.user_staff).unlink()
        plan.with_user(self.user_staff).action_close()
        self.assertEqual(set(plan.callback_ids.mapped("state")), {"cancelled"})

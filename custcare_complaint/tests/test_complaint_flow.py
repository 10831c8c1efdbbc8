# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintFlow(ComplaintCase):
    """Register → transfer → investigate → CAPA → verify → GM approve → feedback → close."""

    def test_whole_flow(self):
        complaint = self._complaint()
        self.assertTrue(complaint.name.startswith("TS"))
        self.assertEqual(complaint.first_receiver_id, self.user_staff)
        follow_up = complaint.activity_ids
        self.assertEqual(follow_up.user_id, self.user_staff)

        # transfer, with a reason, to the QC inspector
        wizard = Form(
            self.env["custcare.complaint.transfer.wizard"]
            .with_user(self.user_staff)
            .with_context(default_complaint_ids=complaint.ids)
        )
        wizard.to_user_id = self.user_qc
        wizard.reason = "质量问题，转质检调查"
        wizard.save().action_transfer()
        self.assertEqual(complaint.user_id, self.user_qc)
        self.assertEqual(complaint.first_receiver_id, self.user_staff, "first receiver stays")
        self.assertEqual(complaint.transfer_ids.reason, "质量问题，转质检调查")
        # the first receiver still follows it and still sees it; the follow-up
        # activity moves to the new owner
        self.assertTrue(complaint.with_user(self.user_staff).read(["state"]))
        self.assertIn(self.user_staff.partner_id, complaint.message_partner_ids)
        self.assertEqual(complaint.activity_ids.user_id, self.user_qc)

        qc = complaint.with_user(self.user_qc)
        qc.action_start_investigation()
        self.assertTrue(complaint.responded_at)
        qc.write(
            {
                "root_cause": "<p>夹具磨损</p>",
                "responsibility": "company",
                "result": "<p>全部换货，更换夹具</p>",
            }
        )
        qc.action_create_capa()
        capa = complaint.capa_id
        self.assertEqual(capa.source_ref, complaint)
        capa.with_user(self.user_qc).write(
            {"responsible_id": self.user_staff.id, "due_date": fields.Date.today()}
        )
        capa.with_user(self.user_qc).action_issue()
        capa.with_user(self.user_staff).write(
            {"corrective_action": "<p>更换夹具</p>", "implementation": "<p>已完成</p>"}
        )
        capa.with_user(self.user_staff).action_implemented()
        capa.with_user(self.user_qc).action_verify_effective()
        self.assertEqual(capa.state, "verified")

        qc.action_submit_result()
        self.assertEqual(complaint.state, "approval")
        complaint.with_user(self.user_gm).action_approve()
        self.assertEqual(complaint.state, "feedback")
        # no feedback yet: it cannot close
        with self.assertRaises(UserError):
            qc.action_close()
        qc.write(
            {
                "feedback_date": fields.Date.today(),
                "feedback_method": "phone",
                "customer_reaction": "客户表示满意",
            }
        )
        qc.action_close()
        self.assertEqual(complaint.state, "closed")
        self.assertFalse(complaint.activity_ids, "the follow-up is done once answered")

    def test_refusals(self):
        complaint = self._complaint()
        # transfer without reason
        with self.assertRaises(UserError):
            complaint._transfer(self.user_qc, "  ")
        # owner changed by hand
        with self.assertRaises(UserError):
            complaint.write({"user_id": self.user_qc.id})
        with self.assertRaises(UserError):
            complaint.write({"first_receiver_id": self.user_qc.id})
        self.assertEqual(complaint.user_id, self.user_staff)
        self.assertFalse(complaint.transfer_ids)
        complaint.action_start_investigation()
        complaint.write(
            {"root_cause": "<p>x</p>", "responsibility": "company", "result": "<p>y</p>"}
        )
        # CAPA by a non-QC
        with self.assertRaises(AccessError):
            complaint.action_create_capa()
        complaint.action_submit_result()
        # approval by a non-GM
        for user in (self.user_staff, self.user_qc, self.user_manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                complaint.with_user(user).action_approve()
        self.assertEqual(complaint.state, "approval")
        # close before approval
        with self.assertRaises(UserError):
            complaint.with_user(self.user_staff).action_close()

    def test_capa_only_when_company_at_fault(self):
        complaint = self._complaint()
        complaint.action_start_investigation()
        complaint.responsibility = "carrier"
        with self.assertRaises(UserError):
            complaint.with_user(self.user_qc).action_create_capa()
        self.assertFalse(complaint.capa_id)

    def test_repeat_contacts_counted(self):
        complaint = self._complaint()
        complaint.action_register_repeat_contact()
        complaint.action_register_repeat_contact()
        self.assertEqual(complaint.repeat_contact_count, 2)

    def test_critical_notifies_general_manager(self):
        complaint = self._complaint(severity="critical")
        gm_partner = self.user_gm.partner_id
        self.assertIn(gm_partner, complaint.message_partner_ids)
        notified = complaint.message_ids.filtered(lambda m: gm_partner in m.partner_ids)
        self.assertTrue(notified)
        self.assertEqual(complaint.priority, "2")

    def test_visibility(self):
        mine = self._complaint()
        other_team = self.env["custcare.complaint.team"].create({"name": "二组"})
        service = self._complaint(user=self.user_manager, category="service", team_id=other_team.id)
        quality = self._complaint(user=self.user_manager, team_id=other_team.id)
        Complaint = self.env["custcare.complaint"]
        staff = Complaint.with_user(self.user_staff).search([])
        self.assertIn(mine, staff)
        self.assertNotIn(service, staff)
        self.assertNotIn(quality, staff)
        qc = Complaint.with_user(self.user_qc).search([])
        self.assertIn(quality, qc)
        self.assertNotIn(service, qc)
        self.assertIn(service, Complaint.with_user(self.user_manager).search([]))
        for user in (self.user_portal, self.user_internal):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                mine.with_user(user).read(["name"])


@tagged("post_install", "-at_install")
class TestComplaintSla(ComplaintCase):
    """SLA deadlines fall on the team's working hours (Mon-Fri 8-12, 13-17)."""

    def test_deadlines_on_working_hours(self):
        calendar = self.env["resource.calendar"].create(
            {"name": "标准工时", "tz": "UTC"}
        )  # default attendance: Mon-Fri 08:00-12:00, 13:00-17:00
        self.team.write(
            {
                "resource_calendar_id": calendar.id,
                "response_hours_major": 4,
                "resolution_hours_major": 16,
            }
        )
        # Friday 15:00: 2 working hours left on Friday, the rest on Monday
        with freeze_time(datetime(2026, 11, 20, 15, 0)):
            complaint = self._complaint()
        self.assertEqual(complaint.response_deadline, datetime(2026, 11, 23, 10, 0))
        self.assertEqual(complaint.resolution_deadline, datetime(2026, 11, 24, 15, 0))
        with freeze_time(datetime(2026, 11, 23, 11, 0)):
            complaint._cron_check_sla()
            self.assertTrue(complaint.sla_breached)

    def test_deadlines_follow_holidays_and_changed_hours(self):
        """The working hours are kept in a cache: a public holiday entered
        afterwards and a change of the working hours are both taken into
        account by the next complaint."""
        calendar = self.env["resource.calendar"].create({"name": "标准工时", "tz": "UTC"})
        self.team.write(
            {
                "resource_calendar_id": calendar.id,
                "response_hours_major": 4,
                "resolution_hours_major": 16,
            }
        )
        with freeze_time(datetime(2026, 11, 20, 15, 0)):
            first = self._complaint()
        self.assertEqual(first.response_deadline, datetime(2026, 11, 23, 10, 0))
        # Monday 23 November becomes a holiday for the whole company
        self.env["resource.calendar.leaves"].create(
            {
                "name": "公司假日",
                "calendar_id": calendar.id,
                "date_from": datetime(2026, 11, 23, 0, 0),
                "date_to": datetime(2026, 11, 23, 23, 59, 59),
            }
        )
        with freeze_time(datetime(2026, 11, 20, 15, 0)):
            second = self._complaint()
        self.assertEqual(second.response_deadline, datetime(2026, 11, 24, 10, 0))
        # Tuesdays now start at 10:00 (the morning attendance shortened)
        tuesday_morning = calendar.attendance_ids.filtered(
            lambda a: a.dayofweek == "1" and a.hour_from == 8
        )
        tuesday_morning.hour_from = 10
        with freeze_time(datetime(2026, 11, 20, 15, 0)):
            third = self._complaint()
        self.assertEqual(third.response_deadline, datetime(2026, 11, 24, 12, 0))

    def test_answered_in_time_is_not_breached(self):
        with freeze_time(datetime(2026, 11, 18, 9, 0)):
            complaint = self._complaint()
            complaint.action_start_investigation()
            complaint._cron_check_sla()
        self.assertFalse(complaint.sla_breached)


@tagged("post_install", "-at_install")
class TestComplaintMail(ComplaintCase):
    MAIL = """Return-Path: <buyer@hongda.example.cn>
To: complaints@custcare.example.com
From: 王采购 <buyer@hongda.example.cn>
Subject: =?utf-8?b?5aSW5aOz5bC65a+46LaF5beu?=
Message-ID: <complaint-1@hongda.example.cn>
Date: Mon, 23 Nov 2026 09:00:00 +0800
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

上周到货的外壳尺寸超差，请尽快处理。
"""

    def test_mail_to_alias_creates_complaint(self):
        domain = self.env["mail.alias.domain"].create({"name": "custcare.example.com"})
        self.team.write(
            {
                "alias_name": "complaints",
                "alias_domain_id": domain.id,
                "leader_id": self.user_staff.id,
            }
        )
        buyer = self.env["res.partner"].create(
            {"name": "王采购", "email": "buyer@hongda.example.cn", "parent_id": self.customer.id}
        )
        thread_id = self.env["mail.thread"].message_process(
            "custcare.complaint", self.MAIL.encode()
        )
        complaint = self.env["custcare.complaint"].browse(thread_id)
        self.assertEqual(complaint.partner_id, self.customer)
        self.assertEqual(complaint.contact_name, buyer.name)
        self.assertEqual(complaint.channel, "email")
        self.assertEqual(complaint.team_id, self.team)
        self.assertEqual(complaint.first_receiver_id, self.user_staff)
        self.assertIn("外壳尺寸超差", complaint.description)


@tagged("post_install", "-at_install")
class TestComplaintStatistics(ComplaintCase):
    def test_times_and_tier_for_the_review(self):
        self.customer.write({"customer_tier": "key", "account_manager_id": self.user_staff.id})
        with freeze_time(datetime(2026, 11, 16, 9, 0)):
            complaint = self._complaint()
        with freeze_time(datetime(2026, 11, 16, 12, 30)):
            complaint.action_start_investigation()
        self.assertEqual(complaint.customer_tier, "key")
        self.assertEqual(complaint.response_hours, 3.5)
        rows = self.env["custcare.complaint"]._read_group(
            [("id", "=", complaint.id)], ["customer_tier"], ["response_hours:avg"]
        )
        self.assertEqual(rows, [("key", 3.5)])

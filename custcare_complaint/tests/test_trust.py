# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The holes of issue 10 in custcare_complaint, each tried as the user who
must be refused, with the calls the external API makes: the exact refusal,
and nothing changed."""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import PROTECTED_MESSAGE, TrustMixin

INTERNAL = (
    "user_id",
    "sla_breached",
    "resolution_deadline",
    "response_deadline",
    "repeat_contact_count",
    "root_cause",
    "investigated_by_id",
    "capa_id",
    "transfer_ids",
)


@tagged("post_install", "-at_install")
class TestComplaintTrust(TrustMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls.Complaint = cls.env["custcare.complaint"].with_user(cls.user_staff)
        cls.vals = {
            "partner_id": cls.customer.id,
            "category": "quality",
            "severity": "major",
            "description": "<p>一批 200 件外壳尺寸超差。</p>",
        }

    def _complaint(self, **vals):
        return self.Complaint.create({**self.vals, **vals})

    def _closed(self):
        complaint = self._complaint()
        complaint.with_user(self.user_qc).action_start_investigation()
        complaint.with_user(self.user_qc).write(
            {"root_cause": "<p>运输受潮</p>", "responsibility": "carrier", "result": "<p>补发</p>"}
        )
        complaint.action_submit_result()
        complaint.with_user(self.user_gm).action_approve()
        complaint.write({"feedback_date": fields.Date.today(), "feedback_method": "phone"})
        complaint.action_close()
        return complaint

    def test_salesman_does_not_close_a_new_complaint(self):
        complaint = self._complaint()
        error = self._refused(complaint, {"state": "closed"})
        self.assertIn("Start Investigation, Submit Result, the approval, Close", str(error))
        self.assertEqual(complaint.state, "new")

    def test_not_created_closed_nor_reopened(self):
        before = self.env["custcare.complaint"].search_count([])
        with self.assertRaises(UserError) as ctx:
            self._complaint(state="closed", closed_at=fields.Datetime.now())
        self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        closed = self._closed()
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.subTest(user=user.login):
                self._refused(closed, {"state": "investigating"}, user)
        self.assertEqual(closed.state, "closed")

    def test_counters_deadlines_and_steps_not_edited(self):
        complaint = self._complaint()
        complaint.action_register_repeat_contact()
        complaint.with_user(self.user_qc).action_start_investigation()
        deadline = complaint.response_deadline
        forged = (
            {"repeat_contact_count": 0},
            {"response_deadline": deadline + timedelta(days=365)},
            {"resolution_deadline": deadline + timedelta(days=365)},
            {"sla_breached": True},
            {"responded_at": fields.Datetime.now() - timedelta(days=30)},
            {"investigated_by_id": self.user_gm.id},
            {"first_receiver_id": self.user_colleague.id},
        )
        for vals in forged:
            for user in (self.user_staff, self.user_qc, self.user_manager):
                with self.subTest(vals=vals, user=user.login):
                    self._refused(complaint, vals, user)
        self.assertEqual(complaint.repeat_contact_count, 1)
        self.assertEqual(complaint.response_deadline, deadline)

    def test_closed_complaint_not_deleted(self):
        closed = self._closed()
        for user in (self.user_manager, self.user_gm):
            with self.subTest(user=user.login), self.assertRaises(UserError) as ctx:
                closed.with_user(user).unlink()
            self.assertIn("cannot be deleted", str(ctx.exception))
        self.assertTrue(closed.exists())

    def test_not_transferred_to_a_portal_user(self):
        complaint = self._complaint()
        wizard = (
            self.env["custcare.complaint.transfer.wizard"]
            .with_user(self.user_staff)
            .create(
                {
                    "complaint_ids": [Command.set(complaint.ids)],
                    "to_user_id": self.user_portal.id,
                    "reason": "客户自己处理",
                }
            )
        )
        with self.assertRaises(UserError) as ctx:
            wizard.action_transfer()
        self.assertIn("does not work on the complaint desk", str(ctx.exception))
        self._refused(complaint, {"user_id": self.user_portal.id})
        self.assertEqual(complaint.user_id, self.user_staff)
        self.assertFalse(complaint.sudo().transfer_ids)

    def test_not_received_in_the_future(self):
        before = self.env["custcare.complaint"].search_count([])
        later = fields.Datetime.now() + timedelta(days=365)
        with self.assertRaises(ValidationError) as ctx:
            self._complaint(received_at=later)
        self.assertIn("cannot be received in the future", str(ctx.exception))
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        complaint = self._complaint()
        received = complaint.received_at
        with self.assertRaises(ValidationError):
            complaint.write({"received_at": later})
        self.env.invalidate_all()
        self.assertEqual(complaint.received_at, received)

    def test_no_ten_thousand_character_phone_or_name(self):
        before = self.env["custcare.complaint"].search_count([])
        for vals in ({"contact_phone": "1" * 10000}, {"contact_name": "王" * 10000}):
            with self.subTest(vals=vals.keys()), self.assertRaises(ValidationError) as ctx:
                self._complaint(**vals)
            self.assertIn("takes at most", str(ctx.exception))
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        complaint = self._complaint(contact_phone="0510-88886666")
        with self.assertRaises(ValidationError):
            complaint.write({"contact_phone": "0510" * 2500})
        with self.assertRaises(ValidationError):
            complaint.write({"contact_phone": "请回电 0510-88886666"})
        self.env.invalidate_all()
        self.assertEqual(complaint.contact_phone, "0510-88886666")

    def test_portal_reads_without_field_list(self):
        """A customer's plain read() works and shows no internal field."""
        complaint = self._complaint()
        for call in (
            lambda: complaint.with_user(self.user_portal).read()[0],
            lambda: self.env["custcare.complaint"]
            .with_user(self.user_portal)
            .search_read([("id", "=", complaint.id)])[0],
        ):
            values = call()
            self.assertEqual(values["name"], complaint.name)
            self.assertEqual(values["state"], "new")
            self.assertFalse(set(INTERNAL) & set(values), "internal fields shown to the customer")

    def test_first_receiver_prints_after_qc_issued_a_capa(self):
        """The reports read the CAPA's number (and the fault report the
        complaint's), which the first receiver or a colleague may not open:
        the prints still work for them."""
        complaint = self._complaint()
        qc = complaint.with_user(self.user_qc)
        qc.action_start_investigation()
        qc.write({"root_cause": "<p>模具磨损</p>", "responsibility": "company"})
        qc.action_create_capa()
        capa = complaint.sudo().capa_id
        capa.corrective_action = "<p>更换模具</p>"
        fault = self.env["custcare.fault.report"].create(
            {
                "partner_id": self.customer.id,
                "complaint_id": complaint.id,
                "capa_id": capa.id,
                "occurred_at": fields.Datetime.now(),
                "place": "客户车间",
                "symptoms": "<p>停机</p>",
                "author_id": self.user_staff.id,
            }
        )
        number = capa.name
        self.assertFalse(capa.with_user(self.user_staff).has_access("read"))
        # a colleague reads fault reports, not the complaint nor the CAPA they name
        self.assertFalse(complaint.with_user(self.user_colleague).has_access("read"))
        for user, report, record in (
            (self.user_staff, "custcare_complaint.action_report_custcare_complaint", complaint),
            (self.user_staff, "custcare_complaint.action_report_custcare_fault", fault),
            (self.user_colleague, "custcare_complaint.action_report_custcare_fault", fault),
        ):
            with self.subTest(user=user.login, report=report):
                self.env.invalidate_all()  # as in a new request: nothing read as QC is cached
                Report = self.env["ir.actions.report"].with_user(user)
                html = Report._render_qweb_html(report, record.ids)[0].decode()
                self.assertIn(number, html)
                self.assertIn(record.name, html)
        self.assertIn("更换模具", html)
        self.assertIn(complaint.name, html)

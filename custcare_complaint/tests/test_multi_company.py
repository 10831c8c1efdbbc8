# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.custcare_base.tests.trust_common import TrustMixin


@tagged("post_install", "-at_install")
class TestComplaintMultiCompany(TrustMixin, TransactionCase):
    """Complaints of company B never touch company A's records or numbers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        env = cls.env
        cls.team_a = env["custcare.complaint.team"].create(
            {"name": "甲公司客服组", "member_ids": [Command.set(cls.user_staff.ids)]}
        )
        cls.complaint_a = (
            env["custcare.complaint"]
            .with_user(cls.user_staff)
            .create(
                {
                    "partner_id": cls.customer.id,
                    "team_id": cls.team_a.id,
                    "description": "<p>甲公司的投诉</p>",
                }
            )
        )
        cls.complaint_a._transfer(cls.user_qc, "转质检")
        cls.Complaint_b = env["custcare.complaint"].with_user(cls.user_company_b)

    def test_complaint_numbered_by_company_b(self):
        before = self._next_numbers("custcare.complaint")
        complaint = self.Complaint_b.create(
            {"partner_id": self.shared.id, "description": "<p>乙公司的投诉</p>"}
        )
        self.assertEqual(complaint.company_id, self.company_b)
        self._assert_numbered_in_b(complaint, "custcare.complaint", before)
        # invisible to company A's staff, even its managers
        Complaint_a = self.env["custcare.complaint"].with_user(self.user_manager)
        self.assertFalse(Complaint_a.search([("id", "=", complaint.id)]))

    def test_no_link_to_company_a(self):
        before = self.env["custcare.complaint"].search_count([])
        for vals in (
            {"partner_id": self.customer.id},
            {"partner_id": self.shared.id, "team_id": self.team_a.id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                self.Complaint_b.create({"description": "<p>x</p>", **vals})
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        complaint = self.Complaint_b.create(
            {"partner_id": self.shared.id, "description": "<p>y</p>"}
        )
        with self.assertRaises(UserError):
            complaint.write({"team_id": self.team_a.id})
        self.assertFalse(complaint.team_id)

    def test_company_b_sees_nothing_of_company_a(self):
        supervision = self.env["custcare.service.supervision"].create({})
        self._assert_hidden_from_b(
            [self.complaint_a, self.team_a, self.complaint_a.sudo().transfer_ids, supervision]
        )

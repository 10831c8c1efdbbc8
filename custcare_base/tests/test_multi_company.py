# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

from .trust_common import TrustMixin


@tagged("post_install", "-at_install")
class TestBaseMultiCompany(TrustMixin, TransactionCase):
    """Archives and CAPAs of company B never touch company A's records or
    numbers; each company keeps its own archive of a shared customer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls.archive_a = cls.env["custcare.archive"].create(
            {"partner_id": cls.customer.id, "credit_limit": 100000}
        )
        cls.capa_a = cls.env["custcare.capa"].create(
            {"nonconformity": "<p>甲公司的问题</p>", "partner_id": cls.customer.id}
        )
        cls.As_b = cls.env["custcare.archive"].with_user(cls.user_company_b)

    def test_one_archive_per_company_of_a_shared_customer(self):
        archive_a = self.env["custcare.archive"].create({"partner_id": self.shared.id})
        archive_b = self.As_b.create({"partner_id": self.shared.id, "credit_limit": 5000})
        self.assertEqual(
            (archive_a.company_id, archive_b.company_id), (self.company_a, self.company_b)
        )
        self.assertEqual(self.shared.sudo().custcare_archive_ids, archive_a | archive_b)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.As_b.create({"partner_id": self.shared.id})
        # each company reads its own only
        self.assertEqual(self.As_b.search([("partner_id", "=", self.shared.id)]), archive_b)
        self.assertEqual(
            self.env["custcare.archive"]
            .with_user(self.user_keeper)
            .search([("partner_id", "=", self.shared.id)]),
            archive_a,
        )

    def test_archive_of_company_a_customer_refused_in_b(self):
        before = self.env["custcare.archive"].search_count([])
        with self.assertRaises(UserError):
            self.As_b.create({"partner_id": self.customer.id})
        self.assertEqual(self.env["custcare.archive"].search_count([]), before)

    def test_capa_numbered_by_company_b(self):
        before = self._next_numbers("custcare.capa")
        capa_b = (
            self.env["custcare.capa"]
            .with_user(self.user_company_b)
            .create({"nonconformity": "<p>乙公司的问题</p>", "partner_id": self.shared.id})
        )
        self.assertEqual(capa_b.company_id, self.company_b)
        self._assert_numbered_in_b(capa_b, "custcare.capa", before)
        # nor linked to company A's customer or staff
        Capa = self.env["custcare.capa"].with_user(self.user_company_b)
        for vals in ({"partner_id": self.customer.id}, {"responsible_id": self.user_staff.id}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                Capa.create({"nonconformity": "<p>x</p>", **vals})
        with self.assertRaises(UserError):
            capa_b.write({"partner_id": self.customer.id})

    def test_batch_numbered_in_order_per_company(self):
        """One create of records of both companies numbers each company's in
        order from its own sequence, with one query per company; a gapless
        sequence is followed too."""
        Capa = self.env["custcare.capa"].sudo()
        companies = [self.company_a, self.company_b] * 3
        capas = Capa.create(
            [
                {"nonconformity": f"<p>{i}</p>", "company_id": company.id}
                for i, company in enumerate(companies)
            ]
        )
        for company in (self.company_a, self.company_b):
            names = capas.filtered(lambda c, company=company: c.company_id == company).mapped(
                "name"
            )
            sequence = Capa._custcare_sequence(company)
            step = sequence.number_increment
            numbers = [int(name[-sequence.padding :]) for name in names]
            self.assertEqual(numbers, list(range(numbers[0], numbers[0] + 3 * step, step)))
            self.assertEqual(sequence.number_next_actual, numbers[-1] + step)
        sequence_b = Capa._custcare_sequence(self.company_b)
        sequence_b.write({"implementation": "no_gap", "number_next": sequence_b.number_next_actual})
        gapless = Capa.create(
            [{"nonconformity": f"<p>{i}</p>", "company_id": self.company_b.id} for i in range(2)]
        )
        self.assertEqual(len(set(gapless.mapped("name"))), 2)
        sequence_b.invalidate_recordset()
        self.assertEqual(
            sequence_b.number_next_actual, int(gapless[-1].name[-sequence_b.padding :]) + 1
        )

    def test_company_b_sees_nothing_of_company_a(self):
        grant = (
            self.env["custcare.access.grant"]
            .with_user(self.user_staff)
            .create(
                {
                    "user_id": self.user_staff.id,
                    "partner_ids": [Command.set(self.customer.ids)],
                    "reason": "核对信用",
                    "valid_until": fields.Datetime.now() + timedelta(days=1),
                }
            )
        )
        grant.action_submit()
        history = self.customer.sudo().tier_history_ids[:1]
        log = self.env["custcare.access.log"].create(
            {"user_id": self.user_staff.id, "archive_id": self.archive_a.id}
        )
        self._assert_hidden_from_b([self.archive_a, self.capa_a, grant, history, log])
        # and does not approve company A's grants
        with self.assertRaises(AccessError):
            grant.with_user(self.user_company_b).action_approve()
        self.assertEqual(grant.approval_state, "submitted")

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""The holes of issue 10 in custcare_base, each tried as the user who must be
refused, with the calls the external API makes: the exact refusal, and
nothing changed. (Reads of confidential data leave a trace on every path:
test_archive_security; a plain employee archives contacts:
test_partner_archiving; the whole USCC table: test_uscc.)"""

from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import TransactionCase, tagged

from .common import USCC
from .trust_common import PROTECTED_MESSAGE, TrustMixin


@tagged("post_install", "-at_install")
class TestBaseTrust(TrustMixin, TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_trust()
        cls.archive = cls.env["custcare.archive"].create(
            {
                "partner_id": cls.other_customer.id,
                "keeper_id": cls.user_keeper.id,
                "credit_limit": 800000,
                "registered_capital": 5000000,
            }
        )
        cls.capa = (
            cls.env["custcare.capa"]
            .with_user(cls.user_qc)
            .create(
                {
                    "nonconformity": "<p>外壳尺寸超差</p>",
                    "responsible_id": cls.user_staff.id,
                    "due_date": fields.Date.today(),
                }
            )
        )
        cls.capa.action_issue()

    def _grant(self, user, **vals):
        return (
            self.env["custcare.access.grant"]
            .with_user(user)
            .create(
                {
                    "user_id": user.id,
                    "partner_ids": [Command.set(self.other_customer.ids)],
                    "reason": "核对信用额度",
                    "valid_until": fields.Datetime.now() + timedelta(days=2),
                    **vals,
                }
            )
        )

    def test_own_capa_not_verified_by_editing(self):
        """The salesman responsible for a CAPA cannot mark it verified by QC."""
        capa = self.capa.with_user(self.user_staff)
        with self.assertRaises(UserError) as ctx:
            capa.write({"state": "verified", "verified_by_id": self.user_qc.id})
        self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        self.assertIn("Verify", str(ctx.exception))
        with self.assertRaises(AccessError):
            capa.action_verify_effective()
        self.env.invalidate_all()
        self.assertEqual((self.capa.state, self.capa.verified_by_id.id), ("issued", False))

    def test_own_grant_not_approved(self):
        """A salesman neither forges nor gives the approval of his own grant,
        and still cannot read the credit limit."""
        grant = self._grant(self.user_staff)
        with self.assertRaises(UserError) as ctx:
            grant.write({"approval_state": "approved", "approved_by_id": self.user_manager.id})
        self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        grant.action_submit()
        with self.assertRaises(AccessError):
            grant.action_approve()
        with self.assertRaises(AccessError):
            self.archive.with_user(self.user_staff).read(["credit_limit"])
        self.assertFalse(
            self.env["custcare.archive"]
            .with_user(self.user_staff)
            .search_read([("id", "=", self.archive.id)], ["credit_limit"])
        )
        self.assertEqual(grant.approval_state, "submitted")
        self.assertFalse(grant.is_valid)
        # a manager does not approve a grant of their own either
        own = self._grant(self.user_manager)
        own.action_submit()
        with self.assertRaises(AccessError) as ctx:
            own.action_approve()
        self.assertIn("concerns you", str(ctx.exception))
        self.assertEqual(own.approval_state, "submitted")

    def test_grant_names_a_customer(self):
        Grant = self.env["custcare.access.grant"]
        before = Grant.search_count([])
        with self.assertRaises(ValidationError) as ctx:
            self._grant(self.user_staff, partner_ids=[])
        self.assertIn("Name the customers", str(ctx.exception))
        self.assertEqual(Grant.search_count([]), before)

    def test_evidence_not_deleted(self):
        """Verified CAPAs and approved archives stay, even for the GM."""
        verified = (
            self.env["custcare.capa"]
            .with_user(self.user_qc)
            .create({"nonconformity": "<p>标签错误</p>"})
        )
        self._verify_capa(verified)
        self.archive.with_user(self.user_keeper).action_submit()
        self.archive.with_user(self.user_gm).action_approve()
        for record in (verified, self.archive):
            for user in (self.user_manager, self.user_gm):
                with self.subTest(record=record._name, user=user.login):
                    with self.assertRaises(UserError) as ctx:
                        record.with_user(user).unlink()
                    self.assertIn("cannot be deleted", str(ctx.exception))
            self.assertTrue(record.exists())

    def test_no_negative_credit_or_capital(self):
        archive = self.archive.with_user(self.user_keeper)
        for field in ("credit_limit", "registered_capital"):
            with self.subTest(field=field), self.assertRaises(ValidationError) as ctx:
                archive.write({field: -1})
            self.assertIn("negative", str(ctx.exception))
        self.env.invalidate_all()
        self.assertEqual((self.archive.credit_limit, self.archive.registered_capital), (8e5, 5e6))
        other = self.env["res.partner"].create({"name": "负数客户", "is_company": True})
        with self.assertRaises(ValidationError):
            self.env["custcare.archive"].with_user(self.user_keeper).create(
                {"partner_id": other.id, "credit_limit": -100}
            )
        self.assertFalse(other.custcare_archive_ids)

    def test_uscc_authority_y_and_shared_code(self):
        """A code of authority Y (其他) is valid; a company's own partner does
        not take the code of a partner shared by all companies."""
        Partner = self.env["res.partner"].with_user(self.user_staff)
        body = "Y1110105MA0123456"
        alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
        weights = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
        total = sum(alphabet.index(c) * w for c, w in zip(body, weights, strict=True))
        code_y = body + alphabet[(31 - total % 31) % 31]
        self.assertEqual(Partner.create({"name": "其他登记机构", "uscc": code_y}).uscc, code_y)
        Partner.create({"name": "共享客户", "is_company": True, "uscc": USCC[4]})
        with self.assertRaises(ValidationError) as ctx:
            Partner.create({"name": "本公司客户", "uscc": USCC[4], "company_id": self.company_a.id})
        self.assertIn(USCC[4], str(ctx.exception))
        self.assertEqual(self.env["res.partner"].search_count([("uscc", "=", USCC[4])]), 1)

    def test_destruction_not_forged(self):
        """Lines are written by the retention engine only: no line for another
        model, no forged state, hash, label or executor."""
        Policy = self.env["custcare.retention.policy"]
        for model in ("res.partner", "custcare.access.log"):
            with self.subTest(model=model), self.assertRaises(ValidationError):
                Policy.create({"name": "x", "model_id": self.env["ir.model"]._get_id(model)})
        policy = Policy.create(
            {"name": "档案", "model_id": self.env["ir.model"]._get_id("custcare.archive")}
        )
        destruction = self.env["custcare.destruction"]._custcare_create([{"policy_id": policy.id}])
        line = self.env["custcare.destruction.line"].create(
            {
                "destruction_id": destruction.id,
                "res_model": "custcare.archive",
                "res_id": self.archive.id,
                "record_name": self.archive.display_name,
            }
        )
        Line = self.env["custcare.destruction.line"]
        for user in (self.user_keeper, self.user_gm):
            for model in ("res.partner", "no.such.model"):
                with (
                    self.subTest(user=user.login, model=model),
                    self.assertRaises(UserError) as ctx,
                ):
                    Line.with_user(user).create(
                        {
                            "destruction_id": destruction.id,
                            "res_model": model,
                            "res_id": 1,
                            "record_name": "旧投诉",
                        }
                    )
                self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        forged = {
            destruction: (
                {"state": "done"},
                {"executed_by_id": self.user_gm.id},
                {"executed_date": fields.Datetime.now()},
                {"res_model": "custcare.capa"},
            ),
            line: (
                {"state": "destroyed"},
                {"data_hash": "0" * 64},
                {"record_name": "旧投诉"},
                {"res_model": "res.partner"},
                {"res_id": self.archive.id + 1},
            ),
            self.archive: ({"destroyed": True},),
        }
        for record, attempts in forged.items():
            for vals in attempts:
                for user in (self.user_keeper, self.user_gm):
                    with self.subTest(record=record._name, vals=vals, user=user.login):
                        with self.assertRaises(UserError) as ctx:
                            record.with_user(user).write(vals)
                        self.assertIn(PROTECTED_MESSAGE, str(ctx.exception))
        self.env.invalidate_all()
        self.assertEqual(destruction.state, "proposed")
        self.assertFalse(destruction.executed_by_id)
        self.assertEqual(
            (line.state, line.data_hash, line.res_model, line.res_id),
            ("pending", False, "custcare.archive", self.archive.id),
        )
        self.assertFalse(self.archive.destroyed)

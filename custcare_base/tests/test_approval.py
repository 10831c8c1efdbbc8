# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import USCC, CustcareCase


@tagged("post_install", "-at_install")
class TestApproval(CustcareCase):
    """审批确认 by the general manager, through the shared mixin."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner, cls.archive = cls._customer("苏州精工电子有限公司", USCC[3])

    def _approved(self):
        archive = self.archive.with_user(self.user_keeper)
        archive.action_submit()
        archive.with_user(self.user_gm).action_approve()
        return archive

    def test_submit_and_approve(self):
        archive = self._approved()
        self.assertEqual(archive.approval_state, "approved")
        self.assertEqual(archive.approved_by_id, self.user_gm)
        self.assertEqual(archive.submitted_by_id, self.user_keeper)

    def test_approval_by_non_gm_refused(self):
        self.archive.with_user(self.user_keeper).action_submit()
        for user in (self.user_keeper, self.user_manager, self.user_qc):
            with self.subTest(user=user.login), self.assertRaises(AccessError) as ctx:
                self.archive.with_user(user).action_approve()
            self.assertIn("General Manager", str(ctx.exception))
        self.assertEqual(self.archive.approval_state, "submitted")
        self.assertFalse(self.archive.approved_by_id)

    def test_approval_cannot_be_forged(self):
        with self.assertRaises(UserError):
            self.archive.with_user(self.user_keeper).write({"approval_state": "approved"})
        with self.assertRaises(UserError):
            self.archive.with_user(self.user_keeper).with_context(
                custcare_approval_write=True
            ).write({"approval_state": "approved"})
        other = self.env["res.partner"].create({"name": "新客户", "is_company": True})
        with self.assertRaises(UserError) as ctx:
            self.env["custcare.archive"].with_user(self.user_keeper).create(
                {"partner_id": other.id, "approval_state": "approved"}
            )
        self.assertIn("Submit, Approve or Send Back", str(ctx.exception))
        # a context default cannot set it either: the new archive is a draft
        archive = (
            self.env["custcare.archive"]
            .with_user(self.user_keeper)
            .with_context(default_approval_state="approved", default_approved_by_id=self.user_gm.id)
            .create({"partner_id": other.id})
        )
        self.assertEqual((archive.approval_state, archive.approved_by_id.id), ("draft", False))
        archive.sudo().unlink()
        self.assertEqual(self.archive.approval_state, "draft")
        self.assertFalse(self.env["custcare.archive"].search([("partner_id", "=", other.id)]))

    def test_approve_twice_refused(self):
        archive = self._approved()
        with self.assertRaises(UserError):
            archive.with_user(self.user_gm).action_approve()

    def test_key_field_change_needs_reapproval(self):
        archive = self._approved()
        messages = len(archive.message_ids)
        archive.credit_limit = 800000
        self.assertEqual(archive.approval_state, "to_reapprove")
        self.assertGreater(len(archive.message_ids), messages)
        self.assertIn("Credit Limit", archive.message_ids[0].body)
        archive.action_submit()
        archive.with_user(self.user_gm).action_approve()
        self.assertEqual(archive.approval_state, "approved")

    def test_other_field_change_keeps_approval(self):
        archive = self._approved()
        archive.write({"production_scale": "年产 3 万吨", "keeper_id": self.user_manager.id})
        self.assertEqual(archive.approval_state, "approved")

    def test_same_value_keeps_approval(self):
        archive = self._approved()
        archive.credit_rating = archive.credit_rating
        self.assertEqual(archive.approval_state, "approved")

    def test_key_fields_configurable(self):
        self.env["ir.config_parameter"].set_param(
            "custcare.approval_key_fields.custcare.archive", "production_scale"
        )
        archive = self._approved()
        archive.credit_limit = 1
        self.assertEqual(archive.approval_state, "approved")
        archive.production_scale = "停产"
        self.assertEqual(archive.approval_state, "to_reapprove")

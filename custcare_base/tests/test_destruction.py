# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import hashlib
import json
from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import USCC, CustcareCase


@tagged("post_install", "-at_install")
class TestDestruction(CustcareCase):
    """记录保存 / 销毁: proposed past retention, approved, anonymised, recorded."""

    def test_destroy_anonymises_and_records(self):
        with freeze_time(datetime(2023, 1, 10)):
            partner, archive = self._customer("已停止合作的客户", USCC[5])
            self.env["custcare.credential"].create(
                {"archive_id": archive.id, "kind": "business_licence", "number": "YY-001"}
            )
            partner.active = False
            self.env.flush_all()
        self.assertEqual(str(archive.retention_start_date), "2023-01-10")
        erased = {
            "registered_capital": 0.0,
            "credit_rating": "AA",
            "credit_limit": 500000.0,
            "credit_description": False,
            "credit_review_date": False,
            "production_process": False,
            "production_scale": "年产 2 万吨",
            "raw_materials": False,
            "production_investment": False,
            "legal_representative": "张伟",
            "business_scope": False,
            "note": False,
            "credentials": [["business_licence", "YY-001", False, "False", "False"]],
        }
        # the hash covers the record's identity (model, id) and what was erased
        expected_hash = hashlib.sha256(
            json.dumps(
                {"model": "custcare.archive", "id": archive.id, "data": erased},
                sort_keys=True,
                default=str,
                ensure_ascii=False,
            ).encode()
        ).hexdigest()

        with freeze_time(datetime(2025, 2, 1)):
            self.env["custcare.retention.policy"]._cron_propose_destruction()
            destruction = self.env["custcare.destruction"].search(
                [("line_ids.res_id", "=", archive.id)]
            )
            self.assertEqual(len(destruction), 1)
            # proposed once only
            self.env["custcare.retention.policy"]._cron_propose_destruction()
            self.assertEqual(
                self.env["custcare.destruction"].search_count(
                    [("line_ids.res_id", "=", archive.id)]
                ),
                1,
            )
            destruction = destruction.with_user(self.user_keeper)
            with self.assertRaises(UserError):
                destruction.action_destroy()  # not approved
            destruction.action_submit()
            with self.assertRaises(AccessError):
                destruction.with_user(self.user_manager).action_approve()
            destruction.with_user(self.user_gm).action_approve()
            destruction.action_destroy()

        self.assertEqual(destruction.state, "done")
        self.assertEqual(destruction.executed_by_id, self.user_keeper)
        line = destruction.line_ids
        self.assertTrue(line.destroyed)
        self.assertEqual(line.data_hash, expected_hash)
        self.assertTrue(archive.destroyed)
        self.assertFalse(archive.credit_rating or archive.legal_representative)
        self.assertFalse(archive.credit_limit)
        self.assertFalse(archive.credential_ids)
        self.assertTrue(destruction.name.startswith("XH"))

    def test_recent_records_not_proposed(self):
        partner, archive = self._customer("最近的客户")
        partner.active = False
        self.env["custcare.retention.policy"]._cron_propose_destruction()
        self.assertFalse(
            self.env["custcare.destruction"].search([("line_ids.res_id", "=", archive.id)])
        )

    def test_bad_policy_refused(self):
        Policy = self.env["custcare.retention.policy"]
        model = self.env["ir.model"]._get("custcare.archive")
        with self.assertRaises(ValidationError):
            Policy.create({"name": "x", "model_id": model.id, "date_field": "partner_id"})
        with self.assertRaises(ValidationError):
            Policy.create({"name": "x", "model_id": model.id, "domain": "[('nope', '=', 1)]"})
        with self.assertRaises(ValidationError):
            Policy.create({"name": "x", "model_id": self.env["ir.model"]._get("res.partner").id})
        with self.assertRaises(AccessError):
            Policy.with_user(self.user_keeper).create({"name": "x", "model_id": model.id})

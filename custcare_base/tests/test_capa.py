# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import CustcareCase


@tagged("post_install", "-at_install")
@freeze_time("2026-03-02")
class TestCapa(CustcareCase):
    """纠正和预防措施: issue, implement, QC verifies; not effective reopens."""

    def _capa(self):
        return (
            self.env["custcare.capa"]
            .with_user(self.user_qc)
            .create(
                {
                    "nonconformity": "<p>外壳尺寸超差 0.3 mm</p>",
                    "department": "机加工车间",
                    "responsible_id": self.user_staff.id,
                    "due_date": "2026-03-20",
                }
            )
        )

    def test_flow_and_reopen(self):
        capa = self._capa()
        self.assertTrue(capa.name.startswith("CAPA2026-"))
        capa.action_issue()
        self.assertEqual(capa.activity_ids.user_id, self.user_staff)
        mine = capa.with_user(self.user_staff)
        with self.assertRaises(UserError):
            mine.action_implemented()  # nothing described yet
        mine.write({"corrective_action": "<p>更换夹具</p>", "implementation": "<p>已更换</p>"})
        mine.action_implemented()
        # the responsible department cannot verify its own action
        with self.assertRaises(AccessError):
            mine.action_verify_effective()
        self.assertEqual(capa.state, "implemented")
        capa.action_verify_not_effective()
        self.assertEqual((capa.state, capa.reopen_count), ("issued", 1))
        mine.action_implemented()
        capa.action_verify_effective()
        self.assertEqual(capa.state, "verified")
        self.assertEqual(capa.recheck_date, date(2026, 3, 2) + timedelta(days=90))
        recheck = capa.activity_ids.filtered(lambda a: a.date_deadline == capa.recheck_date)
        self.assertEqual(recheck.user_id, self.user_qc)

    def test_issue_needs_owner_and_date(self):
        capa = self._capa()
        capa.due_date = False
        with self.assertRaises(UserError):
            capa.action_issue()
        self.assertEqual(capa.state, "draft")

    def test_visibility(self):
        capa = self._capa()
        self.assertEqual(self.env["custcare.capa"].with_user(self.user_staff).search([]), capa)
        self.assertFalse(self.env["custcare.capa"].with_user(self.user_keeper).search([]))
        with self.assertRaises(AccessError):
            capa.with_user(self.user_portal).read(["name"])

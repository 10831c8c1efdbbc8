# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CustcareHttpCase


@tagged("post_install", "-at_install")
class TestReviewPack(CustcareHttpCase):
    """The management review input (管理评审输入): figures gathered once and
    kept, submitted by customer care, approved by the general manager; the
    CAPA section counted from the period's actions."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Capa = cls.env["custcare.capa"].with_user(cls.user_qc)
        cls.capas = Capa.create(
            [
                {
                    "nonconformity": f"<p>问题 {i}</p>",
                    "department": department,
                    "responsible_id": cls.user_staff.id,
                    "due_date": date.today(),
                }
                for i, department in enumerate(["生产部", "生产部", "质检部", False])
            ]
        )
        cls.Pack = cls.env["custcare.review.pack"].with_user(cls.user_manager)

    def _pack(self, **vals):
        today = date.today()
        return self.Pack.create(
            {"date_from": today.replace(month=1, day=1), "date_to": today.replace(month=12, day=31)}
            | vals
        )

    def _section(self, pack, key):
        return next(s for s in pack.data["sections"] if s["key"] == key)

    def test_flow_gather_submit_approve_print(self):
        # the company prints in Chinese: the figures are gathered in it too
        self._print_in("zh_CN")
        # three issued (one verified effective, one past its due date), one draft
        capas = self.capas
        self._verify_capa(capas[0])
        capas[1:3].with_user(self.user_qc).action_issue()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE custcare_capa SET due_date = '2000-01-01' WHERE id = %s", [capas[1].id]
        )
        capas.invalidate_recordset(["due_date"])
        pack = self._pack(conclusion="<p>建议增加一名质检员。</p>")
        self.assertRegex(pack.name, r"^PS\d{4}-\d{3}$")
        with self.assertRaises(UserError):  # nothing gathered yet
            pack.action_submit()
        pack.action_gather()
        self.assertTrue(pack.gathered_date)
        capa = self._section(pack, "capa")
        self.assertEqual(capa["title"], "纠正和预防措施")
        issued, verified, still_open, overdue, first_time = (k["value"] for k in capa["kpis"])
        self.assertEqual((issued, verified, still_open, overdue), (3, 1, 2, 1))
        self.assertEqual(first_time, "100.0 %")
        [by_department] = capa["tables"]
        rows = {row[0]: row[-1] for row in by_department["rows"]}
        self.assertEqual(rows, {"生产部": 2, "质检部": 1})
        self.assertEqual(by_department["foot"][-1], 3)
        pack.action_submit()
        self.assertEqual(pack.approval_state, "submitted")
        approval = pack.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("custcare_base.mail_activity_type_approval")
        )
        self.assertEqual(len(approval), 1)
        self.assertTrue(
            approval.user_id.has_group("custcare_base.group_custcare_gm"),
            "a general manager's to-do list has it",
        )
        pack.with_user(self.user_gm).action_approve()
        self.assertEqual((pack.approval_state, pack.approved_by_id), ("approved", self.user_gm))
        self.assertFalse(pack.activity_ids)
        self.assertPrinted(
            "custcare_base.report_custcare_review_pack",
            pack,
            title="管理评审输入",
            number=pack.name,
            code="Q/CC-JL008",
            words=("纠正和预防措施", "生产部", "建议增加一名质检员", "王总"),
            save_as="review_pack_base.pdf",
        )

    def test_approved_figures_never_change(self):
        pack = self._pack()
        pack.action_gather()
        pack.action_submit()
        pack.with_user(self.user_gm).action_approve()
        data = pack.data
        for vals in (
            {"date_from": date(2020, 1, 1)},
            {"conclusion": "<p>改写结论</p>"},
        ):
            for user in (self.user_manager, self.user_gm):
                with self.subTest(vals=vals, user=user.name), self.assertRaises(UserError):
                    pack.with_user(user).write(vals)
        for user in (self.user_manager, self.user_gm):
            with self.assertRaises(UserError):
                pack.with_user(user).write({"data": {"sections": []}})
            with self.assertRaises(UserError):
                pack.with_user(user).action_gather()
            with self.assertRaises(UserError):
                pack.with_user(user).unlink()
        self.assertEqual(pack.data, data)
        self.assertEqual(pack.approval_state, "approved")

    def test_changing_the_period_drops_the_figures(self):
        pack = self._pack()
        pack.action_gather()
        pack.date_from = pack.date_from.replace(year=pack.date_from.year - 1)
        self.assertFalse(pack.data)
        self.assertFalse(pack.gathered_date)

    def test_refusals(self):
        # a period ending before it starts, or longer than three years
        with self.assertRaises(ValidationError):
            self._pack(date_from=date(2026, 12, 31), date_to=date(2026, 1, 1))
        with self.assertRaises(ValidationError):
            self._pack(date_from=date(2020, 1, 1), date_to=date(2026, 1, 1))
        # customer-care staff neither read nor prepare the pack
        pack = self._pack()
        for user in (self.user_staff, self.user_qc, self.user_keeper, self.user_portal):
            with self.subTest(user=user.name):
                with self.assertRaises(AccessError):
                    pack.with_user(user).read(["data"])
                with self.assertRaises(AccessError):
                    self.env["custcare.review.pack"].with_user(user).create(
                        {"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)}
                    )
        # a manager does not approve, the one who submitted does not either
        pack.action_gather()
        pack.action_submit()
        with self.assertRaises(AccessError):
            pack.action_approve()
        gm_pack = self._pack()
        gm_pack.with_user(self.user_gm).action_gather()
        gm_pack.with_user(self.user_gm).action_submit()
        with self.assertRaises(AccessError):
            gm_pack.with_user(self.user_gm).action_approve()
        self.assertEqual(gm_pack.approval_state, "submitted")

    def test_other_company_sees_nothing(self):
        company_b = self.env["res.company"].create({"name": "乙公司 (管理评审)"})
        gm_b = new_test_user(
            self.env,
            "cc_gm_pack_b",
            groups="custcare_base.group_custcare_gm",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        pack = self._pack()
        pack.action_gather()
        with self.assertRaises(AccessError):
            pack.with_user(gm_b).read(["data"])
        self.assertFalse(self.env["custcare.review.pack"].with_user(gm_b).search([]))
        pack_b = (
            self.env["custcare.review.pack"]
            .with_user(gm_b)
            .create({"date_from": date(2025, 1, 1), "date_to": date(2025, 12, 31)})
        )
        pack_b.action_gather()
        self.assertEqual(pack_b.company_id, company_b)
        capa = self._section(pack_b, "capa")
        self.assertEqual(capa["kpis"][0]["value"], 0, "company A's actions are not counted")

    def test_gathering_costs_the_same_whatever_the_volume(self):
        pack = self._pack()
        pack.action_gather()  # warm-up: caches, sequences
        self.capas.with_user(self.user_qc).action_issue()
        more = (
            self.env["custcare.capa"]
            .with_user(self.user_qc)
            .create(
                [
                    {
                        "nonconformity": f"<p>再 {i}</p>",
                        "department": f"部门 {i}",
                        "responsible_id": self.user_staff.id,
                        "due_date": date.today(),
                    }
                    for i in range(30)
                ]
            )
        )
        more.action_issue()
        self.env.flush_all()
        self.env.invalidate_all()
        # the fixed budget of every installed section, not of this volume
        with self.assertQueryCount(__system__=40):
            pack.action_gather()

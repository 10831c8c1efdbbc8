# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.custcare_base.tests.common import CustcareCase, CustcareHttpCase


@tagged("post_install", "-at_install")
class TestVisits(CustcareHttpCase):
    """走访: plans, reports, gifts approved by a manager before the visit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "成都天府电器有限公司", "is_company": True}
        )
        Visit = cls.env["custcare.visit"].with_user(cls.user_staff)
        cls.visits = Visit.create(
            [
                {
                    "partner_id": cls.customer.id,
                    "plan_month": f"2026-{m:02d}-01",
                    "manager_id": cls.user_manager.id,
                    "purpose_ids": [(4, cls.env.ref("custcare_aftersales.visit_purpose_2").id)],
                }
                for m in (3, 4, 5, 6)
            ]
        )

    def _report(self, visit):
        visit.write(
            {
                "visit_date": visit.plan_month.replace(day=12),
                "persons_met": "张总经理、采购部李经理",
                "key_gains": "收回逾期货款 12 万元，确认二季度订单意向。",
                "customer_reaction": "对交货及时性满意，希望缩短维修响应时间。",
                "suggestions": "在成都设立备件库。",
            }
        )

    def test_gift_needs_approval_before_the_visit(self):
        visit = self.visits[0].with_user(self.user_staff)
        gift = (
            self.env["custcare.gift.request"]
            .with_user(self.user_staff)
            .create({"visit_id": visit.id, "name": "茶叶礼盒", "value": 600, "reason": "中秋拜访"})
        )
        self._report(visit)
        with self.assertRaises(UserError):
            visit.action_done()  # gift still a draft
        with self.assertRaises(UserError):
            gift.action_hand_over()
        self.assertFalse(gift.handed_over)
        gift.action_submit()
        for user in (self.user_staff, self.user_qc):
            with self.assertRaises(AccessError):
                gift.with_user(user).action_approve()
        self.assertEqual(gift.approval_state, "submitted")
        with self.assertRaises(UserError):
            visit.action_done()  # submitted is not approved
        gift.with_user(self.user_manager).action_approve()
        gift.action_hand_over()
        visit.action_done()
        self.assertEqual(visit.state, "done")
        self.assertEqual(gift.approved_by_id, self.user_manager)

    def test_report_required_and_completion_rate(self):
        visit = self.visits[0].with_user(self.user_staff)
        with self.assertRaises(UserError):
            visit.action_done()  # empty report
        self.assertEqual(visit.state, "planned")
        self._report(visit)
        visit.action_done()
        self._report(self.visits[1])
        self.visits[1].action_done()
        rows = self.env["custcare.visit"]._read_group(
            [("id", "in", self.visits.ids)], [], ["completion:avg"]
        )
        self.assertEqual(rows[0][0], 50.0, "two of four planned visits made")
        for user in (self.user_internal, self.user_portal):
            with self.assertRaises(AccessError):
                self.visits.with_user(user).read(["key_gains"])

    def test_visit_report_print(self):
        visit = self.visits[0]
        self._report(visit)
        html, text, _pdf = self.render_controlled(
            "custcare_aftersales.action_report_custcare_visit",
            visit,
            ["custcare_aftersales"],
            "visit.pdf",
        )
        for expected in (
            "走访用户汇报",
            "成都天府电器有限公司",
            "收逾期应收帐款",
            "收回逾期货款",
            "在成都设立备件库",
            "编制",
            "审核",
            "批准",
            "李经理",
        ):
            self.assertIn(expected, html)
        self.assertIn("Q/CC-JL302", text)
        self.assertIn(visit.name, text)
        self.assertIn("第1页/共1页", text.replace(" ", ""))


@tagged("post_install", "-at_install")
class TestVisitMonth(CustcareCase):
    def test_planned_month_reads_as_a_month(self):
        customer = self.env["res.partner"].create(
            {"name": "常熟月份测试有限公司", "is_company": True}
        )
        visit = (
            self.env["custcare.visit"]
            .with_user(self.user_staff)
            .create({"partner_id": customer.id, "plan_month": "2026-11-01"})
        )
        self.env["res.lang"]._activate_lang("zh_CN")
        self.assertEqual(visit.with_context(lang="zh_CN").plan_month_label, "2026年11月")
        self.assertEqual(visit.with_context(lang="en_US").plan_month_label, "Nov 2026")

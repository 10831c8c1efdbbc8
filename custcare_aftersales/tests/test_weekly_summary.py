# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import date, timedelta
from unittest.mock import patch

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from odoo.addons.custcare_base.tests.common import CustcareCase, CustcareHttpCase

# the week of the tests: Monday 16 to Sunday 22 November 2026, in Shanghai
MONDAY = date(2026, 11, 16)
FRIDAY = "2026-11-20 08:00:00"  # 16:00 in Shanghai: the job's time
# Fixed budgets: the whole Friday job (a run after another), and one batch of
# the job for any number of service persons
DRAFT_BUDGET = 22
BATCH_BUDGET = 25


class WeeklyCommon:
    @classmethod
    def _setup_weekly(cls):
        env = cls.env
        env.company.partner_id.tz = "Asia/Shanghai"
        cls.Summary = env["custcare.weekly.summary"]
        cls.customer = env["res.partner"].create(
            {
                "name": "无锡信达精密机械有限公司",
                "is_company": True,
                "account_manager_id": cls.user_staff.id,
            }
        )
        cls.product = env["product.product"].create({"name": "变频器 VF-22"})

    def _service(self, user, request_date, company=None, **vals):
        Service = self.env["custcare.service.request"].with_user(user)
        return (Service.with_company(company) if company else Service).create(
            {
                "partner_id": self.customer.id,
                "product_id": self.product.id,
                "request_date": request_date,
                "symptom": "过流报警，无法启动",
                **vals,
            }
        )

    def _communication(self, user, when, subject, log=True):
        record = (
            self.env["custcare.communication"]
            .with_user(user)
            .create(
                {
                    "partner_id": self.customer.id,
                    "date": when,
                    "subject": subject,
                    "content": "客户反映交货期太长。",
                    "user_id": user.id,
                }
            )
        )
        if log:
            record.action_log()
        return record

    def _draft(self):
        with freeze_time(FRIDAY):
            self.Summary._cron_draft_week()
        return self.Summary.search([("week_start", "=", MONDAY)])

    def _complete(self, summary, user=None):
        summary.with_user(user or summary.person_id).write(
            {
                "work_summary": "受理维修 1 单，回访 1 次，走访 1 家。",
                "issues": "客户反映交货期太长。",
                "next_week_plan": "回访无锡信达，跟进投诉处理。",
            }
        )


@tagged("post_install", "-at_install")
class TestWeeklySummary(WeeklyCommon, CustcareCase):
    """周报 (seed 004 §4): every Friday each service person's week is drafted
    from the records, completed and submitted by the person, reviewed at the
    weekly meeting by a manager; overdue when not submitted by Monday."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_weekly()
        cls.activity_type = cls.env.ref("custcare_aftersales.mail_activity_type_weekly_summary")

    def _week_of_records(self):
        """The staff member's records: some of this week, some not."""
        staff, env = self.user_staff, self.env
        with freeze_time("2026-11-13 03:00:00"):
            returned = self._service(staff, "2026-11-10", picked_up_by="刘工")
            old_open = (
                env["custcare.complaint"]
                .with_user(staff)
                .create(
                    {"partner_id": self.customer.id, "description": "<p>上周投诉：包装破损</p>"}
                )
            )
        with freeze_time(FRIDAY):
            self.service = self._service(staff, "2026-11-17")
            self._service(self.user_qc, "2026-11-18")  # someone else's
            self._service(staff, "2026-11-09")  # last week
            returned.action_receive_product()
            returned.diagnosis = "IGBT 模块损坏"
            returned.action_repaired()
            returned.action_return_product()
            Complaint = env["custcare.complaint"].with_user(staff)
            self.complaint = Complaint.create(
                {"partner_id": self.customer.id, "description": "<p>电机<b>噪音</b>大</p>"}
            )
            closed = Complaint.create(
                {"partner_id": self.customer.id, "description": "<p>说明书缺页</p>"}
            )
            closed.sudo().write({"state": "closed", "closed_at": "2026-11-20 08:00:00"})
            # tracking: the callback of this week
            plan = (
                env["custcare.callback.plan"]
                .with_user(staff)
                .create(
                    {"name": "SO2026-0366 数控车床", "partner_id": self.customer.id},
                )
            )
            callback = plan.callback_ids[0]
            callback.write(
                {"contact_name": "王采购", "satisfaction": "2", "quality_feedback": "主轴噪音大"}
            )
            callback.action_done()
            visit = (
                env["custcare.visit"]
                .with_user(staff)
                .create({"partner_id": self.customer.id, "plan_month": "2026-11-01"})
            )
            visit.write(
                {
                    "visit_date": "2026-11-18",
                    "key_gains": "续签年度合同",
                    "customer_reaction": "希望缩短交货期",
                }
            )
            visit.action_done()
            # Monday 01:00 in Shanghai is this week; Sunday 23:00 the week before
            self._communication(staff, "2026-11-15 17:00:00", "询问交货期")
            self._communication(staff, "2026-11-15 15:00:00", "上周来电")
            self._communication(staff, "2026-11-19 02:00:00", "草稿", log=False)
        self.old_complaint = old_open

    # ---------------------------------------------------------- drafting
    def test_cron_drafts_each_service_person_week(self):
        self._week_of_records()
        summaries = self._draft()
        staff = summaries.filtered(lambda s: s.person_id == self.user_staff)
        # the service staff below manager, once each; not managers, plain users, portal
        self.assertEqual(
            summaries.person_id, self.user_staff | self.user_qc | self.user_keeper, summaries
        )
        self.assertEqual(len(summaries), 3)
        self.assertRecordValues(
            staff,
            [
                {
                    "state": "draft",
                    "company_id": self.env.company.id,
                    "week_end": date(2026, 11, 22),
                    "deadline": date(2026, 11, 23),
                    "service_count": 1,
                    "service_returned_count": 1,
                    "complaint_received_count": 2,
                    "complaint_handled_count": 3,
                    "complaint_closed_count": 1,
                    "callback_count": 1,
                    "visit_count": 1,
                    "communication_count": 1,
                }
            ],
        )
        self.assertTrue(staff.name.startswith("ZB2026-"), staff.name)
        self.assertEqual(
            [(line.kind, line.date) for line in staff.line_ids],
            [
                ("communication", date(2026, 11, 16)),
                ("service", date(2026, 11, 17)),
                ("visit", date(2026, 11, 18)),
                ("callback", date(2026, 11, 20)),
                ("complaint", date(2026, 11, 20)),
                ("complaint", date(2026, 11, 20)),
            ],
        )
        texts = staff.line_ids.mapped("text")
        self.assertIn("询问交货期: 客户反映交货期太长。", texts)
        self.assertIn("电机噪音大", "".join(texts).replace("*", ""))
        self.assertIn("希望缩短交货期", texts)
        callback_line = staff.line_ids.filtered(lambda line: line.kind == "callback")
        self.assertEqual((callback_line.satisfaction, callback_line.text), ("2", "主轴噪音大"))
        self.assertEqual(staff.line_ids.partner_id, self.customer)
        self.assertEqual(
            staff.line_ids.filtered(lambda line: line.kind == "service").reference,
            self.service.name,
        )
        qc = summaries.filtered(lambda s: s.person_id == self.user_qc)
        self.assertEqual(qc.service_count, 1)
        self.assertEqual(qc.line_ids.kind, "service")
        # the person's to-do, due the Monday after, and the person follows it
        activity = staff.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(
            (activity.activity_type_id, activity.user_id, activity.date_deadline),
            (self.activity_type, self.user_staff, date(2026, 11, 23)),
        )
        self.assertIn(self.user_staff.partner_id, staff.message_partner_ids)
        # again: nothing new
        with freeze_time("2026-11-21 02:00:00"):
            self.assertEqual(self.Summary._cron_draft_week(), 0)
        self.assertEqual(self.Summary.search([("week_start", "=", MONDAY)]), summaries)
        self.assertEqual(len(staff.activity_ids), 1)

    def test_new_person_drafted_on_the_next_run(self):
        self._draft()
        newcomer = new_test_user(
            self.env, "cc_weekly_new", groups="custcare_base.group_custcare_user"
        )
        with freeze_time("2026-11-20 09:00:00"):
            self.assertEqual(self.Summary._cron_draft_week(), 1)
        self.assertEqual(
            self.Summary.search(
                [("week_start", "=", MONDAY), ("person_id", "=", newcomer.id)]
            ).service_count,
            0,
        )

    def test_persons_drafted_in_small_batches(self):
        """A person brings the week's records as lines, so the job takes
        fewer persons per batch than records (the batch size / 20), commits
        each batch and, when its time is up, goes on at the next run."""
        self._week_of_records()
        self.env["ir.config_parameter"].sudo().set_param("custcare.cron_batch_size", "40")
        IrCron = type(self.env["ir.cron"])
        boundaries = []

        def time_is_up(cron, processed=0, remaining=None, deactivate=False):
            boundaries.append((processed, remaining))
            return 0

        with freeze_time(FRIDAY), patch.object(IrCron, "_commit_progress", time_is_up):
            self.assertEqual(self.Summary._cron_draft_week(), 2)
        self.assertEqual(boundaries, [(2, 1)], "2 persons a batch, 1 left")
        with freeze_time(FRIDAY):
            self.assertEqual(self.Summary._cron_draft_week(), 1)
        summaries = self.Summary.search([("week_start", "=", MONDAY)])
        self.assertEqual(summaries.person_id, self.user_staff | self.user_qc | self.user_keeper)
        self.assertEqual(len(summaries.activity_ids), 3, "one to-do each, none twice")

    def _draft_queries(self, persons, friday):
        """Draft one batch of ``persons`` as the job does: (queries, summaries)."""
        self.env.flush_all()
        self.env.invalidate_all()
        company = self.env.company
        with self.assertQueryCount(BATCH_BUDGET), freeze_time(friday):
            start = self.env.cr.sql_log_count
            week = date.fromisoformat(friday[:10]) - timedelta(days=4)
            summaries = self.Summary._custcare_draft(persons, company, week)
            self.env.flush_all()
            queries = self.env.cr.sql_log_count - start
        return queries, summaries

    def test_draft_query_budget(self):
        """One batch: the same number of queries for 4 persons as for 12,
        whatever they did (summaries, lines, followers and activities are
        one INSERT each)."""
        persons = self.env["res.users"]
        for i in range(12):
            persons |= new_test_user(
                self.env, f"cc_weekly_{i:02d}", groups="custcare_base.group_custcare_user"
            )
        weeks = (("2026-11-06 08:00:00", "2026-11-03"), ("2026-11-13 08:00:00", "2026-11-10"))
        for friday, day in (*weeks, (FRIDAY, "2026-11-17")):
            with freeze_time(friday):
                for person in persons:
                    self._service(person, day)
                    self._communication(person, f"{day} 02:00:00", "来电")
        with freeze_time(weeks[0][0]):
            self.Summary._cron_draft_week()  # warm-up: the company's sequence, caches
        self._draft_queries(persons[4:6], "2026-10-30 08:00:00")  # and the caches since
        few, few_summaries = self._draft_queries(persons[:4], weeks[1][0])
        many, summaries = self._draft_queries(persons, FRIDAY)
        self.assertEqual((len(few_summaries), len(summaries)), (4, 12))
        self.assertEqual(few, many, f"{few} queries for 4 persons, {many} for 12")
        self.assertEqual(set(summaries.mapped("service_count")), {1})
        self.assertEqual(set(summaries.mapped("communication_count")), {1})
        self.assertEqual(len(summaries.line_ids), 24)
        self.assertEqual(len(summaries.activity_ids), 12)
        self.assertEqual(summaries.activity_ids.user_id, persons)
        self.assertEqual(len(set(summaries.mapped("name"))), 12)
        for summary in summaries:
            self.assertIn(summary.person_id.partner_id, summary.message_partner_ids)

    def test_draft_query_count(self):
        with freeze_time("2026-11-13 08:00:00"):
            self.Summary._cron_draft_week()  # warm-up
        with self.assertQueryCount(DRAFT_BUDGET), freeze_time(FRIDAY):
            self.Summary._cron_draft_week()

    # ------------------------------------------------------------- flow
    def test_person_completes_submits_manager_reviews(self):
        self._week_of_records()
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        as_staff = summary.with_user(self.user_staff)
        with freeze_time("2026-11-20 09:00:00"):
            self._complete(summary)
            as_staff.action_submit()
        self.assertEqual(summary.state, "submitted")
        self.assertEqual(summary.submitted_by_id, self.user_staff)
        # the to-do is done; a manager has the review on their list
        self.assertFalse(
            summary.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
        )
        approval = summary.activity_ids
        self.assertEqual(
            approval.activity_type_id, self.env.ref("custcare_base.mail_activity_type_approval")
        )
        self.assertTrue(approval.user_id.has_group("custcare_base.group_custcare_manager"))
        self.assertNotEqual(approval.user_id, self.user_staff)
        # the meeting
        as_manager = summary.with_user(self.user_manager)
        as_manager.write({"review_note": "交期问题转生产部跟进。"})
        as_manager.action_approve()
        self.assertEqual(summary.state, "reviewed")
        self.assertEqual(summary.approved_by_id, self.user_manager)
        self.assertFalse(summary.activity_ids)
        self.assertFalse(summary.is_overdue)

    def test_send_back_for_completion(self):
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        with freeze_time("2026-11-20 09:00:00"):
            self._complete(summary)
            summary.with_user(self.user_staff).action_submit()
            as_manager = summary.with_user(self.user_manager)
            with self.assertRaisesRegex(UserError, "Say in the review comments what is missing"):
                as_manager.action_reject()
            as_manager.write({"review_note": "请补充投诉处理进度。"})
            as_manager.action_reject()
        self.assertEqual(summary.state, "draft")
        todo = summary.activity_ids.filtered(lambda a: a.activity_type_id == self.activity_type)
        self.assertEqual(todo.user_id, self.user_staff)
        summary.with_user(self.user_staff).write({"issues": "投诉已转质检。"})
        summary.with_user(self.user_staff).action_submit()
        self.assertEqual(summary.state, "submitted")
        # it was submitted once: nobody deletes it, even sent back
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            summary.with_user(self.user_manager).unlink()

    def test_update_figures_while_draft(self):
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        self.assertEqual(summary.service_count, 0)
        with freeze_time("2026-11-20 10:00:00"):
            self._service(self.user_staff, "2026-11-20")
            summary.with_user(self.user_staff).action_refresh()
        self.assertEqual(summary.service_count, 1)
        self.assertEqual(summary.line_ids.kind, "service")

    # ---------------------------------------------------------- refusals
    def test_self_review_refused(self):
        with freeze_time(FRIDAY):
            mine = self.Summary.with_user(self.user_manager).create({})
            self._complete(mine)
            mine.with_user(self.user_manager).action_submit()
            with self.assertRaisesRegex(UserError, "another manager reviews it"):
                mine.with_user(self.user_manager).write({"review_note": "很好"})
            mine.with_user(self.user_gm).write({"review_note": "很好"})
            with self.assertRaisesRegex(AccessError, "concerns you"):
                mine.with_user(self.user_manager).action_approve()
        self.assertEqual(mine.state, "submitted")
        # a service person reviews nobody's summary
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        self._complete(summary)
        summary.with_user(self.user_staff).action_submit()
        with self.assertRaisesRegex(UserError, "Only a Customer Care manager writes"):
            summary.with_user(self.user_staff).write({"review_note": "自评"})
        with self.assertRaisesRegex(AccessError, "may approve"):
            summary.with_user(self.user_staff).action_approve()
        self.assertEqual(summary.state, "submitted")

    def test_edits_after_submission_refused(self):
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        self._complete(summary)
        summary.with_user(self.user_staff).action_submit()
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.subTest(user=user.login):
                as_user = summary.with_user(user)
                with self.assertRaisesRegex(UserError, "was submitted: what it says is kept"):
                    as_user.write({"work_summary": "改过的总结"})
                with self.assertRaisesRegex(UserError, "change only through its actions"):
                    as_user.write({"service_count": 9})
                with self.assertRaisesRegex(UserError, "change only through its actions"):
                    as_user.write({"approval_state": "draft"})
                with self.assertRaisesRegex(UserError, "is set when it is created"):
                    as_user.write({"week_start": "2026-11-09"})
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            summary.line_ids[:1].with_user(self.user_staff).write({"text": "伪造"})
        with self.assertRaisesRegex(UserError, "kept as submitted"):
            summary.with_user(self.user_staff).action_refresh()
        self.env.invalidate_all()
        self.assertEqual(summary.work_summary, "受理维修 1 单，回访 1 次，走访 1 家。")
        self.assertEqual(summary.state, "submitted")
        # the chatter stays open
        summary.with_user(self.user_staff).message_post(body="补充：投诉已关闭。")

    def test_unlink_refused(self):
        summaries = self._draft()
        summary = summaries.filtered(lambda s: s.person_id == self.user_staff)
        # a draft: not by its person (who would escape the overdue list)
        with self.assertRaises(AccessError):
            summary.with_user(self.user_staff).unlink()
        self._complete(summary)
        summary.with_user(self.user_staff).action_submit()
        for user in (self.user_manager, self.user_gm):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "cannot be deleted"):
                    summary.with_user(user).unlink()
        self.assertTrue(summary.exists())
        # a manager deletes a draft (someone on leave that week)
        keeper = summaries.filtered(lambda s: s.person_id == self.user_keeper)
        keeper.with_user(self.user_manager).unlink()
        self.assertFalse(keeper.exists())

    def test_only_the_person_writes_and_submits(self):
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        with self.assertRaisesRegex(UserError, "is written by"):
            summary.with_user(self.user_manager).write({"work_summary": "代写"})
        self._complete(summary)
        with self.assertRaisesRegex(UserError, "is submitted by"):
            summary.with_user(self.user_manager).action_submit()
        self.assertEqual(summary.state, "draft")

    def test_bad_input_refused(self):
        Summary = self.Summary.with_user(self.user_staff)
        before = self.Summary.search_count([])
        with freeze_time(FRIDAY):
            with self.assertRaisesRegex(ValidationError, "is not a Monday"), self.cr.savepoint():
                Summary.create({"week_start": "2026-11-18"})
            with self.assertRaisesRegex(ValidationError, "has not started"), self.cr.savepoint():
                Summary.create({"week_start": "2026-11-23"})
            with (
                self.assertRaisesRegex(ValidationError, "is not a Customer Care user"),
                self.cr.savepoint(),
            ):
                self.Summary.with_user(self.user_manager).create(
                    {"person_id": self.user_internal.id}
                )
            mine = Summary.create({})
            self.assertEqual(mine.week_start, MONDAY)
            self.assertEqual(mine.activity_ids.date_deadline, date(2026, 11, 23))
            with self.assertRaisesRegex(ValidationError, "already has a weekly summary"):
                Summary.create({"week_start": "2026-11-16"})
            with self.assertRaisesRegex(UserError, "Write the work of the week"):
                mine.action_submit()
            with self.assertRaisesRegex(UserError, "is not copied"):
                mine.copy()
            self._complete(mine)
            mine.action_submit()
            with self.assertRaisesRegex(UserError, "Write the review comments"):
                mine.with_user(self.user_manager).action_approve()
        self.assertEqual(self.Summary.search_count([]), before + 1)
        self.assertEqual(mine.state, "submitted")

    # ------------------------------------------------------------ access
    def test_other_person_cannot_read(self):
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        qc = summary.with_user(self.user_qc)
        self.assertFalse(self.Summary.with_user(self.user_qc).search([("id", "=", summary.id)]))
        with self.assertRaises(AccessError):
            qc.read(["work_summary"])
        with self.assertRaises(AccessError):
            qc.write({"work_summary": "看看"})
        with self.assertRaises(AccessError):
            self.Summary.with_user(self.user_qc).create(
                {"person_id": self.user_staff.id, "week_start": "2026-11-09"}
            )
        with self.assertRaises(AccessError):
            summary.with_user(self.user_portal).read(["name"])
        # their own, yes; the managers and the general manager, all
        mine = self.Summary.with_user(self.user_qc).search([])
        self.assertEqual(mine.person_id, self.user_qc)
        for user in (self.user_manager, self.user_gm):
            self.assertEqual(len(self.Summary.with_user(user).search([])), 3)

    def test_overdue(self):
        summaries = self._draft()
        staff = summaries.filtered(lambda s: s.person_id == self.user_staff)
        self._complete(staff)
        staff.with_user(self.user_staff).action_submit()
        late = summaries - staff
        with freeze_time("2026-11-23 12:00:00"):  # Monday: due today
            self.env.invalidate_all()
            self.assertFalse(summaries.filtered("is_overdue"))
            self.assertFalse(self.Summary.search([("is_overdue", "=", True)]))
        with freeze_time("2026-11-24 01:00:00"):  # Tuesday
            self.env.invalidate_all()
            self.assertEqual(summaries.filtered("is_overdue"), late)
            Summary = self.Summary.with_user(self.user_manager)
            self.assertEqual(Summary.search([("is_overdue", "=", True)]), late)
            self.assertEqual(Summary.search([("is_overdue", "=", False)]), staff)
            # the list's filter 逾期未交
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "custcare_aftersales.custcare_weekly_summary_action"
            )
            self.assertEqual(action["res_model"], self.Summary._name)
            self.assertEqual(
                self.Summary.with_user(self.user_qc).search([("is_overdue", "=", True)]).person_id,
                self.user_qc,
            )

    def test_other_company(self):
        """A person working for two companies has one summary in each, with
        that company's records only; company B sees only its own."""
        company_b = self.env["res.company"].create({"name": "乙公司 (周报)"})
        person = new_test_user(
            self.env,
            "cc_weekly_ab",
            groups="custcare_base.group_custcare_user",
            company_ids=[Command.set([self.env.company.id, company_b.id])],
        )
        gm_b = new_test_user(
            self.env,
            "cc_weekly_gm_b",
            groups="custcare_base.group_custcare_gm",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        with freeze_time(FRIDAY):
            in_a = self._service(person, "2026-11-17")
            in_b = self._service(person, "2026-11-18", company=company_b, company_id=company_b.id)
        self.assertEqual(in_b.company_id, company_b)
        summaries = self._draft().filtered(lambda s: s.person_id == person)
        self.assertEqual(summaries.company_id, self.env.company | company_b)
        by_company = {summary.company_id: summary for summary in summaries}
        for record in (in_a, in_b):
            summary = by_company[record.company_id]
            self.assertEqual(summary.service_count, 1)
            self.assertEqual(summary.line_ids.reference, record.name)
        summary_b = summaries.filtered(lambda s: s.company_id == company_b)
        Summary_b = self.Summary.with_user(gm_b)
        self.assertEqual(Summary_b.search([]), summary_b)
        with self.assertRaises(AccessError):
            (summaries - summary_b).with_user(gm_b).read(["name"])

    # -------------------------------------------------------- retention
    def test_retention(self):
        policy = self.env.ref("custcare_aftersales.retention_policy_weekly_summary")
        self.assertEqual(
            (policy.model, policy.date_field, policy.years), (self.Summary._name, "week_end", 2)
        )
        self._week_of_records()
        summary = self._draft().filtered(lambda s: s.person_id == self.user_staff)
        self._complete(summary)
        summary.with_user(self.user_staff).action_submit()
        summary.with_user(self.user_manager).write({"review_note": "好"})
        summary.with_user(self.user_manager).action_approve()
        with freeze_time("2028-11-24"):
            self.assertIn(summary, policy._records_due())
        with freeze_time("2028-11-20"):
            self.assertNotIn(summary, policy._records_due())
        erased = summary.sudo()._custcare_destroy()[summary.id]
        self.assertEqual(erased["issues"], "客户反映交货期太长。")
        self.assertEqual(len(erased["lines"]), 6)
        self.assertFalse(summary.work_summary or summary.issues or summary.review_note)
        self.assertFalse(any(summary.line_ids.mapped("text")))
        self.assertEqual((summary.service_count, summary.state), (1, "reviewed"))


@tagged("post_install", "-at_install")
class TestWeeklySummaryForm(WeeklyCommon, CustcareHttpCase):
    """周报 printed as a controlled form (Q/CC-JL313)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_weekly()
        cls._print_in("zh_CN", ["custcare_aftersales"])

    def test_print(self):
        with freeze_time(FRIDAY):
            self._service(self.user_staff, "2026-11-17", contact_name="刘工")
            self._communication(self.user_staff, "2026-11-18 02:00:00", "询问交货期")
            summary = self.Summary.with_user(self.user_staff).create({})
        self._complete(summary)
        with freeze_time("2026-11-20 09:00:00"):
            summary.with_user(self.user_staff).action_submit()
            summary.with_user(self.user_manager).write({"review_note": "交期问题转生产部跟进。"})
            summary.with_user(self.user_manager).action_approve()
        report = self.env.ref("custcare_aftersales.action_report_custcare_weekly_summary")
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.user_staff)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, summary.ids)
        )
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF"))
        self.assertPrinted(
            report.report_name,
            summary,
            ["custcare_aftersales"],
            save_as="weekly_summary.pdf",
            title="客户服务周报",
            number=summary.name,
            code="Q/CC-JL313",
            rows=["过流报警", "询问交货期"],
            words=(
                "赵销售",
                "李经理",
                "2026年11月16日",
                "交期问题转生产部跟进",
                "无锡信达精密机械有限公司",
            ),
            pages=1,
        )

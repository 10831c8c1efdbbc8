# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import ast
from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from .common import CustcareCase, CustcareHttpCase

# Fixed budget: the communication counts of any number of customers
COUNT_BUDGET = 3


@tagged("post_install", "-at_install")
class TestCommunication(CustcareCase):
    """The communication record (顾客沟通情况记录表) and the visitor register
    (客户来访登记): logged by the staff, evidence once logged, a promise
    becomes the handler's to-do."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        env = cls.env
        cls.user_colleague = new_test_user(
            env, "cc_comm_colleague", groups="custcare_base.group_custcare_user"
        )
        Partner = env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "无锡信达精密机械有限公司",
                "is_company": True,
                "account_manager_id": cls.user_staff.id,
            }
        )
        cls.contact = Partner.create({"name": "刘工", "parent_id": cls.customer.id})
        cls.other_customer = Partner.create(
            {
                "name": "常州恒远化工有限公司",
                "is_company": True,
                "account_manager_id": cls.user_colleague.id,
            }
        )
        cls.Communication = env["custcare.communication"]
        cls.todo = env.ref("mail.mail_activity_data_todo")

    def _vals(self, **vals):
        return {
            "partner_id": self.customer.id,
            "contact_id": self.contact.id,
            "channel": "phone",
            "subject": "询问交货期",
            "content": "客户来电询问下月订单的交货期。",
            **vals,
        }

    def _create(self, user=None, **vals):
        return self.Communication.with_user(user or self.user_staff).create(self._vals(**vals))

    def _promise(self, days=3):
        return {
            "promise": "与生产部确认排产后回复客户。",
            "follow_up_date": fields.Date.today() + timedelta(days=days),
        }

    # ----------------------------------------------------------- the flow
    def test_create_and_log_as_user(self):
        record = self._create(**self._promise())
        self.assertEqual(record.state, "draft")
        self.assertEqual(record.user_id, self.user_staff)
        self.assertEqual(record.company_id, self.env.company)
        self.assertEqual(record.commercial_partner_id, self.customer)
        self.assertTrue(record.name.startswith("GT"), record.name)
        self.assertFalse(record.activity_ids)
        record.action_log()
        self.assertEqual(record.state, "logged")
        activity = record.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.activity_type_id, self.todo)
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(activity.date_deadline, record.follow_up_date)
        self.assertIn("无锡信达精密机械有限公司", activity.summary)
        with self.assertRaisesRegex(UserError, "Only a draft communication can be logged"):
            record.action_log()
        self.assertEqual(len(record.activity_ids), 1)

    def test_promise_one_activity_per_record(self):
        """Logged together: one to-do for each promise with a deadline, none
        for the others, on each record's handler."""
        records = self._create(**self._promise(2))
        records |= self._create(user_id=self.user_colleague.id, **self._promise(5))
        records |= self._create(promise="下次来访时带样品")  # no deadline: no to-do
        records |= self._create()
        records.action_log()
        activities = self.env["mail.activity"].search(
            [("res_model", "=", records._name), ("res_id", "in", records.ids)]
        )
        self.assertEqual(len(activities), 2)
        self.assertEqual(
            {(a.res_id, a.user_id, a.date_deadline) for a in activities},
            {(r.id, r.user_id, r.follow_up_date) for r in records[:2]},
        )

    def test_deadline_without_promise_refused(self):
        record = self._create(follow_up_date=fields.Date.today() + timedelta(days=1))
        with self.assertRaisesRegex(UserError, "has a follow-up deadline but no promise"):
            record.action_log()
        self.assertEqual(record.state, "draft")
        self.assertFalse(record.activity_ids)

    def test_visit_received(self):
        """客户来访登记: the visitor register's action opens and creates
        visits received only."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_base.custcare_visitor_register_action"
        )
        self.assertEqual(action["domain"], "[('channel', '=', 'visit')]")
        context = {"default_channel": "visit", "default_direction": "incoming"}
        record = (
            self.Communication.with_user(self.user_staff)
            .with_context(**context)
            .create(
                {
                    "partner_id": self.customer.id,
                    "subject": "来厂考察",
                    "content": "参观装配车间。",
                    "visitor_names": "王总、张工",
                    "visitor_count": 2,
                    "visit_purpose": "考察生产线",
                    "receiver_ids": [Command.set([self.user_staff.id, self.user_manager.id])],
                }
            )
        )
        self.assertEqual((record.channel, record.direction), ("visit", "incoming"))
        record.action_log()
        found = self.Communication.with_user(self.user_manager).search(
            [*ast.literal_eval(action["domain"]), ("id", "=", record.id)]
        )
        self.assertEqual(found, record)

    # ------------------------------------------------------- bad input
    def test_future_date_refused(self):
        before = self.Communication.search_count([])
        with (
            self.assertRaisesRegex(ValidationError, "its date cannot be in the future"),
            self.cr.savepoint(),
        ):
            self._create(date=fields.Datetime.now() + timedelta(hours=2))
        self.assertEqual(self.Communication.search_count([]), before)
        record = self._create()
        date = record.date
        with (
            self.assertRaisesRegex(ValidationError, "its date cannot be in the future"),
            self.cr.savepoint(),
        ):
            record.write({"date": fields.Datetime.now() + timedelta(days=1)})
        self.env.invalidate_all()
        self.assertEqual(record.date, date)

    def test_follow_up_before_communication_refused(self):
        with self.assertRaisesRegex(ValidationError, "falls before the communication"):
            self._create(promise="回复", follow_up_date=fields.Date.today() - timedelta(days=1))

    def test_handler_not_desk_user_refused(self):
        for user in (self.user_internal, self.user_portal):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(ValidationError, "is not a Customer Care user"):
                    self._create(user_id=user.id)
        record = self._create()
        with (
            self.assertRaisesRegex(ValidationError, "is not a Customer Care user"),
            self.cr.savepoint(),
        ):
            record.write({"user_id": self.user_internal.id})
        self.env.invalidate_all()
        self.assertEqual(record.user_id, self.user_staff)

    def test_contact_of_another_customer_refused(self):
        stranger = self.env["res.partner"].create(
            {"name": "赵采购", "parent_id": self.other_customer.id}
        )
        with self.assertRaisesRegex(ValidationError, "赵采购 is not a contact of"):
            self._create(contact_id=stranger.id)

    def test_negative_visitor_count_refused(self):
        with self.assertRaisesRegex(ValidationError, "number of visitors cannot be negative"):
            self._create(channel="visit", visitor_count=-1)

    def test_state_never_written(self):
        record = self._create()
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            record.write({"state": "logged"})
        with self.assertRaisesRegex(UserError, "change only through its actions"):
            self._create(state="logged")
        self.assertEqual(record.state, "draft")

    # -------------------------------------------------------- evidence
    def test_logged_record_is_evidence(self):
        """Once logged, nobody changes what it records or deletes it: not
        its handler, not a manager, not the general manager."""
        record = self._create(**self._promise())
        record.action_log()
        for user in (self.user_staff, self.user_manager, self.user_gm):
            with self.subTest(user=user.login):
                as_user = record.with_user(user)
                with self.assertRaisesRegex(UserError, "is logged: what it records is kept"):
                    as_user.write({"content": "改过的内容"})
                with self.assertRaisesRegex(UserError, "is logged: what it records is kept"):
                    as_user.write({"follow_up_date": fields.Date.today()})
                with self.assertRaisesRegex(UserError, "change only through its actions"):
                    as_user.write({"state": "draft"})
                with self.assertRaisesRegex(UserError, "cannot be deleted"):
                    as_user.unlink()
        self.env.invalidate_all()
        self.assertTrue(record.exists())
        self.assertEqual(record.content, "客户来电询问下月订单的交货期。")
        self.assertEqual(record.state, "logged")
        # the chatter stays open: what happened since is a note
        record.with_user(self.user_staff).message_post(body="已回复客户交货期")

    def test_draft_deleted_by_author_or_manager_only(self):
        mine = self._create()
        mine.with_user(self.user_staff).unlink()
        self.assertFalse(mine.exists())
        # handled by the colleague, written by the staff member
        theirs = self._create(user_id=self.user_colleague.id)
        with self.assertRaises(AccessError):
            theirs.with_user(self.user_colleague).unlink()
        theirs.with_user(self.user_manager).unlink()
        self.assertFalse(theirs.exists())

    # --------------------------------------------------------- who sees
    def test_colleague_cannot_read_another_salesmans_customer(self):
        record = self._create()
        Colleague = self.Communication.with_user(self.user_colleague)
        self.assertFalse(Colleague.search([("id", "=", record.id)]))
        with self.assertRaises(AccessError):
            record.with_user(self.user_colleague).read(["subject"])
        with self.assertRaises(AccessError):
            record.with_user(self.user_colleague).write({"subject": "改"})
        # the account manager of the customer sees what a colleague logged
        theirs = self._create(user=self.user_colleague, user_id=self.user_colleague.id)
        self.assertEqual(
            self.Communication.with_user(self.user_staff).search([("id", "=", theirs.id)]), theirs
        )
        # a receiver of the visit sees it
        visit = self._create(
            user=self.user_colleague,
            partner_id=self.other_customer.id,
            contact_id=False,
            channel="visit",
            user_id=self.user_colleague.id,
            receiver_ids=[Command.set(self.user_qc.ids)],
        )
        self.assertEqual(visit.with_user(self.user_qc).subject, "询问交货期")
        with self.assertRaises(AccessError):
            visit.with_user(self.user_staff).read(["subject"])

    def test_second_company_cannot_read(self):
        company_b = self.env["res.company"].create({"name": "乙公司 (沟通)"})
        user_b = new_test_user(
            self.env,
            "cc_comm_b",
            groups="custcare_base.group_custcare_gm",
            company_id=company_b.id,
            company_ids=[Command.set(company_b.ids)],
        )
        record = self._create()
        record.action_log()
        self.assertFalse(self.Communication.with_user(user_b).search([("id", "=", record.id)]))
        with self.assertRaises(AccessError):
            record.with_user(user_b).read(["subject"])

    def test_portal_has_no_access(self):
        record = self._create()
        with self.assertRaises(AccessError):
            record.with_user(self.user_portal).read(["subject"])
        with self.assertRaises(AccessError):
            self._create(user=self.user_portal)

    # --------------------------------------------- the customer's button
    def test_partner_button(self):
        self._create()
        self._create(contact_id=False, partner_id=self.contact.id)
        self.assertEqual(self.customer.with_user(self.user_staff).custcare_communication_count, 2)
        self.assertEqual(self.contact.with_user(self.user_staff).custcare_communication_count, 2)
        # the colleague counts only what they may read
        self.assertEqual(
            self.customer.with_user(self.user_colleague).custcare_communication_count, 0
        )
        action = self.contact.with_user(self.user_staff).action_open_custcare_communications()
        self.assertEqual(action["res_model"], "custcare.communication")
        self.assertEqual(action["domain"], [("commercial_partner_id", "=", self.customer.id)])
        self.assertEqual(action["context"]["default_partner_id"], self.customer.id)
        self.assertEqual(action["context"]["default_contact_id"], self.contact.id)
        new = self.Communication.with_user(self.user_staff).with_context(**action["context"])
        record = new.create({"subject": "回访", "content": "电话回访。"})
        self.assertEqual((record.partner_id, record.contact_id), (self.customer, self.contact))

    def _count_queries(self, partners):
        partners = partners.with_user(self.user_staff)
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        counts = partners.mapped("custcare_communication_count")
        return self.env.cr.sql_log_count - start, counts

    def test_partner_count_query_budget(self):
        """The smart button's count: one grouped query for the batch, the
        same number of queries for 5 customers as for 40."""
        partners = self.env["res.partner"].create(
            [
                {
                    "name": f"沟通客户{i:02d}",
                    "is_company": True,
                    "account_manager_id": self.user_staff.id,
                }
                for i in range(40)
            ]
        )
        self.Communication.create(
            [
                self._vals(partner_id=p.id, contact_id=False, subject=f"来电{i}")
                for i, p in enumerate(partners)
                for _j in range(1 + i % 3)
            ]
        )
        self._count_queries(partners)  # warm the caches (rules, groups)
        few, few_counts = self._count_queries(partners[:5])
        many, many_counts = self._count_queries(partners)
        self.assertEqual(few_counts, [1 + i % 3 for i in range(5)])
        self.assertEqual(many_counts, [1 + i % 3 for i in range(40)])
        self.assertEqual(few, many)
        self.assertLessEqual(many, COUNT_BUDGET)
        with self.assertQueryCount(COUNT_BUDGET):
            self.env.invalidate_all()
            partners.with_user(self.user_staff).mapped("custcare_communication_count")

    # -------------------------------------------------------- retention
    def test_retention(self):
        policy = self.env.ref("custcare_base.retention_policy_communication")
        self.assertEqual(
            (policy.model, policy.date_field, policy.years), (self.Communication._name, "date", 2)
        )
        record = self._create(**self._promise(), contact_name="刘工")
        record.action_log()
        self.assertIn(record, self.Communication.search(policy._domain()))
        record.sudo()._custcare_destroy()
        self.assertTrue(record.destroyed)
        self.assertEqual((record.content, record.promise, record.contact_name), ("-", False, False))
        self.assertEqual(record.subject, "询问交货期")


@tagged("post_install", "-at_install")
class TestCommunicationForms(CustcareHttpCase):
    """顾客沟通情况记录表 for a customer and a period, and 客户来访登记,
    printed as a user prints them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._print_in("zh_CN")
        Partner = cls.env["res.partner"]
        cls.customer = Partner.create(
            {
                "name": "上海宏达机械制造有限公司",
                "is_company": True,
                "account_manager_id": cls.user_staff.id,
            }
        )
        cls.other = Partner.create(
            {
                "name": "苏州精工电子有限公司",
                "is_company": True,
                "account_manager_id": cls.user_staff.id,
            }
        )
        cls.Wizard = cls.env["custcare.register.print"].with_user(cls.user_staff)
        cls.report = cls.env.ref("custcare_base.action_report_custcare_communication")
        cls.visitor_report = cls.env.ref("custcare_base.action_report_custcare_visitor_register")

    def _log(self, vals_list):
        records = self.env["custcare.communication"].with_user(self.user_staff).create(vals_list)
        records.action_log()
        return records

    def _entry(self, customer, day, hour, subject, **vals):
        return {
            "partner_id": customer.id,
            "date": datetime(2026, 10, day, hour),
            "subject": subject,
            "content": f"{subject}：客户反映的情况和我们的答复。",
            **vals,
        }

    def test_one_customer_one_page(self):
        """One customer's month on one page; the other customer's
        communications and the drafts are not on it."""
        self._log(
            [
                self._entry(self.customer, 5, 2, "交货期A01", channel="phone"),
                self._entry(
                    self.customer,
                    9,
                    3,
                    "包装A02",
                    channel="email",
                    direction="outgoing",
                    promise="下周寄送木箱包装样品",
                    follow_up_date="2026-10-16",
                ),
                self._entry(self.customer, 20, 6, "来访A03", channel="visit", visitor_count=2),
                self._entry(self.other, 10, 2, "别家B01"),
            ]
        )
        self.env["custcare.communication"].create(self._entry(self.customer, 11, 2, "草稿D01"))
        wizard = self.Wizard.create(
            {
                "report_id": self.report.id,
                "date_from": "2026-10-01",
                "date_to": "2026-10-31",
                "partner_id": self.customer.id,
            }
        )
        self.assertEqual(
            wizard.action_print()["report_name"], "custcare_base.report_custcare_communication"
        )
        texts = self.assertPrinted(
            self.report.report_name,
            wizard,
            save_as="communication_one.pdf",
            title="顾客沟通情况记录表",
            number="GT-202610",
            code="Q/CC-JL006",
            header=("序号", "日期", "联系人", "沟通方式"),
            rows=["交货期A01", "包装A02", "来访A03"],
            words=("上海宏达机械制造有限公司", "下周寄送木箱包装样品", "2026年10月16日", "电话"),
            pages=1,
        )
        self.assertNotIn("别家B01", texts[0])
        self.assertNotIn("草稿D01", texts[0])

    def test_all_customers_several_pages_and_visitor_register(self):
        """Every customer's month over several pages, rows whole and in
        order (customer, then date); the visitor register lists the visits
        received only."""
        vals = []
        for i in range(1, 61):
            customer = self.customer if i <= 30 else self.other
            channel = "visit" if i % 3 == 0 else "phone"
            extra = {"channel": channel}
            if channel == "visit":
                extra.update(
                    visitor_names="王总、张工",
                    visitor_count=2,
                    receiver_ids=[Command.set([self.user_staff.id, self.user_manager.id])],
                )
            if i % 4 == 0:
                extra["promise"] = "回复客户处理结果\n寄送资料"
            vals.append(self._entry(customer, 1 + i % 28, 1 + i % 8, f"沟通C{i:03d}", **extra))
        records = self._log(vals)
        wizard = self.Wizard.create(
            {"report_id": self.report.id, "date_from": "2026-10-01", "date_to": "2026-10-31"}
        )
        ordered = records.search(
            [("id", "in", records.ids)], order="commercial_partner_id, date, id"
        )
        texts = self.assertPrinted(
            self.report.report_name,
            wizard,
            save_as="communication_all.pdf",
            title="顾客沟通情况记录表",
            number="GT-202610",
            code="Q/CC-JL006",
            header=("序号", "日期", "客户", "联系人"),
            rows=ordered.mapped("subject"),
            words=("全部客户", "苏州精工电子有限公司"),
        )
        self.assertGreaterEqual(len(texts), 2)

        visits = ordered.filtered(lambda r: r.channel == "visit")
        wizard.report_id = self.visitor_report
        texts = self.assertPrinted(
            self.visitor_report.report_name,
            wizard,
            save_as="visitor_register.pdf",
            title="客户来访登记",
            number="LF-202610",
            code="Q/CC-JL007",
            header=("序号", "日期", "客户", "来访人员"),
            rows=visits.mapped("subject"),
            words=("王总、张工", "赵销售"),
        )
        whole = "".join(texts)
        for record in ordered - visits:
            self.assertNotIn(record.subject, whole)

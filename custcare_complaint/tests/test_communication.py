# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestComplaintCommunication(ComplaintCase):
    """The complaint desk logs its calls with the customer (安抚和沟通) as
    communication records filed with the complaint."""

    def test_communication_from_the_complaint(self):
        complaint = self._complaint(contact_name="刘工")
        action = complaint.with_user(self.user_staff).action_open_communications()
        self.assertEqual(action["res_model"], "custcare.communication")
        self.assertEqual(action["domain"], [("complaint_id", "=", complaint.id)])
        Communication = (
            self.env["custcare.communication"]
            .with_user(self.user_staff)
            .with_context(**action["context"])
        )
        record = Communication.create({"content": "已向客户说明调查进度，三天内给出处理结果。"})
        self.assertEqual(record.complaint_id, complaint)
        self.assertEqual(record.partner_id, self.customer)
        self.assertEqual(record.contact_name, "刘工")
        self.assertEqual(record.subject, complaint.name)
        self.assertEqual(complaint.with_user(self.user_staff).communication_count, 1)
        record.action_log()
        with self.assertRaisesRegex(UserError, "is logged: what it records is kept"):
            record.write({"complaint_id": False})
        self.assertEqual(record.complaint_id, complaint)

    def test_complaint_of_another_customer_refused(self):
        complaint = self._complaint()
        other = self.env["res.partner"].create({"name": "常州恒远化工有限公司", "is_company": True})
        with self.assertRaisesRegex(ValidationError, "is a complaint of 上海宏达机械制造有限公司"):
            self.env["custcare.communication"].with_user(self.user_staff).create(
                {
                    "partner_id": other.id,
                    "complaint_id": complaint.id,
                    "subject": "回访",
                    "content": "电话沟通。",
                }
            )

    def test_count_in_one_query(self):
        complaints = self.env["custcare.complaint"]
        for _i in range(6):
            complaints |= self._complaint()
        self.env["custcare.communication"].create(
            [
                {
                    "partner_id": self.customer.id,
                    "complaint_id": complaint.id,
                    "subject": "沟通",
                    "content": "电话沟通。",
                }
                for complaint in complaints[:4]
            ]
        )
        complaints = complaints.with_user(self.user_manager)
        complaints.mapped("communication_count")  # warm the caches
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            counts = complaints.mapped("communication_count")
        self.assertEqual(counts, [1, 1, 1, 1, 0, 0])

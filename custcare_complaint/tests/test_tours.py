# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import logging
import time

from odoo.tests import tagged

from odoo.addons.custcare_base.tests.tour_common import CustcareTourCase

_logger = logging.getLogger(__name__)
SUBJECT = "外壳尺寸超差"


@tagged("post_install", "-at_install")
class TestComplaintTours(CustcareTourCase):
    """The complaint desk in a browser, in Chinese, each step as the person
    who does it: register and transfer (sales), investigate and issue the
    CAPA request (QC), carry it out (the responsible department), verify it
    and submit the result (QC), approve (GM), answer the customer and close
    (the first receiver); and a customer's complaint from the portal."""

    ui_modules = ("contacts", "portal", "custcare_complaint")

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sales = cls.tour_user("cc_tour_sales", "周凯", "custcare_base.group_custcare_user")
        cls.qc = cls.tour_user("cc_tour_qc", "钱进", "custcare_base.group_custcare_qc")
        cls.production = cls.tour_user(
            "cc_tour_production", "刘建华", "custcare_base.group_custcare_user"
        )
        cls.gm = cls.tour_user("cc_tour_gm", "王总经理", "custcare_base.group_custcare_gm")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "华东精工机械有限公司",
                "is_company": True,
                "city": "苏州",
                "phone": "0512-6666 8888",
                "lang": "zh_CN",
                "account_manager_id": cls.sales.id,
            }
        )
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "张伟",
                "parent_id": cls.customer.id,
                "phone": "0512-6666 8801",
                "email": "zhangwei@example.com",
                "lang": "zh_CN",
                "tz": "Asia/Shanghai",
            }
        )
        # the desk is not empty: a complaint of another colleague's customer
        other = cls.env["res.partner"].create({"name": "宁波海达船舶配件厂", "is_company": True})
        cls.env["custcare.complaint"].with_user(cls.sales).create(
            {
                "subject": "主轴异响",
                "partner_id": other.id,
                "category": "quality",
                "severity": "critical",
                "description": "<p>三台主轴运转时有异响。</p>",
            }
        )

    def _step(self, tour, login):
        start = time.monotonic()
        self.tour("/odoo", tour, login=login)
        self.timings[tour] = round(time.monotonic() - start, 1)

    def test_complaint_desk_flow(self):
        self.timings = {}
        Complaint = self.env["custcare.complaint"]
        # 1. sales registers the complaint and transfers it to QC (转交)
        self._step("custcare_complaint_register_tour", self.sales.login)
        complaint = Complaint.search([("subject", "=", SUBJECT)])
        self.assertEqual(len(complaint), 1)
        self.assertRecordValues(
            complaint,
            [
                {
                    "partner_id": self.customer.id,
                    "category": "quality",
                    "severity": "major",
                    "state": "new",
                    "first_receiver_id": self.sales.id,
                    "user_id": self.qc.id,
                    "contact_name": "张伟",
                    "contact_phone": "0512-6666 8801",
                }
            ],
        )
        self.assertIn("安装孔距超差", complaint.description)
        self.assertRecordValues(
            complaint.transfer_ids,
            [{"from_user_id": self.sales.id, "to_user_id": self.qc.id}],
        )
        self.assertEqual(complaint.transfer_ids.reason, "尺寸问题，请质检部调查")
        # the follow-up moved with the complaint
        self.assertEqual(complaint.activity_ids.user_id, self.qc)

        # 2. QC investigates, the company is responsible: the CAPA request is issued
        self._step("custcare_complaint_investigate_tour", self.qc.login)
        self.assertRecordValues(
            complaint,
            [
                {
                    "state": "investigating",
                    "investigated_by_id": self.qc.id,
                    "responsibility": "company",
                }
            ],
        )
        self.assertIn("钻模定位销磨损", complaint.root_cause)
        capa = complaint.capa_id
        self.assertRecordValues(
            capa,
            [
                {
                    "state": "issued",
                    "responsible_id": self.production.id,
                    "department": "生产部",
                    "partner_id": self.customer.id,
                    "create_uid": self.qc.id,
                }
            ],
        )
        self.assertEqual((capa.due_date - capa.create_date.date()).days, 14)
        self.assertEqual(capa.activity_ids.user_id, self.production)

        # 3. the responsible department carries out the action
        self._step("custcare_capa_implement_tour", self.production.login)
        self.assertEqual(capa.state, "implemented")
        self.assertIn("更换钻模定位销", capa.corrective_action)
        self.assertFalse(capa.activity_ids.filtered(lambda a: a.user_id == self.production))
        # the form links to the complaint only for whoever may open it
        self.assertFalse(complaint.with_user(self.production).has_access("read"))
        self.assertFalse(capa.with_user(self.production).source_readable)
        self.assertTrue(capa.with_user(self.qc).source_readable)

        # 4. QC verifies it effective and submits the result
        self._step("custcare_complaint_verify_tour", self.qc.login)
        self.assertRecordValues(capa, [{"state": "verified", "verified_by_id": self.qc.id}])
        self.assertRecordValues(complaint, [{"state": "approval", "approval_state": "submitted"}])

        # 5. the general manager approves (审批)
        self._step("custcare_complaint_approve_tour", self.gm.login)
        self.assertRecordValues(
            complaint,
            [{"state": "feedback", "approval_state": "approved", "approved_by_id": self.gm.id}],
        )

        # 6. the first receiver answers the customer and closes
        self._step("custcare_complaint_close_tour", self.sales.login)
        self.assertRecordValues(
            complaint,
            [
                {
                    "state": "closed",
                    "feedback_method": "phone",
                    "customer_reaction": "客户接受处理结果",
                }
            ],
        )
        self.assertTrue(complaint.feedback_date)
        self.assertTrue(complaint.closed_at)
        self.assertFalse(complaint.activity_ids)
        # hence no link to the CAPA request on the first receiver's form
        self.assertFalse(capa.with_user(self.sales).has_access("read"))
        self.assertGreaterEqual(
            set(self.shots),
            {
                "partner_form",
                "desk_kanban",
                "desk_quick_create",
                "complaint_form",
                "complaint_transfer",
                "desk_list",
                "complaint_investigation",
                "capa_form",
                "complaint_feedback",
                "desk_kanban_gm",
            },
        )
        _logger.info("complaint desk tours (seconds): %s", self.timings)

    def test_portal_complaint_with_attachment(self):
        portal = self.tour_user("cc_tour_portal", "张伟", "base.group_portal")
        portal.partner_id.write({"parent_id": self.customer.id, "phone": "0512-6666 8801"})
        start = time.monotonic()
        self.tour("/my", "custcare_complaint_portal_tour", login=portal.login)
        elapsed = round(time.monotonic() - start, 1)
        complaint = self.env["custcare.complaint"].search([("subject", "=", "到货包装破损")])
        self.assertRecordValues(
            complaint,
            [
                {
                    "partner_id": self.customer.id,
                    "channel": "portal",
                    "category": "delivery",
                    "contact_name": "张伟",
                    "lot_ref": "HV-2026-118",
                    "state": "new",
                }
            ],
        )
        attachment = self.env["ir.attachment"].search(
            [("res_model", "=", "custcare.complaint"), ("res_id", "=", complaint.id)]
        )
        self.assertEqual(attachment.name, "破损照片.txt")
        self.assertEqual(attachment.raw, "箱体一角压扁".encode())
        carrier = (
            self.env["mail.message"]
            .search([("model", "=", "custcare.complaint"), ("res_id", "=", complaint.id)])
            .filtered(lambda m: attachment in m.attachment_ids)
        )
        self.assertEqual(carrier.author_id, portal.partner_id)
        self.assertIn(complaint.partner_id, portal.partner_id.commercial_partner_id)
        self.assertGreaterEqual(
            set(self.shots),
            {"portal_home", "portal_complaints", "portal_new_complaint", "portal_acknowledgement"},
        )
        _logger.info("portal complaint tour: %s s", elapsed)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import http
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):
    """Customers see, submit and answer their own complaints, and nobody else's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Partner = cls.env["res.partner"]
        cls.company_a = Partner.create({"name": "苏州精工电子有限公司", "is_company": True})
        cls.company_b = Partner.create({"name": "杭州西湖精密仪器有限公司", "is_company": True})
        cls.portal_a = new_test_user(cls.env, "portal_a", groups="base.group_portal")
        cls.portal_a.partner_id.parent_id = cls.company_a
        staff = new_test_user(cls.env, "desk_staff", groups="custcare_base.group_custcare_user")
        Complaint = cls.env["custcare.complaint"].with_user(staff)
        cls.mine = Complaint.create(
            {"partner_id": cls.company_a.id, "description": "<p>外壳尺寸超差</p>"}
        )
        cls.theirs = Complaint.create(
            {"partner_id": cls.company_b.id, "description": "<p>别人的投诉</p>"}
        )

    def test_orm_access(self):
        Complaint = self.env["custcare.complaint"].with_user(self.portal_a)
        self.assertEqual(Complaint.search([]), self.mine)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.portal_a).read(["description"])
        with self.assertRaises(AccessError):
            self.mine.with_user(self.portal_a).write({"severity": "critical"})
        # investigation details stay internal
        self.assertNotIn("root_cause", Complaint.fields_get())

    def test_pages(self):
        self.authenticate("portal_a", "portal_a")
        listing = self.url_open("/my/complaints")
        self.assertEqual(listing.status_code, 200)
        self.assertIn(self.mine.name, listing.text)
        self.assertNotIn(self.theirs.name, listing.text)
        page = self.url_open(f"/my/complaints/{self.mine.id}")
        self.assertIn("外壳尺寸超差", page.text)
        other = self.url_open(f"/my/complaints/{self.theirs.id}", allow_redirects=False)
        self.assertEqual(other.status_code, 303)
        self.assertNotIn("别人的投诉", other.text)

    def test_reply(self):
        """A customer answers in the portal chatter of their own complaint only."""
        self.authenticate("portal_a", "portal_a")
        result = self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "custcare.complaint",
                "thread_id": self.mine.id,
                "post_data": {"body": "补充：批号 20261105-A", "message_type": "comment"},
            },
        )
        message = self.env["mail.message"].browse(result["message_id"])
        self.assertEqual(message.model, "custcare.complaint")
        self.assertEqual(message.res_id, self.mine.id)
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertIn("20261105-A", str(message.body))
        before = self.env["mail.message"].search_count(
            [("model", "=", "custcare.complaint"), ("res_id", "=", self.theirs.id)]
        )
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "custcare.complaint",
                    "thread_id": self.theirs.id,
                    "post_data": {"body": "x", "message_type": "comment"},
                },
            )
        after = self.env["mail.message"].search_count(
            [("model", "=", "custcare.complaint"), ("res_id", "=", self.theirs.id)]
        )
        self.assertEqual(after, before)

    def test_submit(self):
        self.authenticate("portal_a", "portal_a")
        empty = self.url_open(
            "/my/complaints/new",
            data={"csrf_token": http.Request.csrf_token(self), "description": "  "},
        )
        self.assertIn("is-invalid", empty.text)
        before = self.env["custcare.complaint"].search_count([])
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "category": "delivery",
                "description": "到货包装破损 <b>3 箱</b>",
            },
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["custcare.complaint"].search([], order="id desc", limit=1)
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before + 1)
        self.assertEqual(complaint.partner_id, self.company_a)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.category, "delivery")
        self.assertIn("&lt;b&gt;", complaint.description, "customer text is escaped")
        self.assertIn(self.portal_a.partner_id, complaint.message_partner_ids)

    def test_submit_with_files_and_acknowledgement(self):
        self.authenticate("portal_a", "portal_a")
        before = self.env["custcare.complaint"].search_count([])
        # too many files: refused, nothing created
        refused = self.url_open(
            "/my/complaints/new",
            data={"csrf_token": http.Request.csrf_token(self), "description": "破损"},
            files=[("attachments", (f"p{i}.jpg", b"x", "image/jpeg")) for i in range(6)],
        )
        self.assertIn("is-invalid", refused.text)
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        too_big = self.url_open(
            "/my/complaints/new",
            data={"csrf_token": http.Request.csrf_token(self), "description": "破损"},
            files={"attachments": ("big.pdf", b"0" * (10 * 1024 * 1024 + 1), "application/pdf")},
        )
        self.assertIn("big.pdf", too_big.text)
        self.assertEqual(self.env["custcare.complaint"].search_count([]), before)
        response = self.url_open(
            "/my/complaints/new",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "category": "quality",
                "subject": "外壳划伤",
                "description": "收到的 20 件外壳有划伤，见照片。",
            },
            files=[
                ("attachments", ("划伤1.jpg", b"\xff\xd8\xff photo 1", "image/jpeg")),
                ("attachments", ("划伤2.jpg", b"\xff\xd8\xff photo 2", "image/jpeg")),
            ],
        )
        self.assertEqual(response.status_code, 200)
        complaint = self.env["custcare.complaint"].search([], order="id desc", limit=1)
        self.assertEqual(complaint.subject, "外壳划伤")
        # the acknowledgement, with the number and when we answer
        self.assertIn("submitted=1", response.url)
        self.assertIn(complaint.name, response.text)
        self.assertIn("We have received your complaint", response.text)
        self.assertIn("will come back to you by", response.text)
        # the files, on a message of the customer's that the desk and the portal see
        message = complaint.message_ids.filtered("attachment_ids")
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertEqual(sorted(message.attachment_ids.mapped("name")), ["划伤1.jpg", "划伤2.jpg"])
        self.assertFalse(message.is_internal)
        # what the portal's chatter fetches for the customer
        thread = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "custcare.complaint", "thread_id": complaint.id},
        )
        self.assertIn(message.id, thread["messages"])
        names = {a["name"] for a in thread["data"].get("ir.attachment", [])}
        self.assertEqual(names, {"划伤1.jpg", "划伤2.jpg"})
        # the customer cannot take a file back: not by the chatter's delete
        # route with the uploader's token, not by the ORM
        photo = message.attachment_ids.sorted("name")[0]
        with self.assertRaises(JsonRpcException), mute_logger("odoo.http"):
            self.make_jsonrpc_request(
                "/mail/attachment/delete",
                {"attachment_id": photo.id, "access_token": photo._get_ownership_token()},
            )
        with self.assertRaises(UserError):
            photo.with_user(self.portal_a).sudo().unlink()
        self.assertTrue(photo.exists())
        # the desk may tidy a complaint not yet investigated; not afterwards
        desk_file = self.env["ir.attachment"].create(
            {"name": "草稿.txt", "raw": b"x", "res_model": complaint._name, "res_id": complaint.id}
        )
        desk_file.unlink()
        complaint.sudo()._custcare_write({"state": "investigating"})
        with self.assertRaises(UserError):
            photo.unlink()
        self.assertEqual(len(message.attachment_ids), 2)
        # the card on /my counts the customer's complaints
        home = self.url_open("/my")
        self.assertIn('data-placeholder_count="complaint_count"', home.text)

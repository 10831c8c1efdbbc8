# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.exceptions import ValidationError
from odoo.tests import Form, tagged

from .common import ComplaintCase


@tagged("post_install", "-at_install")
class TestDesk(ComplaintCase):
    """What the desk shows: a subject line, the customer's contact taken
    from the customer, one-line registration from the kanban."""

    def test_subject_line(self):
        given = self._complaint(subject="外壳尺寸超差（200 件）")
        self.assertEqual(given.display_name, f"{given.name} 外壳尺寸超差（200 件）")
        # none given: the description's first words
        derived = self._complaint(description="<p>" + "包装箱破损，" * 20 + "</p>")
        self.assertTrue(derived.subject.startswith("包装箱破损，包装箱破损"))
        self.assertEqual(len(derived.subject), 60)
        self.assertTrue(derived.subject.endswith("…"))
        # found by its subject, as the many2one fields and the search box do
        Complaint = self.env["custcare.complaint"].with_user(self.user_staff)
        self.assertEqual(Complaint.name_search("尺寸超差"), [(given.id, given.display_name)])
        with self.assertRaises(ValidationError):
            self._complaint(subject="长" * 257)

    def test_contact_taken_from_the_customer(self):
        self.customer.phone = "0510-8888 1234"
        self.env["res.partner"].create(
            {"name": "刘采购", "parent_id": self.customer.id, "phone": "139 0000 1111"}
        )
        form = Form(self.env["custcare.complaint"].with_user(self.user_staff))
        form.partner_id = self.customer
        self.assertEqual(form.contact_name, "刘采购")
        self.assertEqual(form.contact_phone, "139 0000 1111")
        # what the receiver typed is kept
        form = Form(self.env["custcare.complaint"].with_user(self.user_staff))
        form.contact_name = "王厂长"
        form.partner_id = self.customer
        self.assertEqual(form.contact_name, "王厂长")

    def test_quick_create_from_the_kanban(self):
        view = self.env.ref("custcare_complaint.custcare_complaint_view_form_quick_create")
        form = Form(self.env["custcare.complaint"].with_user(self.user_staff), view=view)
        form.subject = "交货延误三天"
        form.partner_id = self.customer
        form.category = "delivery"
        form.description = "<p>约定 11 月 20 日交货，实际 23 日到货。</p>"
        complaint = form.save()
        self.assertEqual(complaint.state, "new")
        self.assertEqual(complaint.first_receiver_id, self.user_staff)
        self.assertEqual(complaint.display_name, f"{complaint.name} 交货延误三天")
        kanban = self.env["custcare.complaint"].get_views([(False, "kanban")])["views"]["kanban"]
        self.assertIn(
            "custcare_complaint.custcare_complaint_view_form_quick_create", kanban["arch"]
        )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from markupsafe import escape

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.tools.misc import format_datetime

from odoo.addons.custcare_complaint.models.custcare_complaint import SUBJECT_SIZE
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

MAX_FILES = 5
MAX_FILE_SIZE = 10 * 1024 * 1024  # bytes


class ComplaintPortal(CustomerPortal):
    """Customers follow, submit and answer their own complaints."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["custcare.complaint"]
            values["complaint_count"] = (
                Complaint.search_count([]) if Complaint.has_access("read") else 0
            )
        return values

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_complaints(self, page=1, **kw):
        Complaint = request.env["custcare.complaint"]
        total = Complaint.search_count([])
        pager = portal_pager(
            url="/my/complaints", total=total, page=page, step=self._items_per_page
        )
        complaints = Complaint.search(
            [],
            order="received_at desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": complaints,
                "pager": pager,
                "page_name": "complaint",
                "default_url": "/my/complaints",
            }
        )
        return request.render("custcare_complaint.portal_my_complaints", values)

    @http.route("/my/complaints/<int:complaint_id>", type="http", auth="public", website=True)
    def portal_my_complaint(self, complaint_id, access_token=None, **kw):
        try:
            complaint_sudo = self._document_check_access(
                "custcare.complaint", complaint_id, access_token
            )
        except (AccessError, MissingError):
            return request.redirect("/my")
        acknowledgement = False
        if kw.get("submitted"):
            acknowledgement = self._complaint_acknowledgement(complaint_sudo)
        values = self._get_page_view_values(
            complaint_sudo,
            access_token,
            {
                "complaint": complaint_sudo,
                "page_name": "complaint",
                "acknowledgement": acknowledgement,
            },
            "my_complaints_history",
            False,
        )
        return request.render("custcare_complaint.portal_my_complaint", values)

    def _complaint_acknowledgement(self, complaint):
        """What the customer reads once the complaint is in: its number and
        when we come back to them (the team's response deadline)."""
        env = request.env
        if not complaint.response_deadline:
            return env._(
                "We have received your complaint %(number)s: you can follow it and write to us "
                "on this page.",
                number=complaint.name,
            )
        tz = complaint.partner_id.tz or env.user.tz or "Asia/Shanghai"
        return env._(
            "We have received your complaint %(number)s and will come back to you by "
            "%(deadline)s; you can follow it and write to us on this page.",
            number=complaint.name,
            deadline=format_datetime(env, complaint.response_deadline, tz=tz, dt_format="short"),
        )

    @http.route(
        "/my/complaints/new", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_new_complaint(self, **post):
        partner = request.env.user.partner_id
        errors = {}
        if request.httprequest.method == "POST":
            description = (post.get("description") or "").strip()
            subject = (post.get("subject") or "").strip()
            if not description:
                errors["description"] = request.env._("Describe the problem.")
            if len(subject) > SUBJECT_SIZE:
                errors["subject"] = request.env._(
                    "The subject takes at most %(size)s characters.", size=SUBJECT_SIZE
                )
            files, problem = self._complaint_files()
            if problem:
                errors["attachments"] = problem
            category = (
                post.get("category")
                if post.get("category") in ("quality", "service", "delivery", "other")
                else "other"
            )
            if not errors:
                complaint = (
                    request.env["custcare.complaint"]
                    .sudo()
                    ._portal_register(
                        partner,
                        category,
                        description,
                        post.get("lot_ref") or False,
                        subject=subject or False,
                    )
                )
                if files:
                    complaint._portal_attach(partner, files)
                return request.redirect(complaint.get_portal_url(query_string="&submitted=1"))
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "complaint",
                "errors": errors,
                "post": post,
                "escape": escape,
                "files_hint": request.env._(
                    "At most %(count)s files of %(size)s MB each.",
                    count=MAX_FILES,
                    size=MAX_FILE_SIZE // (1024 * 1024),
                ),
            }
        )
        return request.render("custcare_complaint.portal_new_complaint", values)

    def _complaint_files(self):
        """The files sent with the form: ([(name, content)], problem)."""
        uploads = [f for f in request.httprequest.files.getlist("attachments") if f.filename]
        if len(uploads) > MAX_FILES:
            return [], request.env._("Join at most %(count)s files.", count=MAX_FILES)
        files = []
        for upload in uploads:
            content = upload.read(MAX_FILE_SIZE + 1)
            if len(content) > MAX_FILE_SIZE:
                return [], request.env._(
                    "%(name)s is larger than %(size)s MB.",
                    name=upload.filename,
                    size=MAX_FILE_SIZE // (1024 * 1024),
                )
            files.append((upload.filename, content))
        return files, None

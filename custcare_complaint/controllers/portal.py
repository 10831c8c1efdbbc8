# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from markupsafe import escape

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


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
        values = self._get_page_view_values(
            complaint_sudo,
            access_token,
            {"complaint": complaint_sudo, "page_name": "complaint"},
            "my_complaints_history",
            False,
        )
        return request.render("custcare_complaint.portal_my_complaint", values)

    @http.route(
        "/my/complaints/new", type="http", auth="user", website=True, methods=["GET", "POST"]
    )
    def portal_new_complaint(self, **post):
        partner = request.env.user.partner_id
        errors = {}
        if request.httprequest.method == "POST":
            description = (post.get("description") or "").strip()
            if not description:
                errors["description"] = True
            category = (
                post.get("category")
                if post.get("category") in ("quality", "service", "delivery", "other")
                else "other"
            )
            if not errors:
                complaint = (
                    request.env["custcare.complaint"]
                    .sudo()
                    ._portal_register(partner, category, description, post.get("lot_ref") or False)
                )
                return request.redirect(complaint.get_portal_url())
        values = self._prepare_portal_layout_values()
        values.update({"page_name": "complaint", "errors": errors, "post": post, "escape": escape})
        return request.render("custcare_complaint.portal_new_complaint", values)

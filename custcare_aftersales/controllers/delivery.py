# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import consteq


class CustcareDelivery(http.Controller):
    """The page the delivery note's QR code opens: the customer confirms
    receipt (签收) or reports a problem with this delivery."""

    def _picking(self, picking_id, token):
        picking = request.env["stock.picking"].sudo().browse(picking_id).exists()
        if (
            not picking
            or not picking.custcare_access_token
            or not token
            or not consteq(picking.custcare_access_token, token)
        ):
            return None
        return picking

    @http.route(
        "/custcare/delivery/<int:picking_id>/<string:token>",
        type="http",
        auth="public",
        website=True,
        methods=["GET", "POST"],
    )
    def delivery_page(self, picking_id, token, **post):
        picking = self._picking(picking_id, token)
        if picking is None:
            raise NotFound()
        values = {"picking": picking, "token": token, "error": False, "done": False}
        if request.httprequest.method == "POST":
            try:
                if post.get("action") == "confirm":
                    picking._custcare_confirm_receipt(post.get("received_by"))
                    values["done"] = "confirmed"
                elif post.get("action") == "problem":
                    description = (post.get("description") or "").strip()
                    if not description:
                        raise UserError(request.env._("Please describe the problem."))
                    complaint = (
                        request.env["custcare.complaint"]
                        .sudo()
                        ._portal_register(
                            picking.partner_id,
                            "delivery",
                            description,
                            delivery_ref=picking.name,
                        )
                    )
                    values["done"] = "complaint"
                    values["complaint"] = complaint
            except UserError as e:
                values["error"] = e.args[0]
        return request.render("custcare_aftersales.delivery_receipt_page", values)

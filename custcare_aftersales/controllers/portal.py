# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import http
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal


class AftersalesPortal(CustomerPortal):
    """Customers see the deliveries and returns of their own company."""

    def _custcare_delivery_domain(self):
        commercial = request.env.user.commercial_partner_id
        return (
            Domain("partner_id", "child_of", commercial.id)
            & Domain("picking_type_code", "=", "outgoing")
            & Domain("state", "=", "done")
        )

    def _custcare_return_domain(self):
        commercial = request.env.user.commercial_partner_id
        return Domain("partner_id", "child_of", commercial.id)

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        # the record rules keep portal users to their own company's records
        if "custcare_delivery_count" in counters:
            Picking = request.env["stock.picking"]
            values["custcare_delivery_count"] = (
                Picking.search_count(self._custcare_delivery_domain())
                if Picking.has_access("read")
                else 0
            )
        if "custcare_return_count" in counters:
            Return = request.env["custcare.return"]
            values["custcare_return_count"] = (
                Return.search_count(self._custcare_return_domain())
                if Return.has_access("read")
                else 0
            )
        return values

    @http.route("/my/deliveries", type="http", auth="user", website=True)
    def portal_my_deliveries(self, **kw):
        # searched under the customer's own rules; shown with the product
        # names and units they have no separate rights on
        pickings = (
            request.env["stock.picking"]
            .search(self._custcare_delivery_domain(), order="date_done desc, id desc", limit=200)
            .sudo()
        )
        values = self._prepare_portal_layout_values()
        values.update({"pickings": pickings, "page_name": "custcare_delivery"})
        return request.render("custcare_aftersales.portal_my_deliveries", values)

    @http.route("/my/returns", type="http", auth="user", website=True)
    def portal_my_returns(self, **kw):
        returns = (
            request.env["custcare.return"]
            .search(self._custcare_return_domain(), order="id desc", limit=200)
            .sudo()
        )
        values = self._prepare_portal_layout_values()
        values.update({"returns": returns, "page_name": "custcare_return"})
        return request.render("custcare_aftersales.portal_my_returns", values)

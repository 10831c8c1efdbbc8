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
        # sudo: portal users have no stock or return rights; the domains keep
        # them to their own company's records
        if "custcare_delivery_count" in counters:
            values["custcare_delivery_count"] = (
                request.env["stock.picking"].sudo().search_count(self._custcare_delivery_domain())
            )
        if "custcare_return_count" in counters:
            values["custcare_return_count"] = (
                request.env["custcare.return"].sudo().search_count(self._custcare_return_domain())
            )
        return values

    @http.route("/my/deliveries", type="http", auth="user", website=True)
    def portal_my_deliveries(self, **kw):
        pickings = (
            request.env["stock.picking"]
            .sudo()
            .search(self._custcare_delivery_domain(), order="date_done desc, id desc", limit=200)
        )
        values = self._prepare_portal_layout_values()
        values.update({"pickings": pickings, "page_name": "custcare_delivery"})
        return request.render("custcare_aftersales.portal_my_deliveries", values)

    @http.route("/my/returns", type="http", auth="user", website=True)
    def portal_my_returns(self, **kw):
        returns = (
            request.env["custcare.return"]
            .sudo()
            .search(self._custcare_return_domain(), order="id desc", limit=200)
        )
        values = self._prepare_portal_layout_values()
        values.update({"returns": returns, "page_name": "custcare_return"})
        return request.render("custcare_aftersales.portal_my_returns", values)

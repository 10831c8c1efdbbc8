# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import models
from odoo.exceptions import UserError


class StockPicking(models.Model):
    """A delivery of an order the customer changed waits for the order's new
    contract review: validating it is refused until the review is approved."""

    _inherit = "stock.picking"

    def _custcare_check_rereview(self):
        for picking in self:
            order = picking.sudo().sale_id
            if order and order._custcare_waiting_rereview():
                raise UserError(
                    self.env._(
                        "%(picking)s cannot be validated: the customer changed %(order)s and "
                        "its new contract review %(review)s is not approved yet.",
                        picking=picking.name,
                        order=order.name,
                        review=order.custcare_review_id.display_name,
                    )
                )

    def button_validate(self):
        self._custcare_check_rereview()
        return super().button_validate()

    def _action_done(self):
        self._custcare_check_rereview()
        return super()._action_done()

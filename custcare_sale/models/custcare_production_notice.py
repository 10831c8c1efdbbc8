# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)
_BY_REVIEW = _lt("Confirm the order on its approved contract review")


class CustcareProductionNotice(models.Model):
    """The production notice (生产通知单) also comes from a contract review:
    for what stock cannot cover when the order is confirmed. Such a notice
    names the order and the review, carries no 补货 mark, and is void when a
    new revision of the review or a delay re-issues it (原单作废)."""

    _inherit = "custcare.production.notice"
    _custcare_protected_fields = {
        "sale_order_id": _BY_REVIEW,
        "review_id": _BY_REVIEW,
        "change_id": _lt("Done on a delay in the change register"),
        "voided_by": _lt("a new review or a delay re-issues the notice"),
    }

    sale_order_id = fields.Many2one(
        "sale.order",
        "Order",
        readonly=True,
        index="btree_not_null",
        check_company=True,
        groups="sales_team.group_sale_salesman,custcare_base.group_custcare_user",
    )
    order_name = fields.Char(related="sale_order_id.name", string="Order Number", store=True)
    review_id = fields.Many2one(
        "custcare.contract.review",
        "Contract Review",
        readonly=True,
        index="btree_not_null",
        check_company=True,
    )
    change_id = fields.Many2one(
        "custcare.contract.review.change",
        "Re-issued after",
        readonly=True,
        check_company=True,
    )
    voided_by = fields.Char("Void because of", readonly=True)
    state = fields.Selection(
        selection_add=[("cancelled", "Void")], ondelete={"cancelled": "set default"}
    )

    def _custcare_void(self, cause):
        """Void these notices (and their manufacturing orders not started)
        because of ``cause`` (a new review, a change register entry)."""
        if not self:
            return
        self._custcare_write({"state": "cancelled", "voided_by": cause.display_name})
        for notice in self.filtered("production_ref"):
            production = notice.sudo().production_ref
            if production.state in ("draft", "confirmed"):
                production.action_cancel()
        for notice in self:
            notice.message_post(
                body=self.env._("Void: replaced because of %(cause)s.", cause=cause.display_name),
                message_type="notification",
            )

    def _custcare_production_origin(self):
        origin = super()._custcare_production_origin()
        if self.sale_order_id:
            origin = f"{origin} {self.sudo().sale_order_id.name}"
        return origin

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.custcare_base.models.custcare_approval_mixin import APPROVAL_STATES
from odoo.addons.custcare_base.models.custcare_evidence_mixin import _TRUSTED


class SaleOrder(models.Model):
    """Orders are reviewed (合同评审) before confirmation when the company's
    rule says so. When the customer changes the products, quantities or
    delivery date of a confirmed, reviewed order, the change is entered in
    the change register (合同评审变更登记表) and the order is reviewed again;
    its deliveries wait for that review's approval."""

    _inherit = "sale.order"

    custcare_review_ids = fields.One2many(
        "custcare.contract.review", "order_id", "Contract Reviews", readonly=True
    )
    custcare_review_id = fields.Many2one(
        "custcare.contract.review",
        "Contract Review",
        compute="_compute_custcare_review_id",
        help="The current revision of the order's contract review.",
    )
    custcare_review_state = fields.Selection(
        APPROVAL_STATES,
        "Contract Review Status",
        compute="_compute_custcare_review_id",
    )
    custcare_review_required = fields.Boolean(
        "Contract Review Required", compute="_compute_custcare_review_required"
    )
    custcare_rereview = fields.Boolean(
        "Re-review Required",
        compute="_compute_custcare_rereview",
        search="_search_custcare_rereview",
        help="The customer changed the confirmed order: its deliveries wait until the new "
        "contract review is approved.",
    )
    custcare_change_ids = fields.One2many(
        "custcare.contract.review.change", "order_id", "Change Register", readonly=True
    )
    custcare_change_count = fields.Integer(compute="_compute_custcare_change_count")
    custcare_notice_count = fields.Integer(compute="_compute_custcare_notice_count")

    @api.depends("custcare_review_ids.superseded_by_id", "custcare_review_ids.approval_state")
    def _compute_custcare_review_id(self):
        Review = self.env["custcare.contract.review"]
        current = Review.sudo()._custcare_current_ids(self.filtered("id"))
        for order in self:
            review = Review.browse(current.get(order.id))
            order.custcare_review_id = review
            order.custcare_review_state = review.sudo().approval_state or False

    @api.depends("amount_total", "partner_id", "company_id")
    def _compute_custcare_review_required(self):
        for order in self:
            order.custcare_review_required = order._custcare_review_needed()

    def _compute_custcare_rereview(self):
        for order in self:
            order.custcare_rereview = order._custcare_waiting_rereview()

    def _search_custcare_rereview(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on Re-review Required."))
        reviews = (
            self.env["custcare.contract.review"]
            .sudo()
            .search(
                [
                    ("superseded_by_id", "=", False),
                    ("revision", ">", 1),
                    ("approval_state", "!=", "approved"),
                    ("order_id.state", "=", "sale"),
                ]
            )
        )
        positive = (operator == "=") == value
        return [("id", "in" if positive else "not in", reviews.order_id.ids)]

    @api.depends("custcare_change_ids")
    def _compute_custcare_change_count(self):
        for order in self:
            order.custcare_change_count = len(order.custcare_change_ids)

    def _compute_custcare_notice_count(self):
        Notice = self.env["custcare.production.notice"].sudo()
        counts = dict(
            Notice._read_group([("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"])
        )
        for order in self:
            order.custcare_notice_count = counts.get(order, 0)

    # ------------------------------------------------------------ the rule
    def _custcare_review_needed(self):
        """Does the company's rule ask for a contract review of this order?
        Every order, orders from an amount, new customers' orders (no order
        confirmed before) and orders from an amount, or none."""
        self.ensure_one()
        company = self.company_id or self.env.company
        rule = company.custcare_review_rule
        if rule in ("none", False):
            return False
        if rule == "all":
            return True
        amount = self.currency_id._convert(
            self.amount_total,
            company.currency_id,
            company,
            (self.date_order or fields.Datetime.now()).date(),
        )
        big = company.currency_id.compare_amounts(amount, company.custcare_review_amount) >= 0
        if rule == "amount" or big:
            return big
        customer = self.partner_id.commercial_partner_id
        return not (
            self.sudo().search_count(
                [
                    ("partner_id", "child_of", customer.id),
                    ("company_id", "=", company.id),
                    ("state", "=", "sale"),
                    ("id", "!=", self.id or 0),
                ],
                limit=1,
            )
        )

    def _custcare_review_refusal(self):
        """Why this order may not be confirmed yet, or False."""
        self.ensure_one()
        if not self._custcare_review_needed():
            return False
        review = self.sudo().custcare_review_id
        if not review:
            return self.env._(
                "%(order)s needs its contract review before it is confirmed: open Contract "
                "Review on the order, have every department answer and a manager approve it.",
                order=self.name,
            )
        if review.approval_state != "approved":
            return self.env._(
                "%(order)s cannot be confirmed yet: its contract review %(review)s is not "
                "approved (%(state)s).",
                order=self.name,
                review=review.display_name,
                state=dict(review._fields["approval_state"]._description_selection(self.env))[
                    review.approval_state
                ],
            )
        return False

    def _confirmation_error_message(self):
        """An order the rule asks to review is confirmed on its approved review."""
        return super()._confirmation_error_message() or self._custcare_review_refusal()

    def _action_confirm(self):
        res = super()._action_confirm()
        reviews = (
            self.sudo()
            .mapped("custcare_review_id")
            .filtered(lambda r: r.approval_state == "approved")
        )
        reviews._custcare_apply_outcome()
        return res

    def _validate_order(self):
        """The customer signs or pays online: an order still waiting for its
        contract review stays a quotation, and the salesperson is told."""
        waiting = self.filtered(lambda o: o._custcare_review_refusal())
        for order in waiting:
            order._custcare_tell_waiting()
        return super(SaleOrder, self - waiting)._validate_order()

    def _custcare_tell_waiting(self):
        self.ensure_one()
        body = self.env._(
            "The customer accepted the order; it is confirmed once its contract review is approved."
        )
        self.message_post(body=body, message_type="notification")
        if self.user_id:
            self.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=self.user_id.id,
                summary=self.env._("Have the contract review approved, then confirm the order"),
            )

    def _custcare_waiting_rereview(self):
        """Confirmed, changed by the customer, and the new review not approved."""
        self.ensure_one()
        review = self.sudo().custcare_review_id
        return bool(
            self.state == "sale"
            and review
            and review.revision > 1
            and review.approval_state != "approved"
        )

    # ------------------------------------------------------------- changes
    def write(self, vals):
        if vals.get("state") == "sale":
            # confirmed by any path (action_confirm, or a direct write)
            for order in self.filtered(lambda o: o.state in ("draft", "sent")):
                refusal = order._custcare_review_refusal()
                if refusal:
                    raise UserError(refusal)
        dated = self.browse()
        if "commitment_date" in vals and not self.env.context.get("custcare_change_id"):
            new = fields.Datetime.to_datetime(vals["commitment_date"]) or False
            dated = self.filtered(lambda o: o.commitment_date != new)
        res = super().write(vals)
        if dated:
            dated._custcare_after_change(self.env._("The delivery date changed"))
        return res

    def _custcare_set_date(self, date):
        """The delivery date moved by a delay of the change register."""
        self.sudo().with_context(custcare_trusted=_TRUSTED).write({"commitment_date": date})

    def _custcare_after_change(self, reason):
        """Products, quantities or dates changed: a quotation's review is
        done again; a confirmed order changed by its customer gets an entry
        in the change register (or the open one) and the next revision of its
        review."""
        Change = self.env["custcare.contract.review.change"].sudo()
        for order in self:
            review = order.sudo().custcare_review_id
            if not review:
                continue
            if order.state != "sale":
                review._custcare_reopen(reason)
                continue
            change = order.sudo().custcare_change_ids.filtered(
                lambda c: c.state == "open" and c.reason_type == "customer_change"
            )[:1]
            if not change:
                change = Change._custcare_create(
                    [
                        {
                            "order_id": order.id,
                            "reason_type": "customer_change",
                            "description": reason,
                        }
                    ]
                )
                change.message_post(
                    body=self.env._(
                        "Registered when the customer's change was entered on the order: "
                        "complete the reason and the customer's agreement."
                    ),
                    message_type="notification",
                )
            elif reason not in (change.description or ""):
                change._custcare_write(
                    {"description": "\n".join(filter(None, [change.description, reason]))}
                )
            if review.change_id != change:
                review._custcare_new_revision(change)
            else:
                review._custcare_reopen(reason)

    # --------------------------------------------------------------- views
    def action_custcare_review(self):
        """Open the order's contract review, created on first use."""
        self.ensure_one()
        review = self.custcare_review_id
        if not review:
            review = self.env["custcare.contract.review"].create({"order_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.contract.review",
            "res_id": review.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "name": self.env._("Contract Review"),
        }

    def action_custcare_register_change(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.contract.review.change",
            "view_mode": "form",
            "views": [(False, "form")],
            "name": self.env._("Register a Change"),
            "context": {"default_order_id": self.id},
        }

    def action_custcare_changes(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_sale.custcare_contract_review_change_action"
        )
        action["domain"] = [("order_id", "=", self.id)]
        action["context"] = {"default_order_id": self.id}
        return action

    def action_custcare_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_aftersales.custcare_production_notice_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    @api.ondelete(at_uninstall=False)
    def _unlink_custcare_draft_reviews(self):
        """A quotation deleted takes its draft review along; a review that
        was submitted or approved is kept and keeps the order."""
        self.custcare_review_ids.sudo().unlink()

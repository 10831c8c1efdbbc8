# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, LazyTranslate

from odoo.addons.custcare_base.models.custcare_approval_mixin import APPROVAL_ACTIVITY

_lt = LazyTranslate(__name__)


class CustcareContractReview(models.Model):
    """The contract review (合同评审表) of a sales order, one per revision of
    the order: the customer's requirements, each department's answer, the
    stock check of every order line against the warehouse's free quantity,
    and the outcome — ship from stock, or a production notice (生产通知单)
    for what stock cannot cover, issued when the order is confirmed. A
    manager approves it; a change the customer asks for after confirmation
    starts a new revision (合同评审变更登记表)."""

    _name = "custcare.contract.review"
    _description = "Contract Review"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
        "custcare.retention.mixin",
    ]
    _order = "id desc"
    _check_company_auto = True
    _custcare_sequence_code = "custcare.contract.review"
    _approval_group = "custcare_base.group_custcare_manager"
    _custcare_fixed_fields = ("order_id",)
    _custcare_protected_fields = {
        "revision": _lt("Register Change on the order"),
        "superseded_by_id": _lt("Register Change on the order"),
        "change_id": _lt("Register Change on the order"),
    }
    _custcare_retention_erase = ("requirements", "conclusion")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    # The order under review
    order_id = fields.Many2one(
        "sale.order",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
        tracking=True,
    )
    order_name = fields.Char(related="order_id.name", string="Order Number", store=True)
    company_id = fields.Many2one(related="order_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        related="order_id.partner_id", string="Customer", store=True, index=True
    )
    user_id = fields.Many2one(
        related="order_id.user_id", string="Salesperson", store=True, index=True
    )
    team_id = fields.Many2one(related="order_id.team_id", string="Sales Team", store=True)
    currency_id = fields.Many2one(related="order_id.currency_id")
    date_order = fields.Datetime(related="order_id.date_order", string="Order Date")
    revision = fields.Integer(default=1, readonly=True, copy=False)
    superseded_by_id = fields.Many2one(
        "custcare.contract.review", "Superseded by", readonly=True, copy=False, index=True
    )
    change_id = fields.Many2one(
        "custcare.contract.review.change",
        "Started by Change",
        readonly=True,
        copy=False,
        check_company=True,
        help="The change register entry that asked for this new review.",
    )
    # What is reviewed
    requirements = fields.Text(
        "Customer Requirements",
        tracking=True,
        help="Product, quality, packaging, delivery and after-delivery requirements the "
        "customer stated, made unambiguous with the customer.",
    )
    delivery_date = fields.Datetime(
        readonly=True,
        help="The delivery date of the order at the stock check.",
    )
    amount_total = fields.Monetary("Order Total", readonly=True)
    line_ids = fields.One2many(
        "custcare.contract.review.line", "review_id", "Department Answers", readonly=True
    )
    # Stock check
    warehouse_id = fields.Many2one("stock.warehouse", readonly=True, check_company=True)
    stock_checked_date = fields.Datetime("Stock Checked on", readonly=True, copy=False)
    stock_line_ids = fields.One2many(
        "custcare.contract.review.stock.line", "review_id", "Stock Check", readonly=True
    )
    outcome = fields.Selection(
        [("stock", "Ship from Stock"), ("production", "Production Notice")],
        compute="_compute_outcome",
        store=True,
        tracking=True,
    )
    conclusion = fields.Text(help="The review's conclusion, as answered to the customer.")
    notice_ids = fields.One2many(
        "custcare.production.notice", "review_id", "Production Notices", readonly=True
    )
    notice_count = fields.Integer(compute="_compute_notice_count")

    _order_revision_uniq = models.UniqueIndex(
        "(order_id, revision)", "An order has one contract review per revision."
    )

    @api.depends("stock_line_ids.shortage_qty")
    def _compute_outcome(self):
        for review in self:
            if not review.stock_line_ids:
                review.outcome = False
            elif any(line._custcare_short() for line in review.stock_line_ids):
                review.outcome = "production"
            else:
                review.outcome = "stock"

    def _compute_notice_count(self):
        counts = dict(
            self.env["custcare.production.notice"]._read_group(
                [("review_id", "in", self.ids)], ["review_id"], ["__count"]
            )
        )
        for review in self:
            review.notice_count = counts.get(review, 0)

    @api.depends("name", "revision")
    def _compute_display_name(self):
        for review in self:
            if review.revision > 1:
                review.display_name = self.env._(
                    "%(name)s (revision %(revision)s)", name=review.name, revision=review.revision
                )
            else:
                review.display_name = review.name

    # ------------------------------------------------------------------ CRUD
    @api.model_create_multi
    def create(self, vals_list):
        reviews = super().create(vals_list)
        reviews._custcare_open_departments()
        reviews._custcare_check_stock()
        return reviews

    def write(self, vals):
        if not (self.env.su or self._custcare_trusted()):
            old = self.filtered("superseded_by_id")
            if old:
                raise UserError(
                    self.env._(
                        "%(review)s was superseded by %(new)s and is kept as it was.",
                        review=old[0].display_name,
                        new=old[0].superseded_by_id.display_name,
                    )
                )
            # the review is written by those who may change the order
            self.order_id.check_access("write")
            closed = self.filtered(lambda r: r.approval_state in ("submitted", "approved"))
            if closed:
                raise UserError(
                    self.env._(
                        "%(review)s is submitted or approved and is kept as it was reviewed. "
                        "Send it back to change it; a change of a confirmed order goes into "
                        "the change register, which starts a new review.",
                        review=closed[0].display_name,
                    )
                )
        return super().write(vals)

    @api.private
    def _custcare_prepare_create(self, vals_list):
        """Reviewing an order is the work of those who may change it; an
        order has one current review (a change register entry starts the
        next revision)."""
        super()._custcare_prepare_create(vals_list)
        if self.env.su or self._custcare_trusted():
            return
        orders = self.env["sale.order"].browse(
            [vals.get("order_id") for vals in vals_list if vals.get("order_id")]
        )
        orders.check_access("write")
        for order in orders:
            if order.state == "cancel":
                raise UserError(
                    self.env._("%(order)s is cancelled: it is not reviewed.", order=order.name)
                )
            current = order.sudo().custcare_review_id
            if current:
                raise UserError(
                    self.env._(
                        "%(order)s already has its contract review %(review)s. A change "
                        "after confirmation is entered in the change register, which starts "
                        "the next revision.",
                        order=order.name,
                        review=current.display_name,
                    )
                )

    def _custcare_open_departments(self):
        """One answer line per department of the company; its members follow
        the review."""
        Department = self.env["custcare.review.department"].sudo()
        lines = []
        for review in self:
            departments = Department._for_company(review.company_id)
            lines += [
                {"review_id": review.id, "department_id": department.id}
                for department in departments
            ]
            members = departments.member_ids.filtered("active")
            if members:
                review.sudo().message_subscribe(partner_ids=members.partner_id.ids)
        self.env["custcare.contract.review.line"].sudo()._custcare_create(lines)

    # ----------------------------------------------------------- stock check
    def _custcare_free_quantities(self, warehouse, products):
        """{product id: free quantity} in the warehouse (on hand minus
        reserved), computed by Odoo for all the products at once."""
        if not products or not warehouse:
            return {}
        products = products.sudo().with_context(warehouse_id=warehouse.id)
        return {product.id: product.free_qty for product in products}

    def _custcare_own_reservations(self, warehouse, order):
        """{product id: quantity} reserved in the warehouse by the order's own
        deliveries: free for the order itself when it is reviewed again."""
        if order.state != "sale" or not warehouse:
            return {}
        stock = warehouse.lot_stock_id
        groups = (
            self.env["stock.move.line"]
            .sudo()
            ._read_group(
                [
                    ("move_id.sale_line_id.order_id", "=", order.id),
                    ("state", "not in", ("done", "cancel")),
                    ("location_id.parent_path", "=like", f"{stock.parent_path}%"),
                ],
                ["product_id"],
                ["quantity_product_uom:sum"],
            )
        )
        return {product.id: quantity for product, quantity in groups}

    @api.model
    def _custcare_goods_lines(self, order):
        """The order lines the review checks: goods (not notes, sections,
        down payments or services)."""
        return order.order_line._custcare_goods()

    def _custcare_check_stock(self):
        """Check every goods line of the order against the warehouse's free
        quantity (what one line takes is no longer free for the next), and
        keep the result with the order's delivery date and total."""
        StockLine = self.env["custcare.contract.review.stock.line"].sudo()
        for review in self:
            order = review.order_id.sudo()
            warehouse = order.warehouse_id
            lines = self._custcare_goods_lines(order)
            stocked = lines.product_id.filtered("is_storable")
            free = self._custcare_free_quantities(warehouse, stocked)
            for product_id, quantity in self._custcare_own_reservations(warehouse, order).items():
                free[product_id] = free.get(product_id, 0.0) + quantity
            left = dict(free)
            vals_list = []
            for line in lines:
                product = line.product_id
                uom = product.uom_id
                quantity = line.product_uom_id._compute_quantity(line.product_uom_qty, uom)
                if product.is_storable:
                    available = max(left.get(product.id, 0.0), 0.0)
                    covered = min(quantity, available)
                    left[product.id] = available - covered
                else:
                    available = covered = quantity
                vals_list.append(
                    {
                        "review_id": review.id,
                        "sale_line_id": line.id,
                        "product_id": product.id,
                        "description": line.name,
                        "quantity": quantity,
                        "uom_id": uom.id,
                        "stocked": product.is_storable,
                        "free_qty": max(free.get(product.id, 0.0), 0.0)
                        if product.is_storable
                        else 0.0,
                        "covered_qty": covered,
                        "shortage_qty": uom.round(quantity - covered),
                        "price_subtotal": line.price_subtotal,
                    }
                )
            review.stock_line_ids.sudo().unlink()
            StockLine._custcare_create(vals_list)
            review._custcare_write(
                {
                    "warehouse_id": warehouse.id,
                    "stock_checked_date": fields.Datetime.now(),
                    "delivery_date": order.commitment_date or order.expected_date,
                    "amount_total": order.amount_total,
                }
            )

    def action_check_stock(self):
        self._custcare_check_open(self.env._("Check the stock again"))
        self._custcare_check_stock()
        return True

    # ------------------------------------------------------------- approval
    def _custcare_check_open(self, what):
        """Refuse ``what`` once the review is submitted, approved or superseded."""
        closed = self.filtered(
            lambda r: r.superseded_by_id or r.approval_state not in ("draft", "to_reapprove")
        )
        if closed:
            raise UserError(
                self.env._(
                    "%(what)s: %(review)s is no longer open (submitted, approved or superseded).",
                    what=what,
                    review=closed[0].display_name,
                )
            )

    def _custcare_before_submit(self):
        for review in self:
            if review.superseded_by_id:
                raise UserError(
                    self.env._(
                        "%(review)s was superseded by %(new)s: review the new revision.",
                        review=review.display_name,
                        new=review.superseded_by_id.display_name,
                    )
                )
            if review.order_id.state == "cancel":
                raise UserError(self.env._("%(order)s is cancelled.", order=review.order_id.name))
            change = review.change_id
            agreed = change.reason and change.agreement_contact and change.agreement_date
            if change and not agreed:
                raise UserError(
                    self.env._(
                        "Complete the change register entry %(change)s first: the reason for "
                        "the change and who agreed at the customer, and when.",
                        change=change.name,
                    )
                )
            waiting = review.line_ids.filtered(lambda line: line.state != "accepted")
            if waiting:
                raise UserError(
                    self.env._(
                        "Every department must accept the order before the review is "
                        "submitted; still waiting for: %(departments)s.",
                        departments="、".join(waiting.department_id.mapped("name")),
                    )
                )
        # the review is decided on the stock of the day
        self._custcare_check_stock()
        if not self.stock_line_ids:
            raise UserError(self.env._("The order has no goods to review."))

    def _custcare_self_approval_users(self):
        """The order's salesperson does not approve the review of the order."""
        self.ensure_one()
        return self.user_id

    def _custcare_after_approve(self):
        for review in self:
            review.order_id.sudo().message_post(
                body=self.env._(
                    "Contract review %(review)s approved: %(outcome)s.",
                    review=review.display_name,
                    outcome=dict(review._fields["outcome"]._description_selection(self.env)).get(
                        review.outcome, ""
                    ),
                ),
                message_type="notification",
            )
        # a revision approved after the order was confirmed replaces the notices
        self.filtered(lambda r: r.order_id.state == "sale")._custcare_apply_outcome()

    # --------------------------------------------------------------- outcome
    def _custcare_apply_outcome(self):
        """The order is confirmed on an approved review: what stock cannot
        cover goes to production (生产通知单, with its manufacturing order
        when Manufacturing is installed); the open notices of earlier
        revisions are void (原单作废); the change that asked for the review
        is done."""
        Notice = self.env["custcare.production.notice"].sudo()
        for review in self:
            order = review.order_id
            earlier = Notice.search(
                [
                    ("sale_order_id", "=", order.id),
                    ("review_id", "!=", review.id),
                    ("state", "=", "open"),
                ]
            )
            earlier._custcare_void(review)
            shortages = {}
            for line in review.stock_line_ids.filtered(lambda line: line._custcare_short()):
                shortages[line.product_id] = shortages.get(line.product_id, 0.0) + line.shortage_qty
            notices = Notice._custcare_create(
                [
                    {
                        "review_id": review.id,
                        "sale_order_id": order.id,
                        "product_id": product.id,
                        "quantity": quantity,
                        "replenishment": False,
                        "company_id": review.company_id.id,
                    }
                    for product, quantity in shortages.items()
                ]
            )
            notices._link_manufacturing()
            if notices:
                review.message_post(
                    body=self.env._(
                        "Production notices issued for what stock cannot cover: %(notices)s.",
                        notices="、".join(notices.mapped("name")),
                    ),
                    message_type="notification",
                )
            if review.change_id.state == "open":
                review.change_id._custcare_write({"state": "done"})

    # ------------------------------------------------------- order changes
    def _custcare_reopen(self, reason):
        """The order changed under a submitted or approved review: it must be
        reviewed again — departments answer again on the new stock check."""
        for review in self:
            state = review.approval_state
            if state in ("submitted", "approved"):
                review.sudo()._custcare_write(
                    {"approval_state": "to_reapprove" if state == "approved" else "draft"}
                )
                review.sudo().activity_unlink([APPROVAL_ACTIVITY])
                review.line_ids._custcare_reset()
                review.sudo().message_post(
                    body=self.env._(
                        "%(reason)s: the departments answer again and the review must be "
                        "approved again.",
                        reason=reason,
                    ),
                    message_type="notification",
                )
        self.sudo()._custcare_check_stock()

    def _custcare_new_revision(self, change):
        """The customer changes the confirmed order: the next revision of the
        review, started by the change register entry; this one is kept as
        superseded."""
        self.ensure_one()
        self = self.sudo()  # the order's change starts it, whoever changes the order
        new = self._custcare_create(
            [
                {
                    "order_id": self.order_id.id,
                    "revision": self.revision + 1,
                    "change_id": change.id,
                    "requirements": self.requirements,
                }
            ]
        )
        self._custcare_write({"superseded_by_id": new.id})
        change._custcare_write({"new_review_id": new.id})
        self.message_post(
            body=self.env._(
                "Superseded by %(review)s after the change %(change)s.",
                review=new.display_name,
                change=change.name,
            ),
            message_type="notification",
        )
        return new

    # ---------------------------------------------------------------- views
    def action_view_notices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_aftersales.custcare_production_notice_action"
        )
        action["domain"] = [("review_id", "=", self.id)]
        action["context"] = {"create": False}
        return action

    # ------------------------------------------------------------ retention
    @api.model
    def _custcare_destruction_method(self):
        return self.env._(
            "The customer's requirements, the conclusion and the departments' remarks erased "
            "from the database; the number, order, products, quantities, stock check and "
            "approvals kept."
        )

    def _custcare_destroy(self):
        erased = super()._custcare_destroy()
        for review in self:
            erased[review.id]["remarks"] = review.line_ids.mapped("note")
        self.line_ids.sudo()._custcare_write({"note": False})
        return erased

    @api.model
    def _custcare_current_ids(self, orders):
        """{order id: current review id}, in one query."""
        if not orders.ids:
            return {}
        self.env["custcare.contract.review"].flush_model(["order_id", "superseded_by_id"])
        self.env.cr.execute(
            SQL(
                "SELECT order_id, MAX(id) FROM custcare_contract_review "
                "WHERE order_id IN %s AND superseded_by_id IS NULL GROUP BY order_id",
                tuple(orders.ids),
            )
        )
        return dict(self.env.cr.fetchall())

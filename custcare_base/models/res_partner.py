# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import Counter, defaultdict

from stdnum.cn import uscc as stdnum_uscc
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength

from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIERS = [
    ("core", "Core Customer"),
    ("key", "Key Customer"),
    ("general", "General Customer"),
    ("potential", "Potential Customer"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    # Registration
    uscc = fields.Char(
        "Unified Social Credit Code",
        index="btree_not_null",
        tracking=True,
        copy=False,
        help="The 18-character unified social credit code (统一社会信用代码).",
    )
    # Tier and people
    customer_tier = fields.Selection(TIERS, tracking=True, index=True)
    account_manager_id = fields.Many2one(
        "res.users",
        tracking=True,
        index="btree_not_null",
        help="The dedicated account manager (客户经理); required for core and key customers.",
    )
    # Archive
    custcare_archive_ids = fields.One2many("custcare.archive", "partner_id")
    custcare_archive_id = fields.Many2one(
        "custcare.archive", "Customer Archive", compute="_compute_custcare_archive_id"
    )
    custcare_grant_ids = fields.Many2many(
        "custcare.access.grant",
        "custcare_access_grant_partner_rel",
        "partner_id",
        "grant_id",
        "Access Grants",
    )
    tier_history_ids = fields.One2many("custcare.tier.history", "partner_id")
    # Transaction history (以往交易记录), from whatever apps are installed
    custcare_sale_count = fields.Integer("Sales Orders", compute="_compute_custcare_counts")
    custcare_invoice_count = fields.Integer("Invoices", compute="_compute_custcare_counts")
    custcare_delivery_count = fields.Integer("Deliveries", compute="_compute_custcare_counts")

    _uscc_company_uniq = models.UniqueIndex(
        "(uscc, COALESCE(company_id, 0)) WHERE active AND uscc IS NOT NULL",
        "Another active partner of this company already has this unified social credit code.",
    )

    @api.model
    def _custcare_transaction_sources(self):
        """{kind: (model, partner field, extra domain)}; other addons add theirs."""
        return {
            "sale": ("sale.order", "partner_id", [("state", "=", "sale")]),
            "invoice": (
                "account.move",
                "partner_id",
                [("move_type", "in", ("out_invoice", "out_refund")), ("state", "=", "posted")],
            ),
            "delivery": (
                "stock.picking",
                "partner_id",
                [("picking_type_code", "=", "outgoing"), ("state", "=", "done")],
            ),
        }

    @api.model
    def _custcare_history_columns(self):
        """{kind: (date, reference, amount or None)} fields of the transactions
        the archive card lists (以往交易记录); other addons add theirs."""
        return {
            "sale": ("date_order", "name", "amount_total"),
            "invoice": ("invoice_date", "name", "amount_total_signed"),
            "delivery": ("date_done", "name", None),
        }

    def _custcare_transaction_history(self, limit=50):
        """The customer's latest transactions, newest first, from the apps
        installed and readable: [(date, kind, reference, amount, currency)]."""
        self.ensure_one()
        sources = self._custcare_transaction_sources()
        labels = {
            "sale": self.env._("Sales order"),
            "invoice": self.env._("Invoice"),
            "delivery": self.env._("Delivery"),
        }
        rows = []
        for kind, (date_field, ref_field, amount_field) in self._custcare_history_columns().items():
            model, field, domain = sources[kind]
            if model not in self.env or not self.env[model].has_access("read"):
                continue
            records = self.env[model].search(
                [*domain, (f"{field}.commercial_partner_id", "=", self.commercial_partner_id.id)],
                order=f"{date_field} desc, id desc",
                limit=limit,
            )
            for record in records:
                rows.append(
                    (
                        record[date_field],
                        labels.get(kind, record._description),
                        record[ref_field],
                        record[amount_field] if amount_field else None,
                        record.currency_id if "currency_id" in record else None,
                    )
                )
        now = fields.Datetime.now()
        rows.sort(key=lambda row: fields.Datetime.to_datetime(row[0]) or now, reverse=True)
        return rows[:limit]

    def _custcare_count(self, kind):
        """{commercial partner id: number of `kind` records}, one query for the batch."""
        model, field, domain = self._custcare_transaction_sources()[kind]
        if model not in self.env or not self.ids:
            return {}
        Model = self.env[model]
        if not Model.has_access("read"):
            return {}
        commercial = self.commercial_partner_id
        rows = Model._read_group(
            [*domain, (f"{field}.commercial_partner_id", "in", commercial.ids)],
            [f"{field}.commercial_partner_id"],
            ["__count"],
        )
        return {partner.id: count for partner, count in rows}

    @api.depends_context("uid")
    def _compute_custcare_counts(self):
        counts = {kind: self._custcare_count(kind) for kind in ("sale", "invoice", "delivery")}
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.custcare_sale_count = counts["sale"].get(key, 0)
            partner.custcare_invoice_count = counts["invoice"].get(key, 0)
            partner.custcare_delivery_count = counts["delivery"].get(key, 0)

    def action_open_custcare_transactions(self):
        """Open the records counted by a transaction smart button."""
        self.ensure_one()
        kind = self.env.context.get("custcare_kind")
        model, field, domain = self._custcare_transaction_sources()[kind]
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "name": self.env[model]._description,
            "view_mode": "list,form",
            "domain": [
                *domain,
                (f"{field}.commercial_partner_id", "=", self.commercial_partner_id.id),
            ],
        }

    @api.depends("custcare_archive_ids")
    def _compute_custcare_archive_id(self):
        for partner in self:
            partner.custcare_archive_id = partner.custcare_archive_ids[:1]

    @api.constrains("uscc")
    def _check_uscc(self):
        to_check = self.filtered("uscc")
        for partner in to_check:
            try:
                stdnum_uscc.validate(partner.uscc)
            except InvalidLength as e:
                raise ValidationError(
                    self.env._(
                        "The unified social credit code “%(code)s” of %(partner)s must have "
                        "18 characters.",
                        code=partner.uscc,
                        partner=partner.display_name,
                    )
                ) from e
            except InvalidChecksum as e:
                raise ValidationError(
                    self.env._(
                        "The unified social credit code “%(code)s” of %(partner)s has a wrong "
                        "check digit: check it against the business licence.",
                        code=partner.uscc,
                        partner=partner.display_name,
                    )
                ) from e
            except (InvalidFormat, InvalidComponent) as e:
                raise ValidationError(
                    self.env._(
                        "The unified social credit code “%(code)s” of %(partner)s is not "
                        "valid: it uses digits and upper-case letters except I, O, S, V, Z.",
                        code=partner.uscc,
                        partner=partner.display_name,
                    )
                ) from e

    @api.model
    def _check_uscc_unique(self, candidates):
        """Refuse a code another active partner of the same company has.

        ``candidates``: (uscc, company id, partner id or None); one query.
        """
        if not candidates:
            return
        clashes = (
            self.sudo()
            .with_context(active_test=True)
            .search([("uscc", "in", [c[0] for c in candidates])])
        )
        taken = defaultdict(set)
        for partner in clashes:
            taken[(partner.uscc, partner.company_id.id)].add(partner.id)
        batch = Counter((code, company_id or False) for code, company_id, _id in candidates)
        for code, company_id, partner_id in candidates:
            key = (code, company_id or False)
            if taken[key] - {partner_id} or batch[key] > 1:
                raise ValidationError(
                    self.env._(
                        "Another active partner of this company already has the unified "
                        "social credit code “%(code)s”.",
                        code=code,
                    )
                )

    @api.constrains("customer_tier", "account_manager_id")
    def _check_account_manager(self):
        for partner in self:
            if partner.customer_tier in ("core", "key") and not partner.account_manager_id:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is a %(tier)s: give it an account manager.",
                        partner=partner.display_name,
                        tier=dict(self._fields["customer_tier"]._description_selection(self.env))[
                            partner.customer_tier
                        ],
                    )
                )

    @api.model
    def _normalize_uscc(self, value):
        return stdnum_uscc.compact(value) if value else value

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("uscc"):
                vals["uscc"] = self._normalize_uscc(vals["uscc"])
        # before the INSERT, so that a duplicate gets this message rather than
        # the unique index's
        self._check_uscc_unique(
            [
                (vals["uscc"], vals.get("company_id") or False, None)
                for vals in vals_list
                if vals.get("uscc") and vals.get("active", True)
            ]
        )
        partners = super().create(vals_list)
        partners.filtered("customer_tier")._record_tier_change(dict.fromkeys(partners.ids))
        return partners

    def write(self, vals):
        if vals.get("uscc"):
            vals["uscc"] = self._normalize_uscc(vals["uscc"])
        if vals.get("active") or vals.get("uscc") or "company_id" in vals:
            # before the UPDATE, as in create
            self._check_uscc_unique(
                [
                    (
                        vals.get("uscc", partner.uscc),
                        vals.get("company_id", partner.company_id.id),
                        partner.id,
                    )
                    for partner in self
                    if vals.get("active", partner.active) and vals.get("uscc", partner.uscc)
                ]
            )
        old_tiers = {p.id: p.customer_tier for p in self} if "customer_tier" in vals else None
        res = super().write(vals)
        if old_tiers is not None:
            self._record_tier_change(old_tiers)
        if "active" in vals and self.custcare_archive_ids:
            # the retention period of an archive runs from the end of the relationship
            self.custcare_archive_ids.sudo()._approval_write(
                {"retention_start_date": False if vals["active"] else fields.Date.today()}
            )
        return res

    def _record_tier_change(self, old_tiers):
        history = [
            {
                "partner_id": partner.id,
                "old_tier": old_tiers.get(partner.id),
                "new_tier": partner.customer_tier,
                "evaluation_id": self.env.context.get("custcare_evaluation_id"),
            }
            for partner in self
            if partner.customer_tier != old_tiers.get(partner.id)
        ]
        if history:
            self.env["custcare.tier.history"].sudo().create(history)

    def action_open_custcare_archive(self):
        """Open the partner's archive, creating the draft for an archive keeper."""
        self.ensure_one()
        archive = self.custcare_archive_id
        if not archive:
            archive = self.env["custcare.archive"].create({"partner_id": self.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.archive",
            "res_id": archive.id,
            "view_mode": "form",
            "name": self.env._("Customer Archive"),
        }

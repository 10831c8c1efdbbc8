# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import defaultdict

from stdnum.cn import uscc as stdnum_uscc

from odoo import api, fields, models
from odoo.exceptions import ValidationError

TIERS = [
    ("core", "Core Customer"),
    ("key", "Key Customer"),
    ("general", "General Customer"),
    ("potential", "Potential Customer"),
]


# GB 32100-2015: 18 characters from this alphabet (no I, O, S, V, Z), the last
# one a check character over the first 17.
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# 登记管理部门代码 → its 机构类别代码 (character 1 → allowed character 2)
USCC_AUTHORITIES = {
    "1": "1239",  # 机构编制: 机关, 事业单位, 群众团体, 其他
    "2": "19",  # 外交: 外国常驻新闻机构, 其他
    "3": "123459",  # 司法行政: 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, 其他
    "4": "19",  # 文化: 外国在华文化中心, 其他
    "5": "1239",  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": "129",  # 旅游: 外国旅游部门常驻代表机构, 港澳台地区旅游部门常驻代表机构, 其他
    "7": "129",  # 宗教: 宗教活动场所, 宗教院校, 其他
    "8": "19",  # 工会: 基层工会, 其他
    "9": "123",  # 工商: 企业, 个体工商户, 农民专业合作社
    "A": "19",  # 中央军委改革和编制办公室: 军队事业单位, 其他
    "N": "1239",  # 农业: 组级, 村级, 乡镇级集体经济组织, 其他
    "Y": "1",  # 其他 (不再细分)
}


def uscc_check_character(code17):
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(code17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code):
    """Why ``code`` is not a valid unified social credit code, or None."""
    if len(code) != 18:
        return "length"
    if any(c not in USCC_ALPHABET for c in code) or not code[2:8].isdigit():
        return "format"
    if code[1] not in USCC_AUTHORITIES.get(code[0], ""):
        return "authority"
    if code[17] != uscc_check_character(code[:17]):
        return "checksum"
    return None


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
    custcare_invoice_count = fields.Integer("Past Invoices", compute="_compute_custcare_counts")
    custcare_delivery_count = fields.Integer("Deliveries", compute="_compute_custcare_counts")
    # Communication record (顾客沟通情况记录表)
    custcare_communication_count = fields.Integer(
        "Communications", compute="_compute_custcare_communication_count"
    )
    custcare_own_company = fields.Boolean(
        "One of Our Companies",
        compute="_compute_custcare_own_company",
        search="_search_custcare_own_company",
        help="The partner of one of the companies in this database: not a customer.",
    )

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
            "communication": ("custcare.communication", "partner_id", []),
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
                        labels.get(kind) or self.env["ir.model"].sudo()._get(record._name).name,
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

    def _compute_custcare_own_company(self):
        own = set(self.env["res.company"].sudo().search([]).partner_id.ids)
        for partner in self:
            partner.custcare_own_company = partner.id in own

    def _search_custcare_own_company(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        own = self.env["res.company"].sudo().search([]).partner_id.ids
        wanted = (operator == "=") == bool(value)
        return [("id", "in" if wanted else "not in", own)]

    @api.depends_context("uid")
    def _compute_custcare_communication_count(self):
        """One grouped query for the whole batch."""
        counts = self._custcare_count("communication")
        for partner in self:
            partner.custcare_communication_count = counts.get(partner.commercial_partner_id.id, 0)

    def action_open_custcare_communications(self):
        """The customer's communication records; a new one is for the customer
        (and the contact, when opened from a contact)."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_base.custcare_communication_action"
        )
        commercial = self.commercial_partner_id
        action["domain"] = [("commercial_partner_id", "=", commercial.id)]
        action["context"] = {
            "default_partner_id": commercial.id,
            "default_contact_id": self.id if self != commercial else False,
        }
        return action

    def action_open_custcare_transactions(self):
        """Open the records counted by a transaction smart button."""
        self.ensure_one()
        kind = self.env.context.get("custcare_kind")
        model, field, domain = self._custcare_transaction_sources()[kind]
        return {
            "type": "ir.actions.act_window",
            "res_model": model,
            "name": self.env["ir.model"].sudo()._get(model).name,
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
        for partner in self.filtered("uscc"):
            problem = uscc_problem(partner.uscc)
            if not problem:
                continue
            args = {"code": partner.uscc, "partner": partner.display_name}
            if problem == "length":
                message = self.env._(
                    "The unified social credit code “%(code)s” of %(partner)s must have "
                    "18 characters.",
                    **args,
                )
            elif problem == "checksum":
                message = self.env._(
                    "The unified social credit code “%(code)s” of %(partner)s has a wrong "
                    "check digit: check it against the business licence.",
                    **args,
                )
            elif problem == "authority":
                message = self.env._(
                    "The unified social credit code “%(code)s” of %(partner)s does not start "
                    "with a registration authority and organisation type of GB 32100-2015 "
                    "(for a company: 91, 92 or 93).",
                    **args,
                )
            else:
                message = self.env._(
                    "The unified social credit code “%(code)s” of %(partner)s is not "
                    "valid: it uses digits and upper-case letters except I, O, S, V, Z, and "
                    "characters 3 to 8 are the region code.",
                    **args,
                )
            raise ValidationError(message)

    @api.model
    def _check_uscc_unique(self, candidates):
        """Refuse a code another active partner of the same company, or a
        shared partner, has (a shared partner: of any company).

        ``candidates``: (uscc, company id, partner id or None); one query.
        """
        if not candidates:
            return
        clashes = (
            self.sudo()
            .with_context(active_test=True)
            .search([("uscc", "in", [c[0] for c in candidates])])
        )
        # a shared partner (no company) clashes with every company's partners
        taken = defaultdict(set)
        for partner in clashes:
            taken[partner.uscc].add((partner.company_id.id, partner.id))

        def clash(company_a, company_b):
            return not company_a or not company_b or company_a == company_b

        by_code = defaultdict(list)
        for code, company_id, _partner_id in candidates:
            by_code[code].append(company_id)
        for code, company_id, partner_id in candidates:
            others = [c for c, pid in taken[code] if pid != partner_id and clash(c, company_id)]
            in_batch = [c for c in by_code[code] if clash(c, company_id)]
            if others or len(in_batch) > 1:
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
        # the retention period of an archive runs from the end of the relationship;
        # sudo: whoever may archive the contact (Contact Creation) need not see
        # its archive
        if "active" in vals and (archives := self.sudo().custcare_archive_ids):
            archives._custcare_write(
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

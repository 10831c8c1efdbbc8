# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL

CREDENTIAL_KINDS = [
    ("business_licence", "Business Licence"),
    ("tax_registration", "Tax Registration"),
    ("permit", "Permit"),
    ("certification", "Certification"),
    ("other", "Other"),
]
EXPIRY_PARAM = "custcare_base.credential_expiry_days"


class CustcareCredential(models.Model):
    """A legal qualification document of a customer (营业执照, 税务登记, ...)."""

    _name = "custcare.credential"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Customer Credential"
    _order = "expiry_date, id"
    _check_company_auto = True

    archive_id = fields.Many2one("custcare.archive", required=True, ondelete="cascade", index=True)
    partner_id = fields.Many2one(related="archive_id.partner_id", store=True, string="Customer")
    company_id = fields.Many2one(related="archive_id.company_id", store=True)
    kind = fields.Selection(CREDENTIAL_KINDS, required=True, default="business_licence")
    name = fields.Char("Description")
    number = fields.Char()
    authority = fields.Char("Issuing Authority")
    issue_date = fields.Date()
    expiry_date = fields.Date(index=True, help="Leave empty for a credential that never expires.")
    attachment_ids = fields.Many2many("ir.attachment", string="Scans")
    state = fields.Selection(
        [("valid", "Valid"), ("expiring", "Expiring Soon"), ("expired", "Expired")],
        "Status",
        compute="_compute_state",
        search="_search_state",
    )
    reminded_expiry_date = fields.Date(
        readonly=True,
        copy=False,
        help="The expiry date the archive keeper was last reminded of.",
    )

    _dates_order = models.Constraint(
        "CHECK(expiry_date IS NULL OR issue_date IS NULL OR expiry_date >= issue_date)",
        "A credential cannot expire before it is issued.",
    )

    @api.model
    def _expiry_days(self):
        value = self.env["ir.config_parameter"].sudo().get_param(EXPIRY_PARAM, "30")
        try:
            return max(int(value), 0)
        except ValueError:
            return 30

    @api.depends("expiry_date")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=self._expiry_days())
        for credential in self:
            expiry = credential.expiry_date
            if expiry and expiry < today:
                credential.state = "expired"
            elif expiry and expiry <= soon:
                credential.state = "expiring"
            else:
                credential.state = "valid"

    def _search_state(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=self._expiry_days())
        by_state = {
            "expired": Domain("expiry_date", "<", today),
            "expiring": Domain("expiry_date", ">=", today) & Domain("expiry_date", "<=", soon),
            "valid": Domain("expiry_date", "=", False) | Domain("expiry_date", ">", soon),
        }
        domain = Domain.OR(by_state[v] for v in value if v in by_state)
        return domain if operator == "in" else ~domain

    @api.model
    def _states_by_archive(self, archive_ids):
        """The worst credential status per archive, in one query."""
        if not archive_ids:
            return {}
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=self._expiry_days())
        rows = self.sudo()._read_group(
            [("archive_id", "in", list(archive_ids))],
            ["archive_id"],
            ["expiry_date:min", "__count"],
        )
        result = {}
        for archive, first_expiry, _count in rows:
            if first_expiry and first_expiry < today:
                result[archive.id] = "expired"
            elif first_expiry and first_expiry <= soon:
                result[archive.id] = "expiring"
            else:
                result[archive.id] = "valid"
        return result

    @api.constrains("number", "kind")
    def _check_number(self):
        for credential in self:
            if credential.kind != "other" and not (credential.number or "").strip():
                raise ValidationError(
                    self.env._("Give the number of the %(kind)s.", kind=credential._kind_label())
                )

    def _kind_label(self):
        return dict(self._fields["kind"]._description_selection(self.env))[self.kind]

    def _expiry_summary(self):
        """The reminder's title, in the archive keeper's language (the job
        runs in the system's)."""
        credential = self.with_context(lang=self.archive_id.keeper_id.lang or self.env.lang)
        return credential.env._(
            "%(kind)s %(number)s expires on %(date)s",
            kind=credential._kind_label(),
            number=self.number or "",
            date=self.expiry_date,
        )

    def write(self, vals):
        res = super().write(vals)
        if "expiry_date" in vals:
            self._custcare_write({"reminded_expiry_date": False})  # renewed: remind again
        return res

    @api.model
    def _cron_remind_expiry(self):
        """Scheduled job: remind archive keepers of credentials about to
        expire, in committed batches."""
        today = fields.Date.context_today(self)
        domain = [
            ("expiry_date", ">=", today),
            ("expiry_date", "<=", today + timedelta(days=self._expiry_days())),
            ("reminded_expiry_date", "=", False),
            ("archive_id.keeper_id", "!=", False),
        ]
        return self.env["custcare.batch"]._run(
            self._name, domain, lambda credentials: credentials._remind_expiry()
        )

    def _remind_expiry(self):
        """One activity per credential for its archive keeper, N days before it
        expires, never twice for the same expiry date: one INSERT and one
        UPDATE for the batch."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        model_id = self.env["ir.model"]._get_id("custcare.archive")
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": credential.archive_id.id,
                    # given for the batch, not computed record by record
                    "res_name": credential.archive_id.display_name,
                    "activity_type_id": todo.id,
                    "user_id": credential.archive_id.keeper_id.id,
                    "date_deadline": credential.expiry_date,
                    "automated": True,
                    "summary": credential._expiry_summary(),
                }
                for credential in self
            ]
        )
        self.env.cr.execute(
            SQL(
                "UPDATE custcare_credential SET reminded_expiry_date = expiry_date WHERE id IN %s",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset(["reminded_expiry_date"])

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools import SQL

CREDIT_RATINGS = [("AAA", "AAA"), ("AA", "AA"), ("A", "A"), ("B", "B"), ("C", "C")]
CREDENTIAL_STATES = [
    ("valid", "Valid"),
    ("expiring", "Expiring Soon"),
    ("expired", "Expired"),
    ("missing", "No Credentials"),
]
CONFIDENTIAL_GROUP = "custcare_base.group_custcare_user"
# The confidential parts (保密): never exported, read only through record rules.
CONFIDENTIAL_FIELDS = (
    "registered_capital",
    "credit_rating",
    "credit_limit",
    "credit_description",
    "credit_review_date",
    "production_process",
    "production_scale",
    "raw_materials",
    "production_investment",
)


class CustcareArchive(models.Model):
    """The customer archive (客户档案): one per customer, kept by one person,
    approved by the general manager, confidential."""

    _name = "custcare.archive"
    _description = "Customer Archive"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.retention.mixin",
    ]
    _order = "partner_id"
    _rec_name = "partner_id"
    _check_company_auto = True
    _approval_key_fields = (
        "legal_representative",
        "registered_capital",
        "business_scope",
        "credit_rating",
        "credit_limit",
    )

    partner_id = fields.Many2one(
        "res.partner",
        "Customer",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    keeper_id = fields.Many2one(
        "res.users",
        "Archive Keeper",
        tracking=True,
        index=True,
        default=lambda self: self.env.user,
        help="The person who keeps this archive up to date (专人管理).",
    )
    # From the contact (stored to group the customer overview)
    uscc = fields.Char(related="partner_id.uscc", string="USCC")
    customer_tier = fields.Selection(related="partner_id.customer_tier", store=True, string="Tier")
    account_manager_id = fields.Many2one(
        related="partner_id.account_manager_id", store=True, string="Account Manager"
    )
    state_id = fields.Many2one(related="partner_id.state_id", store=True, string="Region")
    country_id = fields.Many2one(related="partner_id.country_id", store=True)
    phone = fields.Char(related="partner_id.phone")
    website = fields.Char(related="partner_id.website")
    # Legal qualification
    legal_representative = fields.Char(tracking=True)
    currency_id = fields.Many2one(
        "res.currency", required=True, default=lambda self: self.env.company.currency_id
    )
    registered_capital = fields.Monetary(exportable=False, groups=CONFIDENTIAL_GROUP, tracking=True)
    business_scope = fields.Text()
    credential_ids = fields.One2many("custcare.credential", "archive_id", "Credentials")
    credential_state = fields.Selection(
        CREDENTIAL_STATES,
        compute="_compute_credential_state",
        store=True,
        help="The worst status of the customer's credentials; refreshed daily.",
    )
    # Credit (信用状况) — confidential
    credit_rating = fields.Selection(
        CREDIT_RATINGS, exportable=False, groups=CONFIDENTIAL_GROUP, tracking=True
    )
    credit_limit = fields.Monetary(exportable=False, groups=CONFIDENTIAL_GROUP, tracking=True)
    credit_description = fields.Text("Credit Status", exportable=False, groups=CONFIDENTIAL_GROUP)
    credit_review_date = fields.Date(
        "Last Credit Review", exportable=False, groups=CONFIDENTIAL_GROUP
    )
    # Production profile — confidential
    production_process = fields.Text(exportable=False, groups=CONFIDENTIAL_GROUP)
    production_scale = fields.Char(exportable=False, groups=CONFIDENTIAL_GROUP)
    raw_materials = fields.Text("Raw Materials Used", exportable=False, groups=CONFIDENTIAL_GROUP)
    production_investment = fields.Char(exportable=False, groups=CONFIDENTIAL_GROUP)
    # Keeping
    access_log_ids = fields.One2many("custcare.access.log", "archive_id")
    retention_start_date = fields.Date(
        readonly=True,
        copy=False,
        help="When the customer relationship ended (the contact was archived): the "
        "retention period of the archive runs from this date.",
    )
    note = fields.Html()

    _partner_company_uniq = models.Constraint(
        "UNIQUE(partner_id, company_id)", "A customer has only one archive per company."
    )
    _custcare_retention_erase = (
        *CONFIDENTIAL_FIELDS,
        "legal_representative",
        "business_scope",
        "note",
    )

    @api.depends("credential_ids.expiry_date")
    def _compute_credential_state(self):
        states = self.env["custcare.credential"]._states_by_archive(self.ids)
        for archive in self:
            archive.credential_state = states.get(archive.id, "missing")

    @api.depends("partner_id")
    def _compute_display_name(self):
        for archive in self:
            archive.display_name = archive.partner_id.display_name

    @api.constrains("credit_limit", "registered_capital")
    def _check_amounts(self):
        if self.sudo().filtered(lambda a: a.credit_limit < 0 or a.registered_capital < 0):
            raise ValidationError(
                self.env._("The credit limit and the registered capital cannot be negative.")
            )

    def _check_export(self, paths):
        """Confidential fields never leave the database through an export."""
        blocked = {path[0] for path in paths if path and path[0] in CONFIDENTIAL_FIELDS}
        if blocked:
            labels = ", ".join(
                sorted(self._fields[f]._description_string(self.env) for f in blocked)
            )
            raise AccessError(
                self.env._(
                    "Confidential archive data cannot be exported: %(fields)s.", fields=labels
                )
            )

    def export_data(self, fields_to_export):
        self._check_export([f.replace("/", ".").split(".") for f in fields_to_export])
        return super().export_data(fields_to_export)

    def _export_rows(self, fields, *, _is_toplevel_call=True):
        self._check_export(fields)
        return super()._export_rows(fields, _is_toplevel_call=_is_toplevel_call)

    def _read_format(self, fnames, load="_classic_read"):
        """Every read of confidential values leaves a trace (form, list, API,
        search_read), one INSERT for the batch."""
        result = super()._read_format(fnames, load=load)
        if set(fnames) & set(CONFIDENTIAL_FIELDS):
            self.env["custcare.access.log"]._log_access(self)
        return result

    @api.model
    def _read_group(
        self, domain, groupby=(), aggregates=(), having=(), offset=0, limit=None, order=None
    ):
        """Grouping or summing by a confidential field reads it too: trace the
        archives behind the groups."""
        names = {spec.split(":")[0].split(".")[0] for spec in (*groupby, *aggregates)}
        if names & set(CONFIDENTIAL_FIELDS) and not self.env.su:
            self.env["custcare.access.log"]._log_access(self.search(domain))
        return super()._read_group(
            domain, groupby, aggregates, having=having, offset=offset, limit=limit, order=order
        )

    def write(self, vals):
        if (
            "keeper_id" in vals
            and not self.env.su
            and not self.env.user.has_group("custcare_base.group_custcare_archive_keeper")
        ):
            raise AccessError(
                self.env._("Only an archive keeper or a manager assigns the keeper of an archive.")
            )
        return super().write(vals)

    def action_open_partner(self):
        self.ensure_one()
        return self.partner_id._get_records_action()

    @api.model
    def _cron_refresh_credential_state(self):
        """Expiry depends on today: recompute the stored status of the
        archives whose status changed since (found by one query), in
        committed batches."""
        Credential = self.env["custcare.credential"]
        today = fields.Date.context_today(self)
        soon = today + timedelta(days=Credential._expiry_days())
        changed = SQL(
            """(SELECT a.id
                  FROM custcare_archive a
             LEFT JOIN (SELECT archive_id, min(expiry_date) AS first_expiry
                          FROM custcare_credential GROUP BY archive_id) c
                    ON c.archive_id = a.id
                 WHERE a.credential_state IS DISTINCT FROM CASE
                       WHEN c.archive_id IS NULL THEN 'missing'
                       WHEN c.first_expiry < %(today)s THEN 'expired'
                       WHEN c.first_expiry <= %(soon)s THEN 'expiring'
                       ELSE 'valid' END)""",
            today=today,
            soon=soon,
        )

        def refresh(archives):
            self.env.add_to_compute(self._fields["credential_state"], archives)
            archives.flush_recordset(["credential_state"])

        return self.env["custcare.batch"]._run(self._name, [("id", "in", changed)], refresh)

    @api.model
    def _custcare_destruction_method(self):
        return self.env._(
            "Confidential data (credit, production profile, registered capital), the legal "
            "representative, business scope and notes erased from the database; credentials "
            "and their scans deleted. The customer and the archive's existence are kept."
        )

    @api.model
    def _custcare_destruction_method(self):
        """How a record of this kind is destroyed, for the destruction record."""
        return self.env._(
            "The confidential archive data (registered capital, credit, production profile, "
            "legal representative, business scope, notes) erased from the database; the "
            "credentials and their scans deleted."
        )

    def _custcare_destroy(self):
        """Anonymise the archives; return what was erased (for the hash)."""
        erased = super()._custcare_destroy()
        for archive in self:
            erased[archive.id]["credentials"] = [
                (c.kind, c.number, c.authority, str(c.issue_date), str(c.expiry_date))
                for c in archive.credential_ids
            ]
        self.credential_ids.attachment_ids.unlink()
        self.credential_ids.unlink()
        for archive in self:
            archive.message_post(
                body=self.env._("The archive was destroyed after its retention period.")
            )
        return erased

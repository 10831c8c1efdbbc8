# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval


class CustcareRetentionPolicy(models.Model):
    """How long one kind of record is kept (记录保存) before it is proposed for
    destruction (销毁). Only record types that declare themselves retainable
    (``custcare.retention.mixin``) can have a policy."""

    _name = "custcare.retention.policy"
    _description = "Record Retention Policy"
    _order = "model_id, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    model_id = fields.Many2one(
        "ir.model",
        "Record Type",
        required=True,
        ondelete="cascade",
        domain="[('id', 'in', retainable_model_ids)]",
    )
    retainable_model_ids = fields.Many2many("ir.model", compute="_compute_retainable_model_ids")
    model = fields.Char(related="model_id.model", store=True)
    date_field = fields.Char(
        "Reference Date Field",
        required=True,
        default="write_date",
        help="Records are due when this date is older than the retention period.",
    )
    domain = fields.Char(default="[]", help="Only records matching this domain are kept by it.")
    years = fields.Integer("Retention (years)", required=True, default=2)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company")

    _years_positive = models.Constraint(
        "CHECK(years > 0)", "The retention period must be at least one year."
    )

    @api.model
    def _retainable_models(self):
        """Names of the models that can be destroyed by custcare."""
        return sorted(
            name
            for name, cls in self.env.registry.items()
            if getattr(cls, "_custcare_retainable", False) and not cls._abstract
        )

    def _compute_retainable_model_ids(self):
        models_ = self.env["ir.model"].sudo().search([("model", "in", self._retainable_models())])
        for policy in self:
            policy.retainable_model_ids = models_

    @api.constrains("model_id", "date_field", "domain")
    def _check_definition(self):
        retainable = self._retainable_models()
        for policy in self:
            if policy.model not in retainable:
                raise ValidationError(
                    self.env._(
                        "%(model)s records cannot be destroyed by custcare: choose one of the "
                        "record types in the list.",
                        model=policy.model_id.name,
                    )
                )
            Model = self.env[policy.model]
            field = Model._fields.get(policy.date_field)
            if not field or field.type not in ("date", "datetime"):
                raise ValidationError(
                    self.env._(
                        "“%(field)s” is not a date field of %(model)s.",
                        field=policy.date_field,
                        model=policy.model_id.name,
                    )
                )
            try:
                Model.search_count(policy._domain(), limit=1)
            except Exception as e:
                raise ValidationError(
                    self.env._("The domain of %(policy)s is not valid.", policy=policy.name)
                ) from e

    def _domain(self):
        return Domain(safe_eval(self.domain or "[]"))

    def _due_domain(self):
        """The records of this policy past retention and not destroyed."""
        self.ensure_one()
        limit = fields.Datetime.now() - relativedelta(years=self.years)
        Model = self.env[self.model]
        if Model._fields[self.date_field].type == "date":
            limit = limit.date()
        domain = (
            self._domain() & Domain(self.date_field, "<", limit) & Domain("destroyed", "=", False)
        )
        if self.company_id and "company_id" in Model._fields:
            domain &= Domain("company_id", "=", self.company_id.id)
        return domain

    def _records_due(self):
        """Due records not yet on a pending destruction proposal."""
        self.ensure_one()
        pending = (
            self.env["custcare.destruction.line"]
            .sudo()
            ._search(
                [
                    ("res_model", "=", self.model),
                    ("destruction_id.state", "in", ("proposed", "running")),
                ]
            )
        )
        domain = self._due_domain() & Domain(
            "id", "not in", pending.subselect(SQL.identifier("custcare_destruction_line", "res_id"))
        )
        return self.env[self.model].sudo().with_context(active_test=False).search(domain)

    def _propose(self):
        """One destruction proposal per policy with due records (as the system)."""
        Destruction = self.env["custcare.destruction"].sudo()
        created = Destruction
        for policy in self.sudo():
            if policy.model not in self._retainable_models():
                continue  # its addon was uninstalled
            records = policy._records_due()
            if not records:
                continue
            destruction = Destruction._custcare_create(
                [
                    {
                        "policy_id": policy.id,
                        "company_id": (policy.company_id or self.env.company).id,
                    }
                ]
            )
            self.env["custcare.destruction.line"].sudo().create(
                [
                    {
                        "destruction_id": destruction.id,
                        "res_model": policy.model,
                        "res_id": record.id,
                        "record_name": record.display_name,
                    }
                    for record in records
                ]
            )
            created |= destruction
        return created

    def action_propose_now(self):
        """Run the proposal for these policies now (archive keepers, managers)."""
        destructions = self._propose()
        return destructions._get_records_action(name=self.env._("Destruction Records"))

    @api.model
    def _cron_propose_destruction(self):
        """Propose, per policy, one destruction record of what is past retention.
        The policies are locked meanwhile, so two runs never propose twice."""
        policies = self.search([])
        if policies:
            self.env.cr.execute(
                "SELECT id FROM custcare_retention_policy WHERE id IN %s FOR UPDATE",
                [tuple(policies.ids)],
            )
        policies._propose()

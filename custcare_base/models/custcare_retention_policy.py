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

    def _records_due_domain(self):
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
        return self._due_domain() & Domain(
            "id", "not in", pending.subselect(SQL.identifier("custcare_destruction_line", "res_id"))
        )

    def _records_due(self):
        self.ensure_one()
        return (
            self.env[self.model]
            .sudo()
            .with_context(active_test=False)
            .search(self._records_due_domain())
        )

    def _proposal(self):
        """The destruction proposal new lines join: the one this policy has
        not submitted yet, or a new one."""
        self.ensure_one()
        # a second run waits here until the first one's proposal is committed
        self.env.cr.execute(
            SQL("SELECT id FROM custcare_retention_policy WHERE id = %s FOR UPDATE", self.id)
        )
        Destruction = self.env["custcare.destruction"].sudo()
        return Destruction.search(
            [
                ("policy_id", "=", self.id),
                ("state", "=", "proposed"),
                ("approval_state", "=", "draft"),
            ],
            limit=1,
        ) or Destruction._custcare_create(
            [{"policy_id": self.id, "company_id": (self.company_id or self.env.company).id}]
        )

    def _propose(self):
        """Put the due records of each policy on its destruction proposal, in
        committed batches (as the system). Returns the proposals."""
        proposals = self.env["custcare.destruction"].sudo()
        Line = self.env["custcare.destruction.line"].sudo()
        retainable = self._retainable_models()
        for policy in self.sudo():
            if policy.model not in retainable:
                continue  # its addon was uninstalled
            domain = policy._records_due_domain()
            if (
                not self.env[policy.model]
                .sudo()
                .with_context(active_test=False)
                .search_count(domain, limit=1)
            ):
                continue
            proposal = policy._proposal()
            proposals |= proposal

            def propose(records, proposal=proposal, policy=policy):
                Line.create(
                    [
                        {
                            "destruction_id": proposal.id,
                            "res_model": policy.model,
                            "res_id": record.id,
                            "record_name": record.display_name,
                        }
                        for record in records
                    ]
                )

            self.env["custcare.batch"]._run(policy.model, domain, propose)
        return proposals

    def action_propose_now(self):
        """Run the proposal for these policies now (archive keepers, managers)."""
        destructions = self._propose()
        return destructions._get_records_action(name=self.env._("Destruction Records"))

    @api.model
    def _cron_propose_destruction(self):
        """Scheduled job: put what is past retention on each policy's
        destruction proposal. Records are claimed with row locks and joined
        to the one open proposal, so two runs at once never propose twice."""
        return self.search([])._propose()

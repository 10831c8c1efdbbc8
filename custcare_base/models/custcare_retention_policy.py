# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval


class CustcareRetentionPolicy(models.Model):
    """How long one kind of record is kept (记录保存) before it is proposed for
    destruction (销毁). Other custcare addons add their record types."""

    _name = "custcare.retention.policy"
    _description = "Record Retention Policy"
    _order = "model_id, id"

    name = fields.Char(required=True, translate=True)
    model_id = fields.Many2one("ir.model", "Record Type", required=True, ondelete="cascade")
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

    @api.constrains("model_id", "date_field", "domain")
    def _check_definition(self):
        for policy in self:
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
            if not hasattr(Model, "_custcare_destroy"):
                raise ValidationError(
                    self.env._(
                        "%(model)s records cannot be destroyed by custcare.",
                        model=policy.model_id.name,
                    )
                )
            try:
                Model.search_count(Domain(safe_eval(policy.domain or "[]")), limit=1)
            except Exception as e:
                raise ValidationError(
                    self.env._("The domain of %(policy)s is not valid.", policy=policy.name)
                ) from e

    def _records_due(self):
        """The records of this policy past retention and not yet proposed."""
        self.ensure_one()
        limit = fields.Datetime.now() - relativedelta(years=self.years)
        if self.env[self.model]._fields[self.date_field].type == "date":
            limit = limit.date()
        proposed = self.env["custcare.destruction.line"].search(
            [("res_model", "=", self.model), ("destruction_id.state", "!=", "cancelled")]
        )
        domain = (
            Domain(safe_eval(self.domain or "[]"))
            & Domain(self.date_field, "<", limit)
            & Domain("id", "not in", proposed.mapped("res_id"))
        )
        if "destroyed" in self.env[self.model]._fields:
            domain &= Domain("destroyed", "=", False)
        return self.env[self.model].with_context(active_test=False).search(domain)

    @api.model
    def _cron_propose_destruction(self):
        """Propose, per policy, one destruction record of what is past retention."""
        Destruction = self.env["custcare.destruction"]
        for policy in self.search([]):
            records = policy._records_due()
            if records:
                Destruction.create(
                    {
                        "policy_id": policy.id,
                        "line_ids": [
                            fields.Command.create(
                                {
                                    "res_model": policy.model,
                                    "res_id": r.id,
                                    "record_name": r.display_name,
                                }
                            )
                            for r in records
                        ],
                    }
                )

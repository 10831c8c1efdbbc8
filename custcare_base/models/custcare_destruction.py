# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError


class CustcareDestruction(models.Model):
    """A destruction record (销毁记录): what was erased, when, approved by whom,
    and a hash of what was erased."""

    _name = "custcare.destruction"
    _description = "Destruction Record"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
    ]
    _custcare_sequence_code = "custcare.destruction"
    _order = "id desc"

    name = fields.Char("Number", required=True, readonly=True, copy=False)
    policy_id = fields.Many2one("custcare.retention.policy", "Retention Policy", required=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many("custcare.destruction.line", "destruction_id", "Records")
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [("proposed", "Proposed"), ("done", "Destroyed"), ("cancelled", "Cancelled")],
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
    )
    executed_by_id = fields.Many2one("res.users", "Destroyed by", readonly=True)
    executed_date = fields.Datetime("Destroyed on", readonly=True)

    @api.depends("line_ids")
    def _compute_line_count(self):
        for destruction in self:
            destruction.line_count = len(destruction.line_ids)

    def action_destroy(self):
        """Erase the approved records and keep the trace."""
        self.ensure_one()
        if self.approval_state != "approved" or self.state != "proposed":
            raise UserError(
                self.env._("Only a proposed destruction approved by the general manager can run.")
            )
        for line in self.line_ids:
            record = self.env[line.res_model].browse(line.res_id).exists()
            erased = record.sudo()._custcare_destroy() if record else {}
            digest = hashlib.sha256(
                json.dumps(erased, sort_keys=True, default=str, ensure_ascii=False).encode()
            ).hexdigest()
            line.write({"data_hash": digest, "destroyed": bool(record)})
        self.write(
            {
                "state": "done",
                "executed_by_id": self.env.uid,
                "executed_date": fields.Datetime.now(),
            }
        )
        return True

    def _custcare_destruction_methods(self):
        """[(record type, how it is destroyed)] for the kinds of records of
        this destruction, as each model describes itself."""
        self.ensure_one()
        methods = []
        for model in dict.fromkeys(self.line_ids.mapped("res_model")):
            Model = self.env[model] if model in self.env else None
            if Model is None:
                continue
            describe = getattr(Model, "_custcare_destruction_method", None)
            text = describe() if describe else self.env._("Erased from the database.")
            methods.append((self.env["ir.model"]._get(model).name, text))
        return methods

    def action_cancel(self):
        if self.filtered(lambda d: d.state != "proposed"):
            raise UserError(self.env._("Only a proposed destruction can be cancelled."))
        self.write({"state": "cancelled"})
        return True


class CustcareDestructionLine(models.Model):
    _name = "custcare.destruction.line"
    _description = "Destroyed Record"
    _order = "id"

    destruction_id = fields.Many2one(
        "custcare.destruction", required=True, ondelete="cascade", index=True
    )
    res_model = fields.Char("Record Type", required=True, index=True)
    res_id = fields.Integer("Record ID", required=True)
    record_name = fields.Char("Record", required=True)
    data_hash = fields.Char("SHA-256 of Erased Data", readonly=True)
    destroyed = fields.Boolean(readonly=True)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import datetime
import hashlib
import json

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain
from odoo.tools import SQL, LazyTranslate

_lt = LazyTranslate(__name__)
_BY_ENGINE = _lt("the retention engine proposes and destroys")


def _plain(value):
    """A JSON-friendly, stable form of a field value (records become ids)."""
    if isinstance(value, models.BaseModel):
        return value.ids
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def erased_digest(model, res_id, erased):
    """SHA-256 of what was erased, with the record's identity."""
    payload = {"model": model, "id": res_id, "data": _plain(erased)}
    return hashlib.sha256(
        json.dumps(payload, sort_keys=True, default=str, ensure_ascii=False).encode()
    ).hexdigest()


class CustcareDestruction(models.Model):
    """A destruction record (销毁记录): what was erased, when, approved by whom,
    and a hash of what was erased. Proposed only by the retention engine,
    never deleted."""

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
    _check_company_auto = True
    _custcare_protected_fields = dict.fromkeys(
        (
            "policy_id",
            "policy_name",
            "res_model",
            "model_name",
            "method",
            "state",
            "executed_by_id",
            "executed_date",
            "line_ids",
        ),
        _BY_ENGINE,
    )
    _custcare_evidence_states = ("proposed", "running", "done", "cancelled")

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    policy_id = fields.Many2one(
        "custcare.retention.policy", "Retention Policy", readonly=True, ondelete="set null"
    )
    # what the record says even after the policy or the addon is gone
    policy_name = fields.Char("Policy", readonly=True)
    res_model = fields.Char("Record Type", readonly=True)
    model_name = fields.Char("Record Type Name", readonly=True)
    retention_years = fields.Integer("Retention (years)", readonly=True)
    method = fields.Text("Destruction Method", readonly=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    line_ids = fields.One2many(
        "custcare.destruction.line", "destruction_id", "Records", readonly=True
    )
    line_count = fields.Integer(compute="_compute_line_count")
    state = fields.Selection(
        [
            ("proposed", "Proposed"),
            ("running", "Being Destroyed"),
            ("done", "Destroyed"),
            ("cancelled", "Cancelled"),
        ],
        default="proposed",
        required=True,
        readonly=True,
        tracking=True,
    )
    executed_by_id = fields.Many2one("res.users", "Destroyed by", readonly=True)
    executed_date = fields.Datetime("Destroyed on", readonly=True)

    def _method_text(self):
        """How the records are destroyed, in the reader's language while the
        record type exists; the text kept at the proposal otherwise."""
        self.ensure_one()
        if self._retainable(self.res_model):
            return self.env[self.res_model]._custcare_destruction_method()
        return self.method

    def _retainable(self, model):
        """Whether records of ``model`` can (still) be destroyed: its addon may
        have been uninstalled since the proposal."""
        return model in self.env and getattr(self.env[model], "_custcare_retainable", False)

    def _compute_line_count(self):
        counts = dict(
            self.env["custcare.destruction.line"]._read_group(
                [("destruction_id", "in", self.ids)], ["destruction_id"], ["__count"]
            )
        )
        for destruction in self:
            destruction.line_count = counts.get(destruction, 0)

    @api.private
    def _custcare_prepare_create(self, vals_list):
        super()._custcare_prepare_create(vals_list)
        Policy = self.env["custcare.retention.policy"].sudo()
        for vals in vals_list:
            policy = Policy.browse(vals.get("policy_id"))
            if not policy:
                raise UserError(self.env._("A destruction record needs its retention policy."))
            Model = self.env[policy.model]
            vals.update(
                policy_name=policy.name,
                res_model=policy.model,
                model_name=policy.model_id.name,
                retention_years=policy.years,
                method=Model._custcare_destruction_method(),
            )

    # ----------------------------------------------------------------- flow
    def action_destroy(self):
        """Erase the approved records and keep the trace: at once for a small
        proposal, in committed batches by the scheduled job for a large one."""
        self.ensure_one()
        if self.approval_state != "approved" or self.state != "proposed":
            raise UserError(
                self.env._("Only a proposed destruction approved by the general manager can run.")
            )
        self._custcare_write(
            {
                "state": "running",
                "executed_by_id": self.env.uid,
                "executed_date": fields.Datetime.now(),
            }
        )
        if self.line_count <= self.env["custcare.batch"]._batch_size():
            self.sudo()._destroy_lines(self.sudo().line_ids)
        else:
            self.env.ref("custcare_base.ir_cron_destruction_run").sudo()._trigger()
            self.message_post(
                body=self.env._(
                    "%(count)s records are being destroyed in batches by the scheduled job.",
                    count=self.line_count,
                ),
                message_type="notification",
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda d: d.state != "proposed"):
            raise UserError(self.env._("Only a proposed destruction can be cancelled."))
        self._custcare_write({"state": "cancelled"})
        self.sudo().activity_unlink(["custcare_base.mail_activity_type_approval"])
        return True

    @api.model
    def _destroy_lines(self, lines):
        """Destroy the records of pending ``lines`` (as the system) and record
        it on the lines; finish the destructions with no line left. Erasure
        and record are written together, so a batch is all or nothing."""
        lines = lines.filtered(lambda line: line.state == "pending")
        updates = []
        for (destruction, model), group in lines.grouped(
            lambda line: (line.destruction_id, line.res_model)
        ).items():
            due = group.browse()
            if self._retainable(model) and destruction.policy_id:
                records = (
                    self.env[model]
                    .sudo()
                    .with_context(active_test=False)
                    .search(
                        destruction.policy_id._due_domain()
                        & Domain("id", "in", group.mapped("res_id"))
                    )
                )
                erased = records._custcare_destroy() if records else {}
                due = group.filtered(lambda line, ids=set(records.ids): line.res_id in ids)
                updates += [
                    (line.id, "destroyed", erased_digest(model, line.res_id, erased[line.res_id]))
                    for line in due
                ]
            updates += [(line.id, "skipped", None) for line in group - due]
        if updates:
            ids, states, digests = zip(*updates, strict=True)
            self.env.cr.execute(
                SQL(
                    """UPDATE custcare_destruction_line l
                          SET state = v.state, data_hash = v.digest
                         FROM unnest(%s::int[], %s::varchar[], %s::varchar[])
                              AS v(id, state, digest)
                        WHERE l.id = v.id""",
                    list(ids),
                    list(states),
                    list(digests),
                )
            )
            lines.invalidate_recordset(["state", "data_hash"])
        running = lines.destruction_id
        pending = (
            self.env["custcare.destruction.line"]
            .sudo()
            ._read_group(
                [("destruction_id", "in", running.ids), ("state", "=", "pending")],
                ["destruction_id"],
            )
        )
        finished = running - self.browse([destruction.id for (destruction,) in pending])
        finished.sudo()._custcare_write({"state": "done"})
        return len(lines)

    @api.model
    def _cron_run_destructions(self):
        """Scheduled job: run the destructions the general manager approved,
        one committed batch of records at a time."""
        domain = [("state", "=", "pending"), ("destruction_id.state", "=", "running")]
        return self.env["custcare.batch"]._run(
            "custcare.destruction.line", domain, self._destroy_lines
        )


class CustcareDestructionLine(models.Model):
    """One record on a destruction record: written only by the engine."""

    _name = "custcare.destruction.line"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Destroyed Record"
    _order = "id"
    _custcare_protected_fields = dict.fromkeys(
        ("destruction_id", "res_model", "res_id", "record_name", "data_hash", "state"),
        _BY_ENGINE,
    )

    destruction_id = fields.Many2one(
        "custcare.destruction", required=True, ondelete="cascade", index=True, readonly=True
    )
    company_id = fields.Many2one(related="destruction_id.company_id", store=True)
    res_model = fields.Char("Record Type", required=True, index=True, readonly=True)
    res_id = fields.Integer("Record ID", required=True, readonly=True)
    record_name = fields.Char("Record", required=True, readonly=True)
    data_hash = fields.Char("SHA-256 of Erased Data", readonly=True)
    state = fields.Selection(
        [("pending", "To Destroy"), ("destroyed", "Destroyed"), ("skipped", "Kept: No Longer Due")],
        default="pending",
        required=True,
        readonly=True,
        index=True,
    )
    destroyed = fields.Boolean(compute="_compute_destroyed")

    @api.depends("state")
    def _compute_destroyed(self):
        for line in self:
            line.destroyed = line.state == "destroyed"

    def _custcare_is_evidence(self):
        return self

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

SATISFACTION = [
    ("5", "Very satisfied"),
    ("4", "Satisfied"),
    ("3", "Neutral"),
    ("2", "Dissatisfied"),
    ("1", "Very dissatisfied"),
]


class CustcareCallbackPlan(models.Model):
    """Post-delivery tracking (质量跟踪) of one delivered order or project:
    callbacks (回访) monthly in the first year, quarterly afterwards."""

    _name = "custcare.callback.plan"
    _description = "Post-delivery Tracking"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.retention.mixin"]
    _order = "start_date desc, id desc"
    _check_company_auto = True
    _custcare_protected_fields = {
        "state": _lt("Close Tracking"),
        "picking_id": _lt("Track on the delivery"),
    }

    name = fields.Char("Order or Project", required=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, index=True, check_company=True
    )
    picking_id = fields.Many2one(
        "stock.picking", "Delivery", index="btree_not_null", readonly=True, check_company=True
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        index=True,
        check_company=True,
    )
    production_user_id = fields.Many2one(
        "res.users",
        "Production Contact",
        check_company=True,
        help="Receives the quality feedback of the callbacks as an activity.",
    )
    start_date = fields.Date("Delivered on", required=True, default=fields.Date.context_today)
    monthly_months = fields.Integer(
        "Monthly for (months)", default=12, required=True, help="Callbacks every month."
    )
    later_interval = fields.Integer(
        "Then every (months)", default=3, required=True, help="Interval after the first period."
    )
    total_months = fields.Integer(
        "Tracking Period (months)", default=36, required=True, help="No callback after this."
    )
    state = fields.Selection(
        [("active", "Tracking"), ("closed", "Closed")],
        default="active",
        required=True,
        readonly=True,
        tracking=True,
    )
    callback_ids = fields.One2many("custcare.callback", "plan_id", "Callbacks")
    callback_count = fields.Integer(compute="_compute_callback_stats")
    next_date = fields.Date("Next Callback", compute="_compute_callback_stats")

    _periods_valid = models.Constraint(
        "CHECK(monthly_months >= 0 AND later_interval > 0 AND total_months >= monthly_months)",
        "The tracking periods are not consistent.",
    )

    @api.depends("callback_ids.state", "callback_ids.scheduled_date")
    def _compute_callback_stats(self):
        for plan in self:
            planned = plan.callback_ids.filtered(lambda c: c.state == "planned")
            plan.callback_count = len(plan.callback_ids)
            plan.next_date = min(planned.mapped("scheduled_date"), default=False)

    def _schedule_dates(self):
        """Monthly dates for the first period, then every `later_interval`
        months until the end of the tracking period."""
        self.ensure_one()
        offsets = list(range(1, self.monthly_months + 1))
        offset = self.monthly_months + self.later_interval
        while offset <= self.total_months:
            offsets.append(offset)
            offset += self.later_interval
        return [self.start_date + relativedelta(months=m) for m in offsets]

    @api.model_create_multi
    def create(self, vals_list):
        plans = super().create(vals_list)
        plans._generate_callbacks()
        return plans

    def _custcare_is_evidence(self):
        return self.filtered(
            lambda p: p.state == "closed" or "done" in p.callback_ids.mapped("state")
        )

    def _generate_callbacks(self):
        self.env["custcare.callback"]._custcare_create(
            [
                {"plan_id": plan.id, "scheduled_date": day}
                for plan in self
                for day in plan._schedule_dates()
            ]
        )

    def action_close(self):
        self.callback_ids.filtered(lambda c: c.state == "planned")._custcare_write(
            {"state": "cancelled"}
        )
        self._custcare_write({"state": "closed"})
        return True

    @api.model
    def _custcare_destruction_method(self):
        return self.env._(
            "What was said in the callbacks (whom we spoke with, usage, quality feedback) "
            "erased from the database; the tracking and the callback dates are kept."
        )

    def _custcare_destroy(self):
        """Retention: erase what was said in the callbacks."""
        erased = super()._custcare_destroy()
        fields_ = ("contact_name", "usage", "quality_feedback")
        for plan in self:
            erased[plan.id]["callbacks"] = {
                c.id: {name: c[name] for name in fields_} for c in plan.callback_ids
            }
        self.callback_ids._custcare_write(dict.fromkeys(fields_, False))
        return erased


class CustcareCallback(models.Model):
    """One callback (回访): whom we spoke to, how the product is used, quality
    feedback and satisfaction; a problem becomes a complaint in one click."""

    _name = "custcare.callback"
    _description = "Customer Callback"
    _inherit = ["mail.thread", "mail.activity.mixin", "custcare.evidence.mixin"]
    _order = "scheduled_date, id"
    _custcare_protected_fields = {
        "state": _lt("Record the Callback"),
        "plan_id": _lt("the tracking plan, which schedules it"),
    }
    _custcare_evidence_states = ("done",)

    plan_id = fields.Many2one(
        "custcare.callback.plan", "Tracking Plan", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    partner_id = fields.Many2one(related="plan_id.partner_id", store=True, index=True)
    user_id = fields.Many2one(related="plan_id.user_id", store=True, string="Responsible")
    scheduled_date = fields.Date(required=True, index=True)
    done_date = fields.Date("Called on", readonly=True)
    contact_name = fields.Char("Spoke with", size=128)
    usage = fields.Text()
    quality_feedback = fields.Text()
    satisfaction = fields.Selection(SATISFACTION)
    problem = fields.Boolean("Problem Reported", readonly=True)
    complaint_id = fields.Many2one("custcare.complaint", readonly=True)
    reminded = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
    )

    @api.depends("plan_id.name", "scheduled_date")
    def _compute_display_name(self):
        for callback in self:
            callback.display_name = f"{callback.plan_id.name} · {callback.scheduled_date}"

    def action_done(self):
        if self.filtered(lambda c: c.state != "planned"):
            raise UserError(self.env._("Only a planned callback can be recorded."))
        if self.filtered(lambda c: not c.contact_name or not c.satisfaction):
            raise UserError(
                self.env._("Record whom you spoke with and how satisfied they are first.")
            )
        self._custcare_write({"state": "done", "done_date": fields.Date.context_today(self)})
        self.activity_feedback(["mail.mail_activity_data_call"])
        return True

    def action_create_complaint(self):
        """The customer raised a problem: register it as a complaint."""
        self.ensure_one()
        if self.complaint_id:
            raise UserError(self.env._("This callback already has a complaint."))
        if not self.quality_feedback:
            raise UserError(self.env._("Describe the problem in the quality feedback first."))
        complaint = self.env["custcare.complaint"].create(
            {
                "partner_id": self.partner_id.commercial_partner_id.id,
                "contact_name": self.contact_name,
                "channel": "phone",
                "category": "quality",
                # the desk needs no warehouse rights for the delivery's number
                "delivery_ref": self.plan_id.sudo().picking_id.name or self.plan_id.name,
                "description": Markup("<p>%s</p>") % self.quality_feedback,
            }
        )
        self._custcare_write({"complaint_id": complaint.id, "problem": True})
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.complaint",
            "res_id": complaint.id,
            "view_mode": "form",
        }

    def action_forward_to_production(self):
        """Quality feedback goes to production as an activity."""
        for callback in self:
            user = callback.plan_id.production_user_id
            if not user:
                raise UserError(
                    self.env._(
                        "Set the production contact of %(plan)s first.", plan=callback.plan_id.name
                    )
                )
            if not callback.quality_feedback:
                raise UserError(self.env._("There is no quality feedback to forward."))
            callback.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=user.id,
                summary=self.env._(
                    "Quality feedback from %(customer)s", customer=callback.partner_id.name
                ),
                note=callback.quality_feedback,
            )
        return True

    @api.model
    def _cron_remind_due(self, days=7):
        """Scheduled job: one call activity per callback coming due within
        `days`, never twice; one INSERT and one UPDATE per committed batch."""
        horizon = fields.Date.context_today(self) + timedelta(days=days)
        domain = [
            ("state", "=", "planned"),
            ("reminded", "=", False),
            ("scheduled_date", "<=", horizon),
        ]
        return self.env["custcare.batch"]._run(
            self._name, domain, lambda callbacks: callbacks._remind()
        )

    def _remind(self):
        call = self.env.ref("mail.mail_activity_data_call")
        model_id = self.env["ir.model"]._get_id(self._name)
        self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
            [
                {
                    "res_model_id": model_id,
                    "res_id": callback.id,
                    "res_name": callback.display_name,
                    "activity_type_id": call.id,
                    "date_deadline": callback.scheduled_date,
                    "user_id": callback.user_id.id or self.env.uid,
                    "automated": True,
                    # the job runs in the system's language: the handler's
                    "summary": self.with_context(lang=callback.user_id.lang or self.env.lang).env._(
                        "Callback to %(customer)s", customer=callback.partner_id.name
                    ),
                }
                for callback in self
            ]
        )
        self._custcare_write({"reminded": True})

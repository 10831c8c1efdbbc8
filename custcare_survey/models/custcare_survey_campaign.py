# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import base64
from collections import defaultdict

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import LazyTranslate, float_round
from odoo.tools.safe_eval import safe_eval

from odoo.addons.custcare_base.models.res_partner import TIERS

from ..tools.charts import bar_chart_png

_lt = LazyTranslate(__name__)

STATES = [
    ("draft", "Draft"),
    ("sending", "Sending"),
    ("running", "Collecting Answers"),
    ("analysed", "Analysed"),
    ("cancelled", "Cancelled"),
]
KINDS = [("satisfaction", "Satisfaction Survey"), ("demand", "Demand Plan")]
# the questionnaire and mails of each kind of campaign
KIND_SURVEY = {
    "satisfaction": "custcare_survey.survey_satisfaction",
    "demand": "custcare_survey.survey_demand_plan",
}
KIND_MAILS = {
    "satisfaction": (
        "custcare_survey.mail_template_invitation",
        "custcare_survey.mail_template_reminder",
    ),
    "demand": (
        "custcare_survey.mail_template_demand_invitation",
        "custcare_survey.mail_template_demand_reminder",
    ),
}

# what the customers did that a campaign can target: kinds of the partner's
# transaction sources, offered when their app is installed, and their dates
TARGET_ACTIVITIES = {
    "delivery": _lt("Received a delivery"),
    "complaint": _lt("Filed a complaint"),
    "sale": _lt("Placed a sales order"),
    "communication": _lt("Were contacted (communication record)"),
}
TARGET_ACTIVITY_DATES = {
    "delivery": "date_done",
    "complaint": "received_at",
    "sale": "date_order",
    "communication": "date",
}


class CustcareSurveyCampaign(models.Model):
    """A customer satisfaction campaign (顾客满意度调查): one questionnaire sent
    to the target customers, chased once, closed after the validity period,
    analysed per dimension against targets, reported to the general manager.

    A campaign of kind "demand" (需求计划, seed 004 §3) is the December
    new-year greeting that asks each customer for next year's demand: the
    same sending, chasing and voiding, its own questionnaire and mails, no
    satisfaction analysis; each completed form becomes the customer's
    demand plan (custcare.demand.plan)."""

    _name = "custcare.survey.campaign"
    _description = "Customer Satisfaction Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "custcare.approval.mixin",
        "custcare.numbered.mixin",
        "custcare.survey.target.mixin",
    ]
    _custcare_sequence_code = "custcare.survey.campaign"
    _order = "planned_date desc, id desc"
    _check_company_auto = True
    _approval_key_fields = ("conclusion", "distribution_user_ids")
    _custcare_protected_fields = {
        "state": _lt("Send, Analyse, Cancel or Reset to Draft"),
        "overall_score": _lt("Analyse"),
        "result_ids": _lt("Analyse"),
    }
    _custcare_evidence_states = ("sending", "running", "analysed")
    _custcare_fixed_fields = ("kind",)

    name = fields.Char("Number", required=True, readonly=True, copy=False, default="/")
    title = fields.Char(required=True, tracking=True)
    kind = fields.Selection(KINDS, required=True, default="satisfaction", index=True)
    plan_year = fields.Integer(
        compute="_compute_plan_year",
        store=True,
        readonly=False,
        precompute=True,
        aggregator=False,
        help="Demand plans: the year whose demand the customers are asked for.",
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    user_id = fields.Many2one(
        "res.users",
        "Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
    )
    policy_id = fields.Many2one("custcare.survey.policy", readonly=True, index=True)
    survey_id = fields.Many2one(
        "survey.survey",
        "Questionnaire",
        required=True,
        domain=[("survey_type", "in", ("survey", "custom"))],
    )
    review_date = fields.Date("Management Review")
    planned_date = fields.Date(tracking=True)
    target_activity = fields.Selection(
        selection="_selection_target_activity",
        string="Customers Who",
        help="Only the customers who did this (since the date below, if any); empty for all.",
    )
    target_since = fields.Date("Since")
    target_domain = fields.Char(
        "Advanced Filter",
        default="[('is_company', '=', True)]",
        help="For advanced users: a filter on contacts; the recipients are the customers "
        "(companies) of the contacts it selects, as counted by the Recipients button.",
    )
    reminder_days = fields.Integer("Reminder after (days)", default=15, required=True)
    validity_months = fields.Integer("Validity (months)", default=2, required=True)
    state = fields.Selection(
        STATES, default="draft", required=True, readonly=True, tracking=True, index=True
    )
    sent_date = fields.Datetime("Sent on", readonly=True, copy=False)
    deadline = fields.Datetime(readonly=True, copy=False)
    answer_ids = fields.One2many("survey.user_input", "custcare_campaign_id", "Forms")
    invited_count = fields.Integer("Invited", compute="_compute_counts")
    answered_count = fields.Integer("Answered", compute="_compute_counts")
    void_count = fields.Integer("Void", compute="_compute_counts")
    pending_count = fields.Integer("Awaiting Answer", compute="_compute_counts")
    reminded_count = fields.Integer("Reminded", compute="_compute_counts")
    response_rate = fields.Float("Response Rate (%)", compute="_compute_counts", digits=(5, 1))
    recipient_count = fields.Integer(
        "Recipients",
        compute="_compute_recipient_count",
        help="The customers the campaign sends to (once sent: the customers who received a form).",
    )
    recipient_no_email_count = fields.Integer(
        "Recipients without E-mail", compute="_compute_recipient_count"
    )
    # Analysis
    analysed_date = fields.Datetime("Analysed on", readonly=True, copy=False)
    result_ids = fields.One2many(
        "custcare.survey.result", "campaign_id", "Results per Dimension", readonly=True
    )
    overall_score = fields.Float(readonly=True, digits=(4, 2), copy=False)
    previous_id = fields.Many2one(
        "custcare.survey.campaign", "Previous Campaign", readonly=True, copy=False
    )
    previous_overall_score = fields.Float(
        related="previous_id.overall_score", string="Previous Overall Score"
    )
    conclusion = fields.Html("Analysis and Conclusions")
    distribution_user_ids = fields.Many2many(
        "res.users",
        string="Send to",
        domain=[("share", "=", False)],
        help="The department heads who receive the approved analysis report.",
    )
    capa_count = fields.Integer("Corrective Actions", compute="_compute_capa_count")
    demand_plan_count = fields.Integer("Demand Plans", compute="_compute_demand_plan_count")

    _periods_positive = models.Constraint(
        "CHECK(reminder_days > 0 AND validity_months > 0)",
        "Reminder delay and validity must be positive.",
    )
    _policy_review_uniq = models.UniqueIndex(
        "(policy_id, review_date) WHERE policy_id IS NOT NULL",
        "A survey policy drafts one campaign per management review.",
    )

    @api.model
    def _selection_target_activity(self):
        sources = self.env["res.partner"]._custcare_transaction_sources()
        return [
            (kind, str(label))
            for kind, label in TARGET_ACTIVITIES.items()
            if kind in sources and sources[kind][0] in self.env
        ]

    @api.constrains("target_domain")
    def _check_target_domain(self):
        # each distinct filter is tried once (a policy job drafts many alike)
        for target_domain, campaigns in self.grouped("target_domain").items():
            try:
                self.env["res.partner"].search_count(
                    Domain(safe_eval(target_domain or "[]")), limit=1
                )
            except Exception as e:
                raise ValidationError(
                    self.env._(
                        "The customer filter of %(name)s is not valid.", name=campaigns[0].name
                    )
                ) from e

    @api.onchange("kind")
    def _onchange_kind(self):
        """Each kind of campaign starts from its own questionnaire."""
        survey = self.env.ref(KIND_SURVEY[self.kind or "satisfaction"], raise_if_not_found=False)
        if survey:
            self.survey_id = survey

    def write(self, vals):
        if "plan_year" in vals and self.filtered(lambda c: c.state != "draft"):
            raise UserError(self.env._("The plan year of a sent campaign cannot be changed."))
        return super().write(vals)

    def _custcare_is_evidence(self):
        return super()._custcare_is_evidence() | self.filtered("answer_ids")

    @api.depends("kind", "planned_date")
    def _compute_plan_year(self):
        """A demand campaign in December asks for the coming year."""
        for campaign in self:
            if campaign.kind != "demand":
                campaign.plan_year = 0
            elif not campaign.plan_year:
                campaign.plan_year = (campaign.planned_date or fields.Date.today()).year + 1

    @api.depends("answer_ids.state", "answer_ids.custcare_void", "answer_ids.custcare_reminded_on")
    def _compute_counts(self):
        rows = self.env["survey.user_input"]._read_group(
            [("custcare_campaign_id", "in", self.ids)],
            ["custcare_campaign_id", "state", "custcare_void"],
            ["__count"],
        )
        reminded = dict(
            self.env["survey.user_input"]._read_group(
                [("custcare_campaign_id", "in", self.ids), ("custcare_reminded_on", "!=", False)],
                ["custcare_campaign_id"],
                ["__count"],
            )
        )
        stats = defaultdict(lambda: defaultdict(int))
        for campaign, state, void, count in rows:
            key = "void" if void else ("done" if state == "done" else "pending")
            stats[campaign][key] += count
            stats[campaign]["all"] += count
        for campaign in self:
            s = stats[campaign]
            campaign.invited_count = s["all"]
            campaign.answered_count = s["done"]
            campaign.void_count = s["void"]
            campaign.pending_count = s["pending"]
            campaign.reminded_count = reminded.get(campaign, 0)
            campaign.response_rate = 100.0 * s["done"] / s["all"] if s["all"] else 0.0

    @api.depends(
        "state",
        "target_domain",
        "target_tier",
        "target_category_ids",
        "target_manager_id",
        "target_activity",
        "target_since",
        "company_id",
        "answer_ids",
    )
    def _compute_recipient_count(self):
        Partner = self.env["res.partner"]
        for campaign in self:
            domain = campaign._recipient_domain()
            campaign.recipient_count = Partner.search_count(domain)
            campaign.recipient_no_email_count = Partner.search_count(
                domain & Domain("email", "in", [False, ""])
            )

    def _capa_domain(self):
        return [("source_ref", "in", [f"{self._name},{cid}" for cid in self.ids])]

    def _compute_demand_plan_count(self):
        counts = dict(
            self.env["custcare.demand.plan"]._read_group(
                [("campaign_id", "in", self.ids)], ["campaign_id"], ["__count"]
            )
        )
        for campaign in self:
            campaign.demand_plan_count = counts.get(campaign, 0)

    def _compute_capa_count(self):
        counts = dict(
            self.env["custcare.capa"]._read_group(self._capa_domain(), ["source_ref"], ["__count"])
        )
        for campaign in self:
            campaign.capa_count = counts.get(f"{self._name},{campaign.id}", 0)

    # ------------------------------------------------------------------
    # Sending, chasing, voiding
    # ------------------------------------------------------------------
    def _target_domain(self):
        """The target customers, as a domain that is evaluated in SQL: the
        commercial partners of the partners the campaign's filters select
        (tier, tags, account manager, advanced filter), never one of our own
        companies. The send, its batches and the Recipients count all use it."""
        self.ensure_one()
        domain = Domain(safe_eval(self.target_domain or "[]")) & Domain(
            "company_id", "in", [False, self.company_id.id]
        )
        if self.target_tier:
            domain &= Domain("customer_tier", "=", self.target_tier)
        if self.target_category_ids:
            domain &= Domain("category_id", "in", self.target_category_ids._origin.ids)
        if self.target_manager_id:
            domain &= Domain("account_manager_id", "=", self.target_manager_id._origin.id)
        if self.target_activity:
            domain &= self._activity_domain()
        Partner = self.env["res.partner"]
        Partner.flush_model()  # the subquery below is SQL the ORM does not flush for
        matching = Partner._search(domain)
        # one of our own companies is never a customer (a subquery, no query of its own)
        own = self.env["res.company"].sudo()._search([]).subselect("partner_id")
        return Domain("id", "in", matching.subselect("commercial_partner_id")) & Domain(
            "id", "not in", own
        )

    def _activity_domain(self):
        """The partners who did the targeted activity in the period (a
        subquery; read as the system: counting customers discloses nothing)."""
        model, partner_field, extra = self.env["res.partner"]._custcare_transaction_sources()[
            self.target_activity
        ]
        Records = self.env[model].sudo()
        domain = Domain(extra)
        if self.target_since:
            domain &= Domain(TARGET_ACTIVITY_DATES[self.target_activity], ">=", self.target_since)
        if "company_id" in Records._fields:
            domain &= Domain("company_id", "in", [False, self.company_id.id])
        Records.flush_model()
        return Domain("id", "in", Records._search(domain).subselect(partner_field))

    def _recipient_domain(self):
        """The recipients shown on the campaign: before sending, the customers
        the send will invite (its own target); once sent, those who got a form."""
        self.ensure_one()
        if self.state in ("draft", "sending") or not self.id:
            return self._target_domain()
        return Domain("id", "in", self.answer_ids.custcare_customer_id.ids)

    def _not_invited_domain(self):
        """Target customers who have no form of this campaign yet."""
        invited = (
            self.env["survey.user_input"].sudo()._search([("custcare_campaign_id", "=", self.id)])
        )
        return self._target_domain() & Domain(
            "id", "not in", invited.subselect("custcare_customer_id")
        )

    def _check_questionnaire(self):
        survey = self.survey_id
        if not survey.active:
            raise UserError(self.env._("The questionnaire %(s)s is archived.", s=survey.title))
        if self.kind == "demand":
            if not survey.question_ids.filtered(lambda q: not q.is_page):
                raise UserError(self.env._("The demand questionnaire has no question."))
            return
        scored = survey.question_ids.filtered(
            lambda q: q.custcare_dimension_id and q.question_type == "simple_choice"
        )
        if not scored:
            raise UserError(
                self.env._(
                    "The questionnaire has no scored question in a section with a "
                    "satisfaction dimension: nothing could be analysed."
                )
            )

    def action_send(self):
        """One personal invitation per target customer, valid for the validity
        period; mailed to those with an address, the others are entered by
        staff. A large campaign is sent by the scheduled job in committed
        batches (a request would run past the server's time limit)."""
        self.ensure_one()
        if self.state != "draft":
            raise UserError(self.env._("Only a draft campaign can be sent."))
        self._check_questionnaire()
        self.check_access("write")
        target = self._target_domain()
        count = self.env["res.partner"].search_count(target)
        if not count:
            raise UserError(self.env._("No customer matches the campaign's target."))
        now = fields.Datetime.now()
        deadline = now + relativedelta(months=self.validity_months)
        self._custcare_write({"state": "sending", "sent_date": now, "deadline": deadline})
        if count <= self.env["custcare.batch"]._batch_size():
            self._invite(self.env["res.partner"].search(target))
            self._finish_sending()
        else:
            self.env.ref("custcare_survey.ir_cron_send_campaigns").sudo()._trigger()
            self.message_post(
                body=self.env._(
                    "The questionnaire is being sent to %(count)s customers in batches.",
                    count=count,
                ),
                message_type="notification",
            )
        return True

    def _invite(self, customers):
        """Create and mail the personal forms of ``customers``: one INSERT and
        one batch of mails. Campaign staff are not survey officers: the forms
        are made by the system for the campaign they may write, without a
        creator follower or subscription per form (mail.thread would do those
        record by record)."""
        self.ensure_one()
        Answer = self.env["survey.user_input"].sudo().with_context(tracking_disable=True)
        answers = Answer.create(
            [
                {
                    "survey_id": self.survey_id.id,
                    "partner_id": customer.id,
                    "email": customer.email,
                    "nickname": customer.name,
                    "deadline": self.deadline,
                    "invite_token": Answer._generate_invite_token(),
                    "custcare_campaign_id": self.id,
                    "custcare_customer_id": customer.id,
                    "custcare_tier": customer.customer_tier,
                }
                for customer in customers
            ]
        )
        answers._custcare_send(KIND_MAILS[self.kind][0])
        return answers

    def _finish_sending(self):
        for campaign in self:
            campaign._custcare_write({"state": "running"})
            campaign.message_post(
                body=self.env._(
                    "Questionnaire sent to %(count)s customers (%(mailed)s by email, "
                    "%(unmailed)s without an e-mail address: their answers are entered by "
                    "staff from an interview, a call or a paper form), to be returned by "
                    "%(deadline)s.",
                    count=campaign.invited_count,
                    mailed=len(campaign.answer_ids.filtered("email")),
                    unmailed=len(campaign.answer_ids.filtered(lambda a: not a.email)),
                    deadline=fields.Datetime.to_string(campaign.deadline)[:10],
                )
            )

    @api.model
    def _cron_send_campaigns(self):
        """Scheduled job: send the campaigns being sent, one committed batch of
        customers at a time; a form is never made twice for a customer."""
        Batch = self.env["custcare.batch"]
        for campaign in self.sudo().search([("state", "=", "sending")]):
            done = Batch._run(
                "res.partner",
                campaign._not_invited_domain(),
                lambda customers, campaign=campaign: campaign._invite(customers),
            )
            remaining = self.env["res.partner"].search_count(campaign._not_invited_domain())
            if remaining:
                return done  # time is up: the runner calls the job again
            # the note is written in its owner's language, not the job's
            campaign.with_context(lang=campaign.user_id.lang or self.env.lang)._finish_sending()
        return True

    @api.model
    def _cron_chase_and_void(self):
        """Scheduled job: void the forms not returned within the validity
        period, and chase (跟催) non-respondents once after the reminder
        delay; only the due forms are read, in committed batches (one UPDATE
        and one batch of mails each). Returns (chased, voided)."""
        now = fields.Datetime.now()
        Batch = self.env["custcare.batch"]
        open_forms = [
            ("custcare_campaign_id.state", "=", "running"),
            ("state", "!=", "done"),
            ("custcare_void", "=", False),
        ]
        late = [*open_forms, ("deadline", "<", now)]
        voided = Batch._run(
            "survey.user_input", late, lambda forms: forms.write({"custcare_void": True})
        )
        if self.env["survey.user_input"].sudo().search_count(late, limit=1):
            return 0, voided  # time is up: the runner calls the job again
        # the reminder delay is per campaign: the campaigns whose delay has passed
        campaigns = self.search_fetch(
            [("state", "=", "running")], ["sent_date", "reminder_days"]
        ).filtered(lambda c: c.sent_date + relativedelta(days=c.reminder_days) <= now)

        def chase(forms):
            forms.write({"custcare_reminded_on": now})
            for kind, kind_forms in forms.grouped(lambda f: f.custcare_campaign_id.kind).items():
                kind_forms._custcare_send(KIND_MAILS[kind][1])

        chased = Batch._run(
            "survey.user_input",
            [
                *open_forms,
                ("custcare_campaign_id", "in", campaigns.ids),
                ("custcare_reminded_on", "=", False),
                "|",
                ("deadline", "=", False),
                ("deadline", ">=", now),
            ],
            chase,
        )
        return chased, voided

    def action_cancel(self):
        if self.filtered(lambda c: c.state == "analysed" and c.approval_state == "approved"):
            raise UserError(self.env._("An approved campaign cannot be cancelled."))
        self._custcare_write({"state": "cancelled"})
        return True

    def action_draft(self):
        if self.filtered(lambda c: c.state != "cancelled" or c.answer_ids):
            raise UserError(
                self.env._("Only a cancelled campaign that was never sent can be reset.")
            )
        self._custcare_write({"state": "draft"})
        return True

    # ------------------------------------------------------------------
    # Analysis
    # ------------------------------------------------------------------
    def _line_domain(self):
        return [
            ("custcare_campaign_id", "in", self.ids),
            ("custcare_valid", "=", True),
            ("custcare_dimension_id", "!=", False),
            ("answer_type", "=", "suggestion"),
        ]

    def _dimension_scores(self):
        """{campaign: {dimension: (average, answers, forms)}}, one aggregate query."""
        rows = self.env["survey.user_input.line"]._read_group(
            self._line_domain(),
            ["custcare_campaign_id", "custcare_dimension_id"],
            ["answer_score:avg", "__count", "user_input_id:count_distinct"],
        )
        result = defaultdict(dict)
        for campaign, dimension, avg, count, forms in rows:
            result[campaign][dimension] = (avg, count, forms)
        return result

    def _scores_by(self, groupby):
        """[(group value, dimension, average)] over this campaign's valid answers,
        one aggregate query; groupby is 'custcare_tier' or 'custcare_customer_id'."""
        self.ensure_one()
        return self.env["survey.user_input.line"]._read_group(
            self._line_domain(),
            [groupby, "custcare_dimension_id"],
            ["answer_score:avg"],
            order=f"{groupby}, custcare_dimension_id",
        )

    def _distribution(self):
        """{(dimension, score): number of answers}, one aggregate query."""
        self.ensure_one()
        rows = self.env["survey.user_input.line"]._read_group(
            self._line_domain(), ["custcare_dimension_id", "answer_score"], ["__count"]
        )
        return {(dimension, score): count for dimension, score, count in rows}

    def _previous_campaign(self):
        self.ensure_one()
        return self.search(
            [
                ("company_id", "=", self.company_id.id),
                ("state", "=", "analysed"),
                ("id", "!=", self.id),
                ("sent_date", "<", self.sent_date),
            ],
            order="sent_date desc",
            limit=1,
        )

    def action_analyse(self):
        """Score every dimension, compare with the target and the previous
        campaign, and propose one corrective action per dimension below target."""
        self.ensure_one()
        self._check_satisfaction()
        if self.state not in ("running", "analysed"):
            raise UserError(self.env._("Send the campaign before analysing it."))
        if self.approval_state in ("submitted", "approved"):
            raise UserError(
                self.env._("The analysis has been submitted for approval; it is frozen.")
            )
        now = fields.Datetime.now()
        if self.state == "running" and self.deadline > now:
            raise UserError(
                self.env._(
                    "Answers are collected until %(deadline)s; analyse the campaign after that.",
                    deadline=fields.Datetime.to_string(self.deadline)[:10],
                )
            )
        self.check_access("write")
        # what is still open at the deadline is void
        self.answer_ids.filtered(lambda a: a.state != "done" and not a.custcare_void).sudo().write(
            {"custcare_void": True}
        )
        scores = self._dimension_scores()[self]
        if not scores:
            raise UserError(self.env._("No valid form was returned: there is nothing to analyse."))
        previous = self._previous_campaign()
        before = {r.dimension_id: r.average for r in previous.result_ids}
        old = {r.dimension_id: r for r in self.result_ids}
        commands = []
        for dimension, (avg, count, forms) in sorted(scores.items(), key=lambda i: i[0].sequence):
            vals = {
                "dimension_id": dimension.id,
                "average": float_round(avg, 2),
                "target": dimension.target,
                "answer_count": count,
                "form_count": forms,
                "previous_average": before.get(dimension, 0.0),
                "has_previous": dimension in before,
            }
            if dimension in old:
                commands.append(fields.Command.update(old.pop(dimension).id, vals))
            else:
                commands.append(fields.Command.create(vals))
        commands += [fields.Command.delete(r.id) for r in old.values() if not r.capa_id]
        total = sum(avg * count for avg, count, _forms in scores.values())
        answers = sum(count for _avg, count, _forms in scores.values())
        # results are written by the analysis only (staff may read them)
        self.sudo()._custcare_write(
            {
                "state": "analysed",
                "analysed_date": now,
                "previous_id": previous.id,
                "overall_score": float_round(total / answers, 2),
                "result_ids": commands,
            }
        )
        self.result_ids.filtered(lambda r: r.below_target and not r.capa_id)._create_capa()
        return True

    def _check_satisfaction(self):
        """The analysis, its report and its approval are a satisfaction
        survey's: a demand plan campaign has none."""
        if self.filtered(lambda c: c.kind == "demand"):
            raise UserError(
                self.env._(
                    "A demand plan campaign collects next year's demand of each customer: it "
                    "has no satisfaction analysis, report or corrective action. Open its "
                    "demand plans instead."
                )
            )

    def _custcare_before_approve(self):
        if self.filtered(lambda c: c.state != "analysed"):
            raise UserError(self.env._("Only an analysed campaign can be approved."))

    def _custcare_after_approve(self):
        """Send the approved report to the departments."""
        report = self.env.ref("custcare_survey.action_report_custcare_survey_analysis")
        for campaign in self:
            pdf, _kind = report.sudo()._render_qweb_pdf(report.id, campaign.ids)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{campaign.name}.pdf",
                    "datas": base64.b64encode(pdf),
                    "res_model": self._name,
                    "res_id": campaign.id,
                    "mimetype": "application/pdf",
                }
            )
            campaign.message_post(
                body=self.env._(
                    "The satisfaction analysis report was approved and sent to the departments."
                ),
                partner_ids=campaign.distribution_user_ids.partner_id.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )

    def _submit_check(self):
        if self.filtered(lambda c: c.state != "analysed"):
            raise UserError(self.env._("Analyse the campaign before submitting its report."))

    def action_submit(self):
        self._check_satisfaction()
        self._submit_check()
        return super().action_submit()

    # ------------------------------------------------------------------
    # Navigation and report helpers
    # ------------------------------------------------------------------
    def action_open_recipients(self):
        """The customers the campaign sends (or sent) to."""
        self.ensure_one()
        return self._recipients_action(self.env._("Recipients"), self._recipient_domain())

    def action_open_recipients_no_email(self):
        """The recipients without an e-mail address: their invitation is not
        mailed, their form is entered by staff (interview, phone, paper)."""
        self.ensure_one()
        domain = self._recipient_domain() & Domain("email", "in", [False, ""])
        return self._recipients_action(self.env._("Recipients without E-mail"), domain)

    def _recipients_action(self, name, domain):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "res.partner",
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.env["res.partner"].search(domain).ids)],
            "context": {"create": False},
        }

    def action_enter_interview(self):
        """The interview grid: pick a customer of the campaign and enter the
        score of every question, its remark and the overall remarks at once."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Enter Interview"),
            "res_model": "custcare.survey.manual.entry",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_campaign_id": self.id, "default_method": "interview"},
        }

    def action_open_answers(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Forms"),
            "res_model": "survey.user_input",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("custcare_survey.survey_user_input_view_list_campaign").id, "list"),
                (False, "form"),
            ],
            "domain": [("custcare_campaign_id", "=", self.id)],
            "context": {"search_default_group_state": 0},
        }

    def action_open_analysis(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_survey.survey_user_input_line_action_analysis"
        )
        # the scored answers only: not the remarks nor the open question
        action["domain"] = self._line_domain()
        return action

    def action_open_demand_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_survey.custcare_demand_plan_action"
        )
        action["domain"] = [("campaign_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_open_capas(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Corrective Actions"),
            "res_model": "custcare.capa",
            "view_mode": "list,form",
            "domain": self._capa_domain(),
        }

    def _report_chart(self):
        """The bar chart of the report: average against target per dimension."""
        self.ensure_one()
        results = self.result_ids
        series = [results.mapped("average"), results.mapped("target")]
        names = [self.env._("Average"), self.env._("Target")]
        if self.previous_id:
            series.append(results.mapped("previous_average"))
            names.append(self.env._("Previous"))
        png = bar_chart_png(results.dimension_id.mapped("name"), series, names, maximum=5)
        return base64.b64encode(png).decode()

    def _report_tiers(self):
        """Rows (tier label, [average per dimension]) for the report."""
        self.ensure_one()
        labels = dict(
            self.env["res.partner"]._fields["customer_tier"]._description_selection(self.env)
        )
        table = defaultdict(dict)
        for tier, dimension, avg in self._scores_by("custcare_tier"):
            table[tier][dimension] = avg
        dimensions = self.result_ids.dimension_id
        return [
            (
                labels.get(tier, self.env._("Not classified")),
                [table[tier].get(d) for d in dimensions],
            )
            for tier in sorted(table, key=lambda t: [k for k, _l in TIERS].index(t) if t else 9)
        ]

    def _report_customers(self):
        """Rows (customer, [average per dimension], overall) for the report."""
        self.ensure_one()
        table = defaultdict(dict)
        for customer, dimension, avg in self._scores_by("custcare_customer_id"):
            table[customer][dimension] = avg
        dimensions = self.result_ids.dimension_id
        rows = []
        for customer, values in table.items():
            scores = [v for v in values.values() if v is not None]
            rows.append((customer, [values.get(d) for d in dimensions], sum(scores) / len(scores)))
        return sorted(rows, key=lambda r: r[2])

    @api.model
    def _demo_answer(self, ids, months_ago, analyse):
        """Demo data: send, back-date, answer most forms (one by interview)."""
        for campaign in self.browse(ids):
            if campaign.state != "draft":
                continue
            campaign.action_send()
            shift = relativedelta(months=months_ago)
            campaign.write({"sent_date": campaign.sent_date - shift})
            campaign.answer_ids.write({"deadline": campaign.deadline - shift})
            campaign.write({"deadline": campaign.deadline - shift})
            questions = campaign.survey_id.question_ids.filtered(
                lambda q: q.question_type == "simple_choice"
            )
            for i, answer in enumerate(campaign.answer_ids.sorted("id")):
                if i % 5 == 4:
                    continue  # not returned
                for question in questions:
                    # a deterministic spread of 2 to 5 points, price a little lower
                    score = 5 - (answer.partner_id.id + question.id + months_ago) % 3
                    if question.custcare_dimension_id == self.env.ref(
                        "custcare_survey.dimension_price"
                    ):
                        score -= (answer.partner_id.id + months_ago) % 2
                    choice = question.suggested_answer_ids.filtered(
                        lambda a, score=score: a.answer_score == score
                    )
                    answer._save_lines(question, choice[:1].id)
                if i == 1:
                    answer.write({"custcare_entry_method": "interview"})
                answer._mark_done()
            if analyse:
                campaign.action_analyse()
        return True


class CustcareSurveyResult(models.Model):
    """One dimension's score in a campaign, against its target and the
    previous campaign."""

    _name = "custcare.survey.result"
    _inherit = ["custcare.evidence.mixin"]
    _description = "Satisfaction Result per Dimension"
    _order = "campaign_id, sequence, id"
    _custcare_protected_fields = dict.fromkeys(
        (
            "campaign_id",
            "dimension_id",
            "average",
            "target",
            "answer_count",
            "form_count",
            "previous_average",
            "has_previous",
            "capa_id",
        ),
        _lt("Analyse on the campaign"),
    )

    campaign_id = fields.Many2one(
        "custcare.survey.campaign", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="campaign_id.company_id", store=True)
    campaign_title = fields.Char(related="campaign_id.title")
    dimension_id = fields.Many2one("custcare.survey.dimension", required=True)
    sequence = fields.Integer(related="dimension_id.sequence", store=True)
    average = fields.Float("Average Score", digits=(4, 2), aggregator="avg")
    target = fields.Float("Target Score", digits=(4, 2), aggregator="avg")
    answer_count = fields.Integer("Answers")
    form_count = fields.Integer("Forms")
    # a first campaign has neither (shown empty): they are compared per
    # campaign, never added up nor averaged across campaigns
    previous_average = fields.Float("Previous Score", digits=(4, 2), aggregator=False)
    has_previous = fields.Boolean()
    trend = fields.Float(compute="_compute_trend", store=True, digits=(4, 2), aggregator=False)
    below_target = fields.Boolean(compute="_compute_trend", store=True)
    capa_id = fields.Many2one("custcare.capa", "Corrective Action", readonly=True)

    @api.depends("average", "target", "previous_average", "has_previous")
    def _compute_trend(self):
        for result in self:
            result.trend = result.average - result.previous_average if result.has_previous else 0.0
            result.below_target = result.average < result.target

    def _create_capa(self):
        """One corrective action request per dimension below target, all
        created at once."""
        capas = self.env["custcare.capa"]._custcare_create(
            [
                {
                    "company_id": result.campaign_id.company_id.id,
                    "source_ref": f"{result.campaign_id._name},{result.campaign_id.id}",
                    "responsible_id": result.campaign_id.user_id.id,
                    "nonconformity": self.env._(
                        "<p>Customer satisfaction with %(dimension)s averaged %(avg).2f in "
                        "%(campaign)s, below the target of %(target).2f.</p>",
                        dimension=result.dimension_id.name,
                        avg=result.average,
                        campaign=result.campaign_id.name,
                        target=result.target,
                    ),
                }
                for result in self
            ]
        )
        # results are written by the analysis only; the ORM flushes the
        # links in one UPDATE
        for result, capa in zip(self.sudo(), capas, strict=True):
            result.capa_id = capa
        return True

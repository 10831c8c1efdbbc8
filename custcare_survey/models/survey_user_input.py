# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.custcare_base.models.res_partner import TIERS

ENTRY_METHODS = [
    ("online", "Online"),
    ("interview", "Interview"),
    ("phone", "Phone Call"),
    ("paper", "Paper Form"),
    ("fax", "Fax"),
]


class SurveyUserInput(models.Model):
    """One customer's satisfaction form in a campaign: the invitation, its
    reminder, its voiding, and how the answers reached us."""

    _name = "survey.user_input"
    _inherit = ["survey.user_input", "custcare.retention.mixin"]

    custcare_campaign_id = fields.Many2one(
        "custcare.survey.campaign",
        "Satisfaction Campaign",
        readonly=True,
        index="btree_not_null",
        ondelete="cascade",
    )
    custcare_customer_id = fields.Many2one(
        "res.partner", "Customer", readonly=True, index="btree_not_null"
    )
    custcare_tier = fields.Selection(TIERS, "Customer Tier", readonly=True)
    custcare_entry_method = fields.Selection(
        ENTRY_METHODS, "Answered by", default="online", readonly=True
    )
    custcare_entered_by_id = fields.Many2one("res.users", "Entered by", readonly=True)
    custcare_reminded_on = fields.Datetime("Reminded on", readonly=True, copy=False)
    custcare_void = fields.Boolean(
        "Void",
        readonly=True,
        copy=False,
        help="Not returned within the validity period: left out of the statistics.",
    )
    custcare_valid = fields.Boolean(
        "Counts in Statistics",
        compute="_compute_custcare_valid",
        store=True,
        index=True,
    )
    custcare_score = fields.Float(
        "Satisfaction Score",
        compute="_compute_custcare_score",
        store=True,
        digits=(4, 2),
        aggregator="avg",
        help="Average of the scored answers (1 to 5).",
    )

    @api.depends("state", "custcare_void", "test_entry", "custcare_campaign_id")
    def _compute_custcare_valid(self):
        for answer in self:
            answer.custcare_valid = bool(
                answer.custcare_campaign_id
                and answer.state == "done"
                and not answer.custcare_void
                and not answer.test_entry
            )

    @api.depends("user_input_line_ids.answer_score", "user_input_line_ids.custcare_dimension_id")
    def _compute_custcare_score(self):
        for answer in self:
            scores = [
                line.answer_score
                for line in answer.user_input_line_ids
                if line.custcare_dimension_id and line.answer_type == "suggestion"
            ]
            answer.custcare_score = sum(scores) / len(scores) if scores else 0.0

    def _custcare_check_open(self):
        """Answers can still be given: not void, not done, before the deadline."""
        now = fields.Datetime.now()
        for answer in self:
            if answer.custcare_void or (answer.deadline and answer.deadline < now):
                raise UserError(
                    self.env._(
                        "The form of %(customer)s was not returned in time and is void: "
                        "its answers can no longer be entered.",
                        customer=answer.partner_id.display_name,
                    )
                )
            if answer.state == "done":
                raise UserError(
                    self.env._(
                        "%(customer)s has already answered this campaign.",
                        customer=answer.partner_id.display_name,
                    )
                )

    def _mark_done(self):
        """A completed new-year demand form gives the customer's demand plan
        (for the whole batch at once)."""
        result = super()._mark_done()
        self.env["custcare.demand.plan"]._make_from_forms(self)
        self.env["custcare.archive"]._custcare_refresh_satisfaction(
            self.filtered("custcare_campaign_id").custcare_customer_id
        )
        return result

    def _custcare_is_evidence(self):
        """A campaign's forms are survey records (kept two years, then erased
        by the retention policy), never deleted one by one."""
        return self.filtered("custcare_campaign_id")

    def _custcare_send(self, template_xmlid):
        """Mail the personal link to every form that has an address, in batches."""
        with_email = self.filtered("email")
        if with_email:
            # a bulk mailing: the body compiled once, not sanitised again (custcare_base)
            template = self.env.ref(template_xmlid).sudo().with_context(custcare_bulk_mail=True)
            template.send_mail_batch(
                with_email.ids, email_layout_xmlid="mail.mail_notification_light"
            )
        return with_email

    @api.model
    def _custcare_destruction_method(self):
        return self.env._(
            "The customer's answers deleted and the e-mail address and name on the form "
            "erased; that a form was sent, its dates and its campaign are kept."
        )

    def _custcare_destroy(self):
        """Retention: erase the customer's answers, keep that a form existed."""
        erased = {
            answer.id: {
                "answers": [
                    (line.question_id.title, line.display_name)
                    for line in answer.user_input_line_ids
                ],
                "email": answer.email,
                "nickname": answer.nickname,
            }
            for answer in self
        }
        self.user_input_line_ids.sudo().unlink()
        self.sudo()._custcare_write({"email": False, "nickname": False, "destroyed": True})
        self.env["custcare.archive"]._custcare_refresh_satisfaction(self.custcare_customer_id)
        return erased


class SurveyUserInputLine(models.Model):
    _inherit = "survey.user_input.line"

    # a satisfaction score is averaged in every pivot and graph, never summed
    answer_score = fields.Float(aggregator="avg")

    custcare_campaign_id = fields.Many2one(
        related="user_input_id.custcare_campaign_id", store=True, index="btree_not_null"
    )
    custcare_dimension_id = fields.Many2one(
        related="question_id.custcare_dimension_id", store=True, string="Satisfaction Dimension"
    )
    custcare_customer_id = fields.Many2one(
        related="user_input_id.custcare_customer_id", store=True, string="Customer"
    )
    custcare_tier = fields.Selection(
        related="user_input_id.custcare_tier", store=True, string="Customer Tier"
    )
    custcare_valid = fields.Boolean(
        related="user_input_id.custcare_valid", store=True, string="Counts in Statistics"
    )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.survey_user_input import ENTRY_METHODS

# the question types staff can enter (a demand form adds boxes to the choices)
ENTERED_TYPES = ("simple_choice", "char_box", "text_box", "numerical_box")
# a scored answer, as the interviewer gives it ("0": not given yet)
SCORES = [
    ("0", "Not Scored"),
    ("1", "1 - Very Dissatisfied"),
    ("2", "2 - Dissatisfied"),
    ("3", "3 - Neutral"),
    ("4", "4 - Satisfied"),
    ("5", "5 - Very Satisfied"),
]


class CustcareSurveyManualEntry(models.TransientModel):
    """Staff enter a customer's answers given at an interview, on the phone or
    on a returned paper or fax form; the method and the person are recorded."""

    _name = "custcare.survey.manual.entry"
    _description = "Enter Satisfaction Answers"

    campaign_id = fields.Many2one("custcare.survey.campaign", readonly=True)
    open_customer_ids = fields.Many2many(
        "res.partner", compute="_compute_open_customer_ids", string="Customers to Answer"
    )
    customer_id = fields.Many2one(
        "res.partner",
        domain="[('id', 'in', open_customer_ids)]",
        help="A customer of the campaign whose form is still open.",
    )
    answer_id = fields.Many2one("survey.user_input", "Form", required=True, readonly=True)
    partner_id = fields.Many2one(related="answer_id.partner_id")
    kind = fields.Selection(related="answer_id.custcare_campaign_id.kind")
    method = fields.Selection(
        [m for m in ENTRY_METHODS if m[0] != "online"], "Answered by", required=True
    )
    line_ids = fields.One2many("custcare.survey.manual.entry.line", "wizard_id", "Answers")
    remarks = fields.Text(
        "Overall Remarks",
        help="What the customer said overall; saved as the answer to the questionnaire's "
        "open question (suggestions).",
    )

    @api.depends("campaign_id")
    def _compute_open_customer_ids(self):
        for wizard in self:
            wizard.open_customer_ids = wizard.campaign_id._origin.answer_ids.filtered(
                lambda a: a.state != "done" and not a.custcare_void
            ).custcare_customer_id

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        answer = self.env["survey.user_input"].browse(
            res.get("answer_id")
            or (not res.get("campaign_id") and self.env.context.get("active_id"))
        )
        if answer and "line_ids" in fields_list:
            res["answer_id"] = answer.id
            res["campaign_id"] = answer.custcare_campaign_id.id
            res["customer_id"] = answer.custcare_customer_id.id
            res["line_ids"] = self._line_commands(answer)
        return res

    @api.model
    def _line_commands(self, answer):
        """One line per question the staff enter: a satisfaction form its
        scored choices; a demand form the boxes too."""
        types = (
            ENTERED_TYPES if answer.custcare_campaign_id.kind == "demand" else ("simple_choice",)
        )
        questions = answer.survey_id.question_ids.filtered(lambda q: q.question_type in types)
        return [fields.Command.clear()] + [
            fields.Command.create({"question_id": q.id}) for q in questions
        ]

    @api.onchange("customer_id")
    def _onchange_customer_id(self):
        """The grid: picking a customer of the campaign opens its form's questions."""
        campaign = self.campaign_id._origin
        if not campaign or not self.customer_id:
            return
        answer = campaign.answer_ids.filtered(
            lambda a: a.custcare_customer_id == self.customer_id._origin
            and a.state != "done"
            and not a.custcare_void
        )[:1]
        if answer and answer != self.answer_id._origin:
            self.answer_id = answer
            self.line_ids = self._line_commands(answer)

    def _remarks_question(self):
        """The questionnaire's open question for the overall remarks (none:
        the remarks go to the campaign's note only)."""
        return self.answer_id.survey_id.question_ids.filtered(
            lambda q: q.question_type in ("text_box", "char_box") and not q.custcare_dimension_id
        )[:1]

    def action_save(self):
        self.ensure_one()
        answer = self.answer_id
        answer._custcare_check_open()
        unmatched = self.line_ids.filtered(
            lambda line: line.score not in (False, "0") and not line.suggested_answer_id
        )
        if unmatched:
            raise UserError(
                self.env._(
                    "“%(question)s” has no answer scored %(score)s.",
                    question=unmatched[0].question_id.title,
                    score=unmatched[0].score,
                )
            )
        missing = self.line_ids.filtered(lambda line: line._is_missing())
        if missing:
            raise UserError(
                self.env._(
                    "Give an answer to every question (missing: %(questions)s).",
                    questions=", ".join(missing.question_id.mapped("title")),
                )
            )
        for line in self.line_ids.filtered("suggested_answer_id"):
            if line.suggested_answer_id.question_id != line.question_id:
                raise UserError(
                    self.env._(
                        "“%(answer)s” is not an answer of “%(question)s”.",
                        answer=line.suggested_answer_id.value,
                        question=line.question_id.title,
                    )
                )
        # campaign staff are not survey officers: whoever may work on the
        # campaign enters its forms, which the system then saves as Odoo's
        # survey pages save them
        answer.custcare_campaign_id.check_access("write")
        answer = answer.sudo()
        for line in self.line_ids:
            value = line._value()
            if value is not None:
                # a remark is saved as the survey pages save a question's comment
                answer._save_lines(line.question_id, value, comment=(line.remark or "").strip())
        remarks = (self.remarks or "").strip()
        question = self._remarks_question()
        if remarks and question and question not in self.line_ids.question_id:
            answer._save_lines(question, remarks)
        answer.write({"custcare_entry_method": self.method, "custcare_entered_by_id": self.env.uid})
        answer._mark_done()
        answer.custcare_campaign_id.message_post(
            body=self.env._(
                "Answers of %(customer)s entered by %(user)s (%(method)s).",
                customer=answer.partner_id.display_name,
                user=self.env.user.name,
                method=dict(self._fields["method"]._description_selection(self.env))[self.method],
            )
        )
        return {"type": "ir.actions.act_window_close"}


class CustcareSurveyManualEntryLine(models.TransientModel):
    _name = "custcare.survey.manual.entry.line"
    _description = "Entered Satisfaction Answer"

    wizard_id = fields.Many2one("custcare.survey.manual.entry", required=True, ondelete="cascade")
    question_id = fields.Many2one("survey.question", required=True, readonly=True)
    question_type = fields.Selection(related="question_id.question_type")
    dimension_id = fields.Many2one(related="question_id.custcare_dimension_id")
    score = fields.Selection(SCORES, default="0")
    suggested_answer_id = fields.Many2one(
        "survey.question.answer",
        "Answer",
        compute="_compute_suggested_answer_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('question_id', '=', question_id)]",
    )
    choice = fields.Char(related="suggested_answer_id.value", string="Choice")
    value_text = fields.Text("Answer Text")
    value_number = fields.Float("Numeric Answer")
    remark = fields.Char()

    @api.depends("score", "question_id")
    def _compute_suggested_answer_id(self):
        """The choice of the question scored as the interviewer's score."""
        for line in self:
            if line.score and line.score != "0":
                line.suggested_answer_id = line.question_id.suggested_answer_ids.filtered(
                    lambda a, points=int(line.score): a.answer_score == points
                )[:1]
            else:
                line.suggested_answer_id = line.suggested_answer_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_score(vals)
        return super().create(vals_list)

    def write(self, vals):
        self._check_score(vals)
        return super().write(vals)

    def _check_score(self, vals):
        scores = [key for key, _label in SCORES]
        if vals.get("score") not in (None, False, *scores):
            raise UserError(
                self.env._(
                    "A score is a whole number from 1 to 5 (given: %(score)s).",
                    score=vals["score"],
                )
            )

    def _is_missing(self):
        """A choice is always answered; a box when the question requires it."""
        kind = self.question_id.question_type
        if kind == "simple_choice":
            return not self.suggested_answer_id
        if kind == "numerical_box":
            return False
        return self.question_id.constr_mandatory and not (self.value_text or "").strip()

    def _value(self):
        """What Odoo's survey pages would save for this question (None: skipped)."""
        kind = self.question_id.question_type
        if kind == "simple_choice":
            return self.suggested_answer_id.id
        if kind == "numerical_box":
            return self.value_number
        return (self.value_text or "").strip() or None

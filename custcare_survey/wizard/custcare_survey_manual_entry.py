# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.survey_user_input import ENTRY_METHODS

# the question types staff can enter (a demand form adds boxes to the choices)
ENTERED_TYPES = ("simple_choice", "char_box", "text_box", "numerical_box")


class CustcareSurveyManualEntry(models.TransientModel):
    """Staff enter a customer's answers given at an interview, on the phone or
    on a returned paper or fax form; the method and the person are recorded."""

    _name = "custcare.survey.manual.entry"
    _description = "Enter Satisfaction Answers"

    answer_id = fields.Many2one("survey.user_input", "Form", required=True, readonly=True)
    partner_id = fields.Many2one(related="answer_id.partner_id")
    method = fields.Selection(
        [m for m in ENTRY_METHODS if m[0] != "online"], "Answered by", required=True
    )
    line_ids = fields.One2many("custcare.survey.manual.entry.line", "wizard_id", "Answers")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        answer = self.env["survey.user_input"].browse(
            res.get("answer_id") or self.env.context.get("active_id")
        )
        if answer and "line_ids" in fields_list:
            res["answer_id"] = answer.id
            # a satisfaction form: its scored choices; a demand form: the boxes too
            types = (
                ENTERED_TYPES
                if answer.custcare_campaign_id.kind == "demand"
                else ("simple_choice",)
            )
            questions = answer.survey_id.question_ids.filtered(lambda q: q.question_type in types)
            res["line_ids"] = [fields.Command.create({"question_id": q.id}) for q in questions]
        return res

    def action_save(self):
        self.ensure_one()
        answer = self.answer_id
        answer._custcare_check_open()
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
                answer._save_lines(line.question_id, value)
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
    suggested_answer_id = fields.Many2one(
        "survey.question.answer",
        "Answer",
        domain="[('question_id', '=', question_id)]",
    )
    value_text = fields.Text("Answer Text")
    value_number = fields.Float("Number")

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

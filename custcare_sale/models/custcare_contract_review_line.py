# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)
_BY_ANSWER = _lt("Answer, by a member of the department")


class CustcareContractReviewLine(models.Model):
    """One department's answer in a contract review: it accepts the order or
    raises a point (a requirement it cannot meet or finds unclear), with who
    answered and when. Only a member of the department answers."""

    _name = "custcare.contract.review.line"
    _description = "Contract Review Department Answer"
    _inherit = ["custcare.evidence.mixin"]
    _order = "review_id, sequence, id"
    _check_company_auto = True
    _custcare_protected_fields = dict.fromkeys(
        ("state", "note", "answered_by_id", "answered_date"), _BY_ANSWER
    )

    review_id = fields.Many2one(
        "custcare.contract.review", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="review_id.company_id", store=True, index=True)
    department_id = fields.Many2one(
        "custcare.review.department", required=True, ondelete="restrict", check_company=True
    )
    sequence = fields.Integer(related="department_id.sequence", store=True)
    review_points = fields.Text(related="department_id.review_points")
    state = fields.Selection(
        [("pending", "To Answer"), ("accepted", "Accepted"), ("point", "Point Raised")],
        "Answer",
        default="pending",
        required=True,
        readonly=True,
    )
    note = fields.Text("Remark", readonly=True)
    answered_by_id = fields.Many2one("res.users", "Answered by", readonly=True)
    answered_date = fields.Datetime("Answered on", readonly=True)
    can_answer = fields.Boolean(compute="_compute_can_answer")

    _department_uniq = models.UniqueIndex(
        "(review_id, department_id)", "A department answers a review once."
    )

    def _compute_can_answer(self):
        for line in self:
            line.can_answer = (
                line.review_id.approval_state in ("draft", "to_reapprove")
                and not line.review_id.superseded_by_id
                and line.department_id._has_member(self.env.user)
            )

    def _custcare_answer(self, state, note):
        """Record the answer of the current user for the department."""
        for line in self:
            if not line.department_id._has_member(self.env.user):
                raise AccessError(
                    self.env._(
                        "Only a member of %(department)s (group “%(group)s”) or a Customer Care "
                        "manager answers for it in the contract review.",
                        department=line.department_id.name,
                        group=line.department_id.sudo().group_id.display_name,
                    )
                )
        self.review_id._custcare_check_open(self.env._("Answer"))
        if state == "point" and not (note or "").strip():
            raise UserError(self.env._("Say which point you raise: write it in the remark."))
        # the department's member may not write the review otherwise: the
        # answer is written by the system, with who and when
        self.sudo()._custcare_write(
            {
                "state": state,
                "note": note or False,
                "answered_by_id": self.env.uid,
                "answered_date": fields.Datetime.now(),
            }
        )
        for line in self:
            review = line.review_id
            if state == "point":
                body = self.env._(
                    "%(department)s raises a point: %(note)s",
                    department=line.department_id.name,
                    note=note,
                )
                if review.user_id:
                    review.sudo().activity_schedule(
                        "mail.mail_activity_data_todo",
                        user_id=review.user_id.id,
                        summary=self.env._(
                            "Clarify with the customer the point raised by %(department)s",
                            department=line.department_id.name,
                        ),
                        note=note,
                    )
            else:
                body = self.env._(
                    "%(department)s accepts the order.", department=line.department_id.name
                )
                if note:
                    body = f"{body} {note}"
            review.sudo().message_post(
                body=body, message_type="comment", subtype_xmlid="mail.mt_note"
            )
        return True

    def _custcare_reset(self):
        """The order changed: every department answers again."""
        self.sudo()._custcare_write(
            {"state": "pending", "note": False, "answered_by_id": False, "answered_date": False}
        )

    def action_open_answer(self):
        """The answer dialog of a department member."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "custcare.review.answer",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "name": self.env._("Answer for %(department)s", department=self.department_id.name),
            "context": {"default_line_id": self.id},
        }

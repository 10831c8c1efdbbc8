# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models


class CustcareReviewAnswer(models.TransientModel):
    """A department member answers its line of a contract review: accept the
    order, or raise a point (which the salesperson clarifies with the
    customer)."""

    _name = "custcare.review.answer"
    _description = "Answer a Contract Review"

    line_id = fields.Many2one("custcare.contract.review.line", required=True, ondelete="cascade")
    department_id = fields.Many2one(related="line_id.department_id")
    review_points = fields.Text(related="line_id.review_points")
    decision = fields.Selection(
        [("accepted", "Accept the order"), ("point", "Raise a point")],
        required=True,
        default="accepted",
    )
    note = fields.Text("Remark")

    @api.model
    def default_get(self, fields_list):
        res = super().default_get(fields_list)
        if "line_id" in fields_list and not res.get("line_id"):
            if self.env.context.get("active_model") == "custcare.contract.review.line":
                res["line_id"] = self.env.context.get("active_id")
        return res

    @api.model_create_multi
    def create(self, vals_list):
        # an answer is prepared only on a review line the user may read
        lines = self.env["custcare.contract.review.line"].browse(
            [vals["line_id"] for vals in vals_list if vals.get("line_id")]
        )
        lines.check_access("read")
        return super().create(vals_list)

    def action_answer(self):
        self.ensure_one()
        self.line_id._custcare_answer(self.decision, self.note)
        return {"type": "ir.actions.act_window_close"}

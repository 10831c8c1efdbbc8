# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError


class CustcareReviewDepartment(models.Model):
    """A department that takes part in the contract review (业务部, 生产部,
    质检部, 仓库): what it checks, and who answers for it — the members of
    its group (Sales for 业务部, Inventory for 仓库, QC inspectors for 质检部,
    the production group for 生产部), or a named member. Customer Care
    managers answer for any department."""

    _name = "custcare.review.department"
    _description = "Contract Review Department"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", help="Leave empty for a department of every company."
    )
    review_points = fields.Text(
        translate=True, help="What this department checks in every order it reviews."
    )
    group_id = fields.Many2one(
        "res.groups",
        "Members' Group",
        required=True,
        ondelete="restrict",
        help="The users of this group answer the department's review line.",
    )
    member_ids = fields.Many2many(
        "res.users",
        string="Other Members",
        domain=[("share", "=", False)],
        help="Users outside the group who also answer for the department.",
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_answered(self):
        used = (
            self.env["custcare.contract.review.line"]
            .sudo()
            .search_count([("department_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "This department answered contract reviews, which keep its answers: "
                    "archive it instead."
                )
            )

    @api.model
    def _for_company(self, company):
        """The departments that review an order of ``company``."""
        return self.search([("company_id", "in", [company.id, False])])

    def _has_member(self, user):
        """Does ``user`` answer for this department? (managers answer for all)"""
        self.ensure_one()
        department = self.sudo()
        return (
            user in department.member_ids
            or department.group_id in user.all_group_ids
            or user.has_group("custcare_base.group_custcare_manager")
        )

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from ast import literal_eval

from odoo import fields, models


class CustcareComplaintTeam(models.Model):
    """A complaint desk team, with its members, working calendar and SLA."""

    _name = "custcare.complaint.team"
    _description = "Complaint Team"
    _inherit = ["mail.thread", "mail.alias.mixin"]
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    leader_id = fields.Many2one("res.users", "Team Leader")
    member_ids = fields.Many2many("res.users", string="Members")
    resource_calendar_id = fields.Many2one(
        "resource.calendar",
        "Working Hours",
        default=lambda self: self.env.company.resource_calendar_id,
        help="SLA deadlines count only these working hours.",
    )
    # SLA, in working hours, per severity
    response_hours_minor = fields.Float("Response (minor)", default=16)
    response_hours_major = fields.Float("Response (major)", default=8)
    response_hours_critical = fields.Float("Response (critical)", default=2)
    resolution_hours_minor = fields.Float("Resolution (minor)", default=80)
    resolution_hours_major = fields.Float("Resolution (major)", default=40)
    resolution_hours_critical = fields.Float("Resolution (critical)", default=16)

    _sla_positive = models.Constraint(
        "CHECK(response_hours_minor > 0 AND response_hours_major > 0"
        " AND response_hours_critical > 0 AND resolution_hours_minor > 0"
        " AND resolution_hours_major > 0 AND resolution_hours_critical > 0)",
        "SLA hours must be positive.",
    )

    def _alias_get_creation_values(self):
        """Mail to the team's alias registers a complaint for the team."""
        values = super()._alias_get_creation_values()
        values["alias_model_id"] = self.env["ir.model"]._get_id("custcare.complaint")
        if self.id:
            defaults = literal_eval(self.alias_defaults or "{}")
            defaults["team_id"] = self.id
            values["alias_defaults"] = defaults
        return values

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CustcareCommunication(models.Model):
    """A communication about a complaint (安抚和沟通), filed with it."""

    _inherit = "custcare.communication"

    complaint_id = fields.Many2one("custcare.complaint", index="btree_not_null", check_company=True)

    def _custcare_logged_field_names(self):
        return {*super()._custcare_logged_field_names(), "complaint_id"}

    @api.constrains("complaint_id", "partner_id")
    def _check_complaint_customer(self):
        for record in self.filtered("complaint_id"):
            complaint_customer = record.complaint_id.partner_id.commercial_partner_id
            if complaint_customer != record.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "%(complaint)s is a complaint of %(customer)s, not of this customer.",
                        complaint=record.complaint_id.name,
                        customer=complaint_customer.name,
                    )
                )


class CustcareComplaint(models.Model):
    _inherit = "custcare.complaint"

    communication_ids = fields.One2many(
        "custcare.communication", "complaint_id", groups="custcare_base.group_custcare_user"
    )
    communication_count = fields.Integer(
        "Communications",
        compute="_compute_communication_count",
        groups="custcare_base.group_custcare_user",
    )

    @api.depends_context("uid")
    def _compute_communication_count(self):
        """One grouped query for the batch (the records the user may read)."""
        Communication = self.env["custcare.communication"]
        if not Communication.has_access("read"):
            self.communication_count = 0
            return
        rows = Communication._read_group(
            [("complaint_id", "in", self.ids)], ["complaint_id"], ["__count"]
        )
        counts = {complaint.id: count for complaint, count in rows}
        for complaint in self:
            complaint.communication_count = counts.get(complaint.id, 0)

    def action_open_communications(self):
        """The complaint's communications; a new one is filed with it."""
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_base.custcare_communication_action"
        )
        action["domain"] = [("complaint_id", "=", self.id)]
        action["context"] = {
            "default_complaint_id": self.id,
            "default_partner_id": self.partner_id.id,
            "default_contact_name": self.contact_name,
            "default_subject": self.name,
        }
        return action

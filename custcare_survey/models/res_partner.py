# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    custcare_survey_score = fields.Float(
        "Last Satisfaction Score",
        compute="_compute_custcare_survey",
        digits=(4, 2),
        groups="custcare_base.group_custcare_user",
    )
    custcare_survey_count = fields.Integer(
        "Satisfaction Forms",
        compute="_compute_custcare_survey",
        groups="custcare_base.group_custcare_user",
    )

    custcare_demand_plan_count = fields.Integer(
        "Demand Plans",
        compute="_compute_custcare_demand_plan_count",
        groups="custcare_base.group_custcare_user",
    )

    @api.depends_context("uid")
    def _compute_custcare_demand_plan_count(self):
        """The customer's demand plans 需求计划, one query for the batch."""
        counts = dict(
            self.env["custcare.demand.plan"]._read_group(
                [("partner_id", "in", self.commercial_partner_id.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        for partner in self:
            partner.custcare_demand_plan_count = counts.get(partner.commercial_partner_id, 0)

    def action_open_custcare_demand_plans(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "custcare_survey.custcare_demand_plan_action"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {}
        return action

    @api.depends_context("uid")
    def _compute_custcare_survey(self):
        """Last score and number of returned forms, one query for the batch."""
        commercial = self.commercial_partner_id
        answers = self.env["survey.user_input"].search_fetch(
            [
                ("custcare_customer_id", "in", commercial.ids),
                ("custcare_valid", "=", True),
                ("custcare_campaign_id.kind", "=", "satisfaction"),
            ],
            ["custcare_customer_id", "custcare_score"],
            order="end_datetime desc, id desc",
        )
        last, count = {}, {}
        for answer in answers:
            key = answer.custcare_customer_id.id
            last.setdefault(key, answer.custcare_score)
            count[key] = count.get(key, 0) + 1
        for partner in self:
            key = partner.commercial_partner_id.id
            partner.custcare_survey_score = last.get(key, 0.0)
            partner.custcare_survey_count = count.get(key, 0)

    def action_open_custcare_survey_forms(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Satisfaction Forms"),
            "res_model": "survey.user_input",
            "view_mode": "list,form",
            "views": [
                (self.env.ref("custcare_survey.survey_user_input_view_list_campaign").id, "list"),
                (False, "form"),
            ],
            "domain": [
                ("custcare_customer_id", "=", self.commercial_partner_id.id),
                ("custcare_campaign_id.kind", "=", "satisfaction"),
            ],
        }

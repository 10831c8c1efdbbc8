# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class CustcareDemandPlan(models.Model):
    """A customer's demand plan for next year (客户需求计划, seed 004 §3):
    what the customer said in the new-year demand form, one per customer,
    year and company. Made by the system when the form is completed (online,
    or entered by staff from an interview); the newest completed form of
    that year replaces the answers. Never edited nor deleted by hand; kept
    two years by the retention policy."""

    _name = "custcare.demand.plan"
    _inherit = ["custcare.retention.mixin"]
    _description = "Customer Demand Plan"
    _order = "year desc, partner_id, id"
    _check_company_auto = True
    _custcare_retention_erase = ("summary", "expected_amount")
    _custcare_protected_fields = dict.fromkeys(
        (
            "partner_id",
            "year",
            "company_id",
            "campaign_id",
            "answer_id",
            "answered_on",
            "summary",
            "expected_amount",
        ),
        _lt("the customer's demand form"),
    )

    partner_id = fields.Many2one(
        "res.partner", "Customer", required=True, readonly=True, index=True
    )
    year = fields.Integer("Plan Year", required=True, readonly=True, aggregator=False)
    company_id = fields.Many2one("res.company", required=True, readonly=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    campaign_id = fields.Many2one(
        "custcare.survey.campaign", readonly=True, ondelete="cascade", index=True
    )
    answer_id = fields.Many2one("survey.user_input", "Form", readonly=True, ondelete="set null")
    entry_method = fields.Selection(related="answer_id.custcare_entry_method")
    answered_on = fields.Datetime("Answered on", readonly=True)
    summary = fields.Html("Customer's Answers", readonly=True, sanitize=True)
    expected_amount = fields.Monetary(
        readonly=True,
        help="The amounts the customer expects to order next year (sum of the quarters).",
    )
    has_amount = fields.Boolean(compute="_compute_has_amount", store=True)

    _partner_year_uniq = models.UniqueIndex(
        "(partner_id, year, company_id)",
        "A customer has one demand plan per year and company.",
    )

    @api.depends("expected_amount")
    def _compute_has_amount(self):
        for plan in self:
            plan.has_amount = bool(plan.expected_amount)

    @api.depends("partner_id", "year")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = self.env._(
                "%(customer)s: demand plan %(year)s",
                customer=plan.partner_id.name or "",
                year=plan.year,
            )

    def _custcare_is_evidence(self):
        """What the customer said is kept as said: no plan is deleted by hand."""
        return self

    # ------------------------------------------------------------------
    # Made from the forms
    # ------------------------------------------------------------------
    @api.model
    def _summary_of(self, form):
        """The form's answers as a list of questions and answers (HTML)."""
        items = Markup()
        for line in form.user_input_line_ids.sorted(lambda a: (a.question_sequence, a.id)):
            if line.skipped:
                continue
            if line.answer_type == "text_box":
                value = line.value_text_box
            elif line.answer_type == "numerical_box":
                value = f"{line.value_numerical_box:,.2f}"
            else:
                value = line.display_name
            items += Markup("<li><strong>%s</strong>: %s</li>") % (
                line.question_id.title,
                escape(str(value)),
            )
        return Markup("<ul>%s</ul>") % items if items else False

    @api.model
    def _amount_of(self, form):
        return sum(
            line.value_numerical_box
            for line in form.user_input_line_ids
            if line.answer_type == "numerical_box" and line.question_id.custcare_demand_amount
        )

    @api.model
    def _make_from_forms(self, forms):
        """Create or update the plan of each completed demand form: one
        search and one create for the batch (their answers read together)."""
        forms = forms.sudo().filtered(
            lambda f: f.state == "done"
            and not f.test_entry
            and f.custcare_campaign_id.kind == "demand"
            and f.custcare_customer_id
        )
        if not forms:
            return self.browse()
        Plan = self.sudo()
        existing = Plan.search(
            [
                ("partner_id", "in", forms.custcare_customer_id.ids),
                ("year", "in", list(set(forms.custcare_campaign_id.mapped("plan_year")))),
                ("company_id", "in", forms.custcare_campaign_id.company_id.ids),
            ]
        )
        by_key = {(p.partner_id.id, p.year, p.company_id.id): p for p in existing}
        to_create = {}
        for form in forms.sorted("end_datetime"):
            campaign = form.custcare_campaign_id
            # an internal record: the questions in the company's language
            lang = campaign.company_id.partner_id.lang or self.env.lang
            key = (form.custcare_customer_id.id, campaign.plan_year, campaign.company_id.id)
            vals = {
                "campaign_id": campaign.id,
                "answer_id": form.id,
                "answered_on": form.end_datetime,
                "summary": self.with_context(lang=lang)._summary_of(form.with_context(lang=lang)),
                "expected_amount": self._amount_of(form),
            }
            if key in by_key:
                # the newest completed form of the year is the customer's plan
                by_key[key]._custcare_write(vals)
            else:
                to_create[key] = {
                    "partner_id": key[0],
                    "year": key[1],
                    "company_id": key[2],
                    **vals,
                }
        return existing | Plan._custcare_create(list(to_create.values()))

    # ------------------------------------------------------------------
    # Navigation
    # ------------------------------------------------------------------
    def action_open_form(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "survey.user_input",
            "view_mode": "form",
            "res_id": self.answer_id.id,
        }

    @api.model
    def _demo_collect(self, campaign_ids, answers):
        """Demo data: send the demand campaigns and complete the first forms
        with ``answers`` (one list of {question xml id: value} per form; the
        second form entered from an interview)."""
        for campaign in self.env["custcare.survey.campaign"].browse(campaign_ids):
            if campaign.state != "draft":
                continue
            # demo data loads before the languages' terms: the plans are
            # written in the company's language, so load its questionnaire
            lang = campaign.company_id.partner_id.lang
            if lang and lang != "en_US" and self.env["res.lang"]._get_code(lang):
                self.env["ir.module.module"]._load_module_terms(["custcare_survey"], [lang])
            campaign.action_send()
            forms = campaign.answer_ids.sorted("id")
            for i, (form, values) in enumerate(zip(forms, answers, strict=False)):
                for xmlid, value in values.items():
                    question = self.env.ref(xmlid)
                    if question.question_type == "simple_choice":
                        value = self.env.ref(value).id
                    form._save_lines(question, value)
                if i == 1:
                    form._custcare_write(
                        {
                            "custcare_entry_method": "interview",
                            "custcare_entered_by_id": campaign.user_id.id,
                        }
                    )
                form._mark_done()
        return True

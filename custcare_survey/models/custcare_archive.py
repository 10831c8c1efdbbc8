# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models
from odoo.tools import SQL

# the customer's score in its latest satisfaction campaign answered validly
# (the archive's company's campaigns), for the archives of some customers or,
# without a filter, of all
_LATEST_SCORE = """
    SELECT ui.custcare_score
      FROM survey_user_input ui
      JOIN custcare_survey_campaign c ON c.id = ui.custcare_campaign_id
     WHERE ui.custcare_customer_id = a.partner_id
       AND c.company_id = a.company_id
       AND c.kind = 'satisfaction'
       AND ui.custcare_valid
       AND ui.custcare_score > 0
       AND NOT COALESCE(ui.destroyed, FALSE)
  ORDER BY c.sent_date DESC NULLS LAST, ui.id DESC
     LIMIT 1
"""


class CustcareArchive(models.Model):
    """The customer's satisfaction as a measure of the overview (pivot,
    graph, list), averaged, never summed."""

    _inherit = "custcare.archive"

    satisfaction_score = fields.Float(
        "Satisfaction",
        readonly=True,
        copy=False,
        digits=(3, 2),
        aggregator="avg",
        help="The customer's score (1 to 5) in the latest satisfaction campaign it "
        "answered; empty when it never answered one, and then left out of averages.",
    )

    def init(self):
        """On install and update: the scores of campaigns answered before."""
        self.env.cr.execute(
            SQL("UPDATE custcare_archive a SET satisfaction_score = (%s)", SQL(_LATEST_SCORE))
        )

    @api.model
    def _custcare_refresh_satisfaction(self, customers):
        """Refresh the score of ``customers`` in every archive of theirs: one
        UPDATE for the whole batch of forms (not through the archive's write:
        a measure, not the approved content of the archive)."""
        if not customers:
            return
        self.env["survey.user_input"].flush_model(
            ["custcare_score", "custcare_valid", "custcare_customer_id", "destroyed"]
        )
        self.env["custcare.survey.campaign"].flush_model(["sent_date", "kind", "company_id"])
        self.flush_model(["partner_id", "company_id"])
        self.env.cr.execute(
            SQL(
                "UPDATE custcare_archive a SET satisfaction_score = (%s) "
                "WHERE a.partner_id = ANY(%s)",
                SQL(_LATEST_SCORE),
                list(customers.ids),
            )
        )
        self.invalidate_model(["satisfaction_score"])

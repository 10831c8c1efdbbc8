# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import Counter

from odoo import api, fields, models
from odoo.tools import SQL


class CustcareArchive(models.Model):
    """The customer's complaints as a measure of the overview (pivot, graph,
    list): kept on the archive so that Odoo groups and sums them in SQL."""

    _inherit = "custcare.archive"

    complaint_count = fields.Integer(
        "Complaints",
        readonly=True,
        default=0,
        copy=False,
        help="Complaints registered for the customer in the archive's company, "
        "whatever their state; kept up as complaints are registered.",
    )

    def init(self):
        """On install and update: the counts of complaints registered before."""
        self.env.cr.execute(
            """
            UPDATE custcare_archive a
               SET complaint_count = s.n
              FROM (SELECT p.commercial_partner_id AS partner_id, c.company_id, count(*) AS n
                      FROM custcare_complaint c
                      JOIN res_partner p ON p.id = c.partner_id
                  GROUP BY 1, 2) s
             WHERE a.partner_id = s.partner_id
               AND a.company_id = s.company_id
               AND a.complaint_count IS DISTINCT FROM s.n
            """
        )

    @api.model
    def _custcare_count_new_complaints(self, complaints):
        """Add complaints just registered to their customers' archives: one
        UPDATE for the whole batch, by increment (the registration path stays
        as cheap with a customer's thousandth complaint as with its first)."""
        counts = Counter(
            (complaint.partner_id.commercial_partner_id.id, complaint.company_id.id)
            for complaint in complaints
        )
        if not counts:
            return
        self.env.cr.execute(
            SQL(
                """
                UPDATE custcare_archive a
                   SET complaint_count = COALESCE(a.complaint_count, 0) + v.n
                  FROM (VALUES %s) AS v(partner_id, company_id, n)
                 WHERE a.partner_id = v.partner_id
                   AND a.company_id = v.company_id
                """,
                SQL(", ").join(
                    SQL("(%s, %s, %s)", partner, company, n)
                    for (partner, company), n in counts.items()
                ),
            )
        )
        self.invalidate_model(["complaint_count"])

    @api.model
    def _custcare_refresh_complaint_counts(self, customers):
        """Recount the complaints of ``customers`` (commercial partners) in
        every archive of theirs: one UPDATE for the whole batch, which does
        not go through the archive's write (a measure, not the approved
        content of the archive)."""
        if not customers:
            return
        self.env["custcare.complaint"].flush_model(["partner_id", "company_id"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.flush_model(["partner_id", "company_id"])
        self.env.cr.execute(
            SQL(
                """
                UPDATE custcare_archive a
                   SET complaint_count = (
                        SELECT count(*)
                          FROM custcare_complaint c
                          JOIN res_partner p ON p.id = c.partner_id
                         WHERE p.commercial_partner_id = a.partner_id
                           AND c.company_id = a.company_id)
                 WHERE a.partner_id = ANY(%s)
                """,
                list(customers.ids),
            )
        )
        self.invalidate_model(["complaint_count"])

    @api.model_create_multi
    def create(self, vals_list):
        archives = super().create(vals_list)
        self._custcare_refresh_complaint_counts(archives.partner_id)
        return archives

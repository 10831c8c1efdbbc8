# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models
from odoo.tools import SQL

BATCH_PARAM = "custcare.cron_batch_size"


class CustcareBatch(models.AbstractModel):
    """How every custcare scheduled job works through many records: only the
    records that are due (a domain), in batches of a fixed size, each batch
    claimed with row locks that another worker skips, processed with one
    query per batch where it can, and committed with ``_commit_progress`` so
    that a job over 100,000 records never holds one giant transaction, is
    rescheduled by the cron runner when its time is up, and resumes after a
    kill without doing anything twice (what a batch did is committed with
    the mark that it was done)."""

    _name = "custcare.batch"
    _description = "Custcare Batched Job"

    @api.model
    def _batch_size(self):
        value = self.env["ir.config_parameter"].sudo().get_param(BATCH_PARAM, "1000")
        try:
            return max(int(value), 1)
        except ValueError:
            return 1000

    @api.model
    def _claim(self, model, domain, limit):
        """Up to ``limit`` records of ``domain``, row-locked for this
        transaction; rows another worker holds are skipped."""
        Model = self.env[model].sudo().with_context(active_test=False)
        self.env.flush_all()  # the query below is run as raw SQL
        query = Model._search(domain)
        self.env.cr.execute(
            SQL(
                "SELECT id FROM %s WHERE id IN %s ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED",
                SQL.identifier(Model._table),
                query.subselect(),
                limit,
            )
        )
        return Model.browse(row[0] for row in self.env.cr.fetchall())

    @api.model
    def _run(self, model, domain, process, batch_size=None):
        """Claim and ``process`` the records of ``domain`` batch by batch.

        ``process(records)`` must make them leave ``domain`` (mark them
        reminded, flagged, ...). Between batches the work is committed and
        the progress reported to the cron runner; the job stops when its
        time is up (the runner calls it again). Returns how many were done.
        """
        size = batch_size or self._batch_size()
        Records = self.env[model].sudo().with_context(active_test=False)
        total = pending = 0
        while True:
            batch = self._claim(model, domain, size)
            if not batch:
                break
            process(batch)
            self.env.flush_all()
            total += len(batch)
            pending += len(batch)
            remaining = Records.search_count(domain)
            if not remaining:
                break
            if not self.env["ir.cron"]._commit_progress(pending, remaining=remaining):
                return total
            pending = 0
        progress = (
            self.env["ir.cron.progress"].sudo().browse(self.env.context.get("ir_cron_progress_id"))
        )
        if progress:
            progress.write({"done": progress.done + pending, "remaining": 0})
        return total

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, fields, models


class CustcareAccessLog(models.Model):
    """A trace of each opening of a confidential archive (who, when, which)."""

    _name = "custcare.access.log"
    _description = "Confidential Archive Access Log"
    _order = "id desc"
    _log_access = True

    user_id = fields.Many2one("res.users", required=True, readonly=True, index=True)
    archive_id = fields.Many2one(
        "custcare.archive", required=True, readonly=True, ondelete="cascade"
    )
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True, index=True)
    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True)

    @api.model
    def _log_access(self, archives):
        """Write one line per archive opened by the current user (one INSERT)."""
        if self.env.su or not archives:
            return
        vals = [
            {"user_id": self.env.uid, "archive_id": a.id, "partner_id": a.partner_id.id}
            for a in archives
        ]
        if self.env.cr.readonly:
            # a read-only cursor (replica): write the trace in its own transaction
            with self.env.registry.cursor() as cr:
                self.with_env(self.env(cr=cr)).sudo().create(vals)
        else:
            self.sudo().create(vals)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from collections import defaultdict

from odoo import api, models
from odoo.exceptions import UserError


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_custcare_evidence(self):
        """The files of a custcare record that is evidence stay with it, and
        a portal customer never takes back the files sent with a record (the
        mail routes delete the uploader's files as superuser: this is the
        model's refusal, whichever way the call arrives)."""
        Evidence = self.pool["custcare.evidence.mixin"]
        targets = defaultdict(set)
        # sudo: which record a file belongs to, read to protect it
        for attachment in self.sudo():
            model = attachment.res_model
            if model in self.env and attachment.res_id and not attachment.res_field:
                if isinstance(self.env[model], Evidence):
                    targets[model].add(attachment.res_id)
        customer = self.env.user.share
        for model, ids in targets.items():
            records = self.env[model].sudo().browse(ids).exists()
            if not records or records._custcare_trusted():
                continue
            kept = records if customer else records._custcare_is_evidence()
            if kept:
                raise UserError(
                    self.env._(
                        "The files of %(record)s (%(model)s) are kept with it as part of the "
                        "record: they cannot be deleted.",
                        record=kept[0].display_name,
                        model=kept._custcare_label(),
                    )
                )

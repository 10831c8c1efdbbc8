# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo import api, models


class ReportCustcareArchive(models.AbstractModel):
    """The 客户档案表 prints confidential data: printing it leaves a trace in
    the access log, as opening it does."""

    _name = "report.custcare_base.report_custcare_archive"
    _description = "Customer Archive Card"

    @api.model
    def _get_report_values(self, docids, data=None):
        archives = self.env["custcare.archive"].browse(docids)
        archives.check_access("read")
        self.env["custcare.access.log"]._log_access(archives)
        return {"doc_ids": docids, "doc_model": "custcare.archive", "docs": archives}

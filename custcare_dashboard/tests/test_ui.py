# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from odoo.tests import HttpCase, tagged

from .common import DashboardMixin


@tagged("post_install", "-at_install")
class TestDashboardUi(DashboardMixin, HttpCase):
    """The general manager opens the dashboard in Chromium, in Simplified
    Chinese: the figures drawn are the records of the manager's company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            ["custcare_base", "custcare_complaint", "custcare_dashboard"], ["zh_CN"]
        )
        cls.gm.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})

    def test_general_manager_reads_the_dashboard(self):
        # what the tour expects to see drawn
        self.assertEqual(self.headline("Open complaints", self.gm), 3)
        self.assertEqual(self.headline("Overdue complaints", self.gm), 2)
        self.assertAlmostEqual(self.headline("SLA compliance", self.gm), 0.4)
        self.start_tour("/odoo/dashboards", "custcare_dashboard_tour", login=self.gm.login)

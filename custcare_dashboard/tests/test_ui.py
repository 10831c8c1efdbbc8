# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
from unittest.mock import patch

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

from .common import DashboardMixin

CHARTS_LOADED = """(async () => {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    const model = loader.getActiveDashboard().model;
    for (let attempt = 0; attempt < 100; attempt++) {
        const runtime = model.getters.getChartRuntime("custcare-chart-satisfaction");
        if (runtime.chartJsConfig.data.datasets.length) {
            break;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // and for the charts' animation to end
    await new Promise((resolve) => setTimeout(resolve, 1500));
})()"""


@tagged("post_install", "-at_install")
class TestDashboardUi(DashboardMixin, HttpCase):
    """The general manager opens the dashboard in Chromium, in Simplified
    Chinese: the figures drawn are the records of the manager's company, and
    a complaint registered meanwhile counts when the dashboard is opened
    again."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.env["ir.module.module"]._load_module_terms(
            [
                "custcare_base",
                "custcare_complaint",
                "custcare_survey",
                "custcare_aftersales",
                "custcare_dashboard",
            ],
            ["zh_CN"],
        )
        cls.gm.write({"lang": "zh_CN", "tz": "Asia/Shanghai"})

    def test_general_manager_reads_the_dashboard(self):
        # what the tour expects to see drawn
        self.assertEqual(self.headline("Open complaints", self.gm), 3)
        self.assertEqual(self.headline("Overdue complaints", self.gm), 2)
        self.assertAlmostEqual(self.headline("SLA compliance", self.gm), 0.4)
        stop = ChromeBrowser.stop

        def screenshot_then_stop(browser):
            """Keep the whole dashboard as the manager saw it (in the
            screenshots directory of the test configuration)."""
            if getattr(browser, "ws", None):
                browser._websocket_request(
                    "Emulation.setDeviceMetricsOverride",
                    params={"width": 1366, "height": 2300, "deviceScaleFactor": 1, "mobile": False},
                )
                # charts load their data once visible: wait for the lowest one
                browser._websocket_request(
                    "Runtime.evaluate",
                    params={"expression": CHARTS_LOADED, "awaitPromise": True},
                    timeout=20,
                )
                browser.take_screenshot(prefix="custcare_dashboard_").result(timeout=20)
            return stop(browser)

        with patch.object(ChromeBrowser, "stop", screenshot_then_stop):
            self.start_tour("/odoo/dashboards", "custcare_dashboard_tour", login=self.gm.login)
        # the complaint the manager registered during the tour is the fourth
        new = self.env["custcare.complaint"].search(
            [("company_id", "=", self.company_c.id), ("id", "not in", self.complaints.ids)]
        )
        self.assertEqual(new.create_uid, self.gm)
        self.assertEqual(self.headline("Open complaints", self.gm), 4)

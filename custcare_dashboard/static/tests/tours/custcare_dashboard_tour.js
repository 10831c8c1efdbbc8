import { registry } from "@web/core/registry";

/**
 * The general manager opens Dashboards → 客户管理 in Simplified Chinese. The
 * test (tests/test_ui.py) gave the manager's company 3 open complaints, 3 of
 * 5 past their SLA (compliance 40.0%) and nothing else of the kind: the
 * scorecards drawn on the dashboard must say so, in Chinese.
 */
const EXPECTED = [
    ["custcare-kpi-1", "未结投诉", "3"],
    ["custcare-kpi-2", "超时未结投诉", "2"],
    ["custcare-kpi-3", "服务时限达成率", "40.0%"],
];

function activeModel() {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    return loader.getActiveDashboard()?.model;
}

registry.category("web_tour.tours").add("custcare_dashboard_tour", {
    url: "/odoo/dashboards",
    steps: () => [
        {
            content: "Open the Customer Care dashboard",
            trigger: ".o_search_panel_category_value:contains(客户管理)",
            run: "click",
        },
        {
            content: "The dashboard is drawn",
            trigger: ".o_search_panel_category_value.active:contains(客户管理)",
        },
        {
            content: "Its figures loaded",
            trigger: ".o_renderer canvas",
            async run() {
                let runtimes = [];
                for (let attempt = 0; attempt < 100; attempt++) {
                    const model = activeModel();
                    if (model) {
                        runtimes = EXPECTED.map(([id]) => model.getters.getChartRuntime(id));
                        if (
                            runtimes.every((r, i) => r.keyValue === EXPECTED[i][2]) &&
                            runtimes.every((r, i) => r.title.text === EXPECTED[i][1])
                        ) {
                            return;
                        }
                    }
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                const seen = runtimes.map((r) => `${r.title.text}=${r.keyValue}`).join(", ");
                throw new Error(`The dashboard shows ${seen}`);
            },
        },
    ],
});

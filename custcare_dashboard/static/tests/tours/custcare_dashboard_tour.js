import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

/**
 * The general manager opens Dashboards → 客户管理 in Simplified Chinese. The
 * test (tests/test_ui.py) gave the manager's company 3 open complaints, 3 of
 * 5 past their SLA (compliance 40.0%) and nothing else of the kind: the
 * scorecards drawn on the dashboard must say so, in Chinese. A complaint
 * registered meanwhile is counted when the dashboard is opened again, from
 * the Customer Care app's Dashboard menu.
 */
const EXPECTED = [
    ["custcare-kpi-1", "未结投诉", "3"],
    ["custcare-kpi-2", "超时未结投诉", "2"],
    ["custcare-kpi-3", "服务时限达成率", "40.0%"],
];
const AFTER_NEW_COMPLAINT = [
    ["custcare-kpi-1", "未结投诉", "4"],
    ["custcare-kpi-2", "超时未结投诉", "2"],
    ["custcare-kpi-3", "服务时限达成率", "50.0%"],
];

function activeModel() {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    return loader.getActiveDashboard()?.model;
}

/** Wait until the scorecards show `expected` (id, title, figure). */
async function scorecardsShow(expected) {
    let runtimes = [];
    for (let attempt = 0; attempt < 100; attempt++) {
        const model = activeModel();
        if (model) {
            runtimes = expected.map(([id]) => model.getters.getChartRuntime(id));
            if (
                runtimes.every((r, i) => r.keyValue === expected[i][2]) &&
                runtimes.every((r, i) => r.title.text === expected[i][1])
            ) {
                return;
            }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seen = runtimes.map((r) => `${r.title.text}=${r.keyValue}`).join(", ");
    throw new Error(`The dashboard shows ${seen}`);
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
            content: "Its figures are the records",
            trigger: ".o_renderer canvas",
            run: () => scorecardsShow(EXPECTED),
        },
        {
            content: "A complaint is registered meanwhile",
            trigger: ".o_renderer canvas",
            async run() {
                const { orm } = odoo.__WOWL_DEBUG__.root.env.services;
                const [partnerId] = await orm.search("res.partner", [
                    ["name", "=", "温州瓯江阀门有限公司"],
                ]);
                await orm.create("custcare.complaint", [
                    { partner_id: partnerId, description: "<p>阀门异响</p>" },
                ]);
            },
        },
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Care app",
            trigger: ".o_app[data-menu-xmlid='custcare_base.custcare_menu_root']",
            run: "click",
        },
        {
            content: "Open its Dashboard menu",
            trigger: "[data-menu-xmlid='custcare_dashboard.custcare_dashboard_menu']",
            run: "click",
        },
        {
            content: "The new complaint is counted",
            trigger: ".o_search_panel_category_value.active:contains(客户管理)",
            run: () => scorecardsShow(AFTER_NEW_COMPLAINT),
        },
    ],
});

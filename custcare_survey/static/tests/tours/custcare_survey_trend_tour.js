import { registry } from "@web/core/registry";

function screenshot(name) {
    return {
        content: `Screenshot: ${name}`,
        trigger: "body",
        run: async () => {
            console.log(`cc_screenshot ${name}`);
            await new Promise((resolve) => setTimeout(resolve, 1500));
        },
    };
}

registry.category("web_tour.tours").add("custcare_survey_trend_tour", {
    steps: () => [
        {
            content: "The trend graph: averages per dimension, campaigns side by side",
            trigger: ".o_graph_renderer canvas",
        },
        screenshot("trend_graph"),
        {
            content: "Pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            content: "Two campaigns averaged: 4.50 for the price, never 9",
            trigger: ".o_pivot tbody tr:contains(价格):contains(4.50):not(:contains(9.00))",
        },
        screenshot("trend_pivot"),
        {
            content: "List",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "A first campaign has no previous score (empty, not 0.00)",
            trigger: ".o_list_view .o_data_row:last-child:contains(第一次调查):not(:contains(0.00))",
        },
        screenshot("trend_list"),
    ],
});

import { registry } from "@web/core/registry";

// console.log("cc_screenshot <name>") asks the test for a screenshot
function screenshot(name) {
    return {
        content: `Screenshot: ${name}`,
        trigger: "body",
        run: async () => {
            // let the screen settle (graph animations) before the capture
            await new Promise((resolve) => setTimeout(resolve, 1000));
            console.log(`cc_screenshot ${name}`);
            await new Promise((resolve) => setTimeout(resolve, 1500));
        },
    };
}

function star(row, score) {
    return {
        content: `Row ${row}: ${score} stars`,
        trigger: `.modal .o_data_row:nth-child(${row}) .o_field_widget[name=score] .o_priority_star:nth-child(${score})`,
        run: "click",
    };
}

registry.category("web_tour.tours").add("custcare_survey_campaign_tour", {
    steps: () => [
        {
            content: "The campaign shows its recipients in Chinese",
            trigger: ".o_form_view button[name=action_open_recipients]:contains(收件客户):contains(3)",
        },
        {
            content: "The warning counts the recipient without e-mail",
            trigger: ".o_form_view .alert-warning [name=recipient_no_email_count]:contains(1)",
        },
        screenshot("campaign_form_draft"),
        {
            content: "Send the questionnaire",
            trigger: ".o_form_view .o_form_statusbar button[name=action_send]:visible",
            run: "click",
        },
        {
            content: "The confirmation says the forms without e-mail are entered by staff",
            trigger: ".modal .modal-body:contains(电子邮件)",
        },
        {
            content: "Confirm",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Sent: open the interview grid",
            trigger: ".o_form_view .o_form_statusbar button[name=action_enter_interview]",
            run: "click",
        },
        {
            content: "Pick the interviewed customer",
            trigger: ".modal .o_field_widget[name=customer_id] input",
            run: "edit 走访客户 B",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(走访客户 B)",
            run: "click",
        },
        {
            content: "Every scored question is on the screen",
            trigger: ".modal .o_field_widget[name=line_ids] .o_data_row:nth-child(8)",
        },
        star(1, 5),
        star(2, 4),
        star(3, 4),
        star(4, 4),
        star(5, 3),
        star(6, 4),
        star(7, 4),
        star(8, 4),
        {
            content: "The choice follows the stars",
            trigger: ".modal .o_data_row:nth-child(5) [name=choice]:contains(一般)",
        },
        {
            content: "A remark on the first question",
            trigger: ".modal .o_data_row:nth-child(1) [name=remark]",
            run: "click",
        },
        {
            trigger: ".modal .o_data_row:nth-child(1) [name=remark] input",
            run: "edit 包装可以更结实",
        },
        {
            content: "Overall remarks",
            trigger: ".modal .o_field_widget[name=remarks] textarea",
            run: "edit 希望交货前电话联系。",
        },
        screenshot("interview_grid"),
        {
            content: "Save the interview",
            trigger: ".modal .modal-footer button[name=action_save]",
            run: "click",
        },
        {
            content: "One of three answered",
            trigger: ".o_form_view:not(:has(.modal)) .o_progressbar:contains(1):contains(3)",
        },
        screenshot("campaign_form_sent"),
        {
            content: "Open the analysis",
            trigger: ".o_form_view button[name=action_open_analysis]",
            run: "click",
        },
        {
            content: "The pivot averages the scores (remarks left out)",
            trigger: ".o_pivot tbody tr:first-child .o_pivot_cell_value:contains(4.00)",
        },
        screenshot("analysis_pivot"),
        {
            content: "Back to the campaigns",
            trigger: ".o_breadcrumb .breadcrumb-item:first-child a",
            run: "click",
        },
        {
            content: "The list shows the progress",
            trigger: ".o_list_view .o_data_row [name=answered_count] .o_progressbar",
        },
        screenshot("campaign_list"),
        {
            content: "Kanban view",
            trigger: ".o_switch_view.o_kanban",
            run: "click",
        },
        {
            content: "The card shows the progress",
            trigger: ".o_kanban_record [name=answered_count] .o_progressbar:contains(1):contains(3)",
        },
        screenshot("campaign_kanban"),
    ],
});

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

import { registry } from "@web/core/registry";
import {
    clickHeader,
    openCustcareMenu,
    pickRecord,
    pickSelection,
    save,
    screenshot,
    typedDate,
    writeHtml,
} from "@custcare_base/../tests/tours/custcare_tour_utils";

const SUBJECT = "外壳尺寸超差";
const CUSTOMER = "华东精工机械有限公司";
const tours = registry.category("web_tour.tours");

function openDesk() {
    return [
        ...openCustcareMenu(
            "custcare_complaint.custcare_complaint_menu",
            "custcare_complaint.custcare_complaint_list_menu",
            "客户投诉"
        ),
        {
            content: "The desk is open",
            trigger: ".o_kanban_view .o_kanban_group",
        },
    ];
}

function openComplaint() {
    return [...openDesk(), ...openCard()];
}

function openCard() {
    return [
        {
            content: "Open the complaint's card",
            trigger: `.o_kanban_record:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "Its form is open",
            trigger: `.o_form_view .o_field_widget[name='subject'] input:value(${SUBJECT})`,
        },
    ];
}

function openCapa() {
    return [
        ...openCustcareMenu(
            "custcare_base.custcare_menu_quality",
            "custcare_base.custcare_capa_menu",
            "纠正和预防措施"
        ),
        {
            content: "Open the corrective action of the complaint",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
            run: "click",
        },
        {
            content: "Its form is open",
            trigger: `.o_form_view .o_field_widget[name='partner_id'] input:value(${CUSTOMER})`,
        },
    ];
}

// 1. Sales registers the complaint at the desk and transfers it to QC (转交)
tours.add("custcare_complaint_register_tour", {
    url: "/odoo",
    steps: () => [
        ...openCustcareMenu(
            "custcare_base.custcare_menu_customers",
            "custcare_base.custcare_menu_customer_list",
            "客户"
        ),
        {
            content: "Open the customer",
            trigger: `.o_kanban_record:contains(${CUSTOMER}), .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
            run: "click",
        },
        ...screenshot(
            "partner_form",
            `.o_form_view .o_field_widget[name='name']:contains(${CUSTOMER}), .o_form_view .o_field_widget[name='name'] :value(${CUSTOMER})`
        ),
        ...openDesk(),
        ...screenshot("desk_kanban", ".o_kanban_record:contains(主轴异响)"),
        {
            content: "The desk's columns fit the 1366 px screen: no scrolling sideways",
            trigger: ".o_kanban_renderer.o_kanban_grouped",
            run() {
                const renderer = document.querySelector(".o_kanban_renderer.o_kanban_grouped");
                if (renderer.scrollWidth > renderer.clientWidth) {
                    throw new Error(
                        `the desk scrolls sideways: ${renderer.scrollWidth} px in ${renderer.clientWidth} px`
                    );
                }
            },
        },
        {
            content: "Register a complaint",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Subject",
            trigger: ".o_kanban_quick_create .o_field_widget[name='subject'] input",
            run: `edit ${SUBJECT}`,
        },
        ...pickRecord("partner_id", "华东精工", CUSTOMER, ".o_kanban_quick_create"),
        ...pickSelection("category", "产品质量", ".o_kanban_quick_create"),
        ...pickSelection("severity", "较重", ".o_kanban_quick_create"),
        ...writeHtml(
            "description",
            "第二批200件外壳的安装孔距超差0.3毫米",
            ".o_kanban_quick_create"
        ),
        ...screenshot("desk_quick_create"),
        {
            content: "Add it",
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            content: "Open the new card",
            trigger: `.o_kanban_group:first .o_kanban_record:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "The contact person came from the customer",
            trigger: ".o_form_view .o_field_widget[name='contact_name'] input:value(张伟)",
        },
        ...screenshot("complaint_form"),
        {
            content: "Transfer (转交)",
            trigger: ".o_form_view .o_form_statusbar button:contains(转交)",
            run: "click",
        },
        ...pickRecord("to_user_id", "钱进", "钱进", ".modal"),
        {
            content: "Why",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit 尺寸问题，请质检部调查",
        },
        ...screenshot("complaint_transfer", ".modal .o_field_widget[name='reason'] textarea"),
        {
            content: "Transfer it",
            trigger: ".modal-footer button[name='action_transfer']:contains(转交)",
            run: "click",
        },
        {
            content: "The owner is now QC",
            trigger: "body:not(:has(.modal)) .o_form_view .o_field_widget[name='user_id']:contains(钱进)",
        },
        {
            content: "Open the transfers",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(转交记录)",
            run: "click",
        },
        {
            content: "The transfer is in the ledger",
            trigger: ".o_form_view .o_field_widget[name='transfer_ids'] .o_data_row:contains(钱进)",
        },
    ],
});

// 2. QC investigates, finds the company responsible and issues the CAPA request
tours.add("custcare_complaint_investigate_tour", {
    url: "/odoo",
    steps: () => [
        ...openDesk(),
        {
            content: "Switch to the list",
            trigger: ".o_control_panel .o_switch_view.o_list",
            run: "click",
        },
        ...screenshot("desk_list", `.o_list_view .o_data_row:contains(${SUBJECT})`),
        {
            content: "Open the complaint",
            trigger: `.o_list_view .o_data_row:contains(${SUBJECT}) td.o_data_cell[name='subject']`,
            run: "click",
        },
        ...clickHeader("action_start_investigation", "开始调查", "调查中"),
        {
            content: "Open the investigation",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(调查)",
            run: "click",
        },
        {
            content: "QC is the investigator",
            trigger: ".o_form_view .o_field_widget[name='investigated_by_id']:contains(钱进)",
        },
        ...pickSelection("responsibility", "公司"),
        ...writeHtml("root_cause", "钻模定位销磨损，未按期更换"),
        ...writeHtml("result", "更换200件外壳，钻模定位销改为每月检查"),
        ...save(),
        ...screenshot("complaint_investigation"),
        ...clickHeader("action_create_capa", "发出纠正和预防措施要求书"),
        {
            content: "The CAPA request is open",
            trigger: ".o_form_view .o_form_statusbar button[name='action_issue']",
        },
        ...pickRecord("responsible_id", "刘建华"),
        {
            content: "Responsible department",
            trigger: ".o_form_view .o_field_widget[name='department'] input",
            run: "edit 生产部",
        },
        {
            content: "Due date",
            trigger: ".o_form_view .o_field_widget[name='due_date'] input",
            run: `edit ${typedDate(14)}`,
        },
        {
            content: "Close the date picker",
            trigger: ".o_form_view .o_field_widget[name='department'] input",
            run: "click",
        },
        ...screenshot("capa_form"),
        ...clickHeader("action_issue", "发出", "已发出"),
    ],
});

// 3. The responsible person carries out the corrective action
tours.add("custcare_capa_implement_tour", {
    url: "/odoo",
    steps: () => [
        ...openCapa(),
        {
            content: "The source complaint, which is not theirs to open, is named without a link",
            trigger: `.o_form_view .o_field_widget[name='source_name']:contains(${SUBJECT}):not(:has(a))`,
        },
        {
            content: "Open the actions",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(措施)",
            run: "click",
        },
        ...writeHtml("corrective_action", "更换钻模定位销，返工库存外壳"),
        ...writeHtml("implementation", "已于本周完成更换并复检"),
        ...save(),
        ...clickHeader("action_implemented", "标记为已实施", "已实施"),
    ],
});

// 4. QC verifies the action and submits the result for approval
tours.add("custcare_complaint_verify_tour", {
    url: "/odoo",
    steps: () => [
        ...openCapa(),
        ...clickHeader("action_verify_effective", "验证：有效", "验证有效"),
        {
            content: "Back to the complaint by its link",
            trigger: `.o_form_view .o_field_widget[name='source_ref'] a:contains(${SUBJECT})`,
            run: "click",
        },
        {
            content: "The complaint is open",
            trigger: `.o_form_view .o_field_widget[name='subject'] input:value(${SUBJECT})`,
        },
        ...clickHeader("action_submit_result", "提交处理结果", "待审批"),
    ],
});

// 5. The general manager approves the result (审批)
tours.add("custcare_complaint_approve_tour", {
    url: "/odoo",
    steps: () => [
        ...openDesk(),
        ...screenshot("desk_kanban_gm", `.o_kanban_record:contains(${SUBJECT})`),
        ...openCard(),
        ...clickHeader("action_approve", "批准处理结果", "反馈客户"),
    ],
});

// 6. The first receiver gives the answer to the customer and closes
tours.add("custcare_complaint_close_tour", {
    url: "/odoo",
    steps: () => [
        ...openComplaint(),
        {
            content: "Open the investigation",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(调查)",
            run: "click",
        },
        {
            content: "The CAPA request, which is QC's, is named without a link",
            trigger: ".o_form_view .o_field_widget[name='capa_id']:contains(CAPA):not(:has(a))",
        },
        {
            content: "Open the feedback",
            trigger: ".o_form_view .o_notebook a.nav-link:contains(反馈)",
            run: "click",
        },
        {
            content: "Feedback date",
            trigger: ".o_form_view .o_field_widget[name='feedback_date'] input",
            run: `edit ${typedDate(0)}`,
        },
        ...pickSelection("feedback_method", "电话"),
        {
            content: "How the customer took it",
            trigger: ".o_form_view .o_field_widget[name='customer_reaction'] textarea",
            run: "edit 客户接受处理结果",
        },
        ...save(),
        ...screenshot("complaint_feedback"),
        ...clickHeader("action_close", "关闭", "已关闭"),
    ],
});

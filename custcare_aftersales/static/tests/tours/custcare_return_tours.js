import { registry } from "@web/core/registry";
import {
    clickHeader,
    openCustcareMenu,
    pickRecord,
    save,
    screenshot,
} from "@custcare_base/../tests/tours/custcare_tour_utils";

const CUSTOMER = "华东精工机械有限公司";
const PRODUCT = "液压阀 HV-200";
const DELIVERY = "WH/OUT/TOUR01"; // the delivery the goods came with (the test makes it)
const tours = registry.category("web_tour.tours");

function openReturns() {
    return [
        ...openCustcareMenu(
            "custcare_aftersales.custcare_aftersales_menu",
            "custcare_aftersales.custcare_return_menu",
            "客户退货"
        ),
        {
            content: "The returns are listed",
            trigger: ".o_list_view",
        },
    ];
}

function openReturn() {
    return [
        ...openReturns(),
        {
            content: "Open the customer's return",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
            run: "click",
        },
        {
            content: "Its form is open",
            trigger: `.o_form_view .o_field_widget[name='line_ids'] .o_data_row:contains(${PRODUCT})`,
        },
    ];
}

// 1. After-sales registers the returned goods and receives them (接收退货)
tours.add("custcare_return_receive_tour", {
    url: "/odoo",
    steps: () => [
        ...openReturns(),
        ...screenshot("return_list", ".o_list_view, .o_view_nocontent"),
        {
            content: "Register a return",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        ...pickRecord("partner_id", "华东精工", CUSTOMER),
        {
            content:
                "Deliveries are Inventory's: after-sales staff give the number on the customer's delivery note, no search into transfers",
            trigger:
                ".o_form_view:not(:has(.o_field_widget[name='picking_id'])) .o_field_widget[name='delivery_number'] input",
            run: `edit ${DELIVERY}`,
        },
        {
            content: "Add the returned goods",
            trigger: ".o_form_view .o_field_widget[name='line_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pickRecord("product_id", "HV-200", PRODUCT, ".o_field_widget[name='line_ids'] .o_data_row"),
        {
            content: "Quantity returned",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='quantity'] input",
            run: "edit 10",
        },
        {
            content: "Reason",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='reason'] input",
            run: "edit 阀体划痕，外箱压扁",
        },
        ...save(),
        ...screenshot("return_form"),
        ...clickHeader("action_receive", "接收退货", "已收货"),
        {
            content: "The return receipt is shown",
            trigger: ".o_form_view .o_field_widget[name='receipt_picking_id']:not(:empty)",
        },
    ],
});

// 2. QC splits the goods into conforming and non-conforming (记录检验结果)
tours.add("custcare_return_inspect_tour", {
    url: "/odoo",
    steps: () => [
        ...openReturn(),
        {
            content: "Open the line",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row td.o_data_cell[name='qty_conforming']",
            run: "click",
        },
        {
            content: "Conforming",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='qty_conforming'] input",
            run: "edit 3",
        },
        {
            content: "Non-conforming",
            trigger: ".o_field_widget[name='line_ids'] .o_data_row .o_field_widget[name='qty_nonconforming'] input",
            run: "edit 7",
        },
        ...save(),
        ...clickHeader("action_inspected", "记录检验结果", "已检验"),
        {
            content: "Where the goods went is shown",
            trigger: ".o_form_view .o_field_widget[name='nonconforming_picking_id']:not(:empty)",
        },
        ...screenshot("return_inspected"),
    ],
});

// 3. After-sales replaces the non-conforming goods (补货)
tours.add("custcare_return_replenish_tour", {
    url: "/odoo",
    steps: () => [
        ...openReturn(),
        ...clickHeader("action_replenish", "补货"),
        {
            content: "The replacement delivery is shown",
            trigger: ".o_form_view .o_field_widget[name='replacement_picking_id']:not(:empty)",
        },
        {
            content: "The replenishment is in the chatter",
            trigger: ".o-mail-Message:contains(补货)",
        },
        ...screenshot("return_replenished"),
    ],
});

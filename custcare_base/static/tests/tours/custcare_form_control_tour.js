import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("custcare_form_control_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Care app",
            trigger: ".o_app[data-menu-xmlid='custcare_base.custcare_menu_root']",
            run: "click",
        },
        {
            content: "Wait for the customers list",
            trigger: ".o_breadcrumb:contains(Customers)",
        },
        {
            content: "Open Configuration",
            trigger: "[data-menu-xmlid='custcare_base.custcare_menu_config']",
            run: "click",
        },
        {
            content: "Open Controlled Forms",
            trigger: "[data-menu-xmlid='custcare_base.custcare_form_control_menu']",
            run: "click",
        },
        {
            content: "Wait for the controlled forms list",
            trigger: ".o_breadcrumb:contains(Controlled Forms)",
        },
        {
            content: "Create a controlled form",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name='name'] input",
            run: "edit Customer Archive Card",
        },
        {
            trigger: ".o_field_widget[name='code'] input",
            run: "edit Q/CC-JL701",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved with the default revision",
            trigger: ".o_form_saved .o_field_widget[name='revision'] input:value(A/0)",
        },
    ],
});

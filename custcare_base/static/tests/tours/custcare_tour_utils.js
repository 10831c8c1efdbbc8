import { formatDate } from "@web/core/l10n/dates";
import { stepUtils } from "@web_tour/tour_utils";

const { DateTime } = luxon;

/**
 * Steps that save the screen as <name>.png once `trigger` is there (see
 * custcare_base/tests/tour_common.py), and wait until it is saved.
 */
export function screenshot(name, trigger = "body") {
    return [
        {
            content: `Screenshot ${name}`,
            trigger,
            run() {
                console.log(`custcare-screenshot:${name}`);
            },
        },
        {
            content: `Screenshot ${name} saved`,
            trigger: `body[data-custcare-shot='${name}']`,
        },
    ];
}

/** A date `days` from today as the user types it (the language's format). */
export function typedDate(days = 0) {
    return formatDate(DateTime.now().plus({ days }));
}

/**
 * Open a menu of the Customer Care app and wait until its action, named
 * `title`, is shown (not the app's first screen still on display).
 */
export function openCustcareMenu(section, item, title) {
    return [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Customer Care app",
            trigger: ".o_app[data-menu-xmlid='custcare_base.custcare_menu_root']",
            run: "click",
        },
        {
            content: "The app's first screen is loaded",
            trigger: ".o_control_panel .o_last_breadcrumb_item:contains(客户)",
        },
        {
            content: "Open the section",
            trigger: `.o_main_navbar [data-menu-xmlid='${section}']`,
            run: "click",
        },
        {
            content: "Open the menu item",
            trigger: `.o-dropdown--menu [data-menu-xmlid='${item}']`,
            run: "click",
        },
        {
            content: `${title} is shown`,
            trigger: `.o_control_panel .o_last_breadcrumb_item:contains(${title})`,
        },
    ];
}

/** Choose `label` in the selection field `name` (inside `scope`). */
export function pickSelection(name, label, scope = ".o_form_view") {
    return [
        {
            content: `Open the choices of ${name}`,
            trigger: `${scope} .o_field_widget[name='${name}'] .o_select_menu_toggler`,
            run: "click",
        },
        {
            content: `Choose ${label}`,
            trigger: `.o_select_menu_menu .o_select_menu_item:contains(${label})`,
            run: "click",
        },
        {
            content: `${name} reads ${label}`,
            trigger: `${scope} .o_field_widget[name='${name}'] .o_select_menu_toggler:value(${label})`,
        },
    ];
}

/** Type `search` in the many2one `name` and choose the line `label`. */
export function pickRecord(name, search, label = search, scope = ".o_form_view") {
    return [
        {
            content: `Search ${search} in ${name}`,
            trigger: `${scope} .o_field_widget[name='${name}'] input`,
            run: `edit ${search}`,
        },
        {
            content: `Choose ${label}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item:contains(${label})`,
            run: "click",
        },
        {
            content: `${name} is ${label}`,
            trigger: `${scope} .o_field_widget[name='${name}'] input:value(${label})`,
        },
    ];
}

/** Write `text` in the HTML field `name`. */
export function writeHtml(name, text, scope = ".o_form_view") {
    return [
        {
            content: `Write ${name}`,
            trigger: `${scope} .o_field_html[name='${name}'] .odoo-editor-editable .o-paragraph`,
            run: `editor ${text}`,
        },
        {
            content: `${name} written`,
            trigger: `${scope} .o_field_html[name='${name}'] .odoo-editor-editable:contains(${text})`,
        },
    ];
}

/** Click a button of the form's header and wait for the status `state`. */
export function clickHeader(method, label, state) {
    const steps = [
        {
            content: `Click ${label}`,
            trigger: `.o_form_view .o_form_statusbar button[name='${method}']:contains(${label})`,
            run: "click",
        },
    ];
    if (state) {
        steps.push({
            content: `Now ${state}`,
            trigger: `.o_form_view .o_statusbar_status button.o_arrow_button_current:contains(${state})`,
        });
    }
    return steps;
}

/** Save the form and wait until it is saved. */
export function save() {
    return [
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
    ];
}

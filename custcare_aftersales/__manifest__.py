# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care After-Sales",
    "summary": "Delivery notes, returns with QC, callbacks, visits and service records",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": ["custcare_base", "custcare_complaint", "stock"],
    "data": [
        "security/custcare_aftersales_security.xml",
        "security/ir.model.access.csv",
        "data/custcare_aftersales_data.xml",
        "report/custcare_delivery_note_reports.xml",
        "report/custcare_service_reports.xml",
        "report/custcare_visit_reports.xml",
        "data/custcare_form_control_data.xml",
        "views/stock_picking_views.xml",
        "views/delivery_portal_templates.xml",
        "views/custcare_callback_views.xml",
        "views/custcare_service_views.xml",
        "views/custcare_visit_views.xml",
        "views/custcare_return_views.xml",
        "views/custcare_aftersales_menus.xml",
    ],
    "installable": True,
}

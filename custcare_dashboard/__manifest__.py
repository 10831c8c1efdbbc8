# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care Dashboard",
    "summary": "A live Customer Care dashboard for the general manager and managers",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": [
        "spreadsheet_dashboard",
        "custcare_complaint",
        "custcare_survey",
        "custcare_aftersales",
    ],
    "data": ["data/dashboards.xml", "views/custcare_dashboard_menus.xml"],
    "assets": {
        "web.assets_tests": [
            "custcare_dashboard/static/tests/tours/**/*",
        ],
    },
    # installed as soon as the custcare addons are, with Odoo's dashboards
    # (spreadsheet_dashboard is pulled in as a dependency)
    "auto_install": ["custcare_complaint", "custcare_survey", "custcare_aftersales"],
    "installable": True,
}

# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care Base",
    "summary": "Customer archive, access groups and controlled forms shared by the custcare addons",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": ["base", "mail", "contacts", "portal", "web_tour"],
    "data": [
        "security/custcare_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "data/ir_cron_data.xml",
        "report/custcare_layout_templates.xml",
        "report/custcare_archive_reports.xml",
        "report/custcare_destruction_reports.xml",
        "data/custcare_base_data.xml",
        "views/custcare_form_control_views.xml",
        "views/res_partner_views.xml",
        "views/custcare_archive_views.xml",
        "views/custcare_evaluation_views.xml",
        "views/custcare_access_views.xml",
        "views/custcare_capa_views.xml",
        "views/custcare_retention_views.xml",
        "views/res_config_settings_views.xml",
        "views/custcare_base_menus.xml",
    ],
    "demo": ["demo/custcare_base_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "custcare_base/static/tests/tours/**/*",
        ],
    },
    "installable": True,
    "application": True,
}

# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care Complaints",
    "summary": "Complaint desk: first-receiver duty, SLA, CAPA, approval, reports",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": ["custcare_base", "product", "resource"],
    "data": [
        "security/custcare_complaint_security.xml",
        "security/ir.model.access.csv",
        "data/ir_sequence_data.xml",
        "report/custcare_complaint_reports.xml",
        "report/custcare_fault_reports.xml",
        "report/custcare_service_supervision_reports.xml",
        "data/custcare_form_control_data.xml",
        "views/custcare_complaint_views.xml",
        "views/custcare_archive_views.xml",
        "views/custcare_communication_views.xml",
        "views/custcare_complaint_portal_templates.xml",
        "views/custcare_complaint_menus.xml",
    ],
    "demo": ["demo/custcare_complaint_demo.xml"],
    "post_init_hook": "post_init_hook",
    "assets": {
        "web.assets_backend": [
            "custcare_complaint/static/src/scss/**/*",
        ],
        "web.assets_frontend": [
            "custcare_complaint/static/src/interactions/**/*",
        ],
        "web.assets_tests": [
            "custcare_complaint/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}

# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care Satisfaction Surveys",
    "summary": "Satisfaction campaigns on Odoo Surveys with an approved analysis",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": ["custcare_base", "survey"],
    "data": [
        "security/custcare_survey_security.xml",
        "security/ir.model.access.csv",
        "data/custcare_survey_data.xml",
        "data/mail_template_data.xml",
        "data/survey_questionnaire_data.xml",
        "data/survey_demand_plan_data.xml",
        "report/custcare_survey_reports.xml",
        "data/custcare_form_control_data.xml",
        "views/survey_views.xml",
        "views/custcare_survey_campaign_views.xml",
        "views/custcare_archive_views.xml",
        "views/custcare_demand_plan_views.xml",
        "views/custcare_survey_menus.xml",
    ],
    "demo": ["demo/custcare_survey_demo.xml"],
    "assets": {
        "web.assets_tests": [
            "custcare_survey/static/tests/tours/**/*",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}

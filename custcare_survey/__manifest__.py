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
        "data/custcare_form_control_data.xml",
        "views/custcare_survey_menus.xml",
    ],
    "installable": True,
}

# Copyright 2026 custcare
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
{
    "name": "Customer Care Contract Review",
    "summary": "Contract review of sales orders by the departments, stock check, "
    "production notices and the change register",
    "version": "19.0.1.0.0",
    "category": "Sales/Customer Care",
    "license": "LGPL-3",
    "author": "custcare",
    "website": "https://github.com/custcare/custcare",
    "depends": ["custcare_aftersales", "sale_stock"],
    "data": [
        "security/custcare_sale_security.xml",
        "security/ir.model.access.csv",
        "data/custcare_sale_data.xml",
        "report/custcare_contract_review_reports.xml",
        "data/custcare_form_control_data.xml",
        "views/custcare_contract_review_views.xml",
        "views/custcare_contract_review_change_views.xml",
        "views/sale_order_views.xml",
        "views/custcare_sale_menus.xml",
    ],
    "demo": ["demo/custcare_sale_demo.xml"],
    "post_init_hook": "_custcare_post_init",
    "auto_install": True,
    "installable": True,
}

"""The addons, installed together in the database of the test run."""

import subprocess
import sys

from conftest import ADDONS, ALL_ADDONS, BRIDGES, MODEL_ADDONS, ROOT

from odoo.tests import TransactionCase


class TestSuiteInstalled(TransactionCase):
    # outside an addon, Odoo's test case needs its tags given explicitly
    test_tags = {"standard", "at_install"}
    test_module = "custcare"

    def test_all_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), len(ADDONS))

    def test_bridges_not_installed_without_their_app(self):
        """The four work without Sales: custcare_sale stays out until sale_stock comes."""
        Module = self.env["ir.module.module"]
        self.assertNotEqual(Module.search([("name", "=", "sale_stock")]).state, "installed")
        bridges = Module.search([("name", "in", BRIDGES)])
        self.assertEqual(len(bridges), len(BRIDGES))
        for bridge in bridges:
            self.assertNotEqual(bridge.state, "installed")
            self.assertTrue(bridge.auto_install)

    def test_form_codes_unique_across_addons(self):
        forms = self.env["custcare.form.control"].search([("company_id", "=", False)])
        codes = forms.mapped("code")
        self.assertEqual(len(codes), len(set(codes)))
        self.assertGreaterEqual(len(codes), 12)

    def test_one_app_menu_for_all_addons(self):
        root = self.env.ref("custcare_base.custcare_menu_root")
        for addon in MODEL_ADDONS[1:]:
            menu = self.env.ref(f"{addon}.{addon}_menu")
            self.assertEqual(menu.parent_id, root)

    def test_general_manager_sees_every_form(self):
        gm = self.env["res.users"].create(
            {
                "name": "总经理",
                "login": "pytest_gm",
                "group_ids": [(4, self.env.ref("custcare_base.group_custcare_gm").id)],
            }
        )
        Form = self.env["custcare.form.control"]
        self.assertEqual(Form.with_user(gm).search_count([]), Form.search_count([]))


def test_wheels_build(tmp_path):
    """`pip wheel` builds odoo-addon-custcare_* for every addon (whool)."""
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path)]
    result = subprocess.run(
        cmd + [str(ROOT / a) for a in ALL_ADDONS], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.whl"))
    assert names == sorted(f"odoo_addon_{a}" for a in ALL_ADDONS)

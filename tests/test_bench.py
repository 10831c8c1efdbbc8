"""The benchmark suite (tools/bench, ``./custcare bench``): its data helpers
make records as the ORM makes them, its read specifications are the views',
and every benchmark is documented. The benchmarks themselves are not run
here (they take minutes); ``./custcare bench`` runs them."""

import ast
import subprocess
import sys

from conftest import ROOT

from odoo import fields
from odoo.tests import TransactionCase

BENCH = ROOT / "tools" / "bench"
sys.path.insert(0, str(BENCH / "lib"))

import benchdata  # noqa: E402
import benchlib  # noqa: E402


class TestBenchData(TransactionCase):
    test_tags = {"standard", "at_install"}
    test_module = "custcare"

    def test_customers_are_companies_of_their_own(self):
        customers = benchdata.customers(self.env, 30, prefix="测试客户")
        self.assertEqual(len(customers), 30)
        self.assertEqual(len(set(customers.mapped("name"))), 30)
        self.assertEqual(customers.commercial_partner_id, customers)
        self.assertTrue(all(customers.mapped("is_company")))
        found = self.env["res.partner"].search([("name", "=", "测试客户 000017")])
        self.assertEqual(found, customers[16])

    def test_complaint_copies_carry_what_the_orm_made(self):
        user = benchdata.user(self.env, "bench_test_desk", "custcare_base.group_custcare_user")
        customers = benchdata.customers(self.env, 5)
        team = benchdata.complaint_team(self.env, user)
        complaints = benchdata.complaints(self.env, 12, customers, user, team)
        self.assertEqual(len(complaints), 12)
        # the desk user sees them all through the record rules
        mine = self.env(user=user.id)["custcare.complaint"].search([("team_id", "=", team.id)])
        self.assertEqual(mine, complaints)
        self.assertEqual(set(complaints.partner_id), set(customers))
        self.assertEqual(len(set(complaints.mapped("name"))), 12)
        proto, copy = complaints[0], complaints[-1]
        for field in ("message_follower_ids", "activity_ids", "message_ids"):
            self.assertEqual(len(copy[field]), len(proto[field]), field)
            self.assertTrue(copy[field], field)
        self.assertEqual(copy.activity_ids.user_id, user)

    def test_forms_copied_with_their_answers(self):
        now = fields.Datetime.now()
        customers = benchdata.customers(self.env, 4)
        campaign = benchdata.campaign(self.env, "测试调查", "running", now, now)
        forms = benchdata.forms(self.env, campaign, customers, 9, answered=True)
        self.assertEqual(len(forms), 9)
        self.assertEqual(campaign.answer_ids, forms)
        self.assertEqual(set(forms.mapped("state")), {"done"})
        lines = forms.user_input_line_ids
        self.assertEqual(len(lines), 9 * len(forms[0].user_input_line_ids))
        self.assertGreater(len(set(lines.mapped("answer_score"))), 1)
        self.assertEqual(
            {line.custcare_customer_id for line in lines}, {f.partner_id for f in forms}
        )

    def test_list_specification_is_the_views(self):
        spec, arch = benchlib.view_spec(self.env, "custcare.complaint", "list")
        self.assertEqual(arch.tag, "list")
        self.assertIn("name", spec)
        self.assertEqual(spec["partner_id"], {"fields": {"display_name": {}}})
        result = self.env["custcare.complaint"].web_search_read([], spec, limit=80)
        self.assertIn("records", result)
        spec, arch = benchlib.view_spec(self.env, "custcare.complaint", "kanban")
        self.assertEqual(benchlib.default_group_by(arch), "state")
        # the activity widget's own fields are read with the records
        self.assertIn("activity_state", spec)

    def test_rows_and_rotation(self):
        self.assertEqual(benchlib.rotate([1, 2, 3], 5, 1), [2, 3, 1, 2, 3])
        self.env.cr.execute(benchlib.rows(a=[10, 20], b=["x", "y"]))
        self.assertEqual(self.env.cr.fetchall(), [(10, "x", 1, 0), (20, "y", 2, 1)])


def test_every_benchmark_documented():
    """Each benchmark says how it is run and is named in the README."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    scripts = sorted(BENCH.glob("*.py"))
    assert len(scripts) >= 7
    for script in scripts:
        doc = ast.get_docstring(ast.parse(script.read_text(encoding="utf-8")))
        assert doc and f"./custcare bench {script.stem}" in doc, script.name
        assert f"`{script.stem}`" in readme, f"README does not name {script.stem}"


def test_unknown_benchmark_refused():
    result = subprocess.run(
        ["bash", str(ROOT / "custcare"), "bench", "no_such_bench"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "no benchmark tools/bench/no_such_bench.py" in result.stderr

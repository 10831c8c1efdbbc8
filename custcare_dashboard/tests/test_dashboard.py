# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import json

from odoo import fields
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tests import HttpCase, TransactionCase, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import PIVOT_VALUE, DashboardMixin, dashboard_json

AGGREGATORS = {"sum", "avg", "min", "max", "count", "count_distinct"}


@tagged("post_install", "-at_install")
class TestDashboardDefinition(TransactionCase):
    """Every data source of the dashboard's JSON reads fields that exist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.data = dashboard_json()
        cls.dashboard = cls.env.ref("custcare_dashboard.spreadsheet_dashboard_custcare")

    def assertField(self, model, path):
        Model = self.env[model]
        for name in path.split("."):
            self.assertIn(name, Model._fields, f"{model}: no field {path}")
            field = Model._fields[name]
            Model = self.env[field.comodel_name] if field.relational else Model
        return field

    def assertGroupBy(self, model, spec):
        name, _sep, granularity = spec.partition(":")
        field = self.assertField(model, name)
        groupable = self.env[model].fields_get([name], ["groupable"])[name]["groupable"]
        self.assertTrue(groupable, f"{model}.{name} cannot be grouped by")
        if granularity:
            self.assertIn(field.type, ("date", "datetime"))
            self.assertIn(granularity, ("day", "week", "month", "quarter", "year"))

    def assertDomain(self, model, domain):
        if isinstance(domain, str):
            domain = self._evaluated(domain)
        for leaf in Domain(domain).iter_conditions():
            self.assertField(model, leaf.field_expr)
        self.env[model].search_count(domain)  # the ORM accepts it

    def _evaluated(self, domain):
        return safe_eval(domain, {"context_today": lambda: fields.Date.today()})

    def test_pivots(self):
        self.assertEqual(len(self.data["pivots"]), 16)
        for pivot_id, pivot in self.data["pivots"].items():
            with self.subTest(pivot=pivot["name"]):
                self.assertEqual(pivot["type"], "ODOO")
                self.assertEqual(pivot["id"], pivot_id)
                model = pivot["model"]
                self.assertIn(model, self.env)
                self.assertDomain(model, pivot["domain"])
                for group in pivot["rows"] + pivot["columns"]:
                    spec = group["fieldName"]
                    if group.get("granularity"):
                        spec += ":" + group["granularity"]
                    self.assertGroupBy(model, spec)
                for measure in pivot["measures"]:
                    if measure["fieldName"] == "__count":
                        continue
                    field = self.assertField(model, measure["fieldName"])
                    self.assertTrue(field.store and field.type in ("integer", "float", "monetary"))
                    self.assertIn(measure["aggregator"], AGGREGATORS)
                    self.assertEqual(measure["id"], f"{field.name}:{measure['aggregator']}")

    def test_lists_and_charts(self):
        for list_ in self.data["lists"].values():
            self.assertDomain(list_["model"], list_["domain"])
            for name in list_["columns"] + [o["name"] for o in list_["orderBy"]]:
                self.assertField(list_["model"], name)
        charts = [
            figure["data"]
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]
        self.assertEqual(len(charts), 2)
        for chart in charts:
            model = chart["metaData"]["resModel"]
            self.assertDomain(model, chart["searchParams"]["domain"])
            for spec in chart["metaData"]["groupBy"]:
                self.assertGroupBy(model, spec)
            if chart["metaData"]["measure"] != "__count":
                self.assertField(model, chart["metaData"]["measure"])

    def test_filters_match_fields(self):
        filters = {f["id"]: f for f in self.data["globalFilters"]}
        self.assertEqual(sorted(f["label"] for f in filters.values()), ["Customer", "Period"])
        for f in filters.values():
            self.assertFalse(f.get("defaultValue"), "the dashboard opens on every record")
        sources = [(p["model"], p["fieldMatching"]) for p in self.data["pivots"].values()]
        sources += [(li["model"], li["fieldMatching"]) for li in self.data["lists"].values()]
        sources += [
            (figure["data"]["metaData"]["resModel"], figure["data"]["fieldMatching"])
            for sheet in self.data["sheets"]
            for figure in sheet["figures"]
            if figure["data"]["type"].startswith("odoo_")
        ]
        for model, matching in sources:
            for filter_id, match in matching.items():
                with self.subTest(model=model, filter=filters[filter_id]["label"]):
                    field = self.assertField(model, match["chain"])
                    self.assertEqual(match["type"], field.type)
                    if filters[filter_id]["type"] == "date":
                        self.assertIn(field.type, ("date", "datetime"))
                    else:
                        self.assertEqual(field.comodel_name, filters[filter_id]["modelName"])
            if model != "custcare.survey.result":
                self.assertEqual(len(matching), 1 + ("received_at" in str(matching)))

    def test_formulas_use_defined_sources(self):
        pivots, lists = self.data["pivots"], self.data["lists"]
        for sheet in self.data["sheets"]:
            for cell, content in sheet["cells"].items():
                with self.subTest(cell=f"{sheet['name']}!{cell}"):
                    for pivot_id, measure in PIVOT_VALUE.findall(content):
                        ids = [m["id"] for m in pivots[pivot_id]["measures"]]
                        self.assertIn(measure, ids)
                    if content.startswith("=PIVOT("):
                        self.assertIn(content[7:].split(",")[0], pivots)
                    if "ODOO.LIST" in content:
                        self.assertIn(content.split("(")[1].split(",")[0], lists)
        # each scorecard shows a headline of the Data sheet
        data_cells = self.data["sheets"][1]["cells"]
        for figure in self.data["sheets"][0]["figures"]:
            if figure["data"]["type"] == "scorecard":
                self.assertIn(figure["data"]["keyValue"].split("!")[1], data_cells)

    def test_record_and_menus(self):
        self.assertEqual(
            self.dashboard.dashboard_group_id,
            self.env.ref("custcare_dashboard.spreadsheet_dashboard_group_custcare"),
        )
        self.assertTrue(self.dashboard.is_published)
        self.assertEqual(
            self.dashboard.group_ids,
            self.env.ref("custcare_base.group_custcare_manager")
            + self.env.ref("custcare_base.group_custcare_gm"),
        )
        # the dashboard serves the file's data sources
        served = json.loads(self.dashboard._get_serialized_readonly_dashboard())["snapshot"]
        self.assertEqual(served["pivots"], self.data["pivots"])
        self.assertEqual(served["lists"], self.data["lists"])
        for chart_id, menu in self.data["chartOdooMenusReferences"].items():
            with self.subTest(chart=chart_id):
                self.assertTrue(self.env.ref(menu)._name == "ir.ui.menu")

    def test_installed_automatically(self):
        module = self.env["ir.module.module"].search([("name", "=", "custcare_dashboard")])
        self.assertTrue(module.auto_install)
        triggers = module.dependencies_id.filtered("auto_install_required").mapped("name")
        self.assertEqual(
            sorted(triggers), ["custcare_aftersales", "custcare_complaint", "custcare_survey"]
        )


@tagged("post_install", "-at_install")
class TestDashboardFigures(DashboardMixin, HttpCase):
    """The figures are the records: each headline, computed with the
    read_group of its pivot as the user who looks, equals what was created;
    record rules decide what each user counts."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._setup_dashboard()
        cls.dashboard = cls.env.ref("custcare_dashboard.spreadsheet_dashboard_custcare")

    def test_headlines_equal_the_records(self):
        today = fields.Date.context_today(self.gm)
        open_complaints = self.complaints.filtered(lambda c: c.state != "closed")
        overdue = open_complaints.filtered("sla_breached")
        breached = self.complaints.filtered("sla_breached")
        due = self.plan.callback_ids.filtered(
            lambda c: c.state == "planned" and c.scheduled_date <= today
        )
        self.assertTrue(due, "the test has callbacks due")
        expected = {
            "Open complaints": len(open_complaints),
            "Overdue complaints": len(overdue),
            "SLA compliance": 1 - len(breached) / len(self.complaints),
            "Open CAPAs": len(
                self.capas.filtered(lambda c: c.state not in ("verified", "cancelled"))
            ),
            "CAPAs to verify": len(self.capas.filtered(lambda c: c.state == "implemented")),
            "Callbacks due": len(due),
            "Open returns": len(self.returns.filtered(lambda r: r.state != "closed")),
            "Open service requests": len(self.services.filtered(lambda s: s.state != "returned")),
        }
        self.assertEqual(
            list(expected.values()), [3, 2, 0.4, 4, 2, len(due), 2, 2], "the records made"
        )
        for user in (self.gm, self.manager):
            for label, value in expected.items():
                with self.subTest(user=user.login, headline=label):
                    self.assertAlmostEqual(self.headline(label, user), value)

    def test_tables_equal_the_records(self):
        # open complaints by state: the rows of pivot 10
        pivot = self.data["pivots"]["10"]
        groups = (
            self.env[pivot["model"]]
            .with_user(self.gm)
            .formatted_read_group(pivot["domain"], groupby=["state"], aggregates=["__count"])
        )
        self.assertEqual({g["state"]: g["__count"] for g in groups}, {"new": 2, "investigating": 1})
        # satisfaction per dimension: pivot 14
        pivot = self.data["pivots"]["14"]
        groups = (
            self.env[pivot["model"]]
            .with_user(self.gm)
            .formatted_read_group([], groupby=["dimension_id"], aggregates=["average:avg"])
        )
        self.assertEqual(
            {g["dimension_id"][0]: g["average:avg"] for g in groups},
            {r.dimension_id.id: r.average for r in self.results},
        )
        # the callbacks due list: the planned callbacks up to today, oldest first
        list_ = self.data["lists"]["1"]
        rows = (
            self.env[list_["model"]]
            .with_user(self.gm)
            .search(self._domain(list_["domain"], self.gm), order="scheduled_date asc")
        )
        today = fields.Date.context_today(self.gm)
        self.assertEqual(
            rows.ids,
            self.plan.callback_ids.filtered(
                lambda c: c.state == "planned" and c.scheduled_date <= today
            )
            .sorted("scheduled_date")
            .ids,
        )
        self.assertNotIn(self.plan.callback_ids[0], rows, "a callback made is not due")

    def test_each_company_counts_its_own(self):
        """The pivots read through the ORM as the user: company B's general
        manager counts company B's complaint only, the same read_group."""
        self.assertEqual(self.headline("Open complaints", self.gm_b), 1)
        self.assertEqual(self.headline("Overdue complaints", self.gm_b), 0)
        self.assertEqual(self.headline("Open CAPAs", self.gm_b), 0)
        self.assertEqual(self.headline("Callbacks due", self.gm_b), 0)
        self.assertEqual(self.headline("Open complaints", self.gm), 3)

    def test_figures_follow_the_records(self):
        """Nothing is frozen: closing a complaint changes the figures."""
        complaint = self.complaints[0]
        complaint.sudo()._custcare_write({"state": "closed"})
        self.assertEqual(self.headline("Open complaints", self.gm), 2)
        self.assertEqual(self.headline("Open complaints", self.manager), 2)

    def test_managers_see_the_dashboard_a_user_does_not(self):
        Dashboard = self.env["spreadsheet.dashboard"]
        for user in (self.gm, self.manager, self.gm_b):
            with self.subTest(user=user.login):
                self.assertIn(self.dashboard, Dashboard.with_user(user).search([]))
                [values] = self.dashboard.with_user(user).read(["spreadsheet_data"])
                self.assertIn("PIVOT", values["spreadsheet_data"])
        for user in (self.staff, self.qc, self.keeper):
            with self.subTest(user=user.login):
                self.assertNotIn(self.dashboard, Dashboard.with_user(user).search([]))
                groups = self.env["spreadsheet.dashboard.group"].with_user(user).search([])
                self.assertFalse(groups.with_user(user).published_dashboard_ids & self.dashboard)
                with self.assertRaises(AccessError):
                    self.dashboard.with_user(user).read(["spreadsheet_data"])

    def test_menu_for_managers_only(self):
        menu = self.env.ref("custcare_dashboard.custcare_dashboard_menu")
        action = self.env.ref("custcare_dashboard.custcare_dashboard_action")
        self.assertEqual(action.params, {"dashboard_id": self.dashboard.id})
        Menu = self.env["ir.ui.menu"]
        for user, visible in (
            (self.gm, True),
            (self.manager, True),
            (self.staff, False),
            (self.qc, False),
            (self.keeper, False),
        ):
            with self.subTest(user=user.login):
                menus = Menu.with_user(user)._visible_menu_ids()
                self.assertEqual(menu.id in menus, visible)

    @mute_logger("odoo.http")
    def test_data_route_refuses_a_user(self):
        url = f"/spreadsheet/dashboard/data/{self.dashboard.id}"
        self.authenticate(self.staff.login, self.staff.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("PIVOT", response.text)
        self.authenticate(self.gm.login, self.gm.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn('PIVOT.VALUE(1,\\"__count\\")', response.text)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import json
import re
from datetime import date, timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.tests import new_test_user
from odoo.tools import file_open
from odoo.tools.safe_eval import safe_eval

DASHBOARD_JSON = "custcare_dashboard/data/files/custcare_dashboard.json"
PIVOT_VALUE = re.compile(r'PIVOT\.VALUE\((\d+),"([^"]+)"\)')


def dashboard_json():
    with file_open(DASHBOARD_JSON) as f:
        return json.load(f)


class DashboardMixin:
    """A company of its own (丙公司) with a known set of complaints, CAPAs,
    callbacks, returns, service requests and satisfaction results, its general
    manager, manager and a plain Customer Care user; and company B (乙公司)
    with one open complaint and its general manager."""

    @classmethod
    def _setup_dashboard(cls):
        env = cls.env
        cls.data = dashboard_json()
        cls.company_c = env["res.company"].create({"name": "丙公司 (看板测试)"})
        cls.company_b = env["res.company"].create({"name": "乙公司 (看板测试)"})
        cls.gm = cls._user("cc_dash_gm", "custcare_base.group_custcare_gm", cls.company_c)
        cls.manager = cls._user(
            "cc_dash_manager", "custcare_base.group_custcare_manager", cls.company_c
        )
        cls.staff = cls._user("cc_dash_staff", "custcare_base.group_custcare_user", cls.company_c)
        cls.qc = cls._user("cc_dash_qc", "custcare_base.group_custcare_qc", cls.company_c)
        cls.keeper = cls._user(
            "cc_dash_keeper", "custcare_base.group_custcare_archive_keeper", cls.company_c
        )
        cls.gm_b = cls._user("cc_dash_gm_b", "custcare_base.group_custcare_gm", cls.company_b)
        cls.customer = env["res.partner"].create(
            {"name": "温州瓯江阀门有限公司", "is_company": True, "company_id": cls.company_c.id}
        )
        cls.customer_b = env["res.partner"].create(
            {"name": "台州椒江泵业有限公司", "is_company": True, "company_id": cls.company_b.id}
        )
        cls.product = env["product.product"].create({"name": "闸阀 Z41H-16C"})
        cls._complaints()
        cls._capas()
        cls._callbacks()
        cls._returns_and_services()
        cls._satisfaction()

    @classmethod
    def _user(cls, login, group, company):
        return new_test_user(
            cls.env,
            login,
            groups=group,
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
        )

    @classmethod
    def _complaints(cls):
        Complaint = cls.env["custcare.complaint"]
        vals = {"partner_id": cls.customer.id, "description": "<p>阀门渗漏</p>"}
        # (state, SLA breached): 3 open of which 2 overdue; 3 of 5 past their SLA
        cls.complaint_plan = [
            ("new", False),
            ("new", True),
            ("investigating", True),
            ("closed", True),
            ("closed", False),
        ]
        cls.complaints = Complaint.with_user(cls.staff).create(
            [dict(vals, subject=f"投诉 {i}") for i in range(len(cls.complaint_plan))]
        )
        for complaint, (state, breached) in zip(cls.complaints, cls.complaint_plan, strict=True):
            complaint.sudo()._custcare_write({"state": state, "sla_breached": breached})
        cls.complaint_b = Complaint.with_user(cls.gm_b).create(
            {"partner_id": cls.customer_b.id, "description": "<p>乙公司投诉</p>"}
        )

    @classmethod
    def _capas(cls):
        states = ["draft", "issued", "implemented", "implemented", "verified", "cancelled"]
        cls.capas = (
            cls.env["custcare.capa"]
            .with_user(cls.manager)
            .create([{"nonconformity": f"<p>不合格 {i}</p>"} for i in range(len(states))])
        )
        for capa, state in zip(cls.capas, states, strict=True):
            capa.sudo()._custcare_write({"state": state})

    @classmethod
    def _callbacks(cls):
        # delivered five months ago: the monthly callbacks of the past are due
        with freeze_time(date.today() - timedelta(days=150)):
            cls.plan = (
                cls.env["custcare.callback.plan"]
                .with_user(cls.staff)
                .create({"name": "SO2026-0303 闸阀", "partner_id": cls.customer.id})
            )
        cls.plan.callback_ids[:1].write({"contact_name": "陈工", "satisfaction": "5"})
        cls.plan.callback_ids[:1].action_done()

    @classmethod
    def _returns_and_services(cls):
        Return = cls.env["custcare.return"].with_user(cls.staff)
        line = {"product_id": cls.product.id, "quantity": 1, "reason": "密封面损伤"}
        cls.returns = Return.create(
            [{"partner_id": cls.customer.id, "line_ids": [Command.create(line)]} for _i in range(3)]
        )
        cls.returns[2].sudo()._custcare_write({"state": "closed"})
        Service = cls.env["custcare.service.request"].with_user(cls.staff)
        cls.services = Service.create(
            [
                {"partner_id": cls.customer.id, "product_id": cls.product.id, "symptom": "异响"}
                for _i in range(3)
            ]
        )
        cls.services[0].sudo()._custcare_write({"state": "in_repair"})
        cls.services[1].sudo()._custcare_write({"state": "returned"})

    @classmethod
    def _satisfaction(cls):
        campaign = (
            cls.env["custcare.survey.campaign"]
            .with_user(cls.manager)
            .create(
                {
                    "title": "2026 年顾客满意度调查",
                    "survey_id": cls.env.ref("custcare_survey.survey_satisfaction").id,
                }
            )
        )
        campaign.sudo()._custcare_write(
            {"state": "analysed", "analysed_date": fields.Datetime.now()}
        )
        cls.results = cls.env["custcare.survey.result"]._custcare_create(
            [
                {
                    "campaign_id": campaign.id,
                    "dimension_id": cls.env.ref(f"custcare_survey.dimension_{key}").id,
                    "average": average,
                    "target": 4.0,
                }
                for key, average in (("product", 4.5), ("service", 3.5), ("delivery", 4.2))
            ]
        )

    # ------------------------------------------------------------- sources
    def _domain(self, domain, user):
        """A data source's domain as the web client evaluates it for `user`."""
        if isinstance(domain, str):
            today = fields.Date.context_today(self.env["res.users"].with_user(user))
            return safe_eval(domain, {"context_today": lambda: today})
        return domain

    def pivot_value(self, pivot_id, measure, user):
        """PIVOT.VALUE(pivot_id, measure): the total of the pivot, read as
        `user` with the read_group the web client's pivot makes."""
        pivot = self.data["pivots"][str(pivot_id)]
        Model = self.env[pivot["model"]].with_user(user)
        aggregate = "__count" if measure == "__count" else measure
        [group] = Model.formatted_read_group(
            self._domain(pivot["domain"], user), groupby=[], aggregates=[aggregate]
        )
        return group[aggregate]

    def headline(self, label, user):
        """The value of a headline of the Data sheet (the scorecards) for
        `user`, from its formula's pivots."""
        data_sheet = next(s for s in self.data["sheets"] if s["name"] == "Data")
        cells = data_sheet["cells"]
        row = next(k[1:] for k, v in cells.items() if k[0] == "A" and v == f'=_t("{label}")')
        values = [self.pivot_value(p, m, user) for p, m in PIVOT_VALUE.findall(cells[f"B{row}"])]
        if len(values) == 1:
            return values[0]
        breached, total = values  # SLA compliance: 1 - breached / all
        return 1 - breached / total if total else None

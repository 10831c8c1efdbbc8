"""Write custcare_dashboard/data/files/custcare_dashboard.json, the Customer
Care spreadsheet dashboard (Odoo's spreadsheet_dashboard format, o-spreadsheet
18.5), from the data sources and the layout below.

    python3 tools/make_dashboard.py

Every figure is a live data source over the custcare models (ODOO pivots,
one ODOO list, Odoo charts): the web client reads them through the ORM as the
user who opens the dashboard, so record rules and companies apply. Texts are
in English inside _t("..."), chart titles and headers: Odoo's translation
export extracts them (odoo/tools/translate.py, extract_spreadsheet_terms) and
the dashboard translates them with the terms of custcare_dashboard.
"""

import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent / "custcare_dashboard/data/files/custcare_dashboard.json"
)

COMPLAINT = "custcare.complaint"
CAPA = "custcare.capa"
CALLBACK = "custcare.callback"
RETURN = "custcare.return"
SERVICE = "custcare.service.request"
RESULT = "custcare.survey.result"

OPEN_COMPLAINT = [["state", "!=", "closed"]]
# planned callbacks scheduled today or earlier: evaluated by the web client
# with the user's context (context_today() is the user's today)
CALLBACKS_DUE = (
    "[('state', '=', 'planned'), ('scheduled_date', '<=', context_today().strftime('%Y-%m-%d'))]"
)


# The dashboard's filters (none set when it opens: the figures are the
# company's whole). Period applies to what happened in a period (complaints
# received, satisfaction analysed), not to what is open now; Customer to
# every source that has one.
PERIOD = "custcare-filter-period"
CUSTOMER = "custcare-filter-customer"
GLOBAL_FILTERS = [
    {"id": PERIOD, "type": "date", "label": "Period"},
    {
        "id": CUSTOMER,
        "type": "relation",
        "label": "Customer",
        "modelName": "res.partner",
        "defaultValueDisplayNames": [],
    },
]
# the date field of each model the Period filter applies to
PERIOD_FIELDS = {COMPLAINT: "received_at", RESULT: "campaign_date"}
# the snapshots of what is open now, that the Period filter leaves alone
SNAPSHOTS = {"1", "2", "5", "6", "7", "8", "9", "10", "13", "15", "16"}


def field_matching(model, snapshot=False):
    """Which field of `model` each filter filters on."""
    matching = {}
    if model in PERIOD_FIELDS and not snapshot:
        matching[PERIOD] = {"chain": PERIOD_FIELDS[model], "type": "datetime", "offset": 0}
    if model != RESULT:
        matching[CUSTOMER] = {"chain": "partner_id", "type": "many2one"}
    return matching


def count():
    return {"id": "__count", "fieldName": "__count"}


def measure(field, aggregator, fmt=None):
    m = {"id": f"{field}:{aggregator}", "fieldName": field, "aggregator": aggregator}
    if fmt:
        m["format"] = fmt
    return m


# id: (name, model, domain, rows, measures)
PIVOTS = {
    # headline figures (the Data sheet)
    "1": ("Open complaints", COMPLAINT, OPEN_COMPLAINT, [], [count()]),
    "2": (
        "Overdue complaints",
        COMPLAINT,
        [*OPEN_COMPLAINT, ["sla_breached", "=", True]],
        [],
        [count()],
    ),
    "3": ("All complaints", COMPLAINT, [], [], [count()]),
    "4": ("Complaints past their SLA", COMPLAINT, [["sla_breached", "=", True]], [], [count()]),
    "5": (
        "Open CAPAs",
        CAPA,
        [["state", "in", ["draft", "issued", "implemented"]]],
        [],
        [count()],
    ),
    "6": ("CAPAs to verify", CAPA, [["state", "=", "implemented"]], [], [count()]),
    "7": ("Callbacks due", CALLBACK, CALLBACKS_DUE, [], [count()]),
    "8": (
        "Open returns",
        RETURN,
        [["state", "in", ["draft", "received", "inspected"]]],
        [],
        [count()],
    ),
    "9": (
        "Open service requests",
        SERVICE,
        [["state", "in", ["new", "in_repair", "done"]]],
        [],
        [count()],
    ),
    # tables
    "10": (
        "Open complaints by state",
        COMPLAINT,
        OPEN_COMPLAINT,
        [{"fieldName": "state"}],
        [count(), measure("repeat_contact_count", "sum")],
    ),
    # times only of the complaints that have them (unanswered ones count 0 h)
    "11": (
        "Closed complaints by category",
        COMPLAINT,
        [["state", "=", "closed"], ["closed_at", "!=", False]],
        [{"fieldName": "category"}],
        [count(), measure("resolution_hours", "avg", "0.0")],
    ),
    "12": (
        "Answered complaints by severity",
        COMPLAINT,
        [["responded_at", "!=", False]],
        [{"fieldName": "severity"}],
        [count(), measure("response_hours", "avg", "0.0")],
    ),
    "13": ("CAPA status", CAPA, [], [{"fieldName": "state"}], [count()]),
    "14": (
        "Satisfaction per dimension",
        RESULT,
        [],
        [{"fieldName": "dimension_id"}],
        [measure("average", "avg", "0.00"), measure("target", "avg", "0.00")],
    ),
    "15": ("Returns by state", RETURN, [], [{"fieldName": "state"}], [count()]),
    "16": (
        "Service requests by state",
        SERVICE,
        [],
        [{"fieldName": "state"}],
        [count(), measure("total_cost", "sum", "#,##0.00")],
    ),
}

LISTS = {
    "1": {
        "name": "Callbacks due",
        "model": CALLBACK,
        "domain": CALLBACKS_DUE,
        "columns": ["partner_id", "scheduled_date", "user_id"],
        "orderBy": [{"name": "scheduled_date", "asc": True}],
    }
}

# (label, formula, format, menu of the scorecard's click)
HEADLINES = [
    (
        "Open complaints",
        '=PIVOT.VALUE(1,"__count")',
        None,
        "custcare_complaint.custcare_complaint_list_menu",
    ),
    (
        "Overdue complaints",
        '=PIVOT.VALUE(2,"__count")',
        None,
        "custcare_complaint.custcare_complaint_list_menu",
    ),
    (
        "SLA compliance",
        '=IFERROR(1-PIVOT.VALUE(4,"__count")/PIVOT.VALUE(3,"__count"),"")',
        "0.0%",
        "custcare_complaint.custcare_complaint_list_menu",
    ),
    ("Open CAPAs", '=PIVOT.VALUE(5,"__count")', None, "custcare_base.custcare_capa_menu"),
    (
        "Callbacks due",
        '=PIVOT.VALUE(7,"__count")',
        None,
        "custcare_aftersales.custcare_callback_menu",
    ),
    ("Open returns", '=PIVOT.VALUE(8,"__count")', None, "custcare_aftersales.custcare_return_menu"),
    (
        "Open service requests",
        '=PIVOT.VALUE(9,"__count")',
        None,
        "custcare_aftersales.custcare_service_request_menu",
    ),
    ("CAPAs to verify", '=PIVOT.VALUE(6,"__count")', None, "custcare_base.custcare_capa_menu"),
]
SCORECARD_COLORS = [
    "#EFF6FF",
    "#FEF2F2",
    "#F0FDF4",
    "#FFF7ED",
    "#EFF6FF",
    "#FFF7ED",
    "#EFF6FF",
    "#F0FDF4",
]

# sheet geometry: 7 columns, 1000 px, like Odoo's own dashboards
COLS = [230, 100, 150, 20, 230, 100, 170]
ROW = 23  # default row height
TITLE_ROW = 40


def pivot_body(pivot_id, rows):
    """The rows of a pivot without totals, column or measure titles (the
    table's own translated headers stand above them)."""
    measures = len(PIVOTS[pivot_id][4])
    return f"=PIVOT({pivot_id},{rows},FALSE,FALSE,{measures},FALSE)"


def t(text):
    return f'=_t("{text}")'


def col_letter(index):
    return "ABCDEFG"[index]


class Sheet:
    def __init__(self):
        self.cells, self.styles, self.formats, self.borders = {}, {}, {}, {}
        self.rows = {}
        self.figures = []
        self.tables = []
        self.row = 0  # next free row (0-based)

    def y(self, row):
        return sum(self.rows.get(r, ROW) for r in range(row))

    def title(self, col, text, link=None, span=3):
        """A section title (bold, teal) on the current row, its bottom border
        across `span` columns."""
        cell = f"{col_letter(col)}{self.row + 1}"
        self.cells[cell] = f"[{text}]({link})" if link else t(text)
        self.styles[cell] = 1
        end = col_letter(col + span - 1)
        self.borders[f"{cell}:{end}{self.row + 1}"] = 1

    def table(self, col, headers, body, rows):
        """Headers (translated) on the current row, then `body` (a formula that
        spills, or one formula per row) below, as a banded table."""
        top = self.row + 1
        for i, header in enumerate(headers):
            cell = f"{col_letter(col + i)}{top}"
            self.cells[cell] = header
            self.styles[cell] = 2 if i == 0 else 5
        if isinstance(body, str):
            self.cells[f"{col_letter(col)}{top + 1}"] = body
        else:
            for r, line in enumerate(body, start=1):
                for i, formula in enumerate(line):
                    self.cells[f"{col_letter(col + i)}{top + r}"] = formula
        rng = f"{col_letter(col)}{top}:{col_letter(col + len(headers) - 1)}{top + rows}"
        self.styles[f"{col_letter(col)}{top + 1}:{col_letter(col)}{top + rows}"] = 3
        self.styles[f"{col_letter(col + 1)}{top + 1}:{col_letter(col + 2)}{top + rows}"] = 4
        self.tables.append(
            {
                "range": rng,
                "type": "static",
                "config": {
                    "hasFilters": False,
                    "totalRow": False,
                    "firstColumn": False,
                    "lastColumn": False,
                    "numberOfHeaders": 1,
                    "bandedRows": True,
                    "bandedColumns": False,
                    "automaticAutofill": True,
                    "styleId": "None",
                },
            }
        )

    def chart(self, fid, x, row, width, height, data):
        self.figures.append(
            {
                "id": fid,
                "width": width,
                "height": height,
                "tag": "chart",
                "data": {**data, "chartId": fid},
                "offset": {"x": x, "y": self.y(row) + 6},
                "col": 0,
                "row": 0,
            }
        )


def odoo_chart(kind, model, group_by, measure_name, domain, title="", **extra):
    return {
        "title": {"text": title, "bold": True, "color": "#434343"} if title else {"text": ""},
        "background": "#FFFFFF",
        "legendPosition": "top",
        "metaData": {
            "groupBy": group_by,
            "measure": measure_name,
            "order": None,
            "resModel": model,
            "mode": kind,
            "cumulatedStart": False,
        },
        "searchParams": {
            "comparison": None,
            "context": {},
            "domain": domain,
            "groupBy": group_by,
            "orderBy": [],
        },
        "type": f"odoo_{kind}",
        "dataSets": [],
        "fieldMatching": field_matching(model),
        **extra,
    }


def build():
    sheet = Sheet()
    menus = {}
    # -- headline scorecards: two rows of four
    for i, (label, _formula, _fmt, menu) in enumerate(HEADLINES):
        fid = f"custcare-kpi-{i + 1}"
        sheet.figures.append(
            {
                "id": fid,
                "width": 240,
                "height": 106,
                "tag": "chart",
                "data": {
                    "baselineColorDown": "#DC6965",
                    "baselineColorUp": "#00A04A",
                    "baselineMode": "difference",
                    "title": {"text": label, "bold": True, "color": "#434343"},
                    "type": "scorecard",
                    "background": SCORECARD_COLORS[i],
                    "keyValue": f"Data!B{i + 1}",
                    "humanize": False,
                    "chartId": fid,
                },
                "offset": {"x": (i % 4) * 253, "y": 12 + (i // 4) * 118},
                "col": 0,
                "row": 0,
            }
        )
        menus[fid] = menu
    sheet.row = 11
    # -- complaints received per month, by category
    sheet.rows[sheet.row] = TITLE_ROW
    sheet.title(0, "Complaints received per month", span=7)
    sheet.row += 1
    sheet.chart(
        "custcare-chart-complaints",
        0,
        sheet.row,
        1000,
        300,
        odoo_chart(
            "bar",
            COMPLAINT,
            ["received_at:month", "category"],
            "__count",
            [],
            stacked=True,
            verticalAxisPosition="left",
        ),
    )
    menus["custcare-chart-complaints"] = "custcare_complaint.custcare_complaint_list_menu"
    sheet.row += 14
    # -- two tables side by side, three times
    pairs = [
        (
            ("Open complaints by state", "10", ["State", "Complaints", "Repeat contacts"]),
            (
                "Closed complaints by category",
                "11",
                ["Category", "Complaints", "Avg. resolution (h)"],
            ),
        ),
        (
            (
                "Answered complaints by severity",
                "12",
                ["Severity", "Complaints", "Avg. response (h)"],
            ),
            ("CAPA status", "13", ["State", "CAPAs"]),
        ),
    ]
    for pair in pairs:
        sheet.rows[sheet.row] = TITLE_ROW
        for col, (title, _pivot, _headers) in zip((0, 4), pair, strict=True):
            sheet.title(col, title)
        sheet.row += 1
        for col, (_title, pivot, headers) in zip((0, 4), pair, strict=True):
            sheet.table(col, [t(h) for h in headers], pivot_body(pivot, 6), 6)
        sheet.row += 8
    # -- satisfaction trend per dimension
    sheet.rows[sheet.row] = TITLE_ROW
    sheet.title(0, "Satisfaction trend per dimension", span=7)
    sheet.row += 1
    sheet.chart(
        "custcare-chart-satisfaction",
        0,
        sheet.row,
        1000,
        300,
        # bars per dimension, side by side, for each quarter with an analysis:
        # readable from the first campaign on, the trend as campaigns follow
        odoo_chart(
            "bar",
            RESULT,
            ["campaign_date:quarter", "dimension_id"],
            "average",
            [],
            stacked=False,
            verticalAxisPosition="left",
        ),
    )
    menus["custcare-chart-satisfaction"] = "custcare_survey.custcare_survey_result_menu"
    sheet.row += 14
    # -- satisfaction per dimension | callbacks due
    sheet.rows[sheet.row] = TITLE_ROW
    sheet.title(0, "Satisfaction per dimension (all campaigns)")
    sheet.title(4, "Callbacks due")
    sheet.row += 1
    sheet.table(0, [t(h) for h in ("Dimension", "Average score", "Target")], pivot_body("14", 8), 8)
    sheet.table(
        4,
        [f'=ODOO.LIST.HEADER(1,"{c}")' for c in LISTS["1"]["columns"]],
        [[f'=ODOO.LIST(1,{r},"{c}")' for c in LISTS["1"]["columns"]] for r in range(1, 9)],
        8,
    )
    sheet.row += 10
    # -- returns | services
    sheet.rows[sheet.row] = TITLE_ROW
    sheet.title(0, "Returns by state")
    sheet.title(4, "Service requests by state")
    sheet.row += 1
    sheet.table(0, [t(h) for h in ("State", "Returns")], pivot_body("15", 6), 6)
    sheet.table(4, [t(h) for h in ("State", "Requests", "Total cost")], pivot_body("16", 6), 6)
    sheet.row += 8

    dashboard = {
        "id": "custcare-dashboard",
        "name": "Dashboard",
        "colNumber": len(COLS),
        "rowNumber": sheet.row + 2,
        "rows": {str(r): {"size": s} for r, s in sorted(sheet.rows.items())},
        "cols": {str(i): {"size": s} for i, s in enumerate(COLS)},
        "merges": [],
        "cells": dict(sorted(sheet.cells.items())),
        "styles": sheet.styles,
        "formats": {},
        "borders": sheet.borders,
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": sheet.figures,
        "tables": sheet.tables,
        "areGridLinesVisible": False,
        "isVisible": True,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }
    data_cells, data_formats = {}, {}
    for i, (label, formula, fmt, _menu) in enumerate(HEADLINES, start=1):
        data_cells[f"A{i}"] = t(label)
        data_cells[f"B{i}"] = formula
        if fmt:
            data_formats[f"B{i}"] = 1
    data = {
        "id": "custcare-data",
        "name": "Data",
        "colNumber": 3,
        "rowNumber": len(HEADLINES) + 1,
        "rows": {},
        "cols": {"0": {"size": 200}, "1": {"size": 100}},
        "merges": [],
        "cells": data_cells,
        "styles": {},
        "formats": data_formats,
        "borders": {},
        "conditionalFormats": [],
        "dataValidationRules": [],
        "figures": [],
        "tables": [],
        "areGridLinesVisible": True,
        "isVisible": False,
        "headerGroups": {"ROW": [], "COL": []},
        "comments": {},
    }
    pivots = {}
    for pid, (name, model, domain, rows, measures) in PIVOTS.items():
        pivots[pid] = {
            "type": "ODOO",
            "fieldMatching": field_matching(model, snapshot=pid in SNAPSHOTS),
            "context": {},
            "domain": domain,
            "id": pid,
            "measures": measures,
            "model": model,
            "name": name,
            "formulaId": pid,
            "columns": [],
            "rows": rows,
        }
    lists = {
        lid: {
            **spec,
            "context": {},
            "id": lid,
            "fieldMatching": field_matching(spec["model"], snapshot=True),
        }
        for lid, spec in LISTS.items()
    }
    return {
        "version": "18.5.10",
        "sheets": [dashboard, data],
        "styles": {
            "1": {"textColor": "#01666b", "bold": True, "fontSize": 16},
            "2": {"textColor": "#434343", "fontSize": 11, "bold": True},
            "3": {"textColor": "#01666B", "verticalAlign": "middle"},
            "4": {"textColor": "#434343", "verticalAlign": "middle"},
            "5": {"textColor": "#434343", "fontSize": 11, "bold": True, "align": "center"},
        },
        "formats": {"1": "0.0%"},
        "borders": {"1": {"bottom": {"style": "thin", "color": "#B7B7B7"}}},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {
            "locale": {
                "name": "English (US)",
                "code": "en_US",
                "thousandsSeparator": ",",
                "decimalSeparator": ".",
                "dateFormat": "mm/dd/yyyy",
                "timeFormat": "hh:mm:ss",
                "formulaArgSeparator": ",",
                "weekStart": 7,
            }
        },
        "pivots": pivots,
        "pivotNextId": len(pivots) + 1,
        "customTableStyles": {},
        "globalFilters": GLOBAL_FILTERS,
        "lists": lists,
        "listNextId": len(lists) + 1,
        "chartOdooMenusReferences": menus,
    }


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: custcare's controlled forms printed to PDF against Odoo's own
delivery slip, by wkhtmltopdf, in the same run, alternately, several times;
median times and their ratio (target: at most 1.2).

1. the controlled delivery note (交货单) of a 200-line transfer against Odoo's
   delivery slip of the same transfer;
2. a 5-page controlled form, the destruction record (销毁记录, a table of the
   destroyed records), against a 5-page delivery slip: each with as many
   lines as fill 5 pages (found by printing before measuring).

Run with ``./custcare bench delivery_note`` (lines: CUSTCARE_BENCH_LINES,
pages: CUSTCARE_BENCH_PAGES, rounds: CUSTCARE_BENCH_ROUNDS). Everything it
creates is rolled back. ``./custcare bench`` serves the database meanwhile,
as wkhtmltopdf fetches the report assets over HTTP.
"""
# custcare-bench: serve

import io
import os
import statistics
import sys
import time

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchlib as b

from odoo import fields
from odoo.tools.pdf import PdfFileReader

LINES = b.size("CUSTCARE_BENCH_LINES", 200)
PAGES = int(os.environ.get("CUSTCARE_BENCH_PAGES") or 5)
ROUNDS = int(os.environ.get("CUSTCARE_BENCH_ROUNDS") or 5)
env = env  # noqa: F821 - provided by `odoo shell`
if os.environ.get("CUSTCARE_BENCH_URL"):
    env["ir.config_parameter"].set_param("report.url", os.environ["CUSTCARE_BENCH_URL"])
Report = env["ir.actions.report"]
customer = env["res.partner"].create(
    {"name": "基准测试客户有限公司", "is_company": True, "city": "苏州", "street": "星湖街 88 号"}
)
products = env["product.product"]
picking_type = env.ref("stock.picking_type_out")


def transfer(lines):
    """A confirmed delivery of ``lines`` products to the customer."""
    global products  # grown once, shared by every transfer
    if len(products) < lines:
        products |= env["product.product"].create(
            [
                {"name": f"基准产品 {i:03d}", "is_storable": True}
                for i in range(len(products), lines)
            ]
        )
    picking = env["stock.picking"].create(
        {
            "partner_id": customer.id,
            "picking_type_id": picking_type.id,
            "origin": "SO-BENCH",
            "move_ids": [
                fields.Command.create(
                    {
                        "product_id": product.id,
                        "product_uom_qty": 1 + i % 7,
                        "location_id": picking_type.default_location_src_id.id,
                        "location_dest_id": env.ref("stock.stock_location_customers").id,
                    }
                )
                for i, product in enumerate(products[:lines])
            ],
        }
    )
    picking.action_confirm()
    return picking


def destruction(lines):
    """A destruction record of ``lines`` destroyed records."""
    return env["custcare.destruction"].create(
        {
            "policy_id": env.ref("custcare_base.retention_policy_archive").id,
            "line_ids": [
                fields.Command.create(
                    {
                        "res_model": "custcare.archive",
                        "res_id": 1000 + i,
                        "record_name": f"基准客户 {i:06d} 有限公司",
                        "data_hash": f"{i:064x}",
                        "destroyed": True,
                    }
                )
                for i in range(lines)
            ],
        }
    )


def render(xmlid, record):
    """(seconds, pages) of one PDF."""
    env.invalidate_all()
    start = time.perf_counter()
    pdf, _kind = Report._render_qweb_pdf(xmlid, record.ids)
    elapsed = time.perf_counter() - start
    assert pdf.startswith(b"%PDF"), xmlid
    return elapsed, len(PdfFileReader(io.BytesIO(pdf), strict=False).pages)


def fill(make, xmlid, pages, guess):
    """A record made by ``make(lines)`` that prints on ``pages`` pages, and
    its number of lines (aiming at the middle of the last page)."""
    lines = guess
    for _try in range(8):
        record = make(lines)
        got = render(xmlid, record)[1]
        if got == pages:
            return record, lines
        lines = max(1, round(lines * (pages - 0.5) / got))
    raise AssertionError(f"no number of lines prints {xmlid} on {pages} pages")


def compare(title, ours, theirs):
    """ours / theirs: (label, xmlid, record); prints the medians and ratio."""
    times = {ours[0]: [], theirs[0]: []}
    pages = {}
    for round_ in range(ROUNDS + 1):  # the first round warms caches and is not counted
        for label, xmlid, record in (ours, theirs):
            elapsed, pages[label] = render(xmlid, record)
            if round_:
                times[label].append(elapsed)
    median = {label: statistics.median(values) for label, values in times.items()}
    b.say(title)
    for label in times:
        b.say(f"  {label:34s} {median[label]:7.2f} s  {pages[label]} pages")
    b.say(
        f"  ratio custcare / Odoo: {median[ours[0]] / median[theirs[0]]:.2f} "
        "(target at most 1.20)\n"
    )


b.say(f"\ncontrolled forms against Odoo's delivery slip, median of {ROUNDS} PDF renderings each\n")
picking = transfer(LINES)
compare(
    f"delivery note of a {LINES}-line transfer",
    ("custcare delivery note", "custcare_aftersales.action_report_custcare_delivery_note", picking),
    ("Odoo delivery slip (anchor)", "stock.action_report_delivery", picking),
)
form, form_lines = fill(destruction, "custcare_base.action_report_custcare_destruction", PAGES, 150)
slip, slip_lines = fill(transfer, "stock.action_report_delivery", PAGES, 140)
compare(
    f"a {PAGES}-page controlled form: destruction record of {form_lines} records against the "
    f"delivery slip of a {slip_lines}-line transfer",
    ("custcare destruction record", "custcare_base.action_report_custcare_destruction", form),
    ("Odoo delivery slip (anchor)", "stock.action_report_delivery", slip),
)
env.cr.rollback()

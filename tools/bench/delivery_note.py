# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: the controlled delivery note (交货单) of a 200-line transfer
against Odoo's own delivery slip of the same transfer, both rendered to PDF by
wkhtmltopdf in the same run, alternately, several times. Prints the median
times and their ratio (the target: at most 1.2).

Run with ``./custcare bench delivery_note`` (lines: CUSTCARE_BENCH_LINES,
rounds: CUSTCARE_BENCH_ROUNDS). Everything it creates is rolled back.
"""

import os
import statistics
import time

LINES = int(os.environ.get("CUSTCARE_BENCH_LINES", "200"))
ROUNDS = int(os.environ.get("CUSTCARE_BENCH_ROUNDS", "5"))
env = env  # noqa: F821 - provided by `odoo shell`
if os.environ.get("CUSTCARE_BENCH_URL"):
    env["ir.config_parameter"].set_param("report.url", os.environ["CUSTCARE_BENCH_URL"])

customer = env["res.partner"].create(
    {"name": "基准测试客户有限公司", "is_company": True, "city": "苏州", "street": "星湖街 88 号"}
)
products = env["product.product"].create(
    [{"name": f"基准产品 {i:03d}", "is_storable": True} for i in range(LINES)]
)
picking_type = env.ref("stock.picking_type_out")
picking = env["stock.picking"].create(
    {
        "partner_id": customer.id,
        "picking_type_id": picking_type.id,
        "origin": "SO-BENCH",
        "move_ids": [
            (
                0,
                0,
                {
                    "product_id": product.id,
                    "product_uom_qty": 1 + i % 7,
                    "location_id": picking_type.default_location_src_id.id,
                    "location_dest_id": env.ref("stock.stock_location_customers").id,
                },
            )
            for i, product in enumerate(products)
        ],
    }
)
picking.action_confirm()
Report = env["ir.actions.report"]
reports = {
    "custcare delivery note": "custcare_aftersales.action_report_custcare_delivery_note",
    "Odoo delivery slip": "stock.action_report_delivery",
}
times = {label: [] for label in reports}
pages = {}
for _round in range(ROUNDS + 1):  # the first round warms caches and is not counted
    for label, xmlid in reports.items():
        env.invalidate_all()
        start = time.perf_counter()
        pdf, _kind = Report._render_qweb_pdf(xmlid, picking.ids)
        elapsed = time.perf_counter() - start
        assert pdf.startswith(b"%PDF"), label
        pages[label] = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page")
        if _round:
            times[label].append(elapsed)
ours = statistics.median(times["custcare delivery note"])
odoo = statistics.median(times["Odoo delivery slip"])
print(f"\ndelivery note of a {LINES}-line transfer, median of {ROUNDS} PDF renderings each")
for label in reports:
    print(f"  {label:24s} {statistics.median(times[label]):7.2f} s")
print(f"  ratio custcare / Odoo: {ours / odoo:.2f} (target at most 1.20)\n")
env.cr.rollback()

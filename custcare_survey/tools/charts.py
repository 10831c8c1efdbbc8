# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Charts drawn on the server with reportlab (an Odoo dependency), so that the
PDF carries them as plain images whatever wkhtmltopdf supports."""

from reportlab.graphics import renderPM
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from odoo.addons.custcare_base.tools.pdf import _page_font

PALETTE = [colors.HexColor("#2f5597"), colors.HexColor("#c00000"), colors.HexColor("#a5a5a5")]


def bar_chart_png(categories, series, names, maximum=5, width=480, height=220):
    """A grouped vertical bar chart as PNG bytes: one group per category, one
    bar per series, a legend with ``names``; Chinese labels in the CJK font."""
    font = _page_font()
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 45
    chart.width, chart.height = width - 150, height - 65
    chart.data = [tuple(float(v or 0) for v in values) for values in series]
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = maximum
    chart.valueAxis.valueStep = 1
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.categoryAxis.categoryNames = [str(c) for c in categories]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.angle = 30 if len(categories) > 4 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 4 else "n"
    chart.barSpacing = 1
    chart.groupSpacing = 8
    for i in range(len(series)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = width - 100, height - 30
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], n) for i, n in enumerate(names)]
    drawing.add(legend)
    return renderPM.drawToString(drawing, fmt="PNG", dpi=144)

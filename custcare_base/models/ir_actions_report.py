# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import io
import os
import re

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from odoo import models
from odoo.tools.pdf import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    PdfFileReader,
    PdfFileWriter,
)

# A TrueType CJK font reportlab can embed (Debian's fonts-wqy-microhei); PDF
# readers without Chinese fonts then still show the page numbers.
EMBEDDED_FONT = ("WenQuanYiMicroHei", "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
FALLBACK_FONT = "STSong-Light"


def _page_font():
    registered = pdfmetrics.getRegisteredFontNames()
    name, path = EMBEDDED_FONT
    if name in registered:
        return name
    if os.path.exists(path):
        pdfmetrics.registerFont(TTFont(name, path, subfontIndex=0))
        return name
    if FALLBACK_FONT not in registered:
        pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_FONT))
    return FALLBACK_FONT


_FONT_NAME = re.compile(rb"/(F\d+(?:\+\d+)?)(?=[\s/\[<(])")


def _overlay_page(writer, page, stamp):
    """Lay `stamp` (a small reportlab page) over `page` without parsing the
    page's content: wrap its streams in q/Q, append the stamp's stream and
    add the stamp's fonts to the page's resources under their own names.
    (pypdf's merge_page re-parses the whole content, seconds on long forms.)"""
    data = stamp.get_contents().get_data()
    stream = DecodedStreamObject()
    stream.set_data(_FONT_NAME.sub(rb"/CC\1", data))
    push, pop = DecodedStreamObject(), DecodedStreamObject()
    push.set_data(b"q\n")
    pop.set_data(b"\nQ\n")
    contents = page[NameObject("/Contents")]
    resolved = contents.get_object()
    original = list(resolved) if isinstance(resolved, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject(
        [writer._add_object(push), *original, writer._add_object(pop), writer._add_object(stream)]
    )
    resources = page[NameObject("/Resources")].get_object()
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else DictionaryObject()
    for name, font in stamp["/Resources"].get_object()["/Font"].get_object().items():
        fonts[NameObject("/CC" + name[1:])] = font
    resources[NameObject("/Font")] = fonts


def stamp_page_numbers(pdf_bytes, label, form_text=""):
    """Print ``label % {"page": x, "total": y}`` at the foot of every page,
    and ``form_text`` (form code and revision) at its left.

    Debian's wkhtmltopdf (unpatched Qt) prints no footer, so custcare writes
    the page x/y of its controlled forms onto the finished PDF.
    """
    font = _page_font()
    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    pages = reader.pages
    total = len(pages)
    # one overlay document for all pages: the font is embedded once
    overlay = io.BytesIO()
    pen = canvas.Canvas(overlay, pageCompression=0)
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        pen.setPageSize((width, height))
        pen.setFont(font, 8)
        pen.drawCentredString(width / 2, 7 * mm, label % {"page": number, "total": total})
        if form_text:
            pen.drawString(12 * mm, 7 * mm, form_text)
        pen.showPage()
    pen.save()
    stamps = PdfFileReader(io.BytesIO(overlay.getvalue())).pages
    writer = PdfFileWriter()
    for page, stamp in zip(pages, stamps, strict=True):
        _overlay_page(writer, page, stamp)
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        form = self.env["custcare.form.control"].sudo()._for_report(report.report_name)
        if not form:
            return streams
        label = self.env._("Page %(page)s of %(total)s")
        form_text = f"{form.code} {form.revision}"
        for values in streams.values():
            if values.get("stream") and not values.get("attachment"):
                stamped = stamp_page_numbers(values["stream"].getvalue(), label, form_text)
                values["stream"] = io.BytesIO(stamped)
        return streams

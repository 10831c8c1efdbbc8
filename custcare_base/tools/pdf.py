# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""What custcare does to a PDF once Debian's wkhtmltopdf (unpatched Qt) made it.

- ``finish_forms``: the PDF of several forms (one wkhtmltopdf run) is cut
  into one PDF per record at the pages that carry the record marker image,
  each record's pages get "page x of y" and the form code at their foot, and
  the text layer is made searchable (``fix_text_layer``).
- ``fix_text_layer``: Qt writes the ToUnicode map of a font from the font's
  own character map, taking the lowest code point of each glyph. Noto CJK
  draws 户 一 日 车 ... with the glyph of the Kangxi radical ⼾ ⼀ ⽇ ⻋ (U+2F00
  and U+2E80 blocks), so the text layer said "客⼾" and nobody found "客户".
  The map is rewritten with the ideographs.
"""

import base64
import io
import os
import re
import unicodedata

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

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

# The first page of every record carries this image (white, 7 x 3 pixels,
# drawn 1 px wide): the pages of one wkhtmltopdf run are cut at it.
MARKER_SIZE = (7, 3)
MARKER_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAcAAAADCAIAAADQoYKSAAAAFUlEQVR42mP8//8/AwZgYsAGsIsCAMBIAwOzPC4pAAAAAElFTkSuQmCC"
)
MARKER_URI = "data:image/png;base64," + base64.b64encode(MARKER_PNG).decode()

# --------------------------------------------------------------- text layer
# CJK radicals whose glyph Noto CJK shares with an ideograph (from the fonts'
# character maps); the Kangxi radicals U+2F00-2FD5 decompose (NFKC) to theirs.
_SUPPLEMENT = (
    "⺂乛⺃乚⺅亻⺇𠘨⺉刂⺋㔾⺍𭕄⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵"
    "⺣灬⺤爫⺦丬⺨犭⺩𤣩⺫罒⺭礻⺮𥫗⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀⺽𦥑⺾艹⺿艹⻁虎⻂衤⻃覀⻄西"
    "⻅见⻆角⻇𧢲⻈讠⻉贝⻊𧾷⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻕𨸏⻖阝⻘青⻙韦⻚页⻛风"
    "⻜飞⻝食⻞𩙿⻟飠⻠饣⻡𩠐⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙"
    "⻱龜⻲亀⻳龟"
)
RADICALS = dict(zip(_SUPPLEMENT[::2], _SUPPLEMENT[1::2], strict=True))
RADICALS.update(
    {
        chr(cp): unicodedata.normalize("NFKC", chr(cp))
        for cp in range(0x2F00, 0x2FD6)
        if unicodedata.normalize("NFKC", chr(cp)) != chr(cp)
    }
)
# ⼾ is drawn as the regional form: 户 (simplified), 戶 (traditional), 戸 (Japanese)
DOOR = {"sc": "户", "tc": "戶", "hk": "戶", "kr": "戶", "jp": "戸"}
# Punctuation a CJK font draws with the glyph of a western sign: the text
# typed was the full-width form (批号／序列号, not 批号∕序列号).
CJK_PUNCTUATION = {"\u2215": "\uff0f", "\u2003": "\u3000", "\u2329": "\u3008", "\u232a": "\u3009"}
_REGION = re.compile(r"CJK(sc|tc|hk|jp|kr)", re.IGNORECASE)
_RADICAL = re.compile("[\u2e80-\u2fdf\u2215\u2003\u2329\u232a]")
_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)")
_SECTION = re.compile(rb"\d+\s+begin(bfchar|bfrange)(.*?)end\1", re.DOTALL)


def _unhex(value):
    return bytes.fromhex(value.decode()).decode("utf-16-be", "replace")


def _cmap_entries(data):
    """{code: (text, width of the code in hex digits)} of a ToUnicode CMap."""
    entries = {}
    for kind, body in _SECTION.findall(data):
        if kind == b"bfchar":
            for src, dst in _BFCHAR.findall(body):
                entries[int(src, 16)] = (_unhex(dst), len(src))
            continue
        for low, high, dst in _BFRANGE.findall(body):
            start, end = int(low, 16), int(high, 16)
            if dst.startswith(b"["):
                targets = [_unhex(t) for t in re.findall(rb"<([0-9A-Fa-f]+)>", dst)]
                for offset, text in enumerate(targets[: end - start + 1]):
                    entries[start + offset] = (text, len(low))
            else:
                first = _unhex(dst[1:-1])
                for offset in range(end - start + 1):
                    text = first[:-1] + chr(ord(first[-1]) + offset) if first else first
                    entries[start + offset] = (text, len(low))
    return entries


def _rewrite_cmap(data, base_font):
    """The CMap with radicals replaced by ideographs, or None if it has none."""
    try:
        entries = _cmap_entries(data)
    except (ValueError, UnicodeDecodeError):
        return None
    if not any(_RADICAL.search(text) for text, _width in entries.values()):
        return None
    region = _REGION.search(base_font or "")
    table = dict(RADICALS, **{"⼾": DOOR[region.group(1).lower() if region else "sc"]})
    if "CJK" in (base_font or "").upper():
        table.update(CJK_PUNCTUATION)
    lines = []
    for code in sorted(entries):
        text, width = entries[code]
        text = "".join(table.get(char, char) for char in text)
        lines.append(f"<{code:0{width}X}> <{text.encode('utf-16-be').hex().upper()}>")
    sections = b"".join(
        b"%d beginbfchar\n%s\nendbfchar\n"
        % (len(lines[i : i + 100]), "\n".join(lines[i : i + 100]).encode())
        for i in range(0, len(lines), 100)
    )
    spans = [m.span() for m in _SECTION.finditer(data)]
    return data[: spans[0][0]] + sections + data[spans[-1][1] :]


def _fonts(pages):
    for page in pages:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        if fonts is not None:
            for font_ref in fonts.get_object().values():
                yield font_ref.get_object()


def text_layer_fixes(pages):
    """{font id: (font, fixed ToUnicode map)} for the fonts of ``pages`` that
    map glyphs to radicals; each font is read once."""
    fixes, seen = {}, set()
    for font in _fonts(pages):
        if id(font) in seen or "/ToUnicode" not in font:
            continue
        seen.add(id(font))
        data = font["/ToUnicode"].get_object().get_data()
        fixed = _rewrite_cmap(data, str(font.get("/BaseFont", "")))
        if fixed is not None:
            fixes[id(font)] = (font, fixed)
    return fixes


def fix_text_layer(pages, writer, fixes=None):
    """Give the fonts of ``pages`` (written by ``writer``) their corrected
    ToUnicode map."""
    fixes = text_layer_fixes(pages) if fixes is None else fixes
    done = set()
    for font in _fonts(pages):
        if id(font) in fixes and id(font) not in done:
            done.add(id(font))
            stream = DecodedStreamObject()
            stream.set_data(fixes[id(font)][1])
            font[NameObject("/ToUnicode")] = writer._add_object(stream)


# ------------------------------------------------------------ page numbers
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


def _stamps(pages, label, form_text):
    """One reportlab page per page: ``label`` (page x of y) in the middle of
    the foot, ``form_text`` (code and revision) at its left."""
    font = _page_font()
    total = len(pages)
    overlay = io.BytesIO()
    pen = canvas.Canvas(overlay, pageCompression=0)
    for number, page in enumerate(pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        margin = 5 * mm if width < 320 else 12 * mm  # tags (A6, A7) have narrow margins
        pen.setPageSize((width, height))
        pen.setFont(font, 7 if width < 320 else 8)
        pen.drawCentredString(
            width / 2,
            5 * mm if height < 500 else 7 * mm,
            label
            % {
                "page": number,
                "total": total,
            },
        )
        if form_text:
            pen.drawString(margin, 5 * mm if height < 500 else 7 * mm, form_text)
        pen.showPage()
    pen.save()
    return PdfFileReader(io.BytesIO(overlay.getvalue())).pages


def record_starts(pages):
    """Indexes of the pages that carry the record marker image."""
    starts = []
    for index, page in enumerate(pages):
        resources = page.get("/Resources")
        images = resources.get_object().get("/XObject") if resources is not None else None
        if images is None:
            continue
        for image in images.get_object().values():
            image = image.get_object()
            if (image.get("/Width"), image.get("/Height")) == MARKER_SIZE:
                starts.append(index)
                break
    return starts


def finish_forms(pdf_bytes, labels, form_text=""):
    """Cut the PDF of ``len(labels)`` forms into one PDF per form (at the
    marker pages), number each form's pages with its label ("page %(page)s of
    %(total)s" in its language) and make the text searchable.

    Returns a list of PDFs, one per form; a single PDF when the markers do not
    match the number of forms (then the pages are numbered as one document).
    """
    reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
    pages = list(reader.pages)
    starts = record_starts(pages)
    if len(starts) != len(labels) or (starts and starts[0] != 0):
        starts, labels = [0], labels[:1]
    groups = [pages[s:e] for s, e in zip(starts, [*starts[1:], len(pages)], strict=True)]
    fixes = text_layer_fixes(pages)
    results = []
    for group, label in zip(groups, labels, strict=True):
        writer = PdfFileWriter()
        fix_text_layer(group, writer, fixes)
        for page, stamp in zip(group, _stamps(group, label, form_text), strict=True):
            _overlay_page(writer, page, stamp)
            writer.add_page(page)
        out = io.BytesIO()
        writer.write(out)
        results.append(out.getvalue())
    return results

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
import datetime as dt
import math
import re

import pytz
from markupsafe import Markup, escape

from odoo import fields
from odoo.tools import float_round, format_amount

from .pdf import MARKER_URI

# CSS pixels per millimetre of paper as Debian's wkhtmltopdf (unpatched Qt)
# prints them: 1324 px fill the 269 mm between the margins of an A4 page.
# A patched build shrinks a page of this width to fit, giving the same ratio.
PX_PER_MM = 1324 / 269
# kept free at the foot of each page for rounding (px)
PAGE_SAFETY = 6
_CJK = re.compile("[\u3400-\u9fff]")


class FormHelper:
    """Everything a controlled form prints in one style (the ``cc`` of the
    templates): dates as 2026年11月23日 in the company's timezone, times
    without seconds, quantities with their unit, amounts in the company
    currency, texts with their line breaks, selection values translated into
    the print language, signatures with their dates."""

    marker = MARKER_URI

    def __init__(self, env, company, lang, paperformat):
        self.lang = lang
        self.env = env(context=dict(env.context, lang=lang))
        self.company = company
        self.currency = company.currency_id
        tz = company.partner_id.tz or company.resource_calendar_id.tz or "UTC"
        self.tz = pytz.timezone(tz)
        self.chinese = (lang or "").startswith("zh")
        traditional = lang in ("zh_TW", "zh_HK")
        self.font_family = (
            "'Noto Sans CJK TC', 'Noto Sans CJK SC', sans-serif"
            if traditional
            else "'Noto Sans CJK SC', 'Noto Sans CJK TC', sans-serif"
        )
        width = paperformat.print_page_width - paperformat.margin_left - paperformat.margin_right
        height = paperformat.print_page_height - paperformat.margin_top - paperformat.margin_bottom
        self.page_width = math.floor(width * PX_PER_MM)
        self.page_height = math.floor(height * PX_PER_MM) - PAGE_SAFETY

    # ----------------------------------------------------------- dates
    def _local(self, value):
        if isinstance(value, str):
            parse = fields.Datetime.to_datetime if len(value) > 10 else fields.Date.to_date
            value = parse(value)
        if isinstance(value, dt.datetime):
            return pytz.utc.localize(value).astimezone(self.tz) if not value.tzinfo else value
        return value

    def date(self, value):
        """2026年11月23日 (a datetime: its date in the company's timezone)."""
        if not value:
            return ""
        value = self._local(value)
        if self.chinese:
            return f"{value.year}年{value.month:02d}月{value.day:02d}日"
        return value.strftime("%Y-%m-%d")

    def datetime(self, value):
        """2026年11月23日 08:35, in the company's timezone."""
        if not value:
            return ""
        value = self._local(value)
        if not isinstance(value, dt.datetime):
            return self.date(value)
        return f"{self.date(value)} {value:%H:%M}"

    def month(self, value):
        """2026年11月"""
        if not value:
            return ""
        value = self._local(value)
        return f"{value.year}年{value.month:02d}月" if self.chinese else value.strftime("%Y-%m")

    def today(self):
        return dt.datetime.now(self.tz).date()

    def now(self):
        return self.datetime(fields.Datetime.now())

    # ------------------------------------------------ numbers and amounts
    def number(self, value, digits=2):
        """A number without useless zeros: 10, 2.5, 0.33."""
        text = f"{float_round(value or 0.0, precision_digits=digits):.{digits}f}"
        return text.rstrip("0").rstrip(".") if "." in text else text

    def qty(self, value, uom=None, unit=True):
        """10 件: the quantity at the unit's precision, then the unit (left
        out with ``unit=False``, for a table with a unit column)."""
        digits = 2
        if uom and uom.rounding:
            digits = max(0, -math.floor(math.log10(uom.rounding)))
        text = self.number(value, digits)
        return f"{text} {uom.with_env(self.env).name}" if uom and unit else text

    def money(self, amount, currency=None):
        """The amount in the company currency (or ``currency``): ¥ 1,234.00."""
        return format_amount(self.env, amount or 0.0, currency or self.currency, self.lang)

    # ------------------------------------------------------------- texts
    def text(self, value):
        """A multi-line text as one block per line: line breaks kept, and a
        long text can continue on the next page between two lines."""
        if not value:
            return ""
        lines = str(value).replace("\r\n", "\n").split("\n")
        return Markup("").join(
            Markup('<div class="cc-line">%s</div>') % (line if line.strip() else Markup("&#160;"))
            for line in lines
        )

    def address(self, partner):
        """The postal address from the largest part to the smallest (省, 市,
        街道) when printing in Chinese, whatever the country's format; the
        country only when it is not the company's."""
        if not partner:
            return ""
        partner = partner.with_env(self.env)
        if not self.chinese:
            return ", ".join(
                line for line in partner._display_address(without_company=True).split("\n") if line
            )
        parts = []
        if partner.country_id and partner.country_id != self.company.country_id:
            parts.append(partner.country_id.name)
        for part in (partner.state_id.name, partner.city, partner.street, partner.street2):
            part = (part or "").strip()
            # 上海市 + 上海: a city named like its province is written once
            if part and not any(part in earlier or earlier in part for earlier in parts):
                parts.append(part)
        # Chinese parts run on; latin ones keep their spaces
        text = ("" if all(_CJK.search(part) for part in parts) else " ").join(parts)
        if partner.zip:
            postcode = self.env._("Postcode")
            text = f"{text} {postcode} {partner.zip}"
        return text

    def label(self, record, field_name):
        """The label of a selection value in the print language."""
        value = record[field_name]
        if not value:
            return ""
        field = record._fields[field_name]
        return dict(field._description_selection(self.env)).get(value, value)

    def name(self, record):
        """The name of a user, partner or record, in the print language."""
        return record.with_env(self.env).display_name if record else ""

    def yes_no(self, value):
        return self.env._("Yes") if value else self.env._("No")

    # --------------------------------------------------- signature block
    def sign(self, who=None, when=None):
        """(name, date) of one box of the 编制/审核/批准 block."""
        name = who if isinstance(who, str) else (who.name if who else "")
        return (name or "", self.date(when) if name else "")

    def mark(self, key):
        """The mark printed across a form that is not final (草稿, 未批准...)."""
        _ = self.env._
        return {
            "draft": _("Draft"),
            "not_approved": _("Not approved"),
            "cancelled": _("Cancelled"),
            "refused": _("Refused"),
            "not_analysed": _("Not analysed"),
            "not_shipped": _("Not shipped"),
            "not_received": _("Product not received"),
            "not_finished": _("Repair not finished"),
            "not_visited": _("Not visited yet"),
        }[key]

    def approval_mark(self, record):
        """草稿 / 未批准 for a record of the approval mixin not approved yet."""
        state = record.approval_state
        if state == "approved":
            return False
        return self.mark("draft" if state == "draft" else "not_approved")

    def escape(self, value):
        return escape(value)

# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Every term a user sees reads in Chinese: nothing of the custcare addons
is left in English in zh_CN or zh_TW — labels, selection values, menus,
actions, views and report templates, the apps list, and the activities and
chatter notes the code writes."""

import re
from datetime import timedelta

import polib
from freezegun import freeze_time
from psycopg2 import sql

from odoo import fields
from odoo.modules.module import get_module_path
from odoo.tests import tagged
from odoo.tools import file_path, html2plaintext
from odoo.tools.translate import get_po_paths

from .common import CustcareCase

LANGS = ("zh_CN", "zh_TW")
ADDONS = (
    "custcare_base",
    "custcare_complaint",
    "custcare_survey",
    "custcare_aftersales",
    "custcare_dashboard",
)

# Codes and abbreviations that read the same in Chinese.
ALLOWED_WORDS = frozenset(
    {
        "SLA",  # service-level agreement, used as is in Chinese customer service
        "CAPA",  # corrective and preventive action, the quality term
        "USCC",  # unified social credit code, the field's short name
        "ID",
        "QR",  # QR code (二维码 where it is spelled out)
        "PDF",
        "CSV",
        "URL",
        "IP",
        "BOPP",  # biaxially oriented polypropylene, the film's trade name (demo product)
        "AAA",  # credit ratings
        "AA",
        "px",
        "mm",
        "kg",
    }
)
# What is not a word: placeholders, template expressions, addresses, codes
# with digits (numbers of records: TS2026-0001, WH/OUT/00012).
NOT_WORDS = re.compile(
    r"""
      %\(\w+\)[sdf]            # %(name)s
    | %[sd]                    # %s
    | \{\{.*?\}\}              # {{ object.name }}
    | \$\{.*?\}                # ${...}
    | https?://\S+ | www\.\S+
    | [\w.+-]+@[\w-]+(\.[\w-]+)+   # e-mail addresses
    | &\#?\w+;                 # HTML entities
    | \S*\d\S*                 # numbers, codes with digits
    """,
    re.VERBOSE,
)
WORD = re.compile(r"[A-Za-z]{2,}")
# Fields holding code, not words.
CODE_FIELDS = {("ir.actions.report", "print_report_name")}
CODE_OCCURRENCES = tuple(f"model:{model},{field}:" for model, field in CODE_FIELDS)
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%(?:\.\d+)?[sdf]|\(\d\)")


def english_words(text):
    """The English words of ``text`` that a translation should have replaced."""
    text = NOT_WORDS.sub(" ", text or "")
    return [word for word in WORD.findall(text) if word not in ALLOWED_WORDS]


def installed_addons(env):
    return (
        env["ir.module.module"]
        .search([("name", "in", ADDONS), ("state", "=", "installed")])
        .mapped("name")
    )


@tagged("post_install", "-at_install")
class TestTranslations(CustcareCase):
    """Any term of custcare left untranslated in zh_CN or zh_TW fails, with
    the list of every such term (model, field, XML id, text)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for lang in LANGS:
            cls.env["res.lang"]._activate_lang(lang)
        cls.addons = installed_addons(cls.env)
        # the addons' catalogues, and mail's (the labels of the activity
        # mixin's values on our models) — as when a language is added to
        # a database where the addons are installed
        cls.env["ir.module.module"]._load_module_terms(["mail", *cls.addons], list(LANGS))

    # ------------------------------------------------------------ records
    def _records(self):
        """{model: {res_id: xmlid}} of every record the addons define, plus
        the addons' entries in the apps list and their category, and every
        selection value of the fields of the addons' own models (the values
        of a mixin's field are records of the mixin's addon)."""
        cr = self.env.cr
        records = {}
        cr.execute(
            "SELECT model, res_id, module || '.' || name FROM ir_model_data WHERE module = ANY(%s)",
            [self.addons],
        )
        for model, res_id, xmlid in cr.fetchall():
            records.setdefault(model, {})[res_id] = xmlid
        # the names of the models the addons extend are the names Odoo gives them
        records["ir.model"] = {
            res_id: xmlid
            for res_id, xmlid in records.get("ir.model", {}).items()
            if self.env["ir.model"].browse(res_id).model in self._own_models()
        }
        for addon in self.addons:
            module = self.env["ir.module.module"].search([("name", "=", addon)])
            records.setdefault("ir.module.module", {})[module.id] = f"base.module_{addon}"
            category = module.category_id
            records.setdefault("ir.module.category", {})[category.id] = (
                category.get_external_id().get(category.id) or category.name
            )
        selections = self.env["ir.model.fields.selection"].search(
            [("field_id.model", "in", self._own_models())]
        )
        xmlids = selections.get_external_id()
        for selection in selections:
            records.setdefault("ir.model.fields.selection", {})[selection.id] = xmlids.get(
                selection.id
            ) or (f"{selection.field_id.model}.{selection.field_id.name}={selection.value}")
        return records

    def _own_models(self):
        return [
            name
            for name, model in self.env.registry.items()
            if model._original_module in self.addons
        ]

    def _catalogue_exists(self, model_name, xmlid, lang):
        """Whether a catalogue translates ``xmlid`` in ``lang``: the addons'
        own (custcare_base's i18n_extra has their entries in the apps
        list), or the owning addon's (an Odoo source trimmed to some
        languages has none for the others: the values of mail's activity
        mixin on our models then stay in English there)."""
        module = xmlid.split(".", 1)[0]
        return (
            module in self.addons
            or model_name in ("ir.module.module", "ir.module.category")
            or next(get_po_paths(module, lang), None) is not None
        )

    def _untranslated_records(self):
        """(lang, model, field, xmlid, English text) of every stored
        translated field of the records left as in English."""
        found = []
        cr = self.env.cr
        for model_name, ids in sorted(self._records().items()):
            if model_name not in self.env:
                continue
            Model = self.env[model_name]
            for field in Model._fields.values():
                if not (field.translate and field.store and field.column_type):
                    continue
                if (model_name, field.name) in CODE_FIELDS:
                    continue
                Model.flush_model([field.name])
                cr.execute(
                    sql.SQL("SELECT id, {} FROM {} WHERE id = ANY(%s)").format(
                        sql.Identifier(field.name), sql.Identifier(Model._table)
                    ),
                    [list(ids)],
                )
                for res_id, values in cr.fetchall():
                    if not values or not values.get("en_US"):
                        continue
                    source = values["en_US"]
                    for lang in LANGS:
                        if not self._catalogue_exists(model_name, ids[res_id], lang):
                            continue
                        for term in self._same_terms(field, source, values.get(lang) or source):
                            if english_words(term):
                                found.append((lang, model_name, field.name, ids[res_id], term))
        return found

    def _same_terms(self, field, source, translated):
        """The terms of ``source`` whose translation is the same text."""
        if not callable(field.translate):
            return [source] if translated == source else []
        dictionary = field.get_translation_dictionary(source, {"xx": translated})
        same = []
        for term, translations in dictionary.items():
            text = field.get_text_content(term)
            if field.get_text_content(translations.get("xx", term)) == text:
                same.append(text)
        return same

    # --------------------------------------------------------- catalogues
    def _untranslated_catalogue_entries(self):
        """(lang, addon, occurrence, msgid) of the catalogue entries whose
        translation is the English text (code strings included: they are
        read from the catalogues when the code runs)."""
        found = []
        for addon in self.addons:
            path = get_module_path(addon)
            for lang in LANGS:
                for entry in polib.pofile(f"{path}/i18n/{lang}.po"):
                    if entry.obsolete or (
                        entry.occurrences
                        and all(w.startswith(CODE_OCCURRENCES) for w, _ in entry.occurrences)
                    ):
                        continue
                    if (
                        not entry.msgstr or entry.msgstr == entry.msgid or "fuzzy" in entry.flags
                    ) and english_words(entry.msgid):
                        where = entry.occurrences[0][0] if entry.occurrences else ""
                        found.append((lang, addon, where, entry.msgid))
        return found

    def test_terms_translated(self):
        records = self._untranslated_records()
        entries = self._untranslated_catalogue_entries()
        report = [
            f"{lang} {model}.{field} {xmlid}: {term!r}"
            for lang, model, field, xmlid, term in records
        ]
        report += [
            f"{lang} {addon}/i18n/{lang}.po ({where}): {msgid!r}"
            for lang, addon, where, msgid in entries
        ]
        self.assertFalse(
            report,
            f"{len(report)} terms are not translated:\n" + "\n".join(sorted(set(report))),
        )

    # ----------------------------------------------------- code at work
    def _code_sentences(self):
        """The English pieces of the sentences the addons' code writes (the
        catalogue entries of their Python code), between the placeholders."""
        pieces = set()
        for addon in self.addons:
            for entry in polib.pofile(file_path(f"{addon}/i18n/{addon}.pot")):
                if not any(where.startswith("code:") for where, _ in entry.occurrences):
                    continue
                for piece in PLACEHOLDER.split(entry.msgid):
                    if len(english_words(piece)) >= 2:
                        pieces.add(piece.strip())
        return pieces

    def _written_since(self, message_id, activity_id):
        """What the code wrote since, left in English: an activity's summary
        or note with any English word; a chatter message (subject, body)
        with a sentence of the addons' code (mail's own notifications are
        mail's catalogue's business)."""
        found = []
        for activity in self.env["mail.activity"].search([("id", ">", activity_id)]):
            for text in (activity.summary, html2plaintext(activity.note or "")):
                if english_words(text):
                    found.append(("mail.activity", activity.res_model, text))
        sentences = self._code_sentences()
        for message in self.env["mail.message"].search([("id", ">", message_id)]):
            for text in (message.subject or "", html2plaintext(message.body or "")):
                if any(sentence in text for sentence in sentences):
                    found.append(("mail.message", message.model, text))
        return found

    def _last_ids(self):
        return (
            self.env["mail.message"].search([], order="id desc", limit=1).id or 0,
            self.env["mail.activity"].search([], order="id desc", limit=1).id or 0,
        )

    def _run_flows(self, lang):
        """The main flows as users working in ``lang`` (the web client gives
        each request its user's language); the scheduled jobs run as the
        system does, in English."""
        for user in (self.user_staff, self.user_qc, self.user_gm, self.user_keeper):
            user.lang = lang
        staff = self.env(user=self.user_staff, context={**self.env.context, "lang": lang})
        admin = self.env(context={**self.env.context, "lang": lang})
        customer = admin["res.partner"].create(
            {
                "name": "苏州华通电子有限公司",
                "is_company": True,
                "lang": lang,
                "email": "buyer@huatong.example.cn",
                "account_manager_id": self.user_staff.id,
            }
        )
        # a promise to a customer becomes the handler's to-do
        staff["custcare.communication"].create(
            {
                "partner_id": customer.id,
                "channel": "phone",
                "subject": "询问交货期",
                "content": "客户来电询问下月订单的交货期。",
                "promise": "与生产部确认排产后回复客户。",
                "follow_up_date": fields.Date.today() + timedelta(days=3),
            }
        ).action_log()
        if "custcare.complaint" in staff:
            team = admin["custcare.complaint.team"].create(
                {"name": f"客服一组 {lang}", "member_ids": [(4, self.user_staff.id)]}
            )
            complaint = staff["custcare.complaint"].create(
                {
                    "partner_id": customer.id,
                    "team_id": team.id,
                    "channel": "phone",
                    "category": "quality",
                    "severity": "critical",
                    "description": "<p>一批 200 件外壳尺寸超差。</p>",
                }
            )
            staff["custcare.complaint.transfer.wizard"].create(
                {
                    "complaint_ids": [(6, 0, complaint.ids)],
                    "to_user_id": self.user_qc.id,
                    "reason": "质量问题，转交质检调查",
                }
            ).action_transfer()
        if "custcare.callback.plan" in staff:
            with freeze_time("2026-01-31"):
                staff["custcare.callback.plan"].create(
                    {"name": "SO2026-0020 挤出机", "partner_id": customer.id}
                )
            with freeze_time("2026-02-21"):
                self.env["custcare.callback"].with_context(lang="en_US")._cron_remind_due()
        if "custcare.survey.campaign" in staff:
            staff["custcare.survey.campaign"].create(
                {
                    "title": "2026 年度顾客满意度调查",
                    "survey_id": self.env.ref("custcare_survey.survey_satisfaction").id,
                    "target_domain": f"[('id', '=', {customer.id})]",
                }
            ).action_send()

    def test_code_writes_in_the_users_language(self):
        """Activities and chatter notes written by the code, by a user's
        action or by a scheduled job, read in the language of the person
        they are for."""
        report = []
        for lang in LANGS:
            message_id, activity_id = self._last_ids()
            self._run_flows(lang)
            report += [
                f"{lang} {kind} on {model}: {text!r}"
                for kind, model, text in self._written_since(message_id, activity_id)
            ]
        self.assertFalse(report, "written in English:\n" + "\n".join(report))

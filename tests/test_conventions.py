"""Conventions every custcare addon keeps (manifest, packaging, translations)."""

import ast
import re

import polib
import pytest
from conftest import ALL_ADDONS, ROOT

LANGS = ("zh_CN", "zh_TW")


def manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.mark.parametrize("addon", ALL_ADDONS)
def test_manifest(addon):
    data = manifest(addon)
    assert re.fullmatch(r"19\.0\.\d+\.\d+\.\d+", data["version"])
    assert data["license"] == "LGPL-3"
    assert data["installable"] is True
    if addon != "custcare_base":
        # on custcare_base, directly or through another custcare addon
        assert any(name.startswith("custcare_") for name in data["depends"])
    for path in data.get("data", []) + data.get("demo", []):
        assert (ROOT / addon / path).is_file(), f"{addon}: {path} listed but missing"


@pytest.mark.parametrize("addon", ALL_ADDONS)
def test_depends_only_on_community(addon):
    enterprise = {"helpdesk", "quality", "quality_control", "web_studio", "documents", "sign"}
    assert not enterprise & set(manifest(addon)["depends"])


@pytest.mark.parametrize("addon", ALL_ADDONS)
def test_pyproject_uses_whool(addon):
    text = (ROOT / addon / "pyproject.toml").read_text(encoding="utf-8")
    assert 'build-backend = "whool.buildapi"' in text


@pytest.mark.parametrize("addon", ALL_ADDONS)
@pytest.mark.parametrize("lang", LANGS)
def test_every_string_translated(addon, lang):
    pot = polib.pofile(str(ROOT / addon / "i18n" / f"{addon}.pot"))
    po = polib.pofile(str(ROOT / addon / "i18n" / f"{lang}.po"))
    translated = {(e.msgctxt, e.msgid) for e in po if e.msgstr and not e.obsolete}
    missing = [e.msgid for e in pot if (e.msgctxt, e.msgid) not in translated]
    assert not missing, f"{addon} {lang}: {len(missing)} untranslated, e.g. {missing[:5]}"
    fuzzy = [e.msgid for e in po if "fuzzy" in e.flags]
    assert not fuzzy, f"{addon} {lang}: fuzzy entries {fuzzy[:5]}"


def test_no_odoo_code_committed():
    assert not (ROOT / "odoo-bin").exists()
    assert not (ROOT / "odoo" / "release.py").exists()

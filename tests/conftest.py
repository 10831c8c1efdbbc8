"""Repo-level tests: run by ``./custcare test`` with pytest-odoo against the
database in which the addons were just installed."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = (
    "custcare_base",
    "custcare_complaint",
    "custcare_survey",
    "custcare_aftersales",
    "custcare_dashboard",
)
# the addons with records of their own (menus, an access matrix); the
# dashboard bridge only adds Odoo's spreadsheet dashboard over them
MODEL_ADDONS = ADDONS[:4]


@pytest.fixture(scope="session")
def root():
    return ROOT

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
# bridges to Odoo apps the four do not need: not installed in the test
# database (./custcare test runs their tests in a second one, with the app)
BRIDGES = ("custcare_sale",)
ALL_ADDONS = ADDONS + BRIDGES


@pytest.fixture(scope="session")
def root():
    return ROOT

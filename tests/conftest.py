"""Repo-level tests: run by ``./custcare test`` with pytest-odoo against the
database in which the four addons were just installed."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("custcare_base", "custcare_complaint", "custcare_survey", "custcare_aftersales")
# bridges to Odoo apps the four do not need: not installed in the test
# database (./custcare test runs their tests in a second one, with the app)
BRIDGES = ("custcare_sale",)
ALL_ADDONS = ADDONS + BRIDGES


@pytest.fixture(scope="session")
def root():
    return ROOT

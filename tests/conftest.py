"""Repo-level tests: run by ``./custcare test`` with pytest-odoo against the
database in which the four addons were just installed."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = ("custcare_base", "custcare_complaint", "custcare_survey", "custcare_aftersales")


@pytest.fixture(scope="session")
def root():
    return ROOT

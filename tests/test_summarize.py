"""The test command's verdict (tools/summarize.py) fails on what it must."""

import subprocess
import sys

from conftest import ROOT

OK = "2026-01-01 10:00:00,000 1 INFO db odoo.tests.result: 0 failed, 0 error(s) of 3 tests when loading database 'db'\n"  # noqa: E501
OWN = (
    "2026-01-01 10:00:00,000 1 INFO db odoo.custcare.own_tests: tests per module: base 2, stock 2\n"
    "2026-01-01 10:00:00,000 1 INFO db odoo.tests.result: 0 failed, 0 error(s) of 4 tests "
    "when re-running installed modules' tests on database 'db'\n"
)
XML = '<testsuites><testsuite tests="2" failures="0" errors="0" skipped="0"/></testsuites>'
HOOKS = "ruff (lint)......Passed\nruff (format)......Passed\n"


def summarize(tmp_path, log, xml=XML, hooks=HOOKS, allow="# none\n", own=OWN, sale=None):
    (tmp_path / "odoo.log").write_text(log)
    (tmp_path / "own.log").write_text(own)
    (tmp_path / "pytest.xml").write_text(xml)
    (tmp_path / "hooks.log").write_text(hooks)
    (tmp_path / "allow.txt").write_text(allow)
    args = ["--odoo-log", "odoo.log", "--odoo-own-log", "own.log", "--pytest-xml", "pytest.xml"]
    args += ["--pre-commit-log", "hooks.log", "--allow", "allow.txt"]
    if sale is not None:
        (tmp_path / "sale.log").write_text(sale)
        args += ["--odoo-sale-log", "sale.log"]
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "summarize.py"), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )


def verdict(tmp_path, log, **kwargs):
    """(exit code, last line)"""
    run = summarize(tmp_path, log, **kwargs)
    return run.returncode, run.stdout.strip().splitlines()[-1]


def test_all_green(tmp_path):
    assert verdict(tmp_path, OK) == (0, "11 passed, 0 failed")


def test_unexpected_warning_fails(tmp_path):
    warn = "2026-01-01 10:00:00,000 1 WARNING db odoo.models: something odd\n"
    assert verdict(tmp_path, warn + OK) == (1, "11 passed, 1 failed")


def test_allowed_warning_passes(tmp_path):
    warn = "2026-01-01 10:00:00,000 1 WARNING db odoo.models: something odd\n"
    assert verdict(tmp_path, warn + OK, allow="something odd\n")[0] == 0


def test_failed_odoo_test_fails(tmp_path):
    log = OK.replace("0 failed, 0 error(s) of 3", "1 failed, 1 error(s) of 3").replace(
        " INFO ", " ERROR "
    )
    assert verdict(tmp_path, log) == (1, "9 passed, 2 failed")


def test_missing_results_fail(tmp_path):
    code, last = verdict(tmp_path, "", xml="<testsuites/>", hooks="", own="")
    assert code == 1
    assert last.startswith("0 passed")


def test_failed_hook_fails(tmp_path):
    assert verdict(tmp_path, OK, hooks="ruff (lint)......Failed\n") == (1, "9 passed, 1 failed")


def test_odoo_own_tests_counted_with_modules(tmp_path):
    out = summarize(tmp_path, OK).stdout
    assert "Odoo's own tests    4 passed,   0 failed" in out
    assert "tests per module: base 2, stock 2" in out


def test_failed_odoo_own_test_fails(tmp_path):
    own = OWN.replace("0 failed, 0 error(s) of 4", "1 failed, 0 error(s) of 4").replace(
        "INFO db odoo.tests.result", "ERROR db odoo.tests.result"
    )
    fail = "2026-01-01 10:00:00,000 1 ERROR db odoo.addons.stock.tests.test_move: FAIL: T.test_x\n"
    assert verdict(tmp_path, OK, own=fail + own) == (1, "10 passed, 1 failed")


def test_unexpected_warning_in_odoo_own_tests_fails(tmp_path):
    warn = "2026-01-01 10:00:00,000 1 WARNING db odoo.addons.stock.models.x: odd\n"
    assert verdict(tmp_path, OK, own=warn + OWN) == (1, "11 passed, 1 failed")


def test_missing_odoo_own_results_fail(tmp_path):
    assert verdict(tmp_path, OK, own="") == (1, "7 passed, 1 failed")


def test_sale_stage_counted(tmp_path):
    assert verdict(tmp_path, OK, sale=OK) == (0, "14 passed, 0 failed")


def test_sale_stage_without_results_fails(tmp_path):
    bridge = "2026-01-01 10:00:00,000 0 ERROR db custcare.test: custcare_sale was not installed\n"
    code, last = verdict(tmp_path, OK, sale=bridge)
    assert code == 1
    assert last.endswith("2 failed")

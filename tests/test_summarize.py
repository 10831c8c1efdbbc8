"""The test command's verdict (tools/summarize.py) fails on what it must."""

import subprocess
import sys

from conftest import ROOT

OK = "2026-01-01 10:00:00,000 1 INFO db odoo.tests.result: 0 failed, 0 error(s) of 3 tests when loading database 'db'\n"  # noqa: E501
XML = '<testsuites><testsuite tests="2" failures="0" errors="0" skipped="0"/></testsuites>'
HOOKS = "ruff (lint)......Passed\nruff (format)......Passed\n"


def verdict(tmp_path, log, xml=XML, hooks=HOOKS, allow="# none\n"):
    (tmp_path / "odoo.log").write_text(log)
    (tmp_path / "pytest.xml").write_text(xml)
    (tmp_path / "hooks.log").write_text(hooks)
    (tmp_path / "allow.txt").write_text(allow)
    args = ["--odoo-log", "odoo.log", "--pytest-xml", "pytest.xml"]
    args += ["--pre-commit-log", "hooks.log", "--allow", "allow.txt"]
    run = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "summarize.py"), *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    return run.returncode, run.stdout.strip().splitlines()[-1]


def test_all_green(tmp_path):
    assert verdict(tmp_path, OK) == (0, "7 passed, 0 failed")


def test_unexpected_warning_fails(tmp_path):
    warn = "2026-01-01 10:00:00,000 1 WARNING db odoo.models: something odd\n"
    assert verdict(tmp_path, warn + OK) == (1, "7 passed, 1 failed")


def test_allowed_warning_passes(tmp_path):
    warn = "2026-01-01 10:00:00,000 1 WARNING db odoo.models: something odd\n"
    assert verdict(tmp_path, warn + OK, allow="something odd\n")[0] == 0


def test_failed_odoo_test_fails(tmp_path):
    log = OK.replace("0 failed, 0 error(s) of 3", "1 failed, 1 error(s) of 3").replace(
        " INFO ", " ERROR "
    )
    assert verdict(tmp_path, log) == (1, "5 passed, 2 failed")


def test_missing_results_fail(tmp_path):
    code, last = verdict(tmp_path, "", xml="<testsuites/>", hooks="")
    assert code == 1
    assert last.startswith("0 passed")


def test_failed_hook_fails(tmp_path):
    assert verdict(tmp_path, OK, hooks="ruff (lint)......Failed\n") == (1, "5 passed, 1 failed")

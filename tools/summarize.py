"""Read what the test stages wrote and print one verdict.

Ends with a line ``N passed, N failed`` and exits 1 when anything failed:
an Odoo test (the addons' own, or Odoo's own re-run with the addons loaded by
tools/odoo_own_tests.py), an unexpected WARNING/ERROR/CRITICAL log line, a
pytest test, or a static check.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ \d+ (?P<level>[A-Z]+) ")
# odoo-bin's last word, and tools/odoo_own_tests.py's
ODOO_RESULT = re.compile(
    r"(\d+) failed, (\d+) error\(s\) of (\d+) tests when "
    r"(?:loading database|re-running installed modules' tests)"
)
PER_MODULE = re.compile(r"odoo\.custcare\.own_tests: (tests per module: .+?)\s*$", re.M)
TEST_REPORT = re.compile(r": (FAIL|ERROR): |^\S+ \S+ \d+ ERROR \S+ odoo\.tests\.")
HOOK_LINE = re.compile(
    r"^(?P<name>.+?)\.{3,}(?:\(no files to check\))?(?P<status>Passed|Failed|Skipped)$"
)


def read_allowlist(path):
    patterns = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            patterns.append(re.compile(line.strip()))
    return patterns


def odoo_stage(log_path, allow):
    """Tests Odoo ran, plus one failure per unexpected WARNING/ERROR line."""
    path = Path(log_path)
    text = path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""
    notes = PER_MODULE.findall(text)[-1:]
    unexpected = []
    for line in text.splitlines():
        m = LOG_LINE.match(line)
        if not m or m["level"] not in ("WARNING", "ERROR", "CRITICAL"):
            continue
        # failing tests are counted from Odoo's own report below
        if TEST_REPORT.search(line) or ODOO_RESULT.search(line):
            continue
        if not any(p.search(line) for p in allow):
            unexpected.append(line)
    results = ODOO_RESULT.findall(text)
    if not results:
        return 0, 1 + len(unexpected), [*unexpected, "Odoo never reported test results"]
    failed, errors, total = (int(x) for x in results[-1])
    problems = list(unexpected)
    if total == 0:
        problems.append("Odoo ran no test")
    return total - failed - errors, failed + errors + len(problems), notes + problems


def pytest_stage(xml_path):
    if not Path(xml_path).exists():
        return 0, 1, ["pytest wrote no report"]
    root = ET.parse(xml_path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root)
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    problems = [] if total else ["pytest ran no test"]
    return total - failed - skipped, failed + (0 if total else 1), problems


def precommit_stage(log_path):
    passed = failed = 0
    names = []
    for line in Path(log_path).read_text(encoding="utf-8", errors="replace").splitlines():
        m = HOOK_LINE.match(line.strip())
        if not m:
            continue
        if m["status"] == "Passed":
            passed += 1
        elif m["status"] == "Failed":
            failed += 1
            names.append(m["name"].strip())
    problems = [f"static check failed: {n}" for n in names]
    if passed + failed == 0:
        problems.append("pre-commit ran no check")
        failed += 1
    return passed, failed, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--odoo-log", required=True)
    ap.add_argument(
        "--odoo-sale-log",
        help="the bridges' tests (custcare_sale) in the database installed with Sales",
    )
    ap.add_argument("--odoo-own-log", required=True)
    ap.add_argument("--pytest-xml", required=True)
    ap.add_argument("--pre-commit-log", required=True)
    ap.add_argument("--allow", required=True)
    args = ap.parse_args()

    allow = read_allowlist(args.allow)
    stages = {"Odoo tests": odoo_stage(args.odoo_log, allow)}
    if args.odoo_sale_log:
        stages["Odoo+Sales tests"] = odoo_stage(args.odoo_sale_log, allow)
    stages |= {
        "Odoo's own tests": odoo_stage(args.odoo_own_log, allow),
        "pytest-odoo": pytest_stage(args.pytest_xml),
        "static checks": precommit_stage(args.pre_commit_log),
    }
    total_passed = total_failed = 0
    print()
    for name, (passed, failed, details) in stages.items():
        print(f"{name:16} {passed:4} passed, {failed:3} failed")
        for detail in details:
            print(f"    {detail}")
        total_passed += passed
        total_failed += failed
    print(f"{total_passed} passed, {total_failed} failed")
    return 1 if total_failed else 0


if __name__ == "__main__":
    sys.exit(main())

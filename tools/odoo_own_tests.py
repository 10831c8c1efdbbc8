"""Re-run tests of installed modules with every installed addon loaded.

Odoo runs a module's ``at_install`` tests only while that module is being
installed, before the modules that depend on it are loaded, so Odoo's own
tests of base, mail, stock... never see the custcare addons. This runs them
again on a database where everything is already installed ("as post-install"):
it loads the registry as ``odoo-bin`` does (no install, no update, no test
during loading), serves HTTP in the same process for the ``HttpCase`` tests
(as ``odoo-bin --test-enable`` does), then runs the ``at_install`` and the
``post_install`` tests selected by ``--test-tags`` (Odoo's own selector, same
syntax) of every installed module.

    python tools/odoo_own_tests.py -c odoo.conf -d DB --test-tags SPEC [odoo options]

It logs like ``odoo-bin``, ends with ``N failed, N error(s) of N tests when
re-running installed modules' tests on database 'DB'`` and the per-module
counts (``tests per module: base 51, ...``), and exits 1 when a test failed.
"""

import logging
import sys
import threading
import time
from collections import Counter

from odoo import api, sql_db
from odoo.modules.registry import Registry
from odoo.service import server
from odoo.tests import loader
from odoo.tests.result import _logger as result_logger
from odoo.tools import config

_logger = logging.getLogger("odoo.custcare.own_tests")


def main(args):
    config.parse_config(args, setup_logging=True)
    if not config["test_tags"] or len(config["db_name"]) != 1:
        sys.exit("usage: odoo_own_tests.py -c CONF -d DB --test-tags SPEC [odoo options]")
    dbname = config["db_name"][0]
    tags = config["test_tags"]
    threading.current_thread().dbname = dbname

    # HttpCase tests talk to the HTTP server of this process, on http_port.
    server.load_server_wide_modules()
    import odoo.http  # noqa: PLC0415  (after the server-wide modules, as odoo-bin)

    server.server = server.ThreadedServer(odoo.http.root)
    server.server.http_spawn()

    # Load the registry with tests enabled (test mode, as odoo-bin) but select
    # none while loading: loading would run each module's at_install tests
    # before its dependents are loaded, which is what we do not want here.
    config["test_tags"] = "-*"
    registry = Registry.new(dbname)
    config["test_tags"] = tags
    modules = sorted(registry._init_modules)

    report = registry._assertion_report
    t0, t0_sql = time.time(), sql_db.sql_counter
    per_module = Counter()
    for position in ("at_install", "post_install"):
        suite = loader.make_suite(modules, position)
        if not suite.countTestCases():
            continue
        per_module.update(test.test_module for test in suite)
        if suite.has_http_case():
            with registry.cursor() as cr:
                api.Environment(cr, api.SUPERUSER_ID, {})["ir.qweb"]._pregenerate_assets_bundles()
        _logger.info(
            "running %d %s tests with every installed addon loaded",
            suite.countTestCases(),
            position,
        )
        report.update(loader.run_suite(suite, global_report=report))
    _logger.info(
        "%d tests in %.2fs, %s queries",
        report.testsRun,
        time.time() - t0,
        sql_db.sql_counter - t0_sql,
    )
    report.log_stats()
    _logger.info(
        "tests per module: %s", ", ".join(f"{m} {n}" for m, n in sorted(per_module.items()))
    )
    log = (
        result_logger.error
        if not report.wasSuccessful()
        else result_logger.warning
        if not report.testsRun
        else result_logger.info
    )
    log("%s when re-running installed modules' tests on database %r", report, dbname)
    server.server.stop()  # as odoo-bin: stops the bus and websockets, then the database
    return 0 if report.wasSuccessful() and report.testsRun else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

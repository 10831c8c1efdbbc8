"""Uninstalling and reinstalling each addon in a database with demo data:
no ERROR in the log, destruction records stay readable, corrective actions
keep the name of their source without pointing at unrelated records, the
retention engine keeps working, and record numbers are never reused."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ADDONS

import odoo

ODOO_BIN = Path(odoo.__path__[0]).parent / "odoo-bin"
ERROR_LINE = re.compile(r"^\S+ \S+ \d+ (ERROR|CRITICAL) ", re.M)
# the record types whose CAPAs lose their link when the addon goes
REMOVED_MODELS = {
    "custcare_aftersales": {"custcare.return"},
    "custcare_survey": {"custcare.survey.campaign"},
    "custcare_complaint": {"custcare.complaint", "custcare.return"},
}

# Leave evidence pointing at every policy of an addon: one record per policy
# made due, proposed, approved and destroyed; remember the highest numbers.
PREPARE = """
import json
from dateutil.relativedelta import relativedelta
from odoo import fields
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval
addon = {addon!r}
policies = env["custcare.retention.policy"].search([]).filtered(
    lambda p: p.get_external_id()[p.id].startswith(addon + ".")
)
destroyed = []
for policy in policies:
    Model = env[policy.model].with_context(active_test=False)
    record = Model.search(policy._domain(), limit=1) or Model.search([], limit=1)
    if not record:
        continue
    # the record as the policy wants it (closed, say) and old enough
    past = fields.Datetime.now() - relativedelta(years=policy.years + 1)
    values = {{policy.date_field: past}}
    values.update({{leaf[0]: leaf[2] for leaf in safe_eval(policy.domain or "[]")
                   if isinstance(leaf, tuple) and leaf[1] == "="}})
    env.flush_all()
    for name, value in values.items():
        env.cr.execute(SQL("UPDATE %s SET %s = %s WHERE id = %s", SQL.identifier(Model._table),
                           SQL.identifier(name), value, record.id))
    env.invalidate_all()
    destruction = policy._propose()
    destruction.action_submit()
    destruction.action_approve()
    destruction.action_destroy()
    destroyed.append(destruction.id)
capas = env["custcare.capa"].search([("source_ref", "!=", False)])
sources = {{c.id: [c.source_ref._name, c.source_name] for c in capas}}
numbers = {{}}
for seq in env["ir.sequence"].sudo().search([("code", "=like", "custcare.%")]):
    numbers[seq.code] = max(numbers.get(seq.code, 0), seq.number_next_actual)
env.cr.commit()
print("RESULT:" + json.dumps({{"destroyed": destroyed, "sources": sources, "numbers": numbers}}))
"""

# After the uninstall: what is left must still work.
CHECK = """
import json
result = {{}}
destructions = env["custcare.destruction"].browse({destroyed!r}).exists()
result["destructions"] = len(destructions)
result["readable"] = all(d.policy_name and d.model_name and d.line_ids for d in destructions)
result["methods"] = all(d._method_text() for d in destructions)
env["custcare.retention.policy"]._cron_propose_destruction()
env["custcare.destruction"]._cron_run_destructions()
capas = env["custcare.capa"].browse([int(i) for i in {sources!r}]).exists()
result["capa_links"] = {{
    str(c.id): [c.source_ref and c.source_ref._name, c.source_name] for c in capas
}}
env.cr.rollback()
print("RESULT:" + json.dumps(result))
"""

NUMBERS = """
import json
numbers = {{}}
for seq in env["ir.sequence"].sudo().search([("code", "=like", "custcare.%")]):
    numbers[seq.code] = max(numbers.get(seq.code, 0), seq.number_next_actual)
print("RESULT:" + json.dumps(numbers))
"""


class Odoo:
    """odoo-bin on the demo database, failing on any ERROR it logs."""

    def __init__(self, config, db):
        self.config, self.db = config, db

    def run(self, *command, options=(), stdin=None):
        cmd = [sys.executable, str(ODOO_BIN), *command, "-c", self.config, "-d", self.db]
        done = subprocess.run(
            cmd + list(options), input=stdin, capture_output=True, text=True, check=False
        )
        output = done.stdout + done.stderr
        errors = ERROR_LINE.findall(output)
        assert done.returncode == 0 and not errors, f"{' '.join(command)}:\n{output[-4000:]}"
        return output

    def shell(self, script):
        output = self.run("shell", options=["--no-http", "--log-level=warn"], stdin=script)
        return json.loads(re.search(r"^RESULT:(.*)$", output, re.M).group(1))

    def module(self, action, *names):
        return self.run("module", action, options=names)


@pytest.fixture(scope="module")
def demo_db(request):
    config = request.config.getoption("--odoo-config")
    db = f"{request.config.getoption('--odoo-database')}_uninstall"
    odoo_ = Odoo(config, db)
    dropdb = [sys.executable, str(ODOO_BIN), "db", "-c", config, "drop", db]
    subprocess.run(dropdb, capture_output=True, check=False)
    odoo_.run(
        "server",
        options=["-i", ",".join(ADDONS), "--with-demo", "--stop-after-init", "--log-level=warn"],
    )
    yield odoo_
    subprocess.run(dropdb, capture_output=True, check=False)


@pytest.mark.parametrize(
    "addon, removed",
    [
        ("custcare_aftersales", ["custcare_aftersales"]),
        ("custcare_survey", ["custcare_survey"]),
        ("custcare_complaint", ["custcare_aftersales", "custcare_complaint"]),
    ],
)
def test_uninstall_and_reinstall(demo_db, addon, removed):
    before = demo_db.shell(PREPARE.format(addon=addon))
    assert before["destroyed"], f"no demo record of {addon} could be destroyed"
    demo_db.module("uninstall", addon)
    after = demo_db.shell(CHECK.format(destroyed=before["destroyed"], sources=before["sources"]))
    assert after["destructions"] == len(before["destroyed"]), "destruction records are kept"
    assert after["readable"] and after["methods"], "and readable without their addon"
    for capa_id, (model, name) in after["capa_links"].items():
        old_model, old_name = before["sources"][capa_id]
        assert name == old_name, "a CAPA keeps its source's name"
        if old_model in REMOVED_MODELS[addon]:
            assert not model, "and no link that a reinstall would point elsewhere"
    demo_db.module("install", *removed)
    again = demo_db.shell(CHECK.format(destroyed=before["destroyed"], sources=before["sources"]))
    for capa_id, (model, _name) in again["capa_links"].items():
        if before["sources"][capa_id][0] in REMOVED_MODELS[addon]:
            assert not model, "the reinstalled addon's new records are not its source"
    numbers = demo_db.shell(NUMBERS.format())
    for code, next_number in before["numbers"].items():
        assert numbers.get(code, next_number) >= next_number, f"{code}: numbers are never reused"

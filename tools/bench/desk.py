# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: the complaint desk against OCA helpdesk_mgmt 19.0 (the desk a
user would install instead), N records each (default 10,000), read as the web
client reads them, each desk by its own kind of user:

- custcare: a User of Customer Care, member of the complaint team;
- helpdesk_mgmt: a "User: Team tickets", member of the helpdesk team
  (the same reach: own and team records).

Measured, median of 3 after one warm-up, each call with an empty record cache
like a new request:

- desk list, first 80: ``web_search_read`` with the list view's specification
  (what the list view sends, count limit 10,001), no filter;
- kanban grouped read: ``web_read_group`` on the kanban view's default group-by
  with the first 40 cards of each column (what the kanban view sends), no
  filter; helpdesk_mgmt's kanban also asks ``read_progress_bar``, shown apart;
- search by customer name: the list filtered on one customer's name
  (``partner_id ilike``), as typed in the search bar.

Run with ``./custcare bench desk`` (N: CUSTCARE_BENCH_DESK). The records are
made in SQL from one made through the ORM by the desk's user; everything is
rolled back.
"""

import json
import os
import sys

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr
N = b.size("CUSTCARE_BENCH_DESK", 10_000)
CUSTOMERS = max(N // 5, 1)

desk_user = data.user(env, "bench_desk", "custcare_base.group_custcare_user")
helpdesk_user = data.user(env, "bench_helpdesk", "helpdesk_mgmt.group_helpdesk_user_team")
customers = data.customers(env, CUSTOMERS)
team = data.complaint_team(env, desk_user)
hd_team = data.helpdesk_team(env, helpdesk_user)
data.complaints(env, N, customers, desk_user, team)
data.tickets(env, N, customers, helpdesk_user, hd_team)
cr.execute("ANALYZE")
ours = env(user=desk_user.id)["custcare.complaint"]
theirs = env(user=helpdesk_user.id)["helpdesk.ticket"]
assert ours.search_count([]) == N, ours.search_count([])
assert theirs.search_count([]) == N, theirs.search_count([])

anchor = env["ir.module.module"].search([("name", "=", "helpdesk_mgmt")])
b.say(
    f"\ncomplaint desk against helpdesk_mgmt {anchor.latest_version}, {b.fmt_int(N)} records "
    f"each ({b.fmt_int(CUSTOMERS)} customers), median of 3\n"
)

# ------------------------------------------------------------ list, 80 ---
list_spec = {m: b.view_spec(env, m._name, "list")[0] for m in (ours, theirs)}


def list_first_80(model):
    return lambda: model.web_search_read([], list_spec[model], limit=80, count_limit=10001)


results = {m: b.measure(env, list_first_80(m))[:2] for m in (ours, theirs)}
b.compare(
    f"desk list, first 80 of {b.fmt_int(N)} (web_search_read, {len(list_spec[ours])} and "
    f"{len(list_spec[theirs])} fields of the list views)",
    "custcare.complaint",
    results[ours],
    "helpdesk.ticket",
    results[theirs],
    target="at most 1.00",
)

# -------------------------------------------------------------- kanban ---
kanban = {}
for model in (ours, theirs):
    spec, arch = b.view_spec(env, model._name, "kanban")
    kanban[model] = (spec, b.default_group_by(arch), arch.find("progressbar"))


def kanban_read(model):
    spec, group_by, _bar = kanban[model]
    grouped = model.with_context(read_group_expand=True)
    return lambda: grouped.web_read_group(
        [],
        [group_by],
        [],
        auto_unfold=True,
        unfold_read_specification=spec,
        unfold_read_default_limit=40,
    )


results = {m: b.measure(env, kanban_read(m))[:2] for m in (ours, theirs)}


def shape(model):
    """'c columns (f folded), n cards' of the model's kanban read."""
    groups = kanban_read(model)()["groups"]
    folded = sum(1 for g in groups if "__records" not in g)
    cards = sum(len(g.get("__records", ())) for g in groups)
    return f"{len(groups)} columns ({folded} folded), {cards} cards"


b.compare(
    f"kanban grouped read (web_read_group by {kanban[ours][1]} / {kanban[theirs][1]} "
    f"with the first 40 cards per open column: {shape(ours)} / {shape(theirs)})",
    "custcare.complaint",
    results[ours],
    "helpdesk.ticket",
    results[theirs],
    target="at most 1.00",
)
for model in (ours, theirs):
    _spec, group_by, bar = kanban[model]
    if bar is not None:
        progress = {"field": bar.get("field"), "colors": json.loads(bar.get("colors") or "{}")}
        seconds, queries, _times = b.measure(
            env, lambda model=model, g=group_by, p=progress: model.read_progress_bar([], g, p)
        )
        b.say(
            f"  (its kanban also calls read_progress_bar on {bar.get('field')}: "
            f"{b.fmt_time(seconds)}, {queries} queries, not counted above)\n"
        )

# -------------------------------------------------- search by customer ---
name = customers[min(123, len(customers) - 1)].name


def search_customer(model):
    return lambda: model.web_search_read(
        [("partner_id", "ilike", name)], list_spec[model], limit=80, count_limit=10001
    )


results = {m: b.measure(env, search_customer(m))[:2] for m in (ours, theirs)}
found = {m: m.search_count([("partner_id", "ilike", name)]) for m in (ours, theirs)}
b.compare(
    f"search by customer name (“{name}”: {found[ours]} complaints, {found[theirs]} tickets)",
    "custcare.complaint",
    results[ours],
    "helpdesk.ticket",
    results[theirs],
)
cr.rollback()

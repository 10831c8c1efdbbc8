# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: custcare's customer list (Customer Care → Customers) and
customer overview (Customer Care → Customer Overview, the archives) against
Odoo's Contacts list, over N customer companies (default 10,000), each with
its archive and a credential.

Measured as the web client loads a list, as a User of Customer Care (who may
also manage contacts) who keeps every archive (so the user's record rules,
not a manager's, decide what is seen), median of 3 after one warm-up, each
call with an empty record cache: ``web_search_read`` of the first 80 rows
with the list view's specification and the action's domain, count limit
10,001.

Run with ``./custcare bench partner_list`` (N: CUSTCARE_BENCH_PARTNERS).
Everything is rolled back.
"""

import os
import sys
from datetime import timedelta

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

from odoo import fields

env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr
N = b.size("CUSTCARE_BENCH_PARTNERS", 10_000)

user = data.user(env, "bench_desk", "custcare_base.group_custcare_user")
customers = data.customers(env, N)
today = fields.Date.context_today(env["res.users"])
data.archives(env, customers, user, today + timedelta(days=200))
cr.execute("ANALYZE")
as_user = env(user=user.id)


def list_read(model, view_xmlid, domain):
    spec, _arch = b.view_spec(env, model, "list", env.ref(view_xmlid).id)
    records = as_user[model]
    call = lambda: records.web_search_read(  # noqa: E731
        domain, spec, limit=80, count_limit=10001
    )
    return b.measure(env, call)[:2], f"{len(spec)} fields, {b.fmt_int(call()['length'])} rows"


contacts, n_contacts = list_read("res.partner", "base.view_partner_tree", [])
customer_list, n_customers = list_read(
    "res.partner", "custcare_base.res_partner_view_list", [("is_company", "=", True)]
)
overview, n_overview = list_read("custcare.archive", "custcare_base.custcare_archive_view_list", [])
b.say(f"\ncustomer lists over {b.fmt_int(N)} customer companies, median of 3\n")
b.compare(
    f"customer list, first 80 (res.partner, custcare list view: {n_customers}; "
    f"Contacts list view: {n_contacts})",
    "custcare customers",
    customer_list,
    "Odoo Contacts",
    contacts,
    target="at most 1.00",
)
b.compare(
    f"customer overview, first 80 (custcare.archive list view: {n_overview})",
    "custcare customer overview",
    overview,
    "Odoo Contacts",
    contacts,
    target="at most 1.00",
)
cr.rollback()

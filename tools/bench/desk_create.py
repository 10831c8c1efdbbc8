# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: registering complaints one by one as a desk user against
creating OCA helpdesk_mgmt 19.0 tickets one by one as a helpdesk user, N each
(default 1,000).

The users are those of the desk benchmark (a User of Customer Care in the
complaint team; a "User: Team tickets" in the helpdesk team). Each record is
one ``create`` with what the form sends (customer, contact, channel,
category, severity, team, description / title, customer, team, description),
then the pending writes are flushed and the record cache emptied, like one
request per record. Both desks take turns by blocks of 50 so that a change in
the machine's load weighs on both alike; 10 records each warm up first.

Run with ``./custcare bench desk_create`` (N: CUSTCARE_BENCH_CREATE).
Everything is rolled back.
"""

import os
import sys

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr
N = b.size("CUSTCARE_BENCH_CREATE", 1_000)
BLOCK = 50
WARMUP = 10

desk_user = data.user(env, "bench_desk", "custcare_base.group_custcare_user")
helpdesk_user = data.user(env, "bench_helpdesk", "helpdesk_mgmt.group_helpdesk_user_team")
customers = data.customers(env, 200)
team = data.complaint_team(env, desk_user)
hd_team = data.helpdesk_team(env, helpdesk_user)
cr.execute("ANALYZE")
# what the forms send, read beforehand so that no query of this script is counted
customer_values = [(c.id, c.name, c.email) for c in customers]
Complaint = env(user=desk_user.id)["custcare.complaint"]
Ticket = env(user=helpdesk_user.id)["helpdesk.ticket"]
description = "<p>客户反映：第 %s 批产品外观有划痕，要求更换。</p>"


def complaint(i):
    customer_id, _name, _email = customer_values[i % len(customer_values)]
    return Complaint.create(
        {
            "partner_id": customer_id,
            "contact_name": "王经理",
            "contact_phone": "+86 512 6000 0000",
            "channel": "phone",
            "category": "quality",
            "severity": "minor",
            "team_id": team.id,
            "description": description % i,
        }
    )


def ticket(i):
    customer_id, name, email = customer_values[i % len(customer_values)]
    return Ticket.create(
        {
            "name": f"产品外观有划痕（第 {i} 批）",
            "partner_id": customer_id,
            "partner_name": name,
            "partner_email": email,
            "team_id": hd_team.id,
            "description": description % i,
        }
    )


def one_by_one(make, start, count):
    """(seconds, queries) of ``count`` records made one request at a time."""
    with b.Timed() as t:
        for i in range(start, start + count):
            make(i)
            env.flush_all()
            env.invalidate_all()
    return t.seconds, t.queries


one_by_one(complaint, 0, WARMUP)
one_by_one(ticket, 0, WARMUP)
totals = {complaint: [0.0, 0], ticket: [0.0, 0]}
done = 0
while done < N:
    count = min(BLOCK, N - done)
    for make in (complaint, ticket):
        seconds, queries = one_by_one(make, WARMUP + done, count)
        totals[make][0] += seconds
        totals[make][1] += queries
    done += count
assert Complaint.search_count([]) == N + WARMUP
assert Ticket.search_count([]) == N + WARMUP
(t_ours, q_ours), (t_theirs, q_theirs) = totals[complaint], totals[ticket]
b.compare(
    f"\ncreate {b.fmt_int(N)} one by one as a desk user (custcare User / helpdesk_mgmt "
    "User: Team tickets)",
    "custcare.complaint",
    (t_ours, q_ours),
    "helpdesk.ticket",
    (t_theirs, q_theirs),
    target="at most 1.00",
    note=(
        f"per record: custcare {b.fmt_time(t_ours / N)}, {q_ours / N:.1f} queries; "
        f"helpdesk_mgmt {b.fmt_time(t_theirs / N)}, {q_theirs / N:.1f} queries"
    ),
)
cr.rollback()

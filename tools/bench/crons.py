# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: every custcare scheduled job over N records (default 100,000),
and the destruction of N records.

Each job runs the way Odoo's cron worker runs it: ``ir.cron._process_jobs_loop``
on that job alone, in a process of its own (forked from this one, with its own
database connections), so that the job's commits and
``ir.cron._commit_progress(processed, remaining=...)`` batches happen as in
production. Like a cron worker past ``limit_time_real``, the process is killed
after CUSTCARE_BENCH_CRON_LIMIT seconds (default 120, Odoo's default); when a
pass ends with work remaining (the runner reschedules the job at once), passes
are repeated, within CUSTCARE_BENCH_CRON_BUDGET seconds per job (default 300).
For each job it prints time, queries, commits, ``_commit_progress`` calls
(batches), queries per batch, resident memory at start and at peak, and checks
what the job did.

The destruction of N survey forms (an approved destruction record, Destroy
button) runs the same way, as one request killed after the same limit, then
every job it triggered.

Run with ``./custcare bench crons`` (N: CUSTCARE_BENCH_CRON, or
CUSTCARE_BENCH_SCALE for every size). Its data are committed in the throwaway
database, which ``./custcare bench`` drops afterwards.
"""

import os
import sys
import time
from datetime import timedelta

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

from odoo import fields
from odoo.tools import SQL

env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr
N = b.size("CUSTCARE_BENCH_CRON", 100_000)
LIMIT = int(os.environ.get("CUSTCARE_BENCH_CRON_LIMIT") or 120)
BUDGET = int(os.environ.get("CUSTCARE_BENCH_CRON_BUDGET") or 300)
now = fields.Datetime.now()
today = fields.Date.context_today(env["res.users"])


def count(query, *args):
    cr.execute(SQL(query, *args))
    return cr.fetchone()[0]


def how_many(table, condition, ids, *args):
    """How many of ``ids`` in ``table`` meet ``condition`` (formatted)."""
    cr.execute(
        SQL(
            "SELECT count(*) FROM %s WHERE id = ANY(%s) AND " + condition,
            SQL.identifier(table),
            list(ids),
            *args,
        )
    )
    return b.fmt_int(cr.fetchone()[0])


b.say(
    f"\nscheduled jobs over {b.fmt_int(N)} records, each run by Odoo's cron runner in a "
    f"process of its own, killed after {LIMIT} s like a cron worker (at most {BUDGET} s "
    f"per job, {3 * BUDGET} s for the one that mails reminders)\n"
)

# ------------------------------------------------------------------ data ---
started = time.perf_counter()
keeper = data.user(env, "bench_keeper", "custcare_base.group_custcare_archive_keeper")
staff = data.user(env, "bench_staff", "custcare_base.group_custcare_user")
gm = env.ref("base.user_admin")
customers = data.customers(env, N)
# customer archives, each with a business licence expiring in 10 days
archives, credentials = data.archives(
    env, customers, keeper, today + timedelta(days=10), credential_state="valid"
)
# open complaints, received 10 days ago (every other one) or an hour ago
half = N // 2
team = data.complaint_team(env, staff)
old_open = data.complaints(
    env, half, customers, staff, team, state="new", received=now - timedelta(days=10)
)
new_open = data.complaints(
    env, N - half, customers, staff, team, state="new", received=now - timedelta(hours=1)
)
# callbacks due this week: N / 10 delivered orders, 10 callbacks each
plan_proto = env["custcare.callback.plan"].create(
    {
        "name": "SO-BENCH-000001",
        "partner_id": customers[0].id,
        "user_id": staff.id,
        "monthly_months": 1,
        "later_interval": 1,
        "total_months": 1,
    }
)
env.flush_all()
n_plans = max(N // 10, 1)
plan_copies = b.copy_rows(
    cr,
    "custcare_callback_plan",
    plan_proto.id,
    b.rows(partner=b.rotate(customers.ids, n_plans - 1, 1)),
    {"name": SQL("'SO-BENCH-' || lpad((s.g + 2)::text, 6, '0')"), "partner_id": "s.partner"},
)
plan_ids = [plan_proto.id, *plan_copies]
cr.execute(
    SQL("SELECT partner_id FROM custcare_callback_plan WHERE id = ANY(%s) ORDER BY id", plan_ids)
)
plan_partners = [r[0] for r in cr.fetchall()]
callback_proto = plan_proto.callback_ids[:1]
callback_ids = (
    b.copy_rows(
        cr,
        "custcare_callback",
        callback_proto.id,
        b.rows(plan=b.rotate(sorted(plan_ids), N - 1), partner=b.rotate(plan_partners, N - 1)),
        {
            "plan_id": "s.plan",
            "partner_id": "s.partner",
            "scheduled_date": SQL("%s::date + (s.g %% 7)::int", today),
        },
    )
    + callback_proto.ids
)
cr.execute(
    SQL(
        "UPDATE custcare_callback SET scheduled_date = %s, reminded = false, state = 'planned' "
        "WHERE id = %s",
        today,
        callback_proto.id,
    )
)


# satisfaction forms: N answered three years ago (past retention), and N of
# running campaigns: half past their deadline (to void), half to chase
def ago(n):
    return now - timedelta(days=n)


old_campaign = data.campaign(env, "2023 年度顾客满意度调查", "analysed", ago(1100), ago(1040))
old_forms = data.forms(env, old_campaign, customers, N, answered=True, created=ago(1100))
late = data.campaign(env, "上半年调查（已过期）", "running", ago(90), ago(30))
chase = data.campaign(env, "下半年调查（待跟催）", "running", ago(20), ago(-40))
late_forms = data.forms(env, late, customers, half, answered=False)
chase_forms = data.forms(env, chase, customers, N - half, answered=False)
# survey policies: N / 100, each with a management review a year ago (to move
# on and draft) and 100 past campaigns each
n_policies = max(N // 100, 1)
survey = env.ref("custcare_survey.survey_satisfaction")
policy_proto = env["custcare.survey.policy"].create(
    {
        "name": "年度管理评审",
        "survey_id": survey.id,
        "review_date": today - timedelta(days=400),
        "frequency": "1",
    }
)
env.flush_all()
policy_copies = b.copy_rows(
    cr, "custcare_survey_policy", policy_proto.id, b.series(n_policies - 1), {}
)
policy_ids = [policy_proto.id, *policy_copies]
history_proto = data.campaign(env, "历史调查", "analysed", ago(800), ago(740))
cr.execute(
    SQL(
        "UPDATE custcare_survey_campaign SET policy_id = %s, review_date = %s WHERE id = %s",
        policy_proto.id,
        today - timedelta(days=800),
        history_proto.id,
    )
)
b.copy_rows(
    cr,
    "custcare_survey_campaign",
    history_proto.id,
    b.rows(policy=b.rotate(sorted(policy_ids), N - 1)),
    {
        "policy_id": "s.policy",
        "name": SQL("'DC-BENCH-' || lpad((s.g + 2)::text, 7, '0')"),
        "review_date": SQL("%s::date - ((s.g / %s + 1) * 365 + 800)::int", today, n_policies),
    },
)
# service persons for the weekly summary: N / 100, who received this week's
# complaints (the ones of an hour ago) between them
n_persons = max(N // 100, 1)
service_group = env.ref("custcare_base.group_custcare_user")
persons = (
    env["res.users"]
    .with_context(no_reset_password=True, mail_create_nosubscribe=True, tracking_disable=True)
    .create(
        [
            {
                "name": f"基准客服 {i:05d}",
                "login": f"bench_service_{i:05d}",
                "group_ids": [(6, 0, service_group.ids)],
            }
            for i in range(n_persons)
        ]
    )
)
env.flush_all()
cr.execute(
    SQL(
        "UPDATE custcare_complaint c SET first_receiver_id = p.uid, user_id = p.uid "
        "FROM (SELECT id, (%s::int[])[1 + (row_number() OVER (ORDER BY id) - 1) %% %s] AS uid "
        "FROM custcare_complaint WHERE id = ANY(%s)) p WHERE c.id = p.id",
        persons.ids,
        n_persons,
        new_open.ids,
    )
)
env.cr.execute("ANALYZE")
env.cr.commit()
b.say(
    f"data: {b.fmt_int(N)} customers with archives and credentials, {b.fmt_int(N)} open "
    f"complaints, {b.fmt_int(N)} callbacks, {b.fmt_int(2 * N)} satisfaction forms "
    f"({b.fmt_int(N * 7)} answers), {b.fmt_int(n_policies)} survey policies with "
    f"{b.fmt_int(N)} past campaigns, {b.fmt_int(n_persons)} service persons; "
    f"made in {time.perf_counter() - started:.0f} s\n"
)


# ------------------------------------------------------------------ jobs ---
def run(title, xmlid, check, budget=BUDGET):
    cron = env.ref(xmlid)
    b.say(f"{title}\n  job: {cron.cron_name} ({cron.code.strip()})")
    summary = b.run_cron_job(env, cron, LIMIT, budget)
    for line in b.cron_lines(summary):
        b.say(f"  {line}")
    b.say(f"  result: {check()}\n")
    return summary


def activities(model, ids=None):
    if ids is None:
        return count("SELECT count(*) FROM mail_activity WHERE res_model = %s", model)
    return count(
        "SELECT count(*) FROM mail_activity WHERE res_model = %s AND res_id = ANY(%s)", model, ids
    )


archive_activities = activities("custcare.archive")
run(
    f"credential expiry: {b.fmt_int(len(credentials))} credentials expiring in 10 days",
    "custcare_base.ir_cron_credential_expiry",
    lambda: (
        f"{how_many('custcare_credential', 'reminded_expiry_date IS NOT NULL', credentials.ids)} "
        f"of {b.fmt_int(len(credentials))} reminded, "
        f"{b.fmt_int(activities('custcare.archive') - archive_activities)} activities created"
    ),
)
run(
    f"archive credential status: {b.fmt_int(len(archives))} archives (stored status stale)",
    "custcare_base.ir_cron_credential_state",
    lambda: (
        f"{how_many('custcare_archive', 'credential_state = %s', archives.ids, 'expiring')} "
        f"of {b.fmt_int(len(archives))} now 'expiring'"
    ),
)
lines_before = count("SELECT count(*) FROM custcare_destruction_line")


def proposed():
    return count(
        "SELECT count(*) FROM custcare_destruction_line l JOIN custcare_destruction d "
        "ON d.id = l.destruction_id "
        "WHERE d.state = 'proposed' AND l.res_model = 'survey.user_input'"
    )


run(
    f"retention proposal: {b.fmt_int(len(old_forms))} satisfaction forms past retention",
    "custcare_base.ir_cron_retention",
    lambda: f"{b.fmt_int(proposed())} of {b.fmt_int(len(old_forms))} forms proposed",
)
run(
    "retention proposal again (nothing new to propose)",
    "custcare_base.ir_cron_retention",
    lambda: f"{b.fmt_int(proposed())} forms proposed in all",
)

# -------------------------------------------------------- destruction ---
cr.execute("UPDATE custcare_destruction SET state = 'cancelled' WHERE state = 'proposed'")
policy = env.ref("custcare_survey.retention_policy_survey_form")
destruction = env["custcare.destruction"].create(
    {
        "policy_id": policy.id,
        "line_ids": [
            fields.Command.create(
                {
                    "res_model": "survey.user_input",
                    "res_id": old_forms[0].id,
                    "record_name": old_forms[0].display_name,
                }
            )
        ],
    }
)
env.flush_all()
b.copy_rows(
    cr,
    "custcare_destruction_line",
    destruction.line_ids.id,
    b.over(old_forms[1:].ids),
    {"res_id": "s.rid", "record_name": SQL("'BENCH form ' || s.rid")},
)
env.invalidate_all()
destruction.with_user(keeper).action_submit()
destruction.with_user(gm).action_approve()
cr.execute("SELECT coalesce(max(id), 0) FROM ir_cron_trigger")
last_trigger = cr.fetchone()[0]
b.say(
    f"destruction of {b.fmt_int(len(old_forms))} satisfaction forms (approved destruction "
    "record, Destroy button as the archive keeper)"
)


def destroy(registry):
    with registry.cursor() as request_cr:
        request_env = env(cr=request_cr, user=keeper.id)
        request_env["custcare.destruction"].browse(destruction.id).action_destroy()


result = b.run_in_child(env, destroy, LIMIT)
status = (
    (
        f"killed after {result['seconds']:.0f} s, last commit at {result['last_commit_at']:.0f} s"
        if result["commits"]
        else f"killed after {result['seconds']:.0f} s, nothing committed"
    )
    if result["killed"]
    else ("crashed" if result["exitcode"] else "done")
)
b.say(
    f"  request: {status}: {b.fmt_time(result['seconds'])}, {b.fmt_int(result['queries'])} "
    f"queries, {result['commits']} commits, memory: RSS {b.fmt_mb(result['rss_start_kib'])} at "
    f"start, peak {b.fmt_mb(result['peak_kib'])}"
)
cr.execute(SQL("SELECT DISTINCT cron_id FROM ir_cron_trigger WHERE id > %s", last_trigger))
for (cron_id,) in cr.fetchall():
    cron = env["ir.cron"].browse(cron_id)
    b.say(f"  then the job it triggered: {cron.cron_name}")
    for line in b.cron_lines(b.run_cron_job(env, cron, LIMIT, BUDGET)):
        b.say(f"    {line}")
destroyed = count(
    "SELECT count(*) FROM custcare_destruction_line "
    "WHERE destruction_id = %s AND state = 'destroyed'",
    destruction.id,
)
b.say(f"  result: {b.fmt_int(destroyed)} of {b.fmt_int(len(old_forms))} forms destroyed\n")

# ------------------------------------------------------ the other jobs ---
run(
    f"complaint SLA: {b.fmt_int(len(old_open) + len(new_open))} open complaints, "
    f"{b.fmt_int(len(old_open))} past their deadlines",
    "custcare_complaint.ir_cron_complaint_sla",
    lambda: (
        f"{how_many('custcare_complaint', 'sla_breached', (old_open | new_open).ids)} "
        f"flagged (expected {b.fmt_int(len(old_open))})"
    ),
)
callback_activities = activities("custcare.callback")
run(
    f"callback reminders: {b.fmt_int(len(callback_ids))} callbacks due this week",
    "custcare_aftersales.ir_cron_callback_due",
    lambda: (
        f"{how_many('custcare_callback', 'reminded', callback_ids)} "
        f"of {b.fmt_int(len(callback_ids))} reminded, "
        f"{b.fmt_int(activities('custcare.callback') - callback_activities)} activities created"
    ),
)
mails = count("SELECT count(*) FROM mail_mail")
run(
    f"survey chase and void: {b.fmt_int(len(late_forms))} forms past their deadline, "
    f"{b.fmt_int(len(chase_forms))} to chase",
    "custcare_survey.ir_cron_chase_and_void",
    lambda: (
        f"{how_many('survey_user_input', 'custcare_void', late_forms.ids)} "
        f"of {b.fmt_int(len(late_forms))} void, "
        f"{how_many('survey_user_input', 'custcare_reminded_on IS NOT NULL', chase_forms.ids)} "
        f"of {b.fmt_int(len(chase_forms))} chased, "
        f"{b.fmt_int(count('SELECT count(*) FROM mail_mail') - mails)} reminder mails queued"
    ),
    # every reminder is a mail rendered from its template (Odoo's mail.template,
    # about 12 ms each): this job gets three budgets, the runner going on pass
    # after pass as it would in production
    budget=3 * BUDGET,
)
DRAFTS = "SELECT count(*) FROM custcare_survey_campaign WHERE state = 'draft'"
drafts = count(DRAFTS)
run(
    f"survey policy: {b.fmt_int(n_policies)} policies with a review past, "
    f"{b.fmt_int(N)} past campaigns",
    "custcare_survey.ir_cron_draft_campaigns",
    lambda: (
        f"{b.fmt_int(count(DRAFTS) - drafts)} "
        f"campaigns drafted (expected {b.fmt_int(n_policies)}), "
        f"{how_many('custcare_survey_policy', 'review_date >= %s', policy_ids, today)} "
        f"of {b.fmt_int(n_policies)} policies moved to their next review"
    ),
)
WEEKLY = "SELECT count(*) FROM custcare_weekly_summary WHERE person_id = ANY(%s)"
COUNTED = (
    "SELECT coalesce(sum(complaint_received_count), 0) FROM custcare_weekly_summary "
    "WHERE person_id = ANY(%s)"
)
run(
    f"weekly summaries: {b.fmt_int(n_persons)} service persons, "
    f"{b.fmt_int(len(new_open))} complaints received this week between them",
    "custcare_aftersales.ir_cron_weekly_summary",
    lambda: (
        f"{b.fmt_int(count(WEEKLY, persons.ids))} of {b.fmt_int(n_persons)} persons "
        f"given this week's summary, {b.fmt_int(count(COUNTED, persons.ids))} complaints "
        f"counted (expected {b.fmt_int(len(new_open))})"
    ),
)
env.cr.commit()

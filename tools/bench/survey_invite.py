# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: a satisfaction campaign inviting N customers against Odoo's own
survey invitation wizard (survey.invite) for the same N customers, in one run
on one database. Prints time and queries of both and their ratios.

Run with ``./custcare bench survey_invite`` (N: CUSTCARE_BENCH_N, default 1000).
Everything it creates is rolled back.
"""

import os
import time

N = int(os.environ.get("CUSTCARE_BENCH_N", "1000"))
env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr


def measure(label, call):
    env.flush_all()
    env.invalidate_all()
    queries = cr.sql_log_count
    start = time.perf_counter()
    call()
    env.flush_all()
    return label, time.perf_counter() - start, cr.sql_log_count - queries


Partner = env["res.partner"]
ours = Partner.create(
    [
        {
            "name": f"基准客户 {i:04d}",
            "is_company": True,
            "ref": f"BENCHA{i:04d}",
            "email": f"a{i}@bench-a.example.cn",
        }
        for i in range(N)
    ]
)
theirs = Partner.create(
    [
        {
            "name": f"对照客户 {i:04d}",
            "is_company": True,
            "ref": f"BENCHB{i:04d}",
            "email": f"b{i}@bench-b.example.cn",
        }
        for i in range(N)
    ]
)
survey = env.ref("custcare_survey.survey_satisfaction")
campaign = env["custcare.survey.campaign"].create(
    {"title": "benchmark", "survey_id": survey.id, "target_domain": "[('ref', '=like', 'BENCHA%')]"}
)
odoo_survey = survey.copy({"title": "benchmark (Odoo invite)"})
wizard = (
    env["survey.invite"]
    .with_context(default_survey_id=odoo_survey.id)
    .create(
        {
            "survey_id": odoo_survey.id,
            "partner_ids": [(6, 0, theirs.ids)],
            "template_id": env.ref("survey.mail_template_user_input_invite").id,
            "send_email": True,
        }
    )
)
results = [
    measure("custcare campaign.action_send", campaign.action_send),
    measure("Odoo survey.invite.action_invite", wizard.action_invite),
]
assert len(campaign.answer_ids) == N
assert len(odoo_survey.user_input_ids) == N
(_l1, t_ours, q_ours), (_l2, t_odoo, q_odoo) = results
print(f"\ninviting {N} customers (one form and one mail each)")
for label, seconds, queries in results:
    print(f"  {label:36s} {seconds:8.2f} s {queries:8d} queries")
print(f"  ratio custcare / Odoo: time {t_ours / t_odoo:.2f}, queries {q_ours / q_odoo:.2f}\n")
cr.rollback()

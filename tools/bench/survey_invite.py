# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: a satisfaction campaign inviting N customers (default 10,000)
against Odoo's own survey invitation wizard (survey.invite) for N other
customers, in one run on one database. Prints time and queries of both and
their ratios (target: the campaign at most 0.5 of the wizard's time).

Run with ``./custcare bench survey_invite`` (N: CUSTCARE_BENCH_INVITE).
Everything it creates is rolled back.
"""

import os
import sys

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

N = b.size("CUSTCARE_BENCH_INVITE", 10_000)
env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr

ours = data.customers(env, N, prefix="基准客户A")
theirs = data.customers(env, N, prefix="对照客户B")
cr.execute("ANALYZE")
survey = env.ref("custcare_survey.survey_satisfaction")
campaign = env["custcare.survey.campaign"].create(
    {
        "title": "benchmark",
        "survey_id": survey.id,
        "target_domain": "[('name', '=like', '基准客户A %')]",
    }
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
results = {}
for label, call in (
    ("custcare campaign.action_send", campaign.action_send),
    ("Odoo survey.invite.action_invite", wizard.action_invite),
):
    env.invalidate_all(flush=True)
    with b.Timed() as t:
        call()
        env.flush_all()
    results[label] = (t.seconds, t.queries)
assert len(campaign.answer_ids) == N, len(campaign.answer_ids)
assert len(odoo_survey.user_input_ids) == N, len(odoo_survey.user_input_ids)
b.compare(
    f"\ninviting {b.fmt_int(N)} customers (one form and one mail each)",
    "custcare campaign.action_send",
    results["custcare campaign.action_send"],
    "Odoo survey.invite.action_invite",
    results["Odoo survey.invite.action_invite"],
    target="time at most 0.50",
)
cr.rollback()

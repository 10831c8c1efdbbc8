# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Benchmark: the analysis of a satisfaction campaign (Analyse button,
``custcare.survey.campaign.action_analyse``) over N scored answers (default
100,000: the returned forms of the questionnaire's 8 scored questions, and a
quarter as many forms not returned, which the analysis voids), against Odoo's
own survey results page computing its statistics over the same answers (what
``/survey/results`` computes: ``survey._prepare_statistics`` and
``question_and_page_ids._prepare_statistics`` of the answer lines).

Both as the general manager from an empty record cache: the analysis median
of 3 after one warm-up, rolled back to a savepoint after each run; Odoo's
statistics once (they take far longer). Target: the analysis under 2 s.

Run with ``./custcare bench survey_analysis`` (N: CUSTCARE_BENCH_ANSWERS).
Everything is rolled back.
"""

import math
import os
import statistics
import sys
from datetime import timedelta

sys.path.insert(0, os.environ["CUSTCARE_BENCH_LIB"])
import benchdata as data
import benchlib as b

from odoo import fields
from odoo.fields import Domain

env = env  # noqa: F821 - provided by `odoo shell`
cr = env.cr
N = b.size("CUSTCARE_BENCH_ANSWERS", 100_000)
now = fields.Datetime.now()

campaign = data.campaign(
    env, "年度顾客满意度调查", "running", now - timedelta(days=90), now - timedelta(days=30)
)
questions = len(
    campaign.survey_id.question_ids.filtered(
        lambda q: q.question_type == "simple_choice" and q.custcare_dimension_id
    )
)
returned = math.ceil(N / questions)
customers = data.customers(env, max(returned, 1))
data.forms(env, campaign, customers, returned, answered=True)
data.forms(env, campaign, customers, max(returned // 4, 1), answered=False)
cr.execute("ANALYZE")
gm = env.ref("base.user_admin")
ours = campaign.with_user(gm)
survey = campaign.survey_id.with_user(gm)
answers = env["survey.user_input.line"].search_count(
    [("custcare_campaign_id", "=", campaign.id), ("answer_type", "=", "suggestion")]
)


def analyse():
    times, queries = [], 0
    for i in range(4):
        env.invalidate_all(flush=True)
        savepoint = cr.savepoint()
        with b.Timed() as t:
            ours.action_analyse()
            env.flush_all()
        env.invalidate_all()
        savepoint.close(rollback=True)
        if i:
            times.append(t.seconds)
            queries = t.queries
    return statistics.median(times), queries


def odoo_results():
    """What the /survey/results/<survey> route computes before rendering."""
    user_inputs = (
        env["survey.user_input"]
        .sudo()
        ._search(
            Domain("state", "!=", "new")
            & Domain("test_entry", "=", False)
            & Domain("survey_id", "=", survey.id)
        )
    )
    lines = (
        env["survey.user_input.line"].with_user(gm).search([("user_input_id", "in", user_inputs)])
    )
    survey._prepare_statistics(lines)
    survey.question_and_page_ids._prepare_statistics(lines)


b.say(
    f"\nsatisfaction analysis over {b.fmt_int(answers)} scored answers ({b.fmt_int(returned)} "
    f"returned forms, {b.fmt_int(max(returned // 4, 1))} not returned)\n"
)
b.compare(
    "analyse a campaign (action_analyse) against Odoo's survey results statistics",
    "custcare analysis",
    analyse(),
    "Odoo /survey/results statistics",
    b.measure(env, odoo_results, rounds=1, warmup=0)[:2],
    target="custcare under 2 s",
)
cr.rollback()

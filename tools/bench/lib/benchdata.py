# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Data of the benchmarks: one record of each kind made through the ORM (so
that it carries what a real one carries), then copied in SQL as often as
needed (see benchlib.copy_records)."""

from datetime import timedelta

from benchlib import copy_mail, copy_records, copy_rows, over, pick, rotate, rows

from odoo import fields
from odoo.tests.common import new_test_user
from odoo.tools import SQL

STATES = ["new", "investigating", "approval", "feedback", "closed"]
SEVERITIES = ["minor", "minor", "major", "critical"]


def user(env, login, groups, name=None):
    return new_test_user(
        env,
        login=login,
        groups=groups,
        name=name or login,
        context={"no_reset_password": True, "mail_create_nosubscribe": True},
    )


def customers(env, n, prefix="基准客户", tier="general"):
    """n customer companies named ``<prefix> 000001`` ... with an e-mail."""
    Partner = env["res.partner"]
    proto = Partner.create(
        {
            "name": f"{prefix} {1:06d}",
            "is_company": True,
            "customer_tier": tier,
            "email": "c1@bench.example.cn",
            "city": "苏州",
            "street": "星湖街 88 号",
            "phone": "+86 512 0000 0001",
        }
    )
    if n == 1:
        return proto
    name = SQL("%s || lpad((s.g + 2)::text, 6, '0')", f"{prefix} ")
    copies = copy_records(
        proto,
        n - 1,
        {
            "name": name,
            "complete_name": name,
            "commercial_partner_id": "s.new_id",
            "email": SQL("'c' || (s.g + 2) || %s", "@bench.example.cn"),
        },
        mail=False,
    )
    return proto | copies


def complaint_team(env, members, name="基准投诉组"):
    return env["custcare.complaint.team"].create(
        {"name": name, "member_ids": [fields.Command.set(members.ids)], "leader_id": members[0].id}
    )


def complaints(env, n, partners, user, team=None, state=None, received=None, extra=None):
    """n complaints of ``partners`` (in turn), registered by ``user``:
    the first through the ORM as that user, the others copied from it. States
    rotate over the workflow unless ``state`` is given; ``received`` (a
    datetime) is when they were received (else spread over the past days)."""
    Complaint = env["custcare.complaint"].with_user(user)
    proto = Complaint.create(
        {
            "partner_id": partners[0].id,
            "contact_name": "王经理",
            "contact_phone": "+86 512 6000 0000",
            "channel": "phone",
            "category": "quality",
            "severity": "minor",
            "team_id": team.id if team else False,
            "description": "<p>产品外观有划痕，客户要求更换。</p>",
        }
    ).sudo()
    if received or state:
        env.flush_all()
        env.cr.execute(
            SQL(
                "UPDATE custcare_complaint SET received_at = coalesce(%s, received_at), "
                "state = coalesce(%s, state), response_deadline = coalesce(%s, received_at) + "
                "interval '16 hours', resolution_deadline = coalesce(%s, received_at) + "
                "interval '80 hours' WHERE id = %s",
                received,
                state,
                received,
                received,
                proto.id,
            )
        )
        env.invalidate_all()
    if n == 1:
        return proto
    received_sql = (
        SQL("%s::timestamp", received)
        if received
        else SQL("(now() AT TIME ZONE 'UTC') - (s.g || ' minutes')::interval")
    )
    state_sql = SQL("%s", state) if state else pick(STATES)
    severity = pick(SEVERITIES)
    copies = copy_records(
        proto,
        n - 1,
        {
            "name": SQL("'KS-BENCH-' || lpad((s.g + 2)::text, 7, '0')"),
            "partner_id": "s.partner",
            "customer_name": SQL(
                "(SELECT c.name FROM res_partner p JOIN res_partner c "
                "ON c.id = coalesce(p.commercial_partner_id, p.id) WHERE p.id = s.partner)"
            ),
            "state": state_sql,
            "severity": severity,
            "priority": SQL(
                "CASE %s WHEN 'critical' THEN '2' WHEN 'major' THEN '1' ELSE '0' END", severity
            ),
            "received_at": received_sql,
            "response_deadline": SQL("%s + interval '16 hours'", received_sql),
            "resolution_deadline": SQL("%s + interval '80 hours'", received_sql),
            **(extra or {}),
        },
        partner=rotate(partners.ids, n - 1),
    )
    return proto | copies


def helpdesk_team(env, members, name="基准服务台"):
    return env["helpdesk.ticket.team"].create(
        {"name": name, "user_ids": [fields.Command.set(members.ids)]}
    )


def tickets(env, n, partners, user, team):
    """n helpdesk_mgmt tickets, as complaints(): the first as ``user``
    through the ORM, the others copied; stages rotate over the team's."""
    Ticket = env["helpdesk.ticket"].with_user(user)
    proto = Ticket.create(
        {
            "name": "产品外观有划痕",
            "partner_id": partners[0].id,
            "partner_name": partners[0].name,
            "partner_email": partners[0].email,
            "team_id": team.id,
            "description": "<p>产品外观有划痕，客户要求更换。</p>",
        }
    ).sudo()
    if n == 1:
        return proto
    stages = team._get_applicable_stages()
    copies = copy_records(
        proto,
        n - 1,
        {
            "number": SQL("'HT-BENCH-' || lpad((s.g + 2)::text, 7, '0')"),
            "partner_id": "s.partner",
            "commercial_partner_id": "s.partner",
            "partner_name": "s.partner_name",
            "partner_email": "s.partner_email",
            "stage_id": pick(stages.ids),
            "create_date": SQL("(now() AT TIME ZONE 'UTC') - (s.g || ' minutes')::interval"),
        },
        partner=rotate(partners.ids, n - 1),
        partner_name=rotate(partners.mapped("name"), n - 1),
        partner_email=rotate(partners.mapped("email"), n - 1),
    )
    return proto | copies


def archives(env, partners, keeper, credential_expiry=None, credential_state=None):
    """One archive per partner kept by ``keeper`` (and one credential each
    expiring on ``credential_expiry`` when given): the first through the ORM,
    the others copied; ``credential_state`` overrides their stored credential
    status. Returns (archives, credentials)."""
    Archive = env["custcare.archive"]
    proto = Archive.create({"partner_id": partners[0].id, "keeper_id": keeper.id})
    credentials = env["custcare.credential"]
    if credential_expiry:
        credentials = credentials.create(
            {
                "archive_id": proto.id,
                "kind": "business_licence",
                "number": "91320500MA1BENCH01",
                "authority": "苏州市市场监督管理局",
                "expiry_date": credential_expiry,
            }
        )
    rest = partners[1:]
    if not rest:
        return proto, credentials
    env.flush_all()
    cr = env.cr
    overrides = {"partner_id": "s.rid"}
    if credential_state:
        overrides["credential_state"] = SQL("%s", credential_state)
        cr.execute(
            SQL(
                "UPDATE custcare_archive SET credential_state = %s WHERE id = %s",
                credential_state,
                proto.id,
            )
        )
    archive_ids = copy_rows(cr, "custcare_archive", proto.id, over(rest.ids), overrides)
    copy_mail(proto, archive_ids)
    if credential_expiry:
        cr.execute(
            SQL(
                "SELECT id, partner_id FROM custcare_archive WHERE id = ANY(%s) ORDER BY id",
                archive_ids,
            )
        )
        fetched = cr.fetchall()
        new = copy_rows(
            cr,
            "custcare_credential",
            credentials.id,
            over([r[0] for r in fetched], partner=[r[1] for r in fetched]),
            {
                "archive_id": "s.rid",
                "partner_id": "s.partner",
                "number": SQL("'91320500BENCH' || lpad(s.g::text, 6, '0')"),
            },
        )
        credentials |= credentials.browse(new)
    env.invalidate_all()
    return proto | Archive.browse(archive_ids), credentials


def days_ago(n):
    return fields.Datetime.now() - timedelta(days=n)


def campaign(env, title, state="running", sent=None, deadline=None, customers=None):
    """A satisfaction campaign on the custcare questionnaire, put in ``state``
    with the given sending date and deadline (datetimes)."""
    survey = env.ref("custcare_survey.survey_satisfaction")
    record = env["custcare.survey.campaign"].create(
        {"title": title, "survey_id": survey.id, "target_domain": "[('id', '=', 0)]"}
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            "UPDATE custcare_survey_campaign SET state = %s, sent_date = %s, deadline = %s "
            "WHERE id = %s",
            state,
            sent,
            deadline,
            record.id,
        )
    )
    env.invalidate_all()
    return record


def forms(env, campaign, partners, n, answered=True, created=None):
    """n satisfaction forms of ``campaign``, one per partner in turn: the
    first made as campaign.action_send makes them (and answered like the
    demo data: every scored question, then done), the others copied with
    their answers, whose scores rotate over 1-5. ``created``: their creation
    date. Returns the forms."""
    Answer = env["survey.user_input"]
    survey = campaign.survey_id
    first = partners[0]
    proto = Answer.with_context(tracking_disable=True).create(
        {
            "survey_id": survey.id,
            "partner_id": first.id,
            "email": first.email,
            "nickname": first.name,
            "deadline": campaign.deadline,
            "invite_token": Answer._generate_invite_token(),
            "custcare_campaign_id": campaign.id,
            "custcare_customer_id": first.id,
            "custcare_tier": first.customer_tier,
        }
    )
    questions = survey.question_ids.filtered(
        lambda q: q.question_type == "simple_choice" and q.custcare_dimension_id
    )
    if answered:
        for question in questions:
            proto._save_lines(question, question.suggested_answer_ids[:1].id)
        proto._mark_done()
    env.flush_all()
    cr = env.cr
    overrides = {
        "partner_id": "s.partner",
        "custcare_customer_id": "s.partner",
        "email": "s.email",
        "nickname": "s.nickname",
        "access_token": SQL("md5(random()::text || s.g::text)"),
    }
    if created:
        overrides["create_date"] = SQL("%s::timestamp", created)
        cr.execute(
            SQL("UPDATE survey_user_input SET create_date = %s WHERE id = %s", created, proto.id)
        )
    source = rows(
        partner=rotate(partners.ids, n - 1, 1),
        email=rotate(partners.mapped("email"), n - 1, 1),
        nickname=rotate(partners.mapped("name"), n - 1, 1),
    )
    ids = copy_rows(cr, "survey_user_input", proto.id, source, overrides) if n > 1 else []
    if answered and ids:
        cr.execute(
            SQL(
                "SELECT id, custcare_customer_id FROM survey_user_input WHERE id = ANY(%s) "
                "ORDER BY id",
                ids,
            )
        )
        fetched = cr.fetchall()
        source = over([r[0] for r in fetched], customer=[r[1] for r in fetched])
        for k, line in enumerate(proto.user_input_line_ids.sorted("id")):
            choices = line.question_id.suggested_answer_ids.sorted("answer_score")
            index = f"s.g * 3 + {k}"
            copy_rows(
                cr,
                "survey_user_input_line",
                line.id,
                source,
                {
                    "user_input_id": "s.rid",
                    "custcare_customer_id": "s.customer",
                    "suggested_answer_id": pick(choices.ids, index),
                    "answer_score": pick(choices.mapped("answer_score"), index),
                    **({"create_date": SQL("%s::timestamp", created)} if created else {}),
                },
            )
    env.invalidate_all()
    return proto | Answer.browse(ids)

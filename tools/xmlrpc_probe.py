#!/usr/bin/env python3
"""Try the forgeries of issue 10 through XML-RPC against a running
``./custcare run`` (demo data), as each demo role, and print one line per
probe: what was expected, what happened.

    python3 tools/xmlrpc_probe.py [--url http://127.0.0.1:8069] [--db custcare]

Only the standard library. It creates its own records in the demo database
(names start with "PROBE"); run it against a demo database only. Exit status
1 when a probe did not get what was expected.
"""

import argparse
import datetime
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request
import xmlrpc.client

ROLES = {
    "sales": "zhaomin",
    "sales2": "zhoukai",
    "qc": "qianjin",
    "keeper": "sunli",
    "manager": "liqiang",
    "gm": "admin",
}
INTERNAL = {"user_id", "sla_breached", "resolution_deadline", "repeat_contact_count"}
# /xmlrpc/2 fault codes of the refusals (UserError covers ValidationError)
REFUSALS = {2: "UserError", 3: "AccessDenied", 4: "AccessError"}
# USCC check character (GB 32100-2015)
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc(first17):
    total = sum(ALPHABET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    return first17 + ALPHABET[(31 - total % 31) % 31]


def now(days=0):
    moment = datetime.datetime.now(datetime.UTC).replace(tzinfo=None)
    return (moment + datetime.timedelta(days=days)).strftime("%Y-%m-%d %H:%M:%S")


def today(days=0):
    return (datetime.date.today() + datetime.timedelta(days=days)).isoformat()


class Refused(Exception):
    """The server refused the call (AccessError, UserError, ValidationError)."""


class Session:
    def __init__(self, url, db, login, password=None):
        self.url, self.db, self.login = url, db, login
        self.password = password or login
        common = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common")
        self.uid = common.authenticate(db, login, self.password, {})
        if not self.uid:
            raise SystemExit(f"cannot log in as {login}")
        self.proxy = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

    def __call__(self, model, method, *args, **kwargs):
        try:
            return self.proxy.execute_kw(
                self.db, self.uid, self.password, model, method, list(args), kwargs
            )
        except xmlrpc.client.Fault as fault:
            kind = REFUSALS.get(fault.faultCode)
            if kind:
                raise Refused(f"{kind}: {fault.faultString.strip().splitlines()[0]}") from None
            raise

    def web(self):
        """An HTTP session logged in as this user (for prints and pages)."""
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(f"{self.url}/web/login").read().decode()
        token = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        data = urllib.parse.urlencode(
            {"login": self.login, "password": self.password, "csrf_token": token}
        ).encode()
        opener.open(f"{self.url}/web/login", data)
        return opener


class Probe:
    def __init__(self):
        self.failures = 0
        self.count = 0

    def __call__(self, role, label, expected, action):
        """expected: "refused" or "accepted"; action returns an optional note."""
        self.count += 1
        try:
            note = action()
            actual = "accepted" + (f" ({note})" if note else "")
            ok = expected == "accepted"
        except Refused as refusal:
            actual = f"refused ({refusal})"
            ok = expected == "refused"
        except (xmlrpc.client.Fault, OSError, AssertionError) as error:
            text = error.faultString if isinstance(error, xmlrpc.client.Fault) else str(error)
            actual = f"ERROR ({text.strip().splitlines()[-1][:160]})"
            ok = False
        self.failures += not ok
        status = "OK " if ok else "BAD"
        print(f"{status} {role:8} {label:58} expected {expected:8} got {actual[:170]}")
        return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("--db", default="custcare")
    args = parser.parse_args()
    s = {role: Session(args.url, args.db, login) for role, login in ROLES.items()}
    gm, sales, qc, keeper, manager = s["gm"], s["sales"], s["qc"], s["keeper"], s["manager"]
    uid = {role: session.uid for role, session in s.items()}
    probe = Probe()

    # ------------------------------------------------------------ set-up (GM)
    partner = sales("res.partner", "search", [("account_manager_id", "=", uid["sales"])], limit=1)
    partner = partner[0] if partner else gm("res.partner", "search", [("is_company", "=", True)])[0]
    other_archive = gm(
        "custcare.archive",
        "search",
        [("account_manager_id", "!=", uid["sales"]), ("keeper_id", "!=", uid["sales"])],
        limit=1,
    )[0]
    other_partner = gm("custcare.archive", "read", [other_archive], ["partner_id"])[0][
        "partner_id"
    ][0]
    product = gm("product.product", "search", [("is_storable", "=", True)], limit=1)
    product = product[0] if product else gm("product.product", "search", [], limit=1)[0]
    portal_group = gm("ir.model.data", "check_object_reference", "base", "group_portal")[1]
    contact = gm("res.partner", "create", {"name": "PROBE 门户联系人", "parent_id": partner})
    portal_login = f"probe_portal_{contact}"
    gm(
        "res.users",
        "create",
        {
            "name": "PROBE 门户用户",
            "login": portal_login,
            "password": portal_login,
            "partner_id": contact,
            "group_ids": [(6, 0, [portal_group])],
        },
    )
    portal = Session(args.url, args.db, portal_login)
    state = {}

    # --------------------------------------------------------- complaints
    def complaint(**vals):
        return sales(
            "custcare.complaint",
            "create",
            {"partner_id": partner, "description": "<p>PROBE 外壳尺寸超差</p>", **vals},
        )

    state["complaint"] = complaint()
    c = state["complaint"]
    probe(
        "sales",
        "close a new complaint: write state=closed",
        "refused",
        lambda: sales("custcare.complaint", "write", [c], {"state": "closed"}),
    )
    probe(
        "sales", "create a complaint already closed", "refused", lambda: complaint(state="closed")
    )
    sales("custcare.complaint", "action_register_repeat_contact", [c])
    probe(
        "sales",
        "reset repeat_contact_count to 0",
        "refused",
        lambda: sales("custcare.complaint", "write", [c], {"repeat_contact_count": 0}),
    )
    probe(
        "sales",
        "move response_deadline a year out",
        "refused",
        lambda: sales("custcare.complaint", "write", [c], {"response_deadline": now(365)}),
    )
    probe(
        "sales",
        "write sla_breached / responded_at",
        "refused",
        lambda: sales(
            "custcare.complaint", "write", [c], {"sla_breached": False, "responded_at": now()}
        ),
    )
    probe(
        "sales",
        "complaint received a year in the future",
        "refused",
        lambda: complaint(received_at=now(365)),
    )
    probe(
        "sales",
        "10,000-character contact phone",
        "refused",
        lambda: complaint(contact_phone="1" * 10000),
    )
    probe(
        "sales",
        "10,000-character contact name",
        "refused",
        lambda: complaint(contact_name="王" * 10000),
    )

    def transfer_to_portal():
        wizard = sales(
            "custcare.complaint.transfer.wizard",
            "create",
            {"complaint_ids": [(6, 0, [c])], "to_user_id": portal.uid, "reason": "PROBE"},
        )
        return sales("custcare.complaint.transfer.wizard", "action_transfer", [wizard])

    probe("sales", "transfer a complaint to a portal user", "refused", transfer_to_portal)

    def portal_read(model, record):
        def read():
            values = portal(model, "read", [record])[0]
            leaked = INTERNAL & set(values)
            assert not leaked, f"internal fields shown: {sorted(leaked)}"
            return f"{len(values)} fields, none internal"

        return read

    probe(
        "portal",
        "read() a complaint without field list",
        "accepted",
        portal_read("custcare.complaint", c),
    )
    probe(
        "portal",
        "read another customer's complaint",
        "refused",
        lambda: portal(
            "custcare.complaint",
            "read",
            gm("custcare.complaint", "search", [("partner_id", "!=", partner)], limit=1),
            ["name"],
        ),
    )

    # QC issues a CAPA; the first receiver prints the complaint
    def issue_capa():
        qc("custcare.complaint", "action_start_investigation", [c])
        qc(
            "custcare.complaint",
            "write",
            [c],
            {"root_cause": "<p>模具磨损</p>", "responsibility": "company"},
        )
        action = qc("custcare.complaint", "action_create_capa", [c])
        state["capa"] = action["res_id"]

    probe("qc", "investigate and issue a CAPA", "accepted", issue_capa)

    def print_complaint():
        opener = sales.web()
        url = f"{args.url}/report/pdf/custcare_complaint.report_custcare_complaint/{c}"
        response = opener.open(url, timeout=300)
        body = response.read()
        assert response.status == 200 and body[:4] == b"%PDF", f"HTTP {response.status}"
        return f"HTTP 200, PDF of {len(body)} bytes"

    probe(
        "sales", "first receiver prints the complaint after the CAPA", "accepted", print_complaint
    )
    probe(
        "manager",
        "delete a complaint under investigation",
        "refused",
        lambda: manager("custcare.complaint", "unlink", [c]),
    )
    probe(
        "gm",
        "delete a complaint under investigation",
        "refused",
        lambda: gm("custcare.complaint", "unlink", [c]),
    )

    # ------------------------------------------------------------- CAPA
    capa = state.get("capa")
    if capa:
        qc(
            "custcare.capa",
            "write",
            [capa],
            {"responsible_id": uid["sales"], "due_date": today(14)},
        )
        qc("custcare.capa", "action_issue", [capa])
        probe(
            "sales",
            "own CAPA: state=verified, verified_by_id=QC",
            "refused",
            lambda: sales(
                "custcare.capa", "write", [capa], {"state": "verified", "verified_by_id": uid["qc"]}
            ),
        )
        probe(
            "sales",
            "own CAPA: verify it himself",
            "refused",
            lambda: sales("custcare.capa", "action_verify_effective", [capa]),
        )

        def verify():
            sales(
                "custcare.capa",
                "write",
                [capa],
                {"corrective_action": "<p>更换模具</p>", "implementation": "<p>完成</p>"},
            )
            sales("custcare.capa", "action_implemented", [capa])
            qc("custcare.capa", "action_verify_effective", [capa])

        probe("qc", "verify the implemented CAPA", "accepted", verify)
        probe(
            "manager",
            "delete a verified CAPA",
            "refused",
            lambda: manager("custcare.capa", "unlink", [capa]),
        )
        probe(
            "gm", "delete a verified CAPA", "refused", lambda: gm("custcare.capa", "unlink", [capa])
        )

    # ------------------------------------------------------ access grants
    grant_vals = {
        "user_id": uid["sales"],
        "partner_ids": [(6, 0, [other_partner])],
        "reason": "PROBE",
        "valid_until": now(2),
    }
    grant = sales("custcare.access.grant", "create", grant_vals)
    probe(
        "sales",
        "own grant: approval_state=approved",
        "refused",
        lambda: sales(
            "custcare.access.grant",
            "write",
            [grant],
            {"approval_state": "approved", "approved_by_id": uid["manager"]},
        ),
    )
    sales("custcare.access.grant", "action_submit", [grant])
    probe(
        "sales",
        "own grant: approve it himself",
        "refused",
        lambda: sales("custcare.access.grant", "action_approve", [grant]),
    )
    probe(
        "sales",
        "then read credit_limit of that archive",
        "refused",
        lambda: sales("custcare.archive", "read", [other_archive], ["credit_limit"]),
    )

    def search_credit():
        rows = sales(
            "custcare.archive", "search_read", [("id", "=", other_archive)], ["credit_limit"]
        )
        assert not rows, "the archive was found"
        return "0 rows"

    probe("sales", "search_read that archive's credit_limit", "accepted", search_credit)
    probe(
        "sales",
        "grant naming no customer",
        "refused",
        lambda: sales("custcare.access.grant", "create", {**grant_vals, "partner_ids": []}),
    )
    probe(
        "keeper",
        "negative credit limit",
        "refused",
        lambda: keeper("custcare.archive", "write", [other_archive], {"credit_limit": -1}),
    )
    probe(
        "keeper",
        "negative registered capital",
        "refused",
        lambda: keeper("custcare.archive", "write", [other_archive], {"registered_capital": -1}),
    )
    approved = gm("custcare.archive", "search", [("approval_state", "=", "approved")], limit=1)
    probe(
        "manager",
        "delete an approved archive",
        "refused",
        lambda: manager("custcare.archive", "unlink", approved),
    )

    # ------------------------------------------------------- destruction
    destruction = gm("custcare.destruction", "search", [], limit=1)
    for model in ("res.partner", "no.such.model"):
        probe(
            "keeper",
            f"destruction line for {model}",
            "refused",
            lambda model=model: keeper(
                "custcare.destruction.line",
                "create",
                {
                    "destruction_id": destruction[0] if destruction else 1,
                    "res_model": model,
                    "res_id": 1,
                    "record_name": "旧投诉",
                },
            ),
        )
    if destruction:
        for vals in ({"state": "done"}, {"executed_by_id": uid["keeper"]}):
            probe(
                "keeper",
                f"forge destruction {vals}",
                "refused",
                lambda vals=vals: keeper("custcare.destruction", "write", destruction, vals),
            )
    probe(
        "keeper",
        "mark an archive destroyed",
        "refused",
        lambda: keeper("custcare.archive", "write", [other_archive], {"destroyed": True}),
    )
    probe(
        "manager",
        "retention policy for res.partner",
        "refused",
        lambda: manager(
            "custcare.retention.policy",
            "create",
            {
                "name": "PROBE",
                "model_id": gm("ir.model", "search", [("model", "=", "res.partner")])[0],
            },
        ),
    )

    # ---------------------------------------------------------- partners
    code = uscc(f"Y1110105MA{contact:07d}")
    probe(
        "sales",
        "USCC of registration authority Y",
        "accepted",
        lambda: f"partner {sales('res.partner', 'create', {'name': 'PROBE Y', 'uscc': code})}",
    )
    shared = uscc(f"91320500MA{contact:07d}")
    sales("res.partner", "create", {"name": "PROBE 共享", "is_company": True, "uscc": shared})
    probe(
        "sales",
        "company partner reusing a shared partner's USCC",
        "refused",
        lambda: sales(
            "res.partner", "create", {"name": "PROBE 本公司", "uscc": shared, "company_id": 1}
        ),
    )

    # ----------------------------------------------------------- surveys
    survey = gm("survey.survey", "search", [("survey_type", "in", ("survey", "custom"))], limit=1)
    campaign = sales(
        "custcare.survey.campaign", "create", {"title": "PROBE 调查", "survey_id": survey[0]}
    )
    probe(
        "sales",
        "unsent campaign: state=analysed, overall_score=4.9",
        "refused",
        lambda: sales(
            "custcare.survey.campaign",
            "write",
            [campaign],
            {"state": "analysed", "overall_score": 4.9},
        ),
    )
    analysed = gm("custcare.survey.campaign", "search", [("state", "=", "analysed")], limit=1)
    if analysed:
        probe(
            "gm",
            "analysed campaign back to draft",
            "refused",
            lambda: gm("custcare.survey.campaign", "write", analysed, {"state": "draft"}),
        )
        probe(
            "manager",
            "rewrite an analysed campaign's overall_score",
            "refused",
            lambda: manager("custcare.survey.campaign", "write", analysed, {"overall_score": 4.9}),
        )
        probe(
            "manager",
            "delete an analysed campaign (and its answers)",
            "refused",
            lambda: manager("custcare.survey.campaign", "unlink", analysed),
        )
        forms = gm(
            "survey.user_input", "search", [("custcare_campaign_id", "=", analysed[0])], limit=1
        )
        result = gm(
            "custcare.survey.result", "search", [("campaign_id", "=", analysed[0])], limit=1
        )
        probe(
            "sales",
            "mark a campaign form void",
            "refused",
            lambda: sales("survey.user_input", "write", forms, {"custcare_void": True}),
        )
        probe(
            "sales",
            "delete a campaign form",
            "refused",
            lambda: sales("survey.user_input", "unlink", forms),
        )
        probe(
            "sales2",
            "rewrite a campaign result",
            "refused",
            lambda: s["sales2"]("custcare.survey.result", "write", result, {"average": 5}),
        )
        probe(
            "sales2",
            "delete a campaign result",
            "refused",
            lambda: s["sales2"]("custcare.survey.result", "unlink", result),
        )
    probe(
        "sales",
        "edit a questionnaire (not a survey officer)",
        "refused",
        lambda: sales("survey.survey", "write", survey, {"title": "PROBE"}),
    )

    # --------------------------------------------------------- after-sales
    ret = sales(
        "custcare.return",
        "create",
        {
            "partner_id": partner,
            "line_ids": [(0, 0, {"product_id": product, "quantity": 2, "reason": "PROBE"})],
        },
    )
    sales("custcare.return", "action_receive", [ret])
    probe(
        "sales",
        "received return: state=inspected",
        "refused",
        lambda: sales("custcare.return", "write", [ret], {"state": "inspected"}),
    )
    probe(
        "sales",
        "enter QC's split himself",
        "refused",
        lambda: sales(
            "custcare.return.line",
            "write",
            sales("custcare.return", "read", [ret], ["line_ids"])[0]["line_ids"],
            {"qty_conforming": 0, "qty_nonconforming": 2},
        ),
    )
    probe(
        "sales",
        "replenish with no QC decision",
        "refused",
        lambda: sales("custcare.return", "action_replenish", [ret]),
    )
    probe(
        "sales2",
        "delete another's return line",
        "refused",
        lambda: s["sales2"](
            "custcare.return.line",
            "unlink",
            gm("custcare.return", "read", [ret], ["line_ids"])[0]["line_ids"],
        ),
    )
    probe(
        "portal",
        "read() a return without field list",
        "accepted",
        portal_read("custcare.return", ret),
    )
    probe(
        "sales2",
        "read another's return (colleague)",
        "refused",
        lambda: s["sales2"]("custcare.return", "read", [ret], ["name"]),
    )

    month = today()[:8] + "01"
    visit = sales("custcare.visit", "create", {"partner_id": partner, "plan_month": month})
    gift = sales(
        "custcare.gift.request",
        "create",
        {"visit_id": visit, "name": "PROBE 台历", "value": 80, "reason": "拜访"},
    )
    probe(
        "sales",
        "gift: approval_state=approved",
        "refused",
        lambda: sales("custcare.gift.request", "write", [gift], {"approval_state": "approved"}),
    )
    sales("custcare.gift.request", "action_submit", [gift])
    probe(
        "sales",
        "approve his own gift",
        "refused",
        lambda: sales("custcare.gift.request", "action_approve", [gift]),
    )
    probe(
        "sales",
        "visit dated 2020 on this month's plan",
        "refused",
        lambda: sales("custcare.visit", "write", [visit], {"visit_date": "2020-05-12"}),
    )
    manager("custcare.gift.request", "action_approve", [gift])
    sales("custcare.visit", "write", [visit], {"visit_date": today(), "key_gains": "PROBE"})
    sales("custcare.visit", "action_done", [visit])
    probe(
        "sales",
        "gift requested after the visit",
        "refused",
        lambda: sales(
            "custcare.gift.request",
            "create",
            {"visit_id": visit, "name": "PROBE 茶叶", "value": 80, "reason": "补"},
        ),
    )

    service = sales(
        "custcare.service.request",
        "create",
        {
            "partner_id": partner,
            "product_id": product,
            "symptom": "PROBE",
            "part_ids": [(0, 0, {"product_id": product, "unit_cost": 30})],
        },
    )
    for vals in ({"hours": -3}, {"hourly_rate": -100}):
        probe(
            "sales",
            f"service {vals}",
            "refused",
            lambda vals=vals: sales("custcare.service.request", "write", [service], vals),
        )
    part = sales("custcare.service.request", "read", [service], ["part_ids"])[0]["part_ids"]
    probe(
        "sales",
        "part unit_cost -300",
        "refused",
        lambda: sales("custcare.service.part", "write", part, {"unit_cost": -300}),
    )
    probe(
        "sales",
        "10,000-character 'picked up by'",
        "refused",
        lambda: sales(
            "custcare.service.request", "write", [service], {"picked_up_by": "王" * 10000}
        ),
    )
    probe(
        "sales2",
        "delete another's service part",
        "refused",
        lambda: s["sales2"]("custcare.service.part", "unlink", part),
    )

    # a delivery, tracked; the salesman registers a complaint from a callback
    out_type = gm("stock.picking.type", "search", [("code", "=", "outgoing")], limit=1)[0]
    types = gm("stock.picking.type", "read", [out_type], ["default_location_src_id"])[0]
    customers = gm("stock.location", "search", [("usage", "=", "customer")], limit=1)[0]
    picking = gm(
        "stock.picking",
        "create",
        {
            "partner_id": partner,
            "picking_type_id": out_type,
            "move_ids": [
                (
                    0,
                    0,
                    {
                        "product_id": product,
                        "product_uom_qty": 1,
                        "location_id": types["default_location_src_id"][0],
                        "location_dest_id": customers,
                    },
                )
            ],
        },
    )
    gm("stock.picking", "action_confirm", [picking])
    gm(
        "stock.move",
        "write",
        gm("stock.picking", "read", [picking], ["move_ids"])[0]["move_ids"],
        {"quantity": 1, "picked": True},
    )
    gm("stock.picking", "button_validate", [picking], context={"skip_sms": True})
    plan = gm("stock.picking", "action_custcare_track", [picking])["res_id"]
    gm("custcare.callback.plan", "write", [plan], {"user_id": uid["sales"]})
    callback = gm("custcare.callback", "search", [("plan_id", "=", plan)], limit=1)
    sales(
        "custcare.callback",
        "write",
        callback,
        {"contact_name": "王采购", "quality_feedback": "PROBE 外壳有裂纹"},
    )
    probe(
        "sales",
        "create a complaint from a callback on a delivery",
        "accepted",
        lambda: str(sales("custcare.callback", "action_create_complaint", callback)["res_id"]),
    )
    probe(
        "portal",
        "read own delivery",
        "accepted",
        lambda: portal("stock.picking", "read", [picking], ["name"])[0]["name"],
    )

    def long_receiver():
        # printing the delivery note (交货单) gives the delivery its receipt link
        gm.web().open(
            f"{args.url}/report/html/custcare_aftersales.report_custcare_delivery_note/{picking}"
        ).read()
        token = gm("stock.picking", "read", [picking], ["custcare_access_token"])[0]
        token = token["custcare_access_token"]
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        url = f"{args.url}/custcare/delivery/{picking}/{token}"
        page = opener.open(url).read().decode()
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page)[1]
        answer = opener.open(
            url,
            urllib.parse.urlencode(
                {"csrf_token": csrf, "action": "confirm", "received_by": "王" * 10000}
            ).encode(),
        )
        page = answer.read().decode()
        received = gm("stock.picking", "read", [picking], ["custcare_received_by"])[0]
        if received["custcare_received_by"]:
            return f"stored {len(received['custcare_received_by'])} characters"
        said = re.search(r"[^<>]*128[^<>]*", page)
        raise Refused(f"page says “{said[0].strip() if said else '?'}”, nothing stored")

    probe("public", "receipt page: 10,000-character receiver name", "refused", long_receiver)

    # a plain employee with Contact Creation archives a contact
    employee_login = f"probe_employee_{contact}"
    groups = [
        gm("ir.model.data", "check_object_reference", "base", xmlid)[1]
        for xmlid in ("group_user", "group_partner_manager")
    ]
    gm(
        "res.users",
        "create",
        {
            "name": "PROBE 员工",
            "login": employee_login,
            "password": employee_login,
            "group_ids": [(6, 0, groups)],
        },
    )
    employee = Session(args.url, args.db, employee_login)
    target = gm("res.partner", "create", {"name": "PROBE 待归档客户", "is_company": True})
    gm("custcare.archive", "create", {"partner_id": target})
    probe(
        "employee",
        "archive and unarchive a contact with an archive",
        "accepted",
        lambda: employee("res.partner", "write", [target], {"active": False})
        and employee("res.partner", "write", [target], {"active": True})
        and "",
    )

    print(f"{probe.count} probes, {probe.failures} not as expected")
    return 1 if probe.failures else 0


if __name__ == "__main__":
    sys.exit(main())

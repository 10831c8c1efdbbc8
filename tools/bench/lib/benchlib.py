# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl.html).
"""Helpers shared by the benchmarks of tools/bench (``./custcare bench``).

Not a benchmark itself: the scripts import it (``./custcare bench`` puts this
directory on ``CUSTCARE_BENCH_LIB``). It gives them

- sizes from environment variables, scaled by ``CUSTCARE_BENCH_SCALE``;
- timing with query counts (every cursor of the thread) and ratio lines
  against the anchor measured in the same run;
- the read specification the web client sends for a list or kanban view;
- fast data: rows copied in SQL from one record made through the ORM, with
  its followers, messages, tracking values and activities;
- a scheduled-job runner that runs a job the way Odoo's cron worker does
  (``ir.cron._process_jobs_loop`` in a process of its own, killed like a
  worker past its real-time limit) and reports time, queries, commits,
  ``_commit_progress`` batches and peak memory.
"""

import mmap
import os
import re
import resource
import signal
import statistics
import struct
import sys
import threading
import time
from datetime import datetime, timedelta

from lxml import etree

from odoo import sql_db
from odoo.tools import SQL

# ----------------------------------------------------------------- sizes ---


def size(name, default):
    """An integer size: ``$name`` if set, else ``default`` times
    ``CUSTCARE_BENCH_SCALE`` (1 by default), at least 1."""
    if os.environ.get(name):
        return max(int(os.environ[name]), 1)
    scale = float(os.environ.get("CUSTCARE_BENCH_SCALE") or 1)
    return max(round(default * scale), 1)


def fmt_int(n):
    return f"{n:,}"


def fmt_time(seconds):
    if seconds is None:
        return "-"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_mb(kib):
    return f"{kib / 1024:.0f} MB"


def say(text=""):
    print(text, flush=True)


# ---------------------------------------------------------- measurement ---


def thread_queries():
    """Queries run by this thread so far, on every cursor (Odoo counts them
    per thread once the attribute exists)."""
    thread = threading.current_thread()
    if not hasattr(thread, "query_count"):
        thread.query_count = 0
        thread.query_time = 0.0
    return thread.query_count


class Timed:
    """``with Timed() as t: ...`` then t.seconds, t.queries."""

    def __enter__(self):
        self.queries = thread_queries()
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start
        self.queries = thread_queries() - self.queries


def measure(env, call, rounds=3, warmup=1):
    """Run ``call()`` ``warmup`` + ``rounds`` times, each like a new request
    (empty record cache, pending writes flushed). Returns (median seconds,
    queries of the last round, all times)."""
    times, queries = [], 0
    for i in range(warmup + rounds):
        env.invalidate_all(flush=True)
        with Timed() as t:
            call()
            env.flush_all()
        if i >= warmup:
            times.append(t.seconds)
            queries = t.queries
    return statistics.median(times), queries, times


def ratio(ours, anchor):
    if not anchor:
        return "-"
    return f"{ours / anchor:.2f}"


def compare(title, ours_label, ours, anchor_label, anchor, target=None, note=None):
    """Print one comparison: ``ours``/``anchor`` are (seconds, queries)."""
    say(title)
    width = max(len(ours_label), len(anchor_label) + 9, 30)
    for label, (seconds, queries) in ((ours_label, ours), (f"{anchor_label} (anchor)", anchor)):
        say(f"  {label:{width}s} {fmt_time(seconds):>10s} {fmt_int(queries):>9s} queries")
    line = (
        f"  ratio custcare / anchor: time {ratio(ours[0], anchor[0])}, "
        f"queries {ratio(ours[1], anchor[1])}"
    )
    if target:
        line += f"   (target: {target})"
    say(line)
    if note:
        say(f"  {note}")
    say()


# ------------------------------------------------- web client read specs ---

ACTIVITY_WIDGET_FIELDS = (
    "activity_exception_decoration",
    "activity_exception_icon",
    "activity_state",
    "activity_summary",
    "activity_type_icon",
)


def view_spec(env, model, view_type, view_id=False):
    """The specification the web client sends for the records of a list or
    kanban view: every field node of the processed arch, many2one and
    x2many with their display name (and tag colour), plus the record fields
    the activity widgets depend on."""
    Model = env[model]
    views = Model.get_views([(view_id, view_type)])
    arch = etree.fromstring(views["views"][view_type]["arch"])
    fields = views["models"][model]["fields"]
    spec = {}
    for node in arch.iter("field"):
        # only the record's own fields, not those of a sub-view
        if any(parent.tag == "field" for parent in node.iterancestors()):
            continue
        name = node.get("name")
        field = fields.get(name) or Model.fields_get([name]).get(name)
        if not field:
            continue
        if field["type"] == "many2one":
            spec[name] = {"fields": {"display_name": {}}}
        elif field["type"] in ("one2many", "many2many"):
            widget = node.get("widget")
            if widget in ("kanban_activity", "list_activity"):
                spec[name] = {}
                for dep in ACTIVITY_WIDGET_FIELDS:
                    spec[dep] = {}
                spec["activity_type_id"] = {"fields": {"display_name": {}}}
            else:
                related = {"display_name": {}}
                color = re.search(r"color_field['\"]\s*:\s*['\"](\w+)", node.get("options", ""))
                if color:
                    related[color.group(1)] = {}
                spec[name] = {"fields": related}
        else:
            spec.setdefault(name, {})
    return spec, arch


def default_group_by(arch):
    return arch.get("default_group_by")


# --------------------------------------------------------- fast SQL data ---


def _columns(cr, table):
    cr.execute(
        SQL(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s AND column_name <> 'id' "
            "ORDER BY ordinal_position",
            table,
        )
    )
    return [row[0] for row in cr.fetchall()]


def _sql(value):
    return value if isinstance(value, SQL) else SQL(value)


def copy_rows(cr, table, proto_id, source, overrides=None):
    """Insert one copy of row ``proto_id`` of ``table`` per row of the query
    ``source`` (seen as ``s``, with s.new_id the id of the new row), with
    ``overrides`` {column: SQL expression over p (the prototype) and s}.
    Foreign keys are not checked (the data are made consistent here) and the
    table is analysed afterwards. Returns the new ids, sorted."""
    overrides = {col: _sql(expr) for col, expr in (overrides or {}).items()}
    cols = _columns(cr, table)
    unknown = set(overrides) - set(cols)
    assert not unknown, f"{table} has no column {unknown}"
    cr.execute("SET session_replication_role = replica")  # no foreign-key triggers
    try:
        cr.execute(
            SQL(
                "INSERT INTO %s (id, %s) SELECT s.new_id, %s FROM %s p, "
                "(SELECT nextval(%s) AS new_id, src.* FROM (%s) src) s "
                "WHERE p.id = %s RETURNING id",
                SQL.identifier(table),
                SQL(", ").join(SQL.identifier(c) for c in cols),
                SQL(", ").join(overrides.get(c, SQL("p.%s", SQL.identifier(c))) for c in cols),
                SQL.identifier(table),
                f"{table}_id_seq",
                _sql(source),
                proto_id,
            )
        )
        ids = sorted(row[0] for row in cr.fetchall())
    finally:
        cr.execute("SET session_replication_role = origin")
    # fresh statistics for the queries that follow
    cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    return ids


def series(n):
    """A source of n rows s.g = 0 .. n-1."""
    return SQL("SELECT g FROM generate_series(0, %s) g", n - 1)


def rows(**columns):
    """A source of one row per index of the given lists (all as long): s.g
    (the index from 0) and one column per list, named after the keyword."""
    names = list(columns)
    return SQL(
        "SELECT s.*, s.ord - 1 AS g FROM unnest(%s) WITH ORDINALITY AS s(%s, ord)",
        SQL(", ").join(SQL("%s", list(values)) for values in columns.values()),
        SQL(", ").join(SQL.identifier(n) for n in names),
    )


def over(ids, **columns):
    """rows() with the list ``ids`` as column s.rid."""
    return rows(rid=ids, **columns)


def rotate(values, n, start=0):
    """n values taken in turn from ``values``, from index ``start``."""
    values = list(values)
    return [values[(start + i) % len(values)] for i in range(n)]


def pick(values, index="s.g"):
    """SQL: the element ``index`` modulo len(values) of a short Python list
    (longer lists: pass them as columns of rows(), see rotate())."""
    assert len(values) <= 100, "pick() is for short lists"
    return SQL(f"(%s)[1 + (({index}) %% %s)]", list(values), len(values))


def copy_records(record, n, overrides=None, mail=True, **columns):
    """Make n copies of ``record`` (made through the ORM) in SQL, with a copy
    of each of its followers, messages (with tracking values) and activities
    when ``mail``. ``overrides`` as in copy_rows over the source s.g = 0..n-1
    and the ``columns`` (lists of n values, see rows()). Returns the new
    records."""
    env = record.env
    env.flush_all()
    cr = env.cr
    source = rows(**columns) if columns else series(n)
    ids = copy_rows(cr, record._table, record.id, source, overrides)
    if mail:
        copy_mail(record, ids)
    env.invalidate_all()
    return record.browse(ids)


def copy_mail(record, ids):
    """Give each record of ``ids`` a copy of ``record``'s followers, messages
    (and their tracking values) and activities."""
    cr = record.env.cr
    source = over(ids)
    for table, model_col in (("mail_followers", "res_model"), ("mail_activity", "res_model")):
        cr.execute(
            SQL(
                "SELECT id FROM %s WHERE %s = %s AND res_id = %s",
                SQL.identifier(table),
                SQL.identifier(model_col),
                record._name,
                record.id,
            )
        )
        for (proto,) in cr.fetchall():
            copy_rows(cr, table, proto, source, {"res_id": "s.rid"})
    cr.execute(
        SQL("SELECT id FROM mail_message WHERE model = %s AND res_id = %s", record._name, record.id)
    )
    for (message,) in cr.fetchall():
        new = copy_rows(cr, "mail_message", message, source, {"res_id": "s.rid"})
        cr.execute(SQL("SELECT id FROM mail_tracking_value WHERE mail_message_id = %s", message))
        for (tracking,) in cr.fetchall():
            copy_rows(cr, "mail_tracking_value", tracking, over(new), {"mail_message_id": "s.rid"})


# ---------------------------------------------------- scheduled-job runner ---

# queries, commits, progress calls, rss at start, seconds in SQL, last commit at
_HDR = struct.Struct("<8d")
_PIDS_AT = 128
_MAX_PIDS = 16
_BATCH_AT = 256
_BATCH = struct.Struct("<dd")  # queries, seconds of one batch
_SHM_SIZE = 1 << 22
_MAX_BATCHES = (_SHM_SIZE - _BATCH_AT) // _BATCH.size


def _rss_kib():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def run_in_child(env, target, limit):
    """Run ``target(shm)`` in a forked process with its own database
    connections; kill it (SIGKILL, like Odoo's watchdog kills a worker past
    ``limit_time_real``) after ``limit`` seconds. The child counts its
    queries, commits and ``ir.cron._commit_progress`` calls in shared memory.

    Returns a dict: seconds, killed, exitcode, queries, sql_seconds, commits,
    progress_calls, batches [(queries, seconds)], rss_start_kib, peak_kib,
    last_commit_at (seconds after the start, 0 without commit).
    """
    env.cr.commit()  # the child sees everything made so far; we hold no lock
    env.invalidate_all()
    shm = mmap.mmap(-1, _SHM_SIZE)
    sys.stdout.flush()
    sys.stderr.flush()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            _child(env, target, shm)
        except BaseException:  # reported, then the child exits
            import traceback  # noqa: PLC0415

            traceback.print_exc()
            code = 1
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # no clean-up: the parent's connections are shared
    killed = False
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        if time.perf_counter() - start > limit:
            os.kill(pid, signal.SIGKILL)
            _done, status, usage = os.wait4(pid, 0)
            killed = True
            break
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    hdr = _HDR.unpack_from(shm, 0)
    npids = int(struct.unpack_from("<d", shm, _PIDS_AT - 8)[0])
    pids = list(struct.unpack_from(f"<{npids}q", shm, _PIDS_AT)) if npids else []
    if killed and pids:
        # the server would notice the lost connection only when it next talks
        # to it: end those sessions now so that their locks go
        env.cr.execute(SQL("SELECT pg_terminate_backend(p) FROM unnest(%s::int[]) p", pids))
        env.cr.commit()
    nbatches = min(int(hdr[2]), _MAX_BATCHES)
    batches = [_BATCH.unpack_from(shm, _BATCH_AT + i * _BATCH.size) for i in range(nbatches)]
    shm.close()
    env.invalidate_all()
    return {
        "seconds": seconds,
        "killed": killed,
        "exitcode": None if killed else os.waitstatus_to_exitcode(status),
        "queries": int(hdr[0]),
        "commits": int(hdr[1]),
        "progress_calls": int(hdr[2]),
        "rss_start_kib": int(hdr[3]),
        "sql_seconds": hdr[4],
        "last_commit_at": hdr[5],
        "peak_kib": usage.ru_maxrss,
        "batches": batches,
    }


def _child(env, target, shm):
    """In the forked process: forget the parent's connections (without
    closing them: they are the parent's), count, run ``target``."""
    keep = []  # the parent's connection objects must never be finalised here
    for pool in (sql_db._Pool, sql_db._Pool_readonly):
        if pool is not None:
            keep.extend(pool._connections)
            pool._connections = []
    _child._keep = keep
    counts = {"queries": 0, "commits": 0, "progress": 0, "sql": 0.0, "committed_at": 0.0}
    started = time.perf_counter()
    last = {"queries": 0, "at": started}
    rss_start = _rss_kib()

    def publish():
        _HDR.pack_into(
            shm,
            0,
            counts["queries"],
            counts["commits"],
            counts["progress"],
            rss_start,
            counts["sql"],
            counts["committed_at"],
            0,
            0,
        )

    publish()
    pids = []
    Cursor = sql_db.Cursor
    execute, commit = Cursor.execute, Cursor.commit
    borrow = sql_db.ConnectionPool.borrow

    def counted_execute(self, query, params=None, log_exceptions=True):
        begin = time.perf_counter()
        try:
            return execute(self, query, params, log_exceptions)
        finally:
            counts["queries"] += 1
            counts["sql"] += time.perf_counter() - begin
            publish()

    def counted_commit(self):
        result = commit(self)
        counts["commits"] += 1
        counts["committed_at"] = time.perf_counter() - started
        publish()
        return result

    def tracked_borrow(self, connection_info):
        cnx = borrow(self, connection_info)
        pid = cnx.get_backend_pid()
        if pid not in pids and len(pids) < _MAX_PIDS:
            pids.append(pid)
            struct.pack_into(f"<{len(pids)}q", shm, _PIDS_AT, *pids)
            struct.pack_into("<d", shm, _PIDS_AT - 8, len(pids))
        return cnx

    Cursor.execute = counted_execute
    Cursor.commit = counted_commit
    sql_db.ConnectionPool.borrow = tracked_borrow
    IrCron = type(env["ir.cron"])
    commit_progress = IrCron._commit_progress

    def counted_commit_progress(self, processed=0, *, remaining=None, deactivate=False):
        index = counts["progress"]
        if index < _MAX_BATCHES:
            now = time.perf_counter()
            _BATCH.pack_into(
                shm,
                _BATCH_AT + index * _BATCH.size,
                counts["queries"] - last["queries"],
                now - last["at"],
            )
            last["queries"], last["at"] = counts["queries"], now
        counts["progress"] += 1
        return commit_progress(self, processed, remaining=remaining, deactivate=deactivate)

    IrCron._commit_progress = counted_commit_progress
    target(env.registry)
    publish()


def run_cron_job(env, cron, limit, budget):
    """Run the scheduled job ``cron`` (an ir.cron record) as Odoo's cron
    worker does: one pass is ``ir.cron._process_jobs_loop`` on the job (the
    runner runs the server action again while it reports progress, up to 10
    times or 10 s, then reschedules it at once when work remains), in a
    process killed after ``limit`` seconds; passes are repeated while the job
    stays due, within ``budget`` seconds. Returns a summary dict."""
    IrCron = type(env["ir.cron"])
    cr = env.cr
    cr.execute(
        SQL(
            "UPDATE ir_cron SET active = true, failure_count = 0, first_failure_date = NULL, "
            "nextcall = (now() AT TIME ZONE 'UTC') - interval '1 minute' WHERE id = %s",
            cron.id,
        )
    )
    cr.execute(SQL("SELECT coalesce(max(id), 0) FROM ir_cron_progress WHERE cron_id = %s", cron.id))
    first_progress = cr.fetchone()[0]
    dbname = cr.dbname

    def one_pass(registry):
        with registry.cursor() as cron_cr:
            IrCron._process_jobs_loop(cron_cr, job_ids=[cron.id])

    passes = []
    total = 0.0
    status = "done"
    while True:
        remaining_budget = budget - total
        result = run_in_child(env, one_pass, min(limit, max(remaining_budget, 1)))
        passes.append(result)
        total += result["seconds"]
        if result["killed"]:
            status = (
                f"killed after {result['seconds']:.0f} s"
                if result["seconds"] >= limit - 0.5
                else f"stopped at the {budget:.0f} s budget"
            ) + (
                # the runner commits its progress record first: one commit is its own
                f" (last commit at {result['last_commit_at']:.0f} s)"
                if result["commits"] > 1
                else " (the job committed nothing)"
            )
        elif result["exitcode"]:
            status = "crashed"
            break
        cr.execute(
            SQL(
                "SELECT nextcall <= (now() AT TIME ZONE 'UTC'), failure_count, active "
                "FROM ir_cron WHERE id = %s",
                cron.id,
            )
        )
        due, failures, active = cr.fetchone()
        cr.execute(
            SQL(
                "SELECT count(*), coalesce(sum(done), 0), max(remaining) FILTER (WHERE id = "
                "(SELECT max(id) FROM ir_cron_progress WHERE cron_id = %s)) "
                "FROM ir_cron_progress WHERE cron_id = %s AND id > %s",
                cron.id,
                cron.id,
                first_progress,
            )
        )
        runs, done, remaining = cr.fetchone()
        if result["killed"]:
            if not result["progress_calls"] or total >= budget - 0.5:
                break  # nothing committed: every new pass would be killed alike
            continue
        if failures:
            status = "failed (see the log)"
            break
        if not (due and active):
            status = "done"
            break
        if total >= budget:
            status = f"stopped at the {budget:.0f} s budget, still due"
            break
    return _summary(passes, status, runs, done, remaining, dbname)


def _summary(passes, status, runs, done, remaining, dbname):
    batches = [b for p in passes for b in p["batches"]]
    return {
        "status": status,
        "passes": len(passes),
        "runs": runs,
        "done": done,
        "remaining": remaining,
        "seconds": sum(p["seconds"] for p in passes),
        "queries": sum(p["queries"] for p in passes),
        "sql_seconds": sum(p["sql_seconds"] for p in passes),
        "commits": sum(p["commits"] for p in passes),
        "progress_calls": sum(p["progress_calls"] for p in passes),
        "rss_start_kib": min(p["rss_start_kib"] for p in passes),
        "peak_kib": max(p["peak_kib"] for p in passes),
        "batches": batches,
    }


def cron_lines(summary):
    """Text lines describing a run_cron_job summary."""
    s = summary
    lines = [
        f"{s['status']}: {fmt_time(s['seconds'])} in {s['passes']} runner pass(es), "
        f"{fmt_int(s['queries'])} queries ({fmt_time(s['sql_seconds'])} in SQL), "
        f"{fmt_int(s['commits'])} commits",
        f"batches: {fmt_int(s['progress_calls'])} _commit_progress calls, "
        f"{s['runs']} server-action runs, progress done {fmt_int(s['done'])}"
        + (f", remaining {fmt_int(s['remaining'])}" if s["remaining"] else ""),
        f"memory: RSS {fmt_mb(s['rss_start_kib'])} at start, peak {fmt_mb(s['peak_kib'])} "
        f"(+{fmt_mb(max(s['peak_kib'] - s['rss_start_kib'], 0))})",
    ]
    if s["batches"]:
        queries = sorted(b[0] for b in s["batches"])
        seconds = sorted(b[1] for b in s["batches"])
        lines.append(
            f"per batch: queries min {queries[0]:.0f} / median {statistics.median(queries):.0f}"
            f" / max {queries[-1]:.0f}; time min {fmt_time(seconds[0])} / median "
            f"{fmt_time(statistics.median(seconds))} / max {fmt_time(seconds[-1])}"
        )
    return lines


def utcnow():
    return datetime.utcnow().replace(microsecond=0)


def days(n):
    return timedelta(days=n)


def peak_rss_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

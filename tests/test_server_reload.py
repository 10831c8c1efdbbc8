"""The demo server stays up when Odoo reloads.

Odoo reloads (on SIGHUP, and when a request thread of its threaded server
runs past ``limit_time_real``) by re-executing itself with ``argv[0] =
"python"``; Python then finds its prefix through PATH. Started from the
virtualenv without the virtualenv's ``bin`` in PATH, the new process was a
Python without Odoo's requirements (``No module named 'babel'``) and the
server was gone after about an hour of use.

The tests start the server as ``./custcare run`` does (its last step,
``./custcare serve``) on the test database, with a PATH that does not name
the virtualenv, make it reload (SIGHUP; an idle browser connection past
``limit_time_real``, the fault seen in use), and ask for /web/login again;
and the production mode (``CUSTCARE_WORKERS``: worker processes and the
gevent port), where a worker stuck past its time limit is replaced while
the server stays up.
"""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT

from odoo.tools import config

LIMIT = 30  # seconds: limit_time_real of the tests, above any normal request here
STARTUP = 180  # seconds: a cold start loads the registry and may build assets;
# also the threaded server's limit check, once a minute
RUNNING = "HTTP service (werkzeug) running on"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _status(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=10) as r:
            return r.status
    except (urllib.error.URLError, OSError, ConnectionError):
        return None


def _wait_for(predicate, what):
    deadline = time.monotonic() + STARTUP
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


class _Server:
    """``./custcare serve`` on the test database, in its own session."""

    def __init__(self, tmp_path, *args, **env):
        self.port = _free_port()
        venv_bin = str(ROOT / ".venv" / "bin")
        path = os.pathsep.join(
            p for p in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) if p != venv_bin
        )
        db = config["db_name"]
        environ = {
            **os.environ,
            "PATH": path,
            "CUSTCARE_DB": db[0] if isinstance(db, list) else db,
            "CUSTCARE_HTTP_PORT": str(self.port),
            **env,
        }
        environ.pop("VIRTUAL_ENV", None)
        self.log = tmp_path / "serve.log"
        self.proc = subprocess.Popen(
            [str(ROOT / "custcare"), "serve", "--max-cron-threads=0", *args],
            env=environ,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def text(self):
        return self.log.read_text()

    def up(self):
        _wait_for(lambda: _status(self.port) == 200, f"/web/login on port {self.port}")

    def stuck_connection(self):
        """A browser connection that sends half a request and waits."""
        conn = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        conn.sendall(b"GET /web/login HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        return conn

    def stop(self):
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def test_server_survives_a_reload(tmp_path):
    with _Server(tmp_path) as server:
        server.up()
        assert server.text().count(RUNNING) == 1
        # ./custcare serve execs Odoo: the process started is Odoo itself
        os.kill(server.proc.pid, signal.SIGHUP)
        _wait_for(lambda: server.text().count(RUNNING) == 2, "the reloaded server")
        server.up()
        text = server.text()
        assert "No module named" not in text, text[-3000:]
        assert server.proc.poll() is None, "the server is still running"


def test_server_reloaded_by_the_time_limit_stays_up(tmp_path):
    """The fault seen in use: a browser connection held past
    ``limit_time_real`` makes the threaded server reload itself."""
    with _Server(tmp_path, f"--limit-time-real={LIMIT}") as server:
        server.up()
        conn = server.stuck_connection()
        try:
            # the server looks at its threads' times once a minute
            _wait_for(lambda: server.text().count(RUNNING) == 2, "the reload")
        finally:
            conn.close()
        server.up()
        text = server.text()
        assert "virtual real time limit" in text, text[-3000:]
        assert "No module named" not in text, text[-3000:]
        assert server.proc.poll() is None, "the server is still running"


def test_production_mode_replaces_a_stuck_worker(tmp_path):
    """``CUSTCARE_WORKERS=2``: worker processes and the gevent port. Idle
    browser connections do not hold a worker (its socket times out), and a
    worker stuck past ``limit_time_real`` is killed and replaced while the
    server answers on."""
    with _Server(tmp_path, f"--limit-time-real={LIMIT}", CUSTCARE_WORKERS="2") as server:
        server.up()
        _wait_for(lambda: "Evented Service (longpolling) running on" in server.text(), "gevent")
        with socket.create_connection(("127.0.0.1", server.port + 3), timeout=10):
            pass  # the gevent (websocket) port listens
        conns = [server.stuck_connection() for _ in range(4)]
        try:
            assert _status(server.port) == 200, "4 idle connections, 2 workers: still answering"
        finally:
            for conn in conns:
                conn.close()
        alive = re.findall(r"Worker WorkerHTTP \((\d+)\) alive", server.text())
        assert len(alive) == 2, server.text()[-3000:]
        stuck = int(alive[0])
        os.kill(stuck, signal.SIGSTOP)  # as a request that never ends
        _wait_for(
            lambda: f"WorkerHTTP ({stuck}) timeout after {LIMIT}s" in server.text(), "the kill"
        )
        _wait_for(
            lambda: len(re.findall(r"Worker WorkerHTTP \((\d+)\) alive", server.text())) == 3,
            "a new worker",
        )
        server.up()
        assert server.proc.poll() is None, "the server is still running"

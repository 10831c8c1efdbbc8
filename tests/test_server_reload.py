"""The demo server stays up when Odoo reloads.

Odoo reloads (on SIGHUP, and when a request thread of its threaded server
runs past ``limit_time_real``) by re-executing itself with ``argv[0] =
"python"``; Python then finds its prefix through PATH. Started from the
virtualenv without the virtualenv's ``bin`` in PATH, the new process was a
Python without Odoo's requirements (``No module named 'babel'``) and the
server was gone after about an hour of use.

The test starts the server as ``./custcare run`` does (its last step,
``./custcare serve``) on the test database, with a PATH that does not name
the virtualenv, makes it reload, and asks for /web/login again.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from conftest import ROOT

from odoo.tools import config

STARTUP = 180  # seconds: a cold start loads the registry and may build assets
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


def test_server_survives_a_reload(tmp_path):
    port = _free_port()
    venv_bin = str(ROOT / ".venv" / "bin")
    path = os.pathsep.join(
        p for p in os.environ.get("PATH", "/usr/bin:/bin").split(os.pathsep) if p != venv_bin
    )
    db = config["db_name"]
    env = {
        **os.environ,
        "PATH": path,
        "CUSTCARE_DB": db[0] if isinstance(db, list) else db,
        "CUSTCARE_HTTP_PORT": str(port),
    }
    env.pop("VIRTUAL_ENV", None)
    log = tmp_path / "serve.log"
    proc = subprocess.Popen(
        [str(ROOT / "custcare"), "serve", "--max-cron-threads=0"],
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_for(lambda: _status(port) == 200, f"the server on port {port}")
        assert log.read_text().count(RUNNING) == 1
        # ./custcare serve execs Odoo: the process started is Odoo itself
        os.kill(proc.pid, signal.SIGHUP)
        _wait_for(lambda: log.read_text().count(RUNNING) == 2, "the reloaded server")
        _wait_for(lambda: _status(port) == 200, "/web/login after the reload")
        text = log.read_text()
        assert "No module named" not in text, text[-3000:]
        assert proc.poll() is None, "the server is still running"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()

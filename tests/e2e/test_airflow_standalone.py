"""`make airflow` as a new user runs it: the virtualenv not on PATH, the UI up, a REST login.

`airflow standalone` starts its scheduler, dag-processor, triggerer and API
server as `airflow ...` subprocesses found by name; this runs
`pantau airflow standalone` with a PATH that lacks the virtualenv (as after a
fresh clone and `make airflow`), logs in with the printed password through the
REST API, lists Pantau's DAGs, and stops everything it started.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.warehouses import temporary_database


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _request(url: str, data: dict | None = None, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps(data).encode() if data is not None else None
    with urllib.request.urlopen(urllib.request.Request(url, body, headers), timeout=10) as r:
        return json.loads(r.read())


@pytest.fixture
def standalone(server_url: str, tmp_path: Path):
    """`pantau airflow standalone` on a free port; yield (port, its output file)."""
    port = _free_port()
    output = tmp_path / "standalone.log"
    bin_dir = str(Path(sys.executable).parent)
    path = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != bin_dir)
    with temporary_database(server_url, "test_standalone") as url, output.open("w") as out:
        env = {**os.environ, "PATH": path, "PANTAU_WAREHOUSE_URL": url,
               "PANTAU_VAR_DIR": str(tmp_path / "var")}
        process = subprocess.Popen([str(Path(bin_dir) / "pantau"), "airflow", "standalone",
                                    "--port", str(port)], env=env, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            yield port, output, process
        finally:
            os.killpg(process.pid, signal.SIGTERM)  # Ctrl-C's signal to the whole group
            stopped = _group_gone(process, timeout=60)
            if not stopped:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    assert stopped, "a component of airflow standalone outlived SIGTERM by a minute"


def _group_gone(process: subprocess.Popen, timeout: float) -> bool:
    """Whether every process of the standalone's group exited within ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        process.poll()
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.5)
    return False


def test_make_airflow_serves_the_ui_and_its_login_works(standalone) -> None:
    port, output, process = standalone
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while True:
        assert process.poll() is None, output.read_text()[-3000:]
        try:
            health = _request(f"{base}/api/v2/monitor/health")
            if health["scheduler"]["status"] == "healthy":
                break
        except (OSError, KeyError, ValueError):
            pass
        assert time.monotonic() < deadline, output.read_text()[-3000:]
        time.sleep(2)
    login = re.search(r"login (\S+) / (\S+)", output.read_text())
    assert login, output.read_text()[-2000:]
    token = _request(f"{base}/auth/token",
                     {"username": login.group(1), "password": login.group(2)})["access_token"]
    wanted = {"pantau_build", "pantau_report_regency", "pantau_report_province",
              "pantau_maintenance", "pantau_ingest_imigrasi_izin_tinggal"}
    deadline = time.monotonic() + 120
    while not wanted <= {d["dag_id"] for d in
                         _request(f"{base}/api/v2/dags?limit=100", token=token)["dags"]}:
        assert time.monotonic() < deadline, "the dag-processor never listed Pantau's DAGs"
        time.sleep(3)
    errors = _request(f"{base}/api/v2/importErrors", token=token)
    assert errors["total_entries"] == 0, errors
    assert "FileNotFoundError" not in output.read_text()
    _the_ui_in_a_browser(base, token, output.parent)


def _the_ui_in_a_browser(base: str, token: str, profile: Path) -> None:
    """Headless Chromium with the REST login's token as the UI's session cookie opens the
    DAG list and a DAG's grid; screenshots under var/test-artefacts; no console error,
    no DAG import error shown."""
    from tests.support.browser import Chromium
    from tests.support.paths import TEST_ARTEFACTS

    with Chromium(profile / "chromium") as browser, browser.page() as page:
        page.call("Network.setCookie", {"name": "_token", "value": token, "url": base})
        listed = page.open(f"{base}/dags", until="pantau_build")
        assert "pantau_report_province" in listed
        assert "Import Error" not in listed, listed[:2000]
        page.screenshot(TEST_ARTEFACTS / "airflow-ui-dags.png")
        page.open(f"{base}/dags/pantau_build", until="pantau_build")
        time.sleep(2)  # the grid's own requests
        page.screenshot(TEST_ARTEFACTS / "airflow-ui-grid.png")
    assert page.errors == [], page.errors

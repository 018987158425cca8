"""`make cluster-check` as CI runs it (`make test-cluster`): on a fresh var/, so it runs
`make demo`'s cycle first for the reference, then the cycle on a CeleryExecutor cluster.

Beside the check's own exit code and printed evidence, this reads the check's
Airflow metadata database and the two report trees itself: every task
instance succeeded on one of the two Celery workers, both worked, the killed
render's first try is in the history with the killed worker and its last try
succeeded on the other, and the reports equal `make demo`'s. The check leaves
its cluster running (``--keep``) so that headless Chromium can open the UI on
the cycle it ran; the fixture stops it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from pantau.tools.cluster_check import META, RENDER_TASK
from pantau.tools.report_diff import differences
from pantau.warehouse import embedded

pytestmark = pytest.mark.cluster

WORKERS = {"worker-1@pantau", "worker-2@pantau"}


PANTAU = Path(sys.executable).with_name("pantau")


def _env(var: Path) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PANTAU_", "AIRFLOW"))}
    return {**env, "PANTAU_VAR_DIR": str(var), "COLUMNS": "250"}  # no wrapped evidence lines


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Run `pantau airflow cluster check --keep` on a var/ of its own; yield (var, its
    output); then stop the check's cluster and the embedded server."""
    var = tmp_path_factory.mktemp("cluster") / "var"
    try:
        done = subprocess.run([str(PANTAU), "airflow", "cluster", "check", "--keep"],
                              env=_env(var), capture_output=True, text=True, timeout=1800,
                              check=False)
        yield var, done
    finally:
        stopped = subprocess.run([str(PANTAU), "airflow", "cluster", "stop"],
                                 env=_env(var / "cluster-check"), capture_output=True,
                                 text=True, check=False)
        embedded.stop(var / "warehouse" / "pgdata")
    assert stopped.returncode == 0, stopped.stdout


def _metadata(var: Path) -> psycopg.Connection:
    server = embedded.start(var / "warehouse" / "pgdata")
    return psycopg.connect(make_conninfo(server, dbname=META))


def test_the_check_passes_and_prints_its_evidence(checked) -> None:
    _, done = checked
    out = done.stdout
    assert done.returncode == 0, out[-6000:] + done.stderr[-3000:]
    assert "cluster check passed" in out
    assert re.search(r"executor:\s+CeleryExecutor", out)
    for worker in WORKERS:
        assert re.search(rf"{worker}:\s+[1-9]\d*\s+task\s+instances", out), worker
    assert re.search(r"SIGKILL worker-\d\s+while\s+it\s+renders\s+province\s+\d\d", out)
    assert re.search(r"retried\s+on\s+worker-\d@pantau", out)


def test_every_task_ran_on_a_celery_worker_and_both_worked(checked) -> None:
    var, _ = checked
    with _metadata(var) as conn:
        rows = conn.execute("SELECT hostname, state, count(*) FROM task_instance "
                            "GROUP BY 1, 2").fetchall()
    ran = {(host, state): n for host, state, n in rows if state != "skipped"}
    assert {state for _, state in ran} == {"success"}, ran
    assert {host for host, _ in ran} == WORKERS, ran


def test_the_killed_render_was_retried_on_the_other_worker(checked) -> None:
    var, _ = checked
    with _metadata(var) as conn:
        killed = conn.execute(
            "SELECT h.hostname, t.hostname, t.state, t.try_number FROM task_instance_history h "
            "JOIN task_instance t USING (dag_id, run_id, task_id, map_index) "
            "WHERE h.task_id = %s AND h.state <> 'success'", (RENDER_TASK,)).fetchall()
    assert killed, "no render try failed: nothing was killed"
    for first, last, state, tries in killed:
        assert state == "success" and tries >= 2
        assert {first, last} == WORKERS, (first, last)


def test_the_reports_equal_make_demos(checked) -> None:
    var, _ = checked
    reference, cluster = var / "reports", var / "cluster-check" / "reports"
    periods = sorted(p.name for p in reference.iterdir() if p.is_dir())
    assert periods == ["2024-Q4", "2024-S2"]
    for period in periods:
        assert sorted(p.relative_to(reference) for p in (reference / period).rglob("*.json"))
        assert differences(reference / period, cluster / period,
                           across_warehouses=True) == [], period


def test_the_ui_shows_the_cycle_the_cluster_ran(checked) -> None:
    """Headless Chromium, logged in with the check's generated admin password, opens the DAG
    list and the provincial report's grid (the retried render in it); screenshots kept."""
    from tests.support.browser import Chromium
    from tests.support.paths import TEST_ARTEFACTS

    var, _ = checked
    base = "http://127.0.0.1:28080"
    home = var / "cluster-check" / "cluster" / "airflow"
    password = json.loads((home / "simple_auth_manager_passwords.json.generated")
                          .read_text())["admin"]
    request = urllib.request.Request(
        f"{base}/auth/token", json.dumps({"username": "admin", "password": password}).encode(),
        {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        token = json.loads(response.read())["access_token"]
    with Chromium(var / "chromium") as browser, browser.page() as page:
        page.call("Network.setCookie", {"name": "_token", "value": token, "url": base})
        listed = page.open(f"{base}/dags", until="pantau_report_province")
        assert "Import Error" not in listed, listed[:2000]
        page.screenshot(TEST_ARTEFACTS / "airflow-cluster-dags.png")
        grid = page.open(f"{base}/dags/pantau_report_province", until="render")
        assert "render" in grid
        time.sleep(2)  # the grid's own requests
        page.screenshot(TEST_ARTEFACTS / "airflow-cluster-grid.png")
    assert page.errors == [], page.errors

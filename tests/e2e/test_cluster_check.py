"""`make cluster-check` as CI runs it (`make test-cluster`): on a fresh var/, so it runs
`make demo`'s cycle first for the reference, then the cycle on a CeleryExecutor cluster.

Beside the check's own exit code and printed evidence, this reads the check's
Airflow metadata database and the two report trees itself: every task
instance succeeded on one of the two Celery workers, both worked, the killed
render's first try is in the history with the killed worker and its last try
succeeded on the other, and the reports equal `make demo`'s.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import make_conninfo

from pantau.tools.cluster_check import META, RENDER_TASK
from pantau.tools.report_diff import differences
from pantau.warehouse import embedded

pytestmark = pytest.mark.cluster

WORKERS = {"worker-1@pantau", "worker-2@pantau"}


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """Run `pantau airflow cluster check` on a var/ of its own; yield (var, its output)."""
    var = tmp_path_factory.mktemp("cluster") / "var"
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PANTAU_", "AIRFLOW"))}
    env["PANTAU_VAR_DIR"] = str(var)
    pantau = Path(sys.executable).with_name("pantau")
    try:
        done = subprocess.run([str(pantau), "airflow", "cluster", "check"], env=env,
                              capture_output=True, text=True, timeout=1800, check=False)
        yield var, done
    finally:
        embedded.stop(var / "warehouse" / "pgdata")


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
        assert re.search(rf"{worker}: [1-9]\d* task instances", out), worker
    assert re.search(r"SIGKILL worker-\d while it renders province \d\d", out)
    assert re.search(r"retried on worker-\d@pantau", out)


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
        assert differences(reference / period, cluster / period) == [], period

"""Retention deletes nothing by default; a policy removes only old logs and bytes, and says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pantau.config import get_settings
from pantau.ingest.archive import archive_path
from pantau.orchestration import maintenance
from pantau.orchestration.alerts import alert_from, raise_alert
from pantau.orchestration.schedule import Retention
from tests.support.paths import SAMPLE_LANDING


def _ingest() -> None:
    from pantau.ingest.pipeline import ingest_paths

    ingest_paths([SAMPLE_LANDING])


def _counts(db) -> dict[str, int]:
    return {table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("audit.receipt", "audit.alert", "audit.batch",
                          "audit.retention_action")}


def test_without_a_policy_nothing_is_removed(warehouse: str, db) -> None:
    _ingest()
    raise_alert(alert_from(RuntimeError("boom"), "d", "t"))
    before = _counts(db)
    files = sorted(get_settings().archive_dir.rglob("*"))
    assert maintenance.apply_retention(Retention()) == {}
    assert _counts(db) == before
    assert sorted(get_settings().archive_dir.rglob("*")) == files


def test_a_policy_removes_old_logs_and_archived_bytes_only(warehouse: str, db) -> None:
    from pantau.orchestration import steps

    _ingest()
    steps.validate()
    raise_alert(alert_from(RuntimeError("old failure"), "d", "t"))
    old = datetime.now(UTC) - timedelta(days=400)
    oldest = db.execute("SELECT batch_id, sha256 FROM audit.batch ORDER BY batch_id "
                        "LIMIT 1").fetchone()
    db.execute("UPDATE audit.receipt SET received_at = %s WHERE batch_id = %s", (old, oldest[0]))
    db.execute("UPDATE audit.batch SET received_at = %s WHERE batch_id = %s", (old, oldest[0]))
    db.execute("UPDATE audit.alert SET raised_at = %s", (old,))
    old_run = db.execute("SELECT min(run_id) FROM audit.validation_run").fetchone()[0]
    db.execute("UPDATE audit.validation_run SET started_at = %s WHERE run_id = %s",
               (old, old_run))
    results = dict(db.execute("SELECT run_id = %s, count(*) FROM audit.expectation_result "
                              "GROUP BY 1", (old_run,)).fetchall())
    assert results[True] > 0 and results[False] > 0
    before = _counts(db)
    removed = maintenance.apply_retention(Retention(archive_days=365, audit_days=365))
    assert removed["archive_file"] == 1
    assert removed["audit.alert"] == 1
    assert removed["audit.receipt"] == 1
    assert _counts(db)["audit.receipt"] == before["audit.receipt"] - 1  # recent ones stay
    assert removed["audit.expectation_result"] == results[True]
    assert db.execute("SELECT count(*) FROM audit.expectation_result").fetchone()[0] == \
        results[False]
    assert db.execute("SELECT count(*) FROM audit.validation_run WHERE run_id = %s",
                      (old_run,)).fetchone()[0] == 1  # the run itself is evidence
    archive = get_settings().archive_dir
    assert not archive_path(archive, oldest[1].strip()).exists()
    assert _counts(db)["audit.batch"] == before["audit.batch"]  # evidence stays
    ledger = db.execute("SELECT item, keep_days, removed FROM audit.retention_action "
                        "ORDER BY action_id").fetchall()
    assert ("archive_file", 365, 1) in ledger and ("audit.alert", 365, 1) in ledger


def test_a_pii_policy_waits_for_batches_not_yet_in_core(warehouse: str, db) -> None:
    """Validated but never built: purging would lose facts never loaded, so they wait."""
    from pantau.orchestration import steps

    _ingest()
    steps.validate()
    raw = db.execute("SELECT count(*) FROM raw.imigrasi_izin_tinggal").fetchone()[0]
    waiting = [b for (b,) in db.execute(
        "SELECT batch_id FROM audit.batch WHERE status = 'validated' ORDER BY 1")]
    far = datetime.now(UTC) + timedelta(days=40000)
    removed = maintenance.apply_retention(Retention(pii_days=30), now=far)
    assert db.execute("SELECT count(*) FROM raw.imigrasi_izin_tinggal").fetchone()[0] == raw
    detail = db.execute("SELECT detail FROM audit.retention_action WHERE item = 'pii_batch'"
                        ).fetchone()[0]
    assert waiting and set(waiting) <= set(detail["waiting_batch_ids"])
    assert not set(waiting) & set(detail["batch_ids"])
    assert removed["pii_batch"] == len(detail["batch_ids"])  # rejected files only


def test_vacuum_analyze_runs_on_the_warehouse(warehouse: str, db) -> None:
    _ingest()
    assert maintenance.vacuum_analyze() >= 0
    analysed = db.execute("SELECT count(*) FROM pg_stat_user_tables WHERE schemaname = 'raw' "
                          "AND last_analyze IS NOT NULL").fetchone()[0]
    assert analysed > 0


def test_an_alert_without_smtp_is_a_log_line_and_an_audit_row(warehouse: str, db,
                                                              caplog) -> None:
    channel = raise_alert(alert_from(ConnectionResetError("peer went away"), "dag", "task",
                                     "run1", 2, 3))
    assert channel == "log"
    assert "ALERT dag.task[2] run run1 try 3 (transient)" in caplog.text
    row = db.execute("SELECT dag_id, task_id, map_index, try_number, transient, channel "
                     "FROM audit.alert").fetchone()
    assert row == ("dag", "task", 2, 3, True, "log")


def test_an_alert_never_carries_the_value_postgresql_quoted(warehouse: str, db) -> None:
    import psycopg
    import pytest

    with pytest.raises(psycopg.Error) as raised:
        db.execute("SELECT 'A1234567'::date")
    alert = alert_from(raised.value, "dag", "task")
    assert "A1234567" not in alert.message and "A1234567" not in alert.line()
    assert alert.error_class == "InvalidDatetimeFormat"
    assert alert.message == "invalid input syntax for type date"

"""Housekeeping: rebuild the Data Docs, apply the retention policy, VACUUM ANALYZE.

Retention deletes nothing unless ``dags/schedule.toml`` sets a policy. Then
it removes archived raw files and audit run logs older than the policy, and
records every pass in ``audit.retention_action``. It runs as the
warehouse's login user: the pipeline's loader role may not delete audit rows.
Batches, validation runs, quarantine decisions and report runs are evidence
the reports rest on and are never removed here.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta

from pantau.config import Settings, get_settings
from pantau.ingest.archive import archive_path
from pantau.orchestration.schedule import Retention
from pantau.warehouse.connection import connect

log = logging.getLogger(__name__)

# (table, timestamp column): audit rows that log runs rather than evidence.
AUDIT_LOGS = (
    ("audit.delivery", "received_at"),
    ("audit.alert", "raised_at"),
)


def rebuild_data_docs(settings: Settings | None = None) -> str:
    """Re-render the whole Data Docs site from the stored GX results."""
    from pantau.quality import gx_project

    settings = settings or get_settings()
    with gx_project.project(settings) as context:
        return str(gx_project.build_docs(context, settings))


def _record(conn, item: str, days: int, cutoff: datetime, removed: int, detail=None) -> None:
    conn.execute(
        "INSERT INTO audit.retention_action (item, keep_days, cutoff, removed, detail) "
        "VALUES (%s, %s, %s, %s, %s)",
        (item, days, cutoff, removed, json.dumps(detail) if detail is not None else None))


def _archive_to_purge(conn, settings: Settings, days: int, now: datetime) -> list:
    """Archived files last delivered before the cutoff (a re-delivery keeps them).

    Only recorded here; the files go after the ledger row is committed, so a
    removal is never left unaccounted for.
    """
    cutoff = now - timedelta(days=days)
    rows = conn.execute("""
        SELECT sha256 FROM (SELECT sha256, received_at FROM audit.delivery
                            UNION ALL SELECT sha256, received_at FROM audit.batch) AS seen
         GROUP BY sha256 HAVING max(received_at) < %s ORDER BY sha256""", (cutoff,)).fetchall()
    paths = [archive_path(settings.archive_dir, sha.strip()) for (sha,) in rows]
    present = [path for path in paths if path.exists()]
    _record(conn, "archive_file", days, cutoff, len(present),
            {"sha256": [path.name for path in present][:1000]})
    return present


def _purge_audit(conn, days: int, now: datetime) -> dict[str, int]:
    cutoff = now - timedelta(days=days)
    counts = {}
    for table, column in AUDIT_LOGS:
        counts[table] = conn.execute(
            f"DELETE FROM {table} WHERE {column} < %s", (cutoff,)).rowcount
        _record(conn, table, days, cutoff, counts[table])
    counts["audit.expectation_result"] = conn.execute("""
        DELETE FROM audit.expectation_result AS r USING audit.validation_run AS v
         WHERE r.run_id = v.run_id AND v.started_at < %s""", (cutoff,)).rowcount
    _record(conn, "audit.expectation_result", days, cutoff,
            counts["audit.expectation_result"])
    return counts


def apply_retention(policy: Retention, settings: Settings | None = None,
                    url: str | None = None, now: datetime | None = None) -> dict[str, int]:
    """Remove what ``policy`` says is past keeping; {item: removed}. Empty policy: nothing."""
    settings = settings or get_settings()
    now = now or datetime.now(UTC)
    removed: dict[str, int] = {}
    if policy.archive_days is None and policy.audit_days is None:
        log.info("retention: no policy set, nothing removed")
        return removed
    doomed = []
    with connect(None, url=url) as conn:
        # Archive first: it reads the delivery log that the audit purge may shorten.
        if policy.archive_days is not None:
            doomed = _archive_to_purge(conn, settings, policy.archive_days, now)
            removed["archive_file"] = len(doomed)
        if policy.audit_days is not None:
            removed.update(_purge_audit(conn, policy.audit_days, now))
        conn.commit()
    for path in doomed:
        path.unlink(missing_ok=True)
    log.info("retention removed %s", removed)
    return removed


def vacuum_analyze(url: str | None = None) -> float:
    """VACUUM (ANALYZE) the warehouse database; return the seconds it took."""
    started = time.monotonic()
    with connect(None, url=url, autocommit=True) as conn:
        conn.execute("VACUUM (ANALYZE)")
    return round(time.monotonic() - started, 1)

"""Housekeeping: rebuild the Data Docs, apply the retention policy, VACUUM ANALYZE.

Retention deletes nothing unless ``dags/schedule.toml`` sets a policy. Then
it removes archived raw files and audit run logs older than the policy, the
personal data of batches past the legal retention period (``pii_days``: the
foreigners' sources and the PMI exports alike), and records every pass in
``audit.retention_action``. It runs as the warehouse's login user: the
pipeline's loader role may not delete audit rows. Batches, validation runs,
quarantine decisions and report runs are evidence the reports rest on and
are never removed here; nor are core facts, dimensions and marts, which hold
only pseudonymous keys.
"""

from __future__ import annotations

import json
import logging
import time
from datetime import UTC, datetime, timedelta

import psycopg

from pantau.build.period import SOURCES_IN_LOAD_ORDER
from pantau.config import Settings, get_settings
from pantau.ingest.archive import archive_path
from pantau.orchestration.schedule import Retention
from pantau.sources.catalog import SOURCES
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect
from pantau.warehouse.locks import BUILD_LOCK

log = logging.getLogger(__name__)

# Facts of a batch and the keyed columns naming persons and stay permits in them.
FACTS = ("core.fact_stay_permit", "core.fact_admin_action", "core.fact_population_document",
         "core.fact_rptka_position")
PERMIT_FACTS = ("core.fact_stay_permit", "core.fact_population_document")
# The PMI facts and their three keyed columns, each naming one pii.pmi_identity row.
PMI_FACTS = ("core.fact_pmi_placement", "core.fact_passport_application",
             "core.fact_departure_postponement", "core.fact_pmi_return")
PMI_KEYS = ("nik_key", "passport_key", "name_key")
# The manpower source's staging rows stay (stripped of personal values): each
# load rebuilds the employer history (SCD 2) of its NIBs from every loaded
# snapshot's NIB, name and KBLI, which are company data, not personal.
STRIPPED_STAGING = {"tenaga_kerja_tka"}

# (table, timestamp column): audit rows that log runs rather than evidence.
AUDIT_LOGS = (
    ("audit.receipt", "received_at"),
    ("audit.alert", "raised_at"),
)


def rebuild_data_docs(settings: Settings | None = None) -> str:
    """Re-render the whole Data Docs site from the stored GX results."""
    from pantau.quality import gx_project

    settings = settings or get_settings()
    with gx_project.project(settings) as context:
        return str(gx_project.build_docs(context, settings))


def _record(conn, item: str, days: int, cutoff: datetime, removed: int, detail=None) -> None:
    conn.execute(sql_files.render("maintenance/record_retention.sql"), {
        "item": item, "keep_days": days, "cutoff": cutoff, "removed": removed,
        "detail": json.dumps(detail) if detail is not None else None})


def _archive_to_purge(conn, settings: Settings, days: int, now: datetime) -> list:
    """Archived files last delivered before the cutoff (``maintenance/archive_to_purge.sql``).

    Only recorded here; the files go after the ledger row is committed, so a
    removal is never left unaccounted for.
    """
    cutoff = now - timedelta(days=days)
    rows = conn.execute(sql_files.render("maintenance/archive_to_purge.sql", settings),
                        {"cutoff": cutoff}).fetchall()
    paths = [archive_path(settings.archive_dir, sha.strip()) for (sha,) in rows]
    present = [path for path in paths if path.exists()]
    _record(conn, "archive_file", days, cutoff, len(present),
            {"sha256": [path.name for path in present][:1000]})
    return present


def _purge_audit(conn, days: int, now: datetime) -> dict[str, int]:
    cutoff = now - timedelta(days=days)
    counts = {}
    for table, column in AUDIT_LOGS:
        counts[table] = conn.execute(sql_files.render(
            "maintenance/purge_audit_log.sql", table=table, column=column),
            {"cutoff": cutoff}).rowcount
        _record(conn, table, days, cutoff, counts[table])
    counts["audit.expectation_result"] = conn.execute(
        sql_files.render("maintenance/purge_expectation_results.sql"),
        {"cutoff": cutoff}).rowcount
    _record(conn, "audit.expectation_result", days, cutoff,
            counts["audit.expectation_result"])
    return counts


def _pii_batches(conn: psycopg.Connection, cutoff: datetime) -> tuple[list, list[int]]:
    """Batches whose personal data is past keeping, and old ones that must wait
    (``maintenance/pii_batches.sql`` says which are ready).

    Age is the snapshot date (the day the data describes), not the receipt:
    a late copy of an old register is as old as the register, and a period's
    snapshots age together. Eligible: validated batches already in core with
    no quarantine decision waiting to be loaded, rejected batches (they
    never reach core), and validated batches of a source the build does not
    load (nothing of them is in core to wait for). An old batch still waiting
    for the gate or a build waits (``waiting``): purging it would lose facts
    never loaded.
    """
    rows = conn.execute(sql_files.render("maintenance/pii_batches.sql"),
                        {"cutoff": cutoff.date(),
                         "build_sources": list(SOURCES_IN_LOAD_ORDER)}).fetchall()
    return ([(batch, source) for batch, source, ready in rows if ready],
            [batch for batch, _source, ready in rows if not ready])


def _unreferenced(conn: psycopg.Connection, table: str, column: str,
                  facts: tuple[str, ...], keys: tuple[str, ...] | None = None) -> int:
    """Delete ``table`` rows named by purged batches' facts and by no unpurged batch's
    (``maintenance/purge_candidates.sql``, then ``delete_unreferenced.sql``).

    ``keys``: the fact columns holding ``table``'s ``column`` (default: the same name).
    """
    named_by = [(fact, key) for fact in facts for key in keys or (column,)]
    conn.execute(sql_files.render("maintenance/purge_candidates.sql", named_by=named_by))
    return conn.execute(sql_files.render("maintenance/delete_unreferenced.sql", table=table,
                                         column=column)).rowcount


def _purge_rows(conn: psycopg.Connection, table: str, batch_ids: list[int]) -> int:
    return conn.execute(sql_files.render("maintenance/purge_batch_rows.sql", table=table),
                        {"batch_ids": batch_ids}).rowcount


def _purge_pii(conn: psycopg.Connection, days: int, now: datetime) -> dict[str, int]:
    """Remove the personal data of batches past ``days``; keep facts, dimensions and marts.

    Raw rows and extra fields go (held rows too: the quarantine only points at
    them); staging rows go, or (manpower) lose their personal columns;
    pii.person, pii.stay_permit and pii.pmi_identity (an Indonesian's NIK,
    passport or name + birth date + origin) lose what no unpurged batch's facts
    still name. The PMI identity map and persons stay: they hold keys only, and
    the build recomputes the map from the facts, never from pii. The batch is
    marked ``pii_purged_at`` and the build never loads it again. Under the build
    lock: no build reads half a purge. The statements are in
    ``sql/maintenance/``.
    """
    cutoff = now - timedelta(days=days)
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (BUILD_LOCK,))  # no build meets it
    batches, waiting = _pii_batches(conn, cutoff)
    ids = [batch for batch, _source in batches]
    counts: dict[str, int] = {}
    for source, spec in SOURCES.items():
        mine = [batch for batch, of in batches if of == source]
        if not mine:
            continue
        counts[f"raw.{source}"] = _purge_rows(conn, f"raw.{source}", mine)
        if source in STRIPPED_STAGING:
            personal = [c.target for c in spec.columns if c.personal and c.staged]
            counts[f"staging.{source}"] = conn.execute(
                sql_files.render("maintenance/strip_staging.sql", source=source,
                                 columns=personal), {"batch_ids": mine}).rowcount
        else:
            counts[f"staging.{source}"] = _purge_rows(conn, f"staging.{source}", mine)
    counts["raw.extra_field"] = _purge_rows(conn, "raw.extra_field", ids)
    conn.execute("UPDATE audit.batch SET pii_purged_at = %s WHERE batch_id = ANY(%s)",
                 (now, ids))
    counts["pii.person"] = _unreferenced(conn, "pii.person", "person_key", FACTS)
    counts["pii.stay_permit"] = _unreferenced(conn, "pii.stay_permit", "permit_key",
                                              PERMIT_FACTS)
    counts["pii.pmi_identity"] = _unreferenced(conn, "pii.pmi_identity", "identity_key",
                                               PMI_FACTS, PMI_KEYS)
    for item, removed in counts.items():
        _record(conn, item, days, cutoff, removed, {"batch_ids": ids})
    _record(conn, "pii_batch", days, cutoff, len(ids),
            {"batch_ids": ids, "waiting_batch_ids": waiting, "removed": counts})
    if waiting:
        log.warning("retention: %s batches past %s wait for the gate or a build before "
                    "their personal data can go: %s", len(waiting), cutoff.date(), waiting)
    return {"pii_batch": len(ids), **counts}


def apply_retention(policy: Retention, settings: Settings | None = None,
                    url: str | None = None, now: datetime | None = None,
                    dry_run: bool = False) -> dict[str, int]:
    """Remove what ``policy`` says is past keeping; {item: removed}. Empty policy: nothing.

    ``dry_run``: do it all in the transaction, then roll back (the counts are
    exact; no file is removed and no ledger row stays).
    """
    settings = settings or get_settings()
    now = now or datetime.now(UTC)
    removed: dict[str, int] = {}
    if policy.archive_days is None and policy.audit_days is None and policy.pii_days is None:
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
        if policy.pii_days is not None:
            removed.update(_purge_pii(conn, policy.pii_days, now))
        if dry_run:
            conn.rollback()
            log.info("retention (dry run) would remove %s", removed)
            return removed
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

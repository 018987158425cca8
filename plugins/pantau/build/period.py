"""``pantau build --period P``: core and marts of one period, in one transaction.

1. reference dimensions refreshed; every validated batch not yet in core (or
   with a quarantine decision since) loaded into the facts per snapshot;
2. the period's snapshots chosen (latest validated per source and scope on or
   before the reference date) and its picture on that date computed;
3. each rule of ``sql/rules/`` run; the person-status snapshot and the marts
   replaced for the period;
4. the references of every row written checked (:mod:`pantau.build.integrity`).

Builds take an advisory lock, so two never interleave; a rerun replaces the
period's rows and gives the same result.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import psycopg

from pantau.build.integrity import Written, check_references
from pantau.build.reference import load_reference
from pantau.config import Settings, get_settings
from pantau.periods import Period
from pantau.warehouse import person_key, sql_files
from pantau.warehouse.connection import connect
from pantau.warehouse.locks import BUILD_LOCK

log = logging.getLogger(__name__)

RULES = ("tka_no_permit", "permit_no_rptka", "permit_no_registration", "region_mismatch",
         "expired_permit_active", "rptka_expired", "restricted_position", "dkptka_underpaid",
         "no_companion")
RULE_CODES = tuple(name.upper() for name in RULES)
SOURCES_IN_LOAD_ORDER = ("imigrasi_izin_tinggal", "imigrasi_tindakan", "tenaga_kerja_tka",
                         "dukcapil_orang_asing")


@dataclass
class BuildResult:
    period: str
    batches_loaded: int
    batches_used: int
    discrepancies: dict[str, int]
    seconds: float


def _run(conn: psycopg.Connection, settings: Settings, relative: str, params: dict,
         **template) -> None:
    """Run one SQL file (several statements): ``template`` fills its Jinja2 parameters,
    ``params`` are bound client-side (numbers and dates only: no secret goes this way)."""
    started = time.monotonic()
    with psycopg.ClientCursor(conn) as cursor:
        cursor.execute(sql_files.render(relative, settings, **template), params)
    log.info("%s: %.2f s", relative, time.monotonic() - started)


def _pending(conn: psycopg.Connection) -> dict[str, list[int]]:
    """Validated batches whose rows core lacks or must reload (a decision came since).

    A batch whose personal data retention purged (``pii_purged_at``) is never
    reloaded: its staging rows are gone and its facts stay as loaded. A
    decision on it since is only logged.
    """
    rows = conn.execute("""
        SELECT source, array_agg(batch_id ORDER BY batch_id)
          FROM audit.batch AS b
         WHERE status = 'validated' AND pii_purged_at IS NULL
           AND (core_loaded_at IS NULL OR EXISTS (
                SELECT 1 FROM quarantine.decision AS d
                 WHERE d.batch_id = b.batch_id AND d.decided_at > b.core_loaded_at))
         GROUP BY source
    """).fetchall()
    ignored = [batch for (batch,) in conn.execute("""
        SELECT batch_id FROM audit.batch AS b
         WHERE pii_purged_at IS NOT NULL AND EXISTS (
               SELECT 1 FROM quarantine.decision AS d
                WHERE d.batch_id = b.batch_id AND d.decided_at > b.core_loaded_at)
    """).fetchall()]
    if ignored:
        log.warning("batches %s have quarantine decisions since they were loaded, but their "
                    "personal data was purged: they cannot be reloaded, core keeps them as "
                    "loaded", ignored)
    return dict(rows)


# Registry rows linked by name + birth date keep the link their period's last
# build made while the names were there, once retention purged them
# (period_picture.sql matches names in staging, which a purge empties).
_KEPT_NAME_LINKS = """
    UPDATE {table} AS d
       SET person_key = l.person_key, link_method = l.link_method, candidates = l.candidates
      FROM core.document_link AS l
     WHERE l.period = %(period)s AND l.batch_id = d.batch_id AND l.row_number = d.row_number
       AND l.link_method IN ('name_birth_date', 'ambiguous')
       AND d.link_method NOT IN ('passport', 'permit_number')
"""


def _keep_purged_name_links(conn: psycopg.Connection, period: str) -> None:
    """After a purge of the period's permit or registry names, reuse the links made before."""
    purged = conn.execute("""
        SELECT EXISTS (SELECT 1 FROM core.period_batch AS pb
                         JOIN audit.batch AS b ON b.batch_id = pb.batch_id
                        WHERE pb.period = %s AND b.pii_purged_at IS NOT NULL
                          AND b.source IN ('imigrasi_izin_tinggal', 'dukcapil_orang_asing'))
    """, (period,)).fetchone()[0]
    if purged:
        for table in ("p_document", "p_active"):
            conn.execute(_KEPT_NAME_LINKS.format(table=table), {"period": period})


def _forget(conn: psycopg.Connection, batch_ids: list[int]) -> None:
    """Drop a batch's facts before loading it again (after a quarantine decision)."""
    for table in ("core.fact_rptka_location", "core.fact_rptka_position",
                  "core.fact_stay_permit", "core.fact_population_document",
                  "core.fact_admin_action"):
        conn.execute(f"DELETE FROM {table} WHERE batch_id = ANY(%s)", (batch_ids,))


class KeyMismatch(RuntimeError):
    """The person-key secret is not the one the warehouse was built with."""


def _use_key(conn: psycopg.Connection, secret: bytes) -> None:
    """Hand the key pads to this transaction only (bound server-side, never in SQL text).

    The first build records a fingerprint of the key; a later build with
    another key would make every person a new one, so it stops instead.
    """
    fingerprint = person_key.fingerprint(secret)
    known = conn.execute("SELECT fingerprint FROM core.person_key_check").fetchone()
    if known is None:
        conn.execute("INSERT INTO core.person_key_check (fingerprint) VALUES (%s)",
                     (fingerprint,))
    elif known[0] != fingerprint:
        raise KeyMismatch(
            f"the person key ({person_key.ENV} or var/person.key) is not the one this "
            "warehouse was built with: restore it, or every person would get a new key"
            + person_key.interrupted_hint())
    pads = person_key.pads(secret)
    conn.execute("CREATE TEMP TABLE build_key (inner_pad bytea, outer_pad bytea) ON COMMIT DROP")
    conn.execute("INSERT INTO build_key VALUES (%s, %s)", (pads.inner, pads.outer))
    conn.execute("CREATE TEMP TABLE load_person_rows (person_key char(64), "
                 "passport_number text, nationality char(3), batch_id bigint) ON COMMIT DROP")


def load_batches(conn: psycopg.Connection, settings: Settings) -> list[int]:
    """Every pending validated batch into the facts; return their ids."""
    pending = _pending(conn)
    for source in SOURCES_IN_LOAD_ORDER:
        batch_ids = pending.get(source)
        if not batch_ids:
            continue
        _forget(conn, batch_ids)
        _run(conn, settings, f"build/load_{source}.sql", {"batch_ids": batch_ids},
             source=source)
        _run(conn, settings, "build/load_persons.sql", {})
        conn.execute("UPDATE audit.batch SET core_loaded_at = now() WHERE batch_id = ANY(%s)",
                     (batch_ids,))
    return [batch_id for ids in pending.values() for batch_id in ids]


def build_period(period: Period, settings: Settings | None = None,
                 url: str | None = None) -> BuildResult:
    """Build core and marts for ``period`` (idempotent, one transaction)."""
    settings = settings or get_settings()
    secret = person_key.secret(settings)
    started = time.monotonic()
    month = period.months()[-1]
    params = {"period": period.label, "reference_date": period.reference_date,
              "period_start": period.start, "month": month.label}
    with connect("loader", url=url) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (BUILD_LOCK,))
        _use_key(conn, secret)
        load_reference(conn)
        loaded = load_batches(conn, settings)
        _run(conn, settings, "build/select_batches.sql", params)
        _run(conn, settings, "build/period_picture.sql", params)
        _keep_purged_name_links(conn, period.label)
        conn.execute("DELETE FROM core.fact_discrepancy WHERE period = %s", (period.label,))
        for rule in RULES:
            _run(conn, settings, f"rules/{rule}.sql", params)
        _run(conn, settings, "build/person_status.sql", params)
        _run(conn, settings, "build/marts.sql", params)
        check_references(conn, Written(loaded, period.label, month.label))
        used = conn.execute("SELECT count(*) FROM core.period_batch WHERE period = %s",
                            (period.label,)).fetchone()[0]
        counts = dict(conn.execute(
            "SELECT rule_code, count(DISTINCT person_key) FROM core.fact_discrepancy "
            "WHERE period = %s GROUP BY rule_code", (period.label,)).fetchall())
        seconds = time.monotonic() - started
        conn.execute(
            """
            INSERT INTO core.period_build (period, reference_date, period_start,
                                           previous_period, batches, seconds)
            VALUES (%s, %s, %s, %s, %s, %s)
            ON CONFLICT (period) DO UPDATE
               SET reference_date = EXCLUDED.reference_date, built_at = now(),
                   built_by = current_user, previous_period = EXCLUDED.previous_period,
                   batches = EXCLUDED.batches, seconds = EXCLUDED.seconds
            """,
            (period.label, period.reference_date, period.start, period.previous().label, used,
             round(seconds, 2)),
        )
        conn.commit()
    log.info("built %s from %s batches in %.1f s", period.label, used, seconds)
    return BuildResult(period.label, len(loaded), used,
                       {code: counts.get(code, 0) for code in RULE_CODES}, seconds)


def stale_periods(url: str | None = None) -> list[str]:
    """Built periods whose snapshots changed since: a late or corrected file, a decision."""
    with connect("loader", url=url) as conn:
        rows = conn.execute("""
            WITH wanted AS (
                SELECT DISTINCT ON (p.period, b.source, b.file_scope) p.period, b.batch_id
                  FROM core.period_build AS p
                  JOIN audit.batch AS b
                    ON b.status = 'validated' AND b.snapshot_date <= p.reference_date
                 ORDER BY p.period, b.source, b.file_scope, b.snapshot_date DESC,
                          b.batch_id DESC
            ), changed AS (
                (SELECT period, batch_id FROM wanted
                 EXCEPT SELECT period, batch_id FROM core.period_batch)
                UNION
                (SELECT period, batch_id FROM core.period_batch
                 EXCEPT SELECT period, batch_id FROM wanted)
                UNION
                SELECT pb.period, pb.batch_id
                  FROM core.period_batch AS pb
                  JOIN core.period_build AS p USING (period)
                 WHERE EXISTS (SELECT 1 FROM quarantine.decision AS d
                                WHERE d.batch_id = pb.batch_id AND d.decided_at > p.built_at)
            )
            SELECT DISTINCT period FROM changed ORDER BY period
        """).fetchall()
    return [period for (period,) in rows]



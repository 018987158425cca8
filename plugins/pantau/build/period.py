"""``pantau build --period P``: core and marts of one period, in one transaction.

1. reference dimensions refreshed; every validated batch not yet in core (or
   with a quarantine decision since) loaded into the facts per snapshot;
2. the period's snapshots chosen (latest validated per source and scope on or
   before the reference date: ``build/latest_snapshots.sql``, the rule the
   staleness check shares) and its picture on that date computed;
3. each rule of ``sql/rules/`` run (``build/discrepancies.sql`` writes what it
   selects); the person-status snapshot and the marts replaced for the period,
   with the source rows behind every figure (``build/figure_rows.sql``, then
   ``build/pmi_figure_rows.sql`` for the pmi object, from the PMI marts' tables);
4. the references of every row written checked (:mod:`pantau.build.integrity`).

Builds take an advisory lock, so two never interleave; a rerun replaces the
period's rows and gives the same result.
"""

from __future__ import annotations

import logging
import time
from contextvars import ContextVar
from dataclasses import dataclass, field

import psycopg

from pantau.build.integrity import Written, check_references
from pantau.build.reference import load_reference
from pantau.build.targeting import Weights, load_weights, stage_weights
from pantau.config import Settings, get_settings
from pantau.periods import Period
from pantau.sources.catalog import PMI_SOURCES, SOURCES
from pantau.warehouse import person_key, sql_files
from pantau.warehouse.connection import connect
from pantau.warehouse.locks import BUILD_LOCK

log = logging.getLogger(__name__)

RULES = ("tka_no_permit", "permit_no_rptka", "permit_no_registration", "region_mismatch",
         "expired_permit_active", "rptka_expired", "restricted_position", "dkptka_underpaid",
         "no_companion")
RULE_CODES = tuple(name.upper() for name in RULES)
# The rules about Indonesians working abroad (sql/rules/pmi_*.sql), run by
# build/pmi_indications.sql into core.fact_pmi_indication.
PMI_RULES = ("pmi_postponed_no_placement", "pmi_non_work_passport",
             "pmi_passport_after_refusal", "pmi_closed_destination", "pmi_underage",
             "pmi_returnee_no_placement", "pmi_repeat_returnee")
PMI_RULE_CODES = tuple(name.upper() for name in PMI_RULES)
# The sources the build loads, in order: the foreigners', the PMI exports, the operations.
FOREIGNER_SOURCES = ("imigrasi_izin_tinggal", "imigrasi_tindakan", "tenaga_kerja_tka",
                     "dukcapil_orang_asing")
PMI_SOURCE_IDS = tuple(source.id for source in PMI_SOURCES)
# The TIMPORA teams' joint-operation results (core.fact_operation_visit).
OPERATION_SOURCES = ("timpora_operasi",)
SOURCES_IN_LOAD_ORDER = FOREIGNER_SOURCES + PMI_SOURCE_IDS + OPERATION_SOURCES
# Delta feeds: every delivery on or before the reference date counts (build/latest_snapshots.sql).
ACCUMULATING_SOURCES = tuple(s.id for s in SOURCES.values() if s.accumulating)
SNAPSHOT_PARAMS = {"build_sources": list(SOURCES_IN_LOAD_ORDER),
                   "accumulating_sources": list(ACCUMULATING_SOURCES)}


@dataclass
class BuildResult:
    period: str
    batches_loaded: int
    batches_used: int
    discrepancies: dict[str, int]
    seconds: float
    # Seconds per SQL step (the file, or its label), summed over repeats: what the
    # benchmark splits between the foreigners' and the PMI part of a build.
    step_seconds: dict[str, float] = field(default_factory=dict)


# The step times of the build running in this context (see BuildResult.step_seconds).
_step_seconds: ContextVar[dict[str, float] | None] = ContextVar("step_seconds", default=None)


def run_step(conn: psycopg.Connection, settings: Settings, relative: str, params: dict,
         label: str | None = None, **template) -> None:
    """Run one SQL file (several statements): ``template`` fills its Jinja2 parameters,
    ``params`` are bound client-side (numbers and dates only: no secret goes this way).
    The time taken is logged under ``label`` (default: the file)."""
    started = time.monotonic()
    with psycopg.ClientCursor(conn) as cursor:
        cursor.execute(sql_files.render(relative, settings, **template), params)
    seconds = time.monotonic() - started
    log.info("%s: %.2f s", label or relative, seconds)
    steps = _step_seconds.get()
    if steps is not None:
        steps[label or relative] = steps.get(label or relative, 0.0) + seconds


def _pending(conn: psycopg.Connection, settings: Settings) -> dict[str, list[int]]:
    """Validated batches whose rows core lacks or must reload (``build/pending_batches.sql``).

    A batch whose personal data retention purged is never reloaded: its
    staging rows are gone and its facts stay as loaded. A decision on it since
    is only logged (``build/purged_batches_with_decisions.sql``).
    """
    rows = conn.execute(sql_files.render("build/pending_batches.sql", settings),
                        SNAPSHOT_PARAMS).fetchall()
    ignored = [batch for (batch,) in conn.execute(
        sql_files.render("build/purged_batches_with_decisions.sql", settings)).fetchall()]
    if ignored:
        log.warning("batches %s have quarantine decisions since they were loaded, but their "
                    "personal data was purged: they cannot be reloaded, core keeps them as "
                    "loaded", ignored)
    return dict(rows)


class KeyMismatch(RuntimeError):
    """The person-key secret is not the one the warehouse was built with."""


def _use_key(conn: psycopg.Connection, settings: Settings, secret: bytes) -> None:
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
    run_step(conn, settings, "build/key_tables.sql", {})
    conn.execute("INSERT INTO build_key (inner_pad, outer_pad) VALUES (%s, %s)",
                 (pads.inner, pads.outer))


def load_batches(conn: psycopg.Connection, settings: Settings) -> list[int]:
    """Every pending validated batch into the facts; return their ids.

    After PMI batches, the PMI identity map is recomputed whole
    (``build/pmi_identity_map.sql``): which person a passport or a name
    belongs to depends on every row loaded, never on the order they came.
    """
    pending = _pending(conn, settings)
    for source in SOURCES_IN_LOAD_ORDER:
        batch_ids = pending.get(source)
        if not batch_ids:
            continue
        # A batch loaded before (a quarantine decision since) loses its facts first.
        run_step(conn, settings, "build/forget_batches.sql", {"batch_ids": batch_ids},
             f"build/forget_batches.sql ({source})")
        run_step(conn, settings, f"build/load_{source}.sql", {"batch_ids": batch_ids},
             source=source)
        if source in FOREIGNER_SOURCES:
            run_step(conn, settings, "build/load_persons.sql", {})
        conn.execute("UPDATE audit.batch SET core_loaded_at = now() WHERE batch_id = ANY(%s)",
                     (batch_ids,))
    if pending.get("imigrasi_izin_tinggal") or pending.get("tenaga_kerja_tka"):
        # Stay permits' PENJAMIN to the employer's NIB (docs/targeting.md).
        run_step(conn, settings, "build/sponsor_nib.sql", {})
    if any(pending.get(source) for source in PMI_SOURCE_IDS):
        run_step(conn, settings, "build/pmi_identity_map.sql", {})
    return [batch_id for ids in pending.values() for batch_id in ids]


def build_period(period: Period, settings: Settings | None = None,
                 url: str | None = None) -> BuildResult:
    """Build core and marts for ``period`` (idempotent, one transaction)."""
    settings = settings or get_settings()
    secret = person_key.secret(settings)
    started = time.monotonic()
    steps: dict[str, float] = {}
    timing = _step_seconds.set(steps)
    try:
        result = _build(period, settings, url, secret)
    finally:
        _step_seconds.reset(timing)
    result.step_seconds = {name: round(value, 3) for name, value in steps.items()}
    log.info("built %s from %s batches in %.1f s", period.label, result.batches_used,
             time.monotonic() - started)
    return result


def _build(period: Period, settings: Settings, url: str | None, secret: bytes) -> BuildResult:
    with connect("loader", url=url) as conn:
        return build_on(conn, period, settings, secret)


def period_params(period: Period) -> dict:
    """The bound values every step of ``period``'s build takes."""
    return {"period": period.label, "reference_date": period.reference_date,
            "period_start": period.start, "month": period.months()[-1].label,
            **SNAPSHOT_PARAMS}


def prepare(conn: psycopg.Connection, settings: Settings, secret: bytes) -> list[int]:
    """Lock, key, reference dimensions and every pending batch loaded: what any build of a
    period does first, in its transaction (the partial rebuild too); the loaded batch ids."""
    conn.execute("SELECT pg_advisory_xact_lock(%s)", (BUILD_LOCK,))
    _use_key(conn, settings, secret)
    load_reference(conn)
    return load_batches(conn, settings)


def build_on(conn: psycopg.Connection, period: Period, settings: Settings,
             secret: bytes) -> BuildResult:
    """The whole build of ``period`` on ``conn``, committed (one transaction)."""
    started = time.monotonic()
    params = period_params(period)
    # The targeting weights, checked before anything is written (docs/targeting.md).
    weights = load_weights(RULE_CODES, settings)
    loaded = prepare(conn, settings, secret)
    run_step(conn, settings, "build/select_batches.sql", params)
    build_picture(conn, settings, params, weights)
    return finish(conn, settings, period, loaded, started)


def build_picture(conn: psycopg.Connection, settings: Settings, params: dict,
                  weights: Weights) -> None:
    """Steps 2 to 3 for every region: the picture, the rules, person status and marts."""
    run_step(conn, settings, "build/period_picture.sql", params)
    run_step(conn, settings, "build/kept_name_links.sql", params)
    conn.execute("DELETE FROM core.fact_discrepancy WHERE period = %s", (params["period"],))
    for rule in RULES:
        run_step(conn, settings, "build/discrepancies.sql", params, f"rules/{rule}.sql",
             rule=rule)
    run_step(conn, settings, "build/person_status.sql", params)
    run_step(conn, settings, "build/pmi_picture.sql", params)
    conn.execute("DELETE FROM core.fact_pmi_indication WHERE period = %s", (params["period"],))
    for rule in PMI_RULES:
        run_step(conn, settings, "build/pmi_indications.sql", params, f"rules/{rule}.sql",
             rule=rule)
    run_step(conn, settings, "build/marts.sql", params)
    run_step(conn, settings, "build/pmi_marts.sql", params)
    run_step(conn, settings, "build/figure_rows.sql", params)
    run_step(conn, settings, "build/pmi_figure_rows.sql", params)
    rank_sites(conn, settings, params, weights)


def rank_sites(conn: psycopg.Connection, settings: Settings, params: dict, weights: Weights,
               **template) -> None:
    """The targeting step (``targeting/target_sites.sql``) with its weights staged."""
    stage_weights(conn, weights)
    run_step(conn, settings, "targeting/target_sites.sql",
         {**params, "weights_sha256": weights.sha256,
          "clear_within_days": weights.clear_within_days,
          "share_allowance": weights.share_allowance}, **template)


def finish(conn: psycopg.Connection, settings: Settings, period: Period, loaded: list[int],
           started: float) -> BuildResult:
    """Step 4, the period's record and the commit: what every build of a period ends with."""
    check_references(conn, Written(loaded, period.label, period.months()[-1].label))
    used = conn.execute("SELECT count(*) FROM core.period_batch WHERE period = %s",
                        (period.label,)).fetchone()[0]
    counts = dict(conn.execute(
        "SELECT rule_code, count(DISTINCT person_key) FROM core.fact_discrepancy "
        "WHERE period = %s GROUP BY rule_code UNION ALL "
        "SELECT rule_code, count(DISTINCT person_key) FROM core.fact_pmi_indication "
        "WHERE period = %s GROUP BY rule_code", (period.label, period.label)).fetchall())
    seconds = time.monotonic() - started
    conn.execute(sql_files.render("build/record_build.sql", settings), {
        "period": period.label, "reference_date": period.reference_date,
        "period_start": period.start, "previous_period": period.previous().label,
        "batches": used, "seconds": round(seconds, 2)})
    conn.commit()
    return BuildResult(period.label, len(loaded), used,
                       {code: counts.get(code, 0) for code in RULE_CODES + PMI_RULE_CODES},
                       seconds)


def stale_periods(url: str | None = None, settings: Settings | None = None) -> list[str]:
    """Built periods whose snapshots changed since: a late or corrected file, a decision.

    ``build/stale_periods.sql``: the build's own snapshot rule
    (``build/latest_snapshots.sql``) compared with the snapshots each period used.
    """
    with connect("loader", url=url) as conn:
        rows = conn.execute(sql_files.render("build/stale_periods.sql", settings),
                            SNAPSHOT_PARAMS).fetchall()
    return [period for (period,) in rows]

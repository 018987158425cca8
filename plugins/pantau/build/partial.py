"""Rebuild stale periods only where a change reaches (docs/warehouse.md "A late file").

A late or corrected file, or a quarantine decision, makes a built period stale
(:func:`pantau.build.period.stale_periods`). Rebuilding the whole period
recomputes every region; this recomputes the regions the change reaches and
writes what the whole build would write there, leaving every other row as it is:

1. before the loads, what they will change is kept (``build/partial_capture.sql``:
   the rows of batches loaded again, employer versions, sponsors, the PMI identity
   map), once for all the stale periods;
2. per period, in one transaction under the build lock: the loads and the choice
   of snapshots as in a whole build (:func:`pantau.build.period.prepare`), then the
   reach (``build/partial_reach.sql``): the regencies of the changed rows, old and
   new, and every regency where a person of those rows, or of a row whose link may
   follow them, has a row; those of the employers whose versions changed;
3. the picture of just what those regencies' figures rest on (their rows, and every
   row of a person with a row there), the rules, person status, marts, figure rows
   and targeting run on it as the whole build runs them, into shadow tables
   (``build/output.sql``), merged for the reached regencies as a difference
   (``build/partial_merge_*.sql``); their provinces, then Indonesia, derived from
   their children for the units and rows that changed (``build/partial_derive.sql``).

Not scoped, and why: the PMI picture and rules run whole when the change reaches
PMI records at all (a person is whoever the identity map, recomputed whole at load,
says, and a rule reads his records in any regency); their reach is then found by
comparing the indications with the stored ones (``build/partial_pmi_diff.sql``),
and only the reached regions' PMI marts are written. The whole build runs instead
when the period was never built, a batch of it had its personal data purged, another
build loaded batches since the period was built (what they changed was not kept),
or the change reaches more than ``max_share`` of the regencies with data.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import psycopg

from pantau.build.period import (
    PMI_RULES,
    PMI_SOURCE_IDS,
    RULE_CODES,
    RULES,
    SNAPSHOT_PARAMS,
    BuildResult,
    _pending,
    _step_seconds,
    build_on,
    build_picture,
    finish,
    period_params,
    prepare,
    rank_sites,
    run_step,
)
from pantau.build.targeting import load_weights
from pantau.config import Settings, get_settings
from pantau.periods import Period
from pantau.warehouse import person_key, sql_files
from pantau.warehouse.connection import connect
from pantau.warehouse.locks import BUILD_LOCK

log = logging.getLogger(__name__)

# Above this share of the regencies with data the change reaches, the whole build
# is cheaper than picturing nearly all of it twice over.
MAX_SHARE = 0.5
# Sources whose load changes rows of other batches: employer versions and
# sponsors (manpower), the PMI identity map (PMI).
SIDE_EFFECT_SOURCES = ("tenaga_kerja_tka", *PMI_SOURCE_IDS)


@dataclass
class Rebuilt:
    """One stale period rebuilt: partially (``reached`` regencies), or whole (``reason``)."""

    period: str
    partial: bool
    # Regencies whose rows were recomputed (empty for a whole build).
    reached: tuple[str, ...]
    # Regions whose reports changed and should be rendered again: the regencies and
    # provinces whose marts changed, their provinces, and Indonesia ("00") when
    # anything did. None after a whole build: any region may have changed.
    render: tuple[str, ...] | None
    reason: str | None
    result: BuildResult
    step_seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Captured:
    """What build/partial_capture.sql kept, and why a period cannot be rebuilt partially."""

    reloaded: bool
    with_sponsors: bool
    with_map: bool
    unsafe: dict[str, str]


def rebuild_stale(settings: Settings | None = None, url: str | None = None,
                  periods: list[str] | None = None,
                  max_share: float = MAX_SHARE) -> list[Rebuilt]:
    """Rebuild every stale period (or those of ``periods`` that are stale), each as far as
    its change reaches, oldest first; one transaction per period, the build lock held
    throughout so that what was kept before the loads stays true."""
    settings = settings or get_settings()
    secret = person_key.secret(settings)
    with connect("loader", url=url) as conn, _session_lock(conn):
        stale = [label for label in _stale(conn, settings)
                 if periods is None or label in periods]
        if not stale:
            return []
        captured = _capture(conn, settings, stale)
        try:
            return [_rebuild(conn, Period.parse(label), settings, secret, captured, max_share)
                    for label in stale]
        finally:
            conn.rollback()
            conn.execute(sql_files.render("build/partial_release.sql", settings))
            conn.commit()


@contextmanager
def _session_lock(conn: psycopg.Connection) -> Iterator[None]:
    """The build lock for the whole session: each period's own transaction lock
    (build/period.prepare) is then granted at once, and nothing builds in between."""
    conn.execute("SELECT pg_advisory_lock(%s)", (BUILD_LOCK,))
    conn.commit()
    try:
        yield
    finally:
        conn.rollback()
        conn.execute("SELECT pg_advisory_unlock(%s)", (BUILD_LOCK,))
        conn.commit()


def _stale(conn: psycopg.Connection, settings: Settings) -> list[str]:
    rows = conn.execute(sql_files.render("build/stale_periods.sql", settings),
                        SNAPSHOT_PARAMS).fetchall()
    return [period for (period,) in rows]


def _capture(conn: psycopg.Connection, settings: Settings, stale: list[str]) -> _Captured:
    """Keep what the loads will change (build/partial_capture.sql) and find the periods a
    partial rebuild cannot reproduce (build/partial_safety.sql); committed."""
    pending = _pending(conn, settings)
    ids = [batch_id for batch_ids in pending.values() for batch_id in batch_ids]
    loaded_before = [batch_id for (batch_id,) in conn.execute(
        sql_files.render("build/partial_reloaded.sql", settings), {"batch_ids": ids})]
    with_sponsors = bool(pending.get("tenaga_kerja_tka"))
    with_map = any(pending.get(source) for source in PMI_SOURCE_IDS)
    unsafe = dict(conn.execute(
        sql_files.render("build/partial_safety.sql", settings),
        {"periods": stale, "side_effect_sources": list(SIDE_EFFECT_SOURCES)}).fetchall())
    run_step(conn, settings, "build/partial_capture.sql",
             {"reload_ids": loaded_before, "stale_periods": stale,
              "with_sponsors": with_sponsors, "with_map": with_map})
    conn.commit()
    return _Captured(bool(loaded_before), with_sponsors, with_map,
                     {period: reason for period, reason in unsafe.items() if reason})


def _rebuild(conn: psycopg.Connection, period: Period, settings: Settings, secret: bytes,
             captured: _Captured, max_share: float) -> Rebuilt:
    steps: dict[str, float] = {}
    token = _step_seconds.set(steps)
    try:
        reason = captured.unsafe.get(period.label)
        if reason:
            rebuilt = _whole(build_on(conn, period, settings, secret), period, reason)
        else:
            rebuilt = _partial(conn, period, settings, secret, captured, max_share)
    finally:
        _step_seconds.reset(token)
    rebuilt.step_seconds = {name: round(value, 3) for name, value in steps.items()}
    rebuilt.result.step_seconds = dict(rebuilt.step_seconds)
    log.info("rebuilt %s %s in %.1f s", period.label,
             f"for {len(rebuilt.reached)} regencies" if rebuilt.partial
             else f"whole ({rebuilt.reason})", rebuilt.result.seconds)
    return rebuilt


def _whole(result: BuildResult, period: Period, reason: str) -> Rebuilt:
    return Rebuilt(period.label, False, (), None, reason, result)


def _partial(conn: psycopg.Connection, period: Period, settings: Settings, secret: bytes,
             captured: _Captured, max_share: float) -> Rebuilt:
    """One period: the whole build's first steps, the reach, then the scoped steps
    and merges, or the whole build's steps when the change reaches too much."""
    started = time.monotonic()
    params = period_params(period)
    weights = load_weights(RULE_CODES, settings)
    run_step(conn, settings, "build/partial_prior.sql", params)
    loaded = prepare(conn, settings, secret)
    run_step(conn, settings, "build/select_batches.sql", params)
    run_step(conn, settings, "build/partial_reach.sql", params,
             with_sponsors=captured.with_sponsors)
    pmi = _pmi_changed(conn, settings, params, captured)
    reached, with_data = conn.execute(sql_files.render("build/partial_share.sql", settings),
                                      params).fetchone()
    if with_data and reached / with_data > max_share:
        build_picture(conn, settings, params, weights)
        return _whole(finish(conn, settings, period, loaded, started), period,
                      f"the change reaches {reached} of {with_data} regencies with data")
    run_step(conn, settings, "build/partial_outputs.sql", params)
    foreigners = _foreigners(conn, settings, params)
    pmi = pmi and _pmi(conn, settings, params)
    if not pmi:
        run_step(conn, settings, "build/pmi_picture.sql", params, empty=True)
    run_step(conn, settings, "build/partial_members.sql", params)
    if foreigners or pmi:
        _marts(conn, settings, params, weights, foreigners, pmi)
    rows = conn.execute(sql_files.render("build/partial_regions.sql", settings)).fetchall()
    result = finish(conn, settings, period, loaded, started)
    return Rebuilt(period.label, True, tuple(code for what, code in rows if what == "reached"),
                   _to_render([code for what, code in rows if what == "changed"]), None,
                   result)


def _pmi_changed(conn: psycopg.Connection, settings: Settings, params: dict,
                 captured: _Captured) -> bool:
    """Whether the change can reach PMI records: a PMI batch changed, or a PMI load
    changed the identity map; build/partial_pmi_reach.sql finds where."""
    changed = conn.execute(sql_files.render("build/partial_pmi_changed.sql", settings),
                           {"pmi_sources": list(PMI_SOURCE_IDS)}).fetchone()[0]
    reached = changed or captured.with_map
    run_step(conn, settings, "build/partial_pmi_reach.sql", params,
             with_map=captured.with_map, reached=reached)
    return reached


def _foreigners(conn: psycopg.Connection, settings: Settings, params: dict) -> bool:
    """The scoped picture, rules and person status, merged for the reached regencies;
    whether any regency was reached."""
    run_step(conn, settings, "build/period_picture.sql", params, scoped=True)
    for rule in RULES:
        run_step(conn, settings, "build/discrepancies.sql", params, f"rules/{rule}.sql",
                 rule=rule, scoped=True)
    run_step(conn, settings, "build/partial_merge_rules.sql", params)
    run_step(conn, settings, "build/person_status.sql", params, scoped=True)
    run_step(conn, settings, "build/partial_merge_status.sql", params)
    return _reached(conn, settings)[0]


def _pmi(conn: psycopg.Connection, settings: Settings, params: dict) -> bool:
    """The PMI picture and rules, whole; their reach added by comparison; the indications
    merged for the reached regencies; whether any was reached."""
    run_step(conn, settings, "build/pmi_picture.sql", params, empty=False)
    for rule in PMI_RULES:
        run_step(conn, settings, "build/pmi_indications.sql", params, f"rules/{rule}.sql",
                 rule=rule, scoped=True)
    run_step(conn, settings, "build/partial_pmi_diff.sql", params)
    run_step(conn, settings, "build/partial_merge_pmi_rules.sql", params)
    return _reached(conn, settings)[1]


def _reached(conn: psycopg.Connection, settings: Settings) -> tuple[bool, bool]:
    """Whether any regency is reached: among the foreigners' figures, the PMI ones."""
    foreigners, pmi = conn.execute(
        sql_files.render("build/partial_reached.sql", settings)).fetchone()
    return foreigners, pmi


def _marts(conn: psycopg.Connection, settings: Settings, params: dict, weights,
           foreigners: bool, pmi: bool) -> None:
    """The scoped marts, figure rows and targeting into the shadows, merged; Indonesia."""
    run_step(conn, settings, "build/marts.sql", params, scoped=True)
    if pmi:
        run_step(conn, settings, "build/pmi_marts.sql", params, scoped=True)
    if foreigners:
        run_step(conn, settings, "build/figure_rows.sql", params, scoped=True)
    if pmi:
        run_step(conn, settings, "build/pmi_figure_rows.sql", params, scoped=True)
    if foreigners:
        rank_sites(conn, settings, params, weights, scoped=True)
    families = {"with_foreigners": foreigners, "with_pmi": pmi}
    run_step(conn, settings, "build/partial_merge_marts.sql",
             {**params, "pmi_sources": list(PMI_SOURCE_IDS)}, **families)
    for level in ("province", "national"):
        run_step(conn, settings, "build/partial_derive.sql", params, f"build/partial_derive.sql "
                 f"({level})", level=level, **families)


def _to_render(changed: list[str]) -> tuple[str, ...]:
    """The changed regions, the provinces of changed regencies (a province report lists
    its regencies), and Indonesia when anything changed (it lists the provinces)."""
    if not changed:
        return ()
    provinces = {code.split(".")[0] for code in changed}
    return tuple(sorted(set(changed) | provinces | {"00"}))

"""The steps of a Pantau cycle: each is one Airflow task and one stage of ``pantau run``.

Every step takes and returns plain JSON-able values (they travel as XCom),
is idempotent (a retry or a backfill redoes the same work to the same end),
and raises :class:`~pantau.orchestration.errors.CycleFailure` for failures
no retry can fix.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from pantau.config import Settings, get_settings
from pantau.lineage import datasets, publish
from pantau.orchestration.errors import CycleFailure, FilesRejected, GateFailed
from pantau.orchestration.landing import local_copy, new_files, split_evenly
from pantau.periods import Period, PeriodKind

log = logging.getLogger(__name__)
NOT_LOADED = ("rejected", "unrecognised")
_FILES_AT_ONCE = 200  # files fetched (local copies held) and ingested together


# --------------------------------------------------------------------- ingest


class NothingToReport(CycleFailure):
    """A report run found no region with data for its period: the exports did not arrive."""


def new_file_groups(location: str, groups: int) -> list[list[dict]]:
    """The landing location's new files, in at most ``groups`` groups of similar size."""
    return split_evenly(new_files(location), groups)


@dataclass
class IngestTally:
    """What one group of files came to (summed over groups for a summary)."""

    files: dict[str, int] = field(default_factory=dict)  # status -> files
    rows: int = 0
    loaded: list[int] = field(default_factory=list)  # batch ids
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)  # source -> files, rows
    failures: list[str] = field(default_factory=list)  # "file: reason"

    @classmethod
    def combine(cls, tallies: list[dict]) -> IngestTally:
        total = cls()
        for item in tallies:
            for status, n in item["files"].items():
                total.files[status] = total.files.get(status, 0) + n
            total.rows += item["rows"]
            total.loaded += item["loaded"]
            total.failures += item["failures"]
            for source, counts in item["per_source"].items():
                mine = total.per_source.setdefault(source, {"files": 0, "rows": 0})
                mine["files"] += counts["files"]
                mine["rows"] += counts["rows"]
        return total

    def to_dict(self) -> dict:
        return asdict(self)


def ingest_files(files: list[dict], source: str | None = None,
                 settings: Settings | None = None) -> dict:
    """Archive, register and load each file (``{"uri": ...}``); bad files are tallied, not raised.

    A warehouse failure propagates (and is retried: files already loaded then
    count as duplicates, so the retry finishes the group without doubling it).
    """
    from pantau.ingest.pipeline import FileOutcome, ingest_files
    from pantau.sources.pickup import UnsafeFileName
    from pantau.warehouse.connection import warehouse_url

    settings = settings or get_settings()
    url = warehouse_url(settings)
    statuses: Counter[str] = Counter()
    tally = IngestTally()
    handled: list[dict] = []  # what lineage names: the files read, where they went
    for start in range(0, len(files), _FILES_AT_ONCE):
        items, refused = files[start:start + _FILES_AT_ONCE], []
        with ExitStack() as copies:
            paths, originals = [], []
            for item in items:
                try:
                    paths.append(copies.enter_context(
                        local_copy(item["uri"], source or "incoming", settings)))
                except UnsafeFileName as exc:
                    refused.append(FileOutcome(Path(item["uri"]), "rejected", message=str(exc)))
                    continue
                originals.append(item["uri"])
            outcomes = ingest_files(paths, settings, url, originals)
        delivered = {str(path): original for path, original in zip(paths, originals, strict=True)}
        handled += [_handled(outcome, delivered) for outcome in outcomes]
        for outcome in outcomes + refused:
            statuses[outcome.status] += 1
            _tally(tally, outcome)
    tally.files = dict(statuses)
    publish("ingest", lambda: datasets.ingested(handled, settings))
    return tally.to_dict()


def _handled(outcome, delivered: dict[str, str]) -> dict:
    """One file the ingest read, for lineage: where it was delivered and what it became."""
    return {"uri": delivered.get(str(outcome.path), str(outcome.path)), "status": outcome.status,
            "source": outcome.source, "rows": outcome.rows, "problems": outcome.problems,
            "extra": bool(outcome.extra_columns)}


def _tally(tally: IngestTally, outcome) -> None:
    tally.rows += outcome.rows
    if outcome.status == "loaded":
        tally.loaded.append(outcome.batch_id)
    if outcome.status in NOT_LOADED:
        tally.failures.append(f"{outcome.path.name}: {outcome.status}: {outcome.message}")
    per = tally.per_source.setdefault(outcome.source or "-", {"files": 0, "rows": 0})
    per["files"] += 1
    per["rows"] += outcome.rows
    log.info("%s: %s%s", outcome.path.name, outcome.status,
             f" (batch {outcome.batch_id}, {outcome.rows:,} rows)" if outcome.batch_id else "")


# ------------------------------------------------------------------- validate


def validate(sources: list[str] | None = None, settings: Settings | None = None) -> dict:
    """Run the quality gate on every waiting batch of ``sources``; rebuild the Data Docs.

    Validating all waiting batches (not only this run's) lets a run pick up
    what an earlier, crashed run left behind.
    """
    from pantau.quality.gate import run_gate

    report = run_gate(settings, sources)
    if report.errors:
        raise GateFailed("quality gate could not run (batches stay waiting): "
                         + "; ".join(report.errors))
    judged = [{"source": v.source, "batches": sorted([*v.validated, *v.rejected]),
               "rows_checked": v.rows_checked} for v in report.verdicts]
    docs = str(report.docs_index) if report.docs_index else None
    publish("validate", lambda: datasets.validated(judged, docs, settings))
    return {
        "validated": sorted(b for v in report.verdicts for b in v.validated),
        "rejected": {str(b): reasons for b, reasons in report.rejected.items()},
        "quarantined_rows": sum(v.rows_quarantined for v in report.verdicts),
        "rows_checked": sum(v.rows_checked for v in report.verdicts),
        "data_docs": str(report.docs_index) if report.docs_index else None,
    }


def rejected_batches(verdict: dict) -> list[str]:
    """One line per batch the gate rejected, with its reasons."""
    return [f"batch {batch}: {'; '.join(reasons)}"
            for batch, reasons in verdict.get("rejected", {}).items()]


def raise_if_rejected(what: str, tallies: list[dict], verdict: dict) -> None:
    """Fail (without retry) when a file or batch was rejected; the reasons are the message."""
    failures = list(IngestTally.combine(tallies).failures) + rejected_batches(verdict)
    if failures:
        shown = "\n  ".join(failures[:20])
        more = f"\n  ... and {len(failures) - 20} more" if len(failures) > 20 else ""
        raise FilesRejected(f"{what}: {len(failures)} file(s) or batch(es) rejected "
                            f"(audit.batch, `pantau quality report`):\n  {shown}{more}")


# ---------------------------------------------------------------------- build


def _built(conn) -> set[str]:
    return {p for (p,) in conn.execute("SELECT period FROM core.period_build").fetchall()}


def periods_to_build(kinds: list[PeriodKind], url: str | None = None) -> list[str]:
    """Periods whose picture changed: stale built ones, and unbuilt ones new snapshots fall in.

    A late file for an old period makes only the periods whose latest
    snapshots it changes stale, so only those are rebuilt.
    """
    from pantau.build.period import SOURCES_IN_LOAD_ORDER, stale_periods
    from pantau.warehouse.connection import connect

    with connect("loader", url=url) as conn:
        built = _built(conn)
        # Only the snapshots of the sources the build loads make a period to build.
        dates = [d for (d,) in conn.execute(
            "SELECT DISTINCT snapshot_date FROM audit.batch WHERE status = 'validated' "
            "AND source = ANY(%s)", (list(SOURCES_IN_LOAD_ORDER),))]
    touched = {Period.containing(day, kind).label for day in dates for kind in kinds}
    return sorted((touched - built) | set(stale_periods(url)))


def build(period: str, settings: Settings | None = None) -> dict:
    """Build one period (core picture, rules, marts); idempotent, one transaction."""
    from pantau.build.period import build_period

    result = build_period(Period.parse(period), settings)
    publish(f"build {period}", lambda: datasets.built(result.step_seconds, settings))
    return {"period": result.period, "batches_used": result.batches_used,
            "discrepancies": result.discrepancies, "seconds": round(result.seconds, 1)}


def rebuild_stale(periods: list[str] | None = None,
                  settings: Settings | None = None) -> list[dict]:
    """Rebuild the stale periods (or those of ``periods`` that are stale), each only as far
    as its late file or decision reaches (pantau.build.partial); each says which reports
    changed (``render``: None after a whole build, when any may have)."""
    from pantau.build.partial import rebuild_stale as rebuild

    done = rebuild(settings, periods=periods)
    for item in done:
        publish(f"build {item.period}",
                lambda item=item: datasets.built(item.step_seconds, settings))
    return [{"period": item.period, "batches_used": item.result.batches_used,
             "discrepancies": item.result.discrepancies,
             "seconds": round(item.result.seconds, 1), "partial": item.partial,
             "reached": list(item.reached),
             "render": None if item.render is None else list(item.render),
             "whole_because": item.reason} for item in done]


def _has_data(conn, period: Period) -> bool:
    from pantau.build.period import SOURCES_IN_LOAD_ORDER

    return conn.execute("SELECT EXISTS (SELECT 1 FROM audit.batch WHERE status = 'validated' "
                        "AND snapshot_date <= %s AND source = ANY(%s))",
                        (period.reference_date, list(SOURCES_IN_LOAD_ORDER))).fetchone()[0]


def ensure_built(period: str, settings: Settings | None = None) -> list[dict]:
    """Build ``period`` and the one before it (the trend) when missing, rebuild them
    where a change reached when stale (:func:`rebuild_stale`).

    Report DAGs call this first, so a report never waits on an Asset event
    that did not come (Asset scheduling is the fast path, not the guarantee).
    """
    from pantau.build.period import stale_periods
    from pantau.warehouse.connection import connect

    wanted = Period.parse(period)
    stale = set(stale_periods())
    with connect("loader") as conn:
        built = _built(conn)
        earlier = [wanted.previous()] if _has_data(conn, wanted.previous()) else []
    candidates = [p.label for p in (*earlier, wanted)]
    changed = [label for label in candidates if label in built and label in stale]
    done = rebuild_stale(changed, settings) if changed else []
    return done + [build(label, settings) for label in candidates if label not in built]


# --------------------------------------------------------------------- report


def closed_period(kind: PeriodKind, logical: datetime | date, timezone: str) -> str:
    """The ``kind`` period that closed before a run at ``logical`` (local calendar)."""
    if isinstance(logical, datetime):
        logical = logical.astimezone(ZoneInfo(timezone)).date()
    return Period.closed_before(logical, kind).label


def period_to_report(kind: PeriodKind, chosen: str | None, logical: datetime | date,
                     timezone: str) -> str:
    """The period a report run renders: the one asked for by name, else the one that closed."""
    if not chosen:
        return closed_period(kind, logical, timezone)
    period = Period.parse(chosen)
    if period.kind is not kind:
        raise CycleFailure(f"this DAG renders {kind.value} reports; {period.label} is a "
                           f"{period.kind.value}")
    return period.label


def first_run_after(schedule: str, period: str, timezone: str) -> datetime:
    """When a report DAG on cron ``schedule`` first runs after ``period`` closed."""
    from croniter import croniter

    zone = ZoneInfo(timezone)
    closed = datetime.combine(Period.parse(period).end, datetime.max.time(), zone)
    return croniter(schedule, closed).get_next(datetime)


def report_periods(period: str, levels: dict[str, PeriodKind]) -> dict[str, str]:
    """{level: period} of the reports that end on ``period``'s last day.

    ``2024-Q4`` gives the regency report for 2024-Q4 and the provincial one
    for 2024-S2; ``2024-Q3`` only the regency one.
    """
    last_day = Period.parse(period).end
    found = {}
    for level, kind in levels.items():
        candidate = Period.containing(last_day, kind)
        if candidate.end == last_day:
            found[level] = candidate.label
    return found


def _wanted(code: str, scope: list[str]) -> bool:
    return not scope or any(code == s or code.startswith(f"{s}.") or code[:2] == s
                            for s in scope)


def regions_with_data(period: str, scope: list[str] | None = None) -> list[str]:
    """Region codes the period's report covers: every one with data, within ``scope``."""
    from pantau.reports.render import default_regions
    from pantau.warehouse.connection import connect

    with connect("reporter") as conn:
        regions = default_regions(conn, Period.parse(period))
    return [code for code in regions if _wanted(code, scope or [])]


def provinces_to_render(period: str, scope: list[str] | None = None) -> list[str]:
    """The provinces to fan report rendering out over (one task each, not one per regency).

    No region with data is a failure, not an empty success: the period's
    exports did not arrive (or the scope names no region that has data).
    """
    provinces = sorted({code[:2] for code in regions_with_data(period, scope)})
    if not provinces:
        raise NothingToReport(f"{period}: no region with data"
                              + (f" within {', '.join(scope)}" if scope else "")
                              + ": were the exports for this period delivered?")
    return provinces


def render_province(period: str, province: str, output: str | None = None,
                    scope: list[str] | None = None, settings: Settings | None = None) -> list[str]:
    """Render the period's reports for one province's regions (default output: the reports
    directory of the settings); return their folders."""
    from pantau.reports.render import render_period

    settings = settings or get_settings()
    started = time.time()
    regions = [code for code in regions_with_data(period, scope) if code[:2] == province]
    rendered = render_period(Period.parse(period), Path(output or settings.reports_dir),
                             regions, settings)
    folders = [str(item.directory) for item in rendered]
    publish(f"render {period} {province}",
            lambda: datasets.rendered(folders, started, settings))
    return folders


def deliver(period: str) -> dict:
    """Queue the period's reports for their recipients; mail them when SMTP is set."""
    from pantau.reports.delivery import deliver as deliver_reports

    result = deliver_reports(period)
    if result.failed:
        log.warning("delivery failed for %s (retried next run): %s", period,
                    "; ".join(result.failed))
    return {"queued": result.queued, "sent": result.sent, "failed": result.failed}

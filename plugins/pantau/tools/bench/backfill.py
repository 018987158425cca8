"""Five years of history at the small scale, backfilled and timed (issue 27, "History").

One synthetic world for the demo provinces over the ``MONTHS`` months ending
with :data:`END` (``generate(months=...)``: each person's stay runs through
the five years, not a new world each year), then what a warehouse does when
its history arrives at once, each step with its seconds and peak RSS:

1. ingest: every file of the window, as ``pantau ingest`` takes a landing folder;
2. validation: the quality gate over every waiting batch;
3. every month built, oldest first (the first build loads every batch into core);
4. every quarter, then every semester wholly inside the window built, the
   periods the build DAG builds for the reports;
5. every regency report of each quarter, and every provincial and the national
   report of each semester, rendered by ``workers`` processes as the report DAGs
   render them (:func:`pantau.reports.render.render_period`);
6. the trend queries over the months, each with its plan
   (:mod:`pantau.tools.bench.history`; every month is built, nothing is copied).

It runs in its own var directory (var/bench/backfill: embedded PostgreSQL,
archive, Data Docs, reports), wiped at the start; the exports are kept in
var/bench-data/backfill-small and reused while they cover the window.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from rich.table import Table

from pantau.config import Settings
from pantau.periods import Period, PeriodKind
from pantau.sources.pickup import discover, identify
from pantau.tools.bench.history import MONTHS, history, history_months
from pantau.tools.bench.memory import PeakRss
from pantau.tools.bench.run import SCALES, Target, fresh_server, machine
from pantau.tools.bench.tables import as_markdown, as_terminal
from pantau.warehouse import embedded, sql_files
from pantau.warehouse.connection import connect

END = "2024-12"
SCALE = "small"  # the demo's three provinces: five years of them fit in an hour on 2 cores
TREND_LIMIT_SECONDS = 1.0


@dataclass(frozen=True)
class Span:
    """The months of a backfill, and the quarters and semesters wholly inside them."""

    months: list[Period]
    quarters: list[Period]
    semesters: list[Period]


def span(end: Period, months: int = MONTHS) -> Span:
    """The ``months`` months ending with ``end`` and the report periods they complete."""
    listed = history_months(end, months)
    inside = {month.label for month in listed}

    def whole(kind: PeriodKind) -> list[Period]:
        touched = dict.fromkeys(Period.containing(month.start, kind) for month in listed)
        return [period for period in touched
                if all(month.label in inside for month in period.months())]

    return Span(listed, whole(PeriodKind.QUARTER), whole(PeriodKind.SEMESTER))


def window_files(landing: Path, window: Span) -> list[Path]:
    """Every delivered file under ``landing`` whose snapshot month is one of the window's."""
    inside = {month.label for month in window.months}
    return [path for path in sorted(discover([landing]))
            if (day := identify(path).snapshot_date) and f"{day:%Y-%m}" in inside]


def _step(steps: dict, name: str, action: Callable[[], object]) -> object:
    """Run one step: its seconds, peak RSS and the machine's load average when it ended
    (the run shares two cores; the load says with how much else)."""
    with PeakRss() as memory:
        started = time.perf_counter()
        value = action()
        seconds = time.perf_counter() - started
    steps[name] = {"seconds": round(seconds, 2), "peak_rss_mib": memory.mib,
                   "load_average": round(os.getloadavg()[0], 2)}
    return value


def _build(periods: list[Period], settings: Settings, warehouse: str,
           progress: Callable[[str], None]) -> list[dict]:
    from pantau.build.period import build_period

    done = []
    for period in periods:
        result = build_period(period, settings, warehouse)
        done.append({"period": period.label, "seconds": round(result.seconds, 2),
                     "batches_loaded": result.batches_loaded,
                     "batches_used": result.batches_used})
        progress(f"  built {period.label} in {result.seconds:.1f} s")
    return done


def _level(code: str) -> str:
    return "national" if code == "00" else "province" if len(code) == 2 else "regency"


def _render(periods: list[Period], settings: Settings, warehouse: str, workers: int,
            progress: Callable[[str], None]) -> list[dict]:
    """Each period's default reports (regencies for a quarter, provinces and the nation
    for a semester), the files each report wrote counted as they lie on disk."""
    from pantau.reports.render import default_regions, render_period

    done = []
    for period in periods:
        with connect("reporter", url=warehouse) as conn:
            regions = default_regions(conn, period, settings=settings)
        started = time.perf_counter()
        rendered = render_period(period, settings.reports_dir, regions, settings,
                                 workers=workers)
        seconds = time.perf_counter() - started
        files = sum((item.directory / name).is_file() for item in rendered for name in item.files)
        done.append({"period": period.label, "seconds": round(seconds, 2),
                     "reports": dict(Counter(_level(item.region_code) for item in rendered)),
                     "files": files})
        progress(f"  rendered {len(rendered)} reports of {period.label} in {seconds:.1f} s")
    return done


def _summarise_builds(step: dict, builds: list[dict]) -> None:
    step["periods"] = builds
    step["first_seconds"] = builds[0]["seconds"]
    step["median_seconds"] = round(statistics.median(b["seconds"] for b in builds), 2)
    step["slowest_seconds"] = max(b["seconds"] for b in builds)


def backfill(landing: Path, settings: Settings, warehouse: str, end: Period,
             months: int = MONTHS, workers: int = 2,
             progress: Callable[[str], None] = print) -> dict:
    """Steps 1 to 6 on ``warehouse`` (migrated, empty): {steps, counts, history}."""
    from pantau.ingest.pipeline import ingest_files
    from pantau.quality.gate import run_gate

    window = span(end, months)
    steps: dict = {}
    files = window_files(landing, window)
    progress(f"ingest of {len(files):,} files, {window.months[0]} to {end}")
    outcomes = _step(steps, "ingest", lambda: ingest_files(files, settings, warehouse))
    steps["ingest"].update(files=len(files), rows=sum(o.rows for o in outcomes),
                           outcomes=dict(Counter(o.status for o in outcomes)))
    progress("validation of every waiting batch")
    gate = _step(steps, "validation", lambda: run_gate(settings))
    steps["validation"].update(
        batches_validated=sum(len(v.validated) for v in gate.verdicts),
        batches_rejected=len(gate.rejected),
        rows_checked=sum(v.rows_checked for v in gate.verdicts),
        rows_quarantined=sum(v.rows_quarantined for v in gate.verdicts))
    for name, periods in (("build_months", window.months), ("build_quarters", window.quarters),
                          ("build_semesters", window.semesters)):
        progress(f"{name.replace('_', ' ')}: {len(periods)}")
        built = _step(steps, name, lambda p=periods: _build(p, settings, warehouse, progress))
        _summarise_builds(steps[name], built)
    for name, periods in (("render_quarters", window.quarters),
                          ("render_semesters", window.semesters)):
        progress(f"{name.replace('_', ' ')}: {len(periods)} periods, {workers} workers")
        rendered = _step(steps, name, lambda p=periods: _render(p, settings, warehouse,
                                                                workers, progress))
        steps[name]["periods"] = rendered
        steps[name]["reports"] = dict(sum((Counter(r["reports"]) for r in rendered),
                                          Counter()))
        steps[name]["files"] = sum(r["files"] for r in rendered)
    progress(f"the trend queries over {months} months")
    found = _step(steps, "trend_queries", lambda: history(warehouse, end, months))
    with psycopg.connect(warehouse) as conn:  # the superuser: the database's size too
        rows = conn.execute(sql_files.render("tools/bench_backfill_counts.sql")).fetchone()
    counts = {"months": len(window.months), "quarters": len(window.quarters),
              "semesters": len(window.semesters), "files": len(files),
              "rows_ingested": steps["ingest"]["rows"],
              "reports": sum(sum(steps[n]["reports"].values())
                             for n in ("render_quarters", "render_semesters")),
              "warehouse": dict(zip(("persons", "person_months", "months_in_fact",
                                     "region_figures", "figure_rows", "periods_built",
                                     "database_mib"), rows, strict=True))}
    return {"first_month": window.months[0].label, "steps": steps, "counts": counts,
            "history": found}


def summarise(result: dict) -> dict:
    """The whole backfill's seconds and peak, and the trend target (each query < 1 s)."""
    steps = {name: step for name, step in result["steps"].items() if name != "data_generation"}
    slowest = max(result["history"]["queries"], key=lambda query: query["first_seconds"])
    target = Target(f"slowest trend query, {result['months']} months (s)",
                    slowest["first_seconds"], TREND_LIMIT_SECONDS, False)
    return {"seconds": round(sum(step["seconds"] for step in steps.values()), 2),
            "peak_rss_mib": max(step["peak_rss_mib"] for step in steps.values()),
            "slowest_trend_query": slowest["query"], "targets": [target.to_dict()]}


def _covers(data_dir: Path, scope: list[str], window: Span) -> bool:
    """The exports in ``data_dir`` are the window's, for ``scope``: reuse them."""
    manifest = data_dir / "truth" / "manifest.json"
    if not manifest.is_file():
        return False
    said = json.loads(manifest.read_text(encoding="utf-8"))
    return (said.get("scope") == scope
            and said.get("months") == [month.label for month in window.months])


def run_backfill(settings: Settings, data_dir: Path, months: int = MONTHS, workers: int = 2,
                 progress: Callable[[str], None] = print) -> dict:
    """Generate (or reuse) the exports, then :func:`backfill` on a cold embedded server."""
    from pantau.tools.demo.generate import generate

    scope = SCALES[SCALE]
    end = Period.parse(END)
    result: dict = {"kind": "backfill", "scale": SCALE, "scope": scope, "period": END,
                    "months": months, "started_at": datetime.now(UTC).isoformat(),
                    "machine": machine(), "workers": workers,
                    "load": {"nice": os.nice(0),
                             "load_average_at_start": round(os.getloadavg()[0], 2)}}
    generated: dict = {}
    if _covers(data_dir, scope, span(end, months)):
        result["data"] = f"reused {data_dir.name}"
    else:
        progress(f"generating {months} months of the {SCALE} exports into {data_dir}")
        _step(generated, "data_generation", lambda: generate(
            scope, END, 1, data_dir, progress=lambda line: progress(f"  {line}"),
            months=months))
        result["data"] = f"generated into {data_dir.name}"
    _, warehouse = fresh_server(settings)
    try:
        result.update(backfill(data_dir / "landing", settings, warehouse, end, months,
                               workers, progress))
    finally:
        embedded.stop(settings.pgdata)
    result["steps"] = {**generated, **result["steps"]}
    result["load"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    result["summary"] = summarise(result)
    return result


# ------------------------------------------------------------------------------ tables


def _what(name: str, step: dict) -> str:
    """What a step did, in the words of the table's first column."""
    if name == "data_generation":
        return "data generation (not part of the backfill)"
    if name == "ingest":
        return f"ingest: {step['files']:,} files, {step['rows']:,} rows"
    if name == "validation":
        return (f"validation: {step['batches_validated']:,} batches validated, "
                f"{step['batches_rejected']:,} rejected, "
                f"{step['rows_quarantined']:,} rows quarantined")
    if name.startswith("build_"):
        return (f"build of {len(step['periods'])} {name.removeprefix('build_')}: the first "
                f"{step['first_seconds']:,.1f} s, median {step['median_seconds']:,.1f} s")
    if name.startswith("render_"):
        reports = ", ".join(f"{count:,} {level}" for level, count in step["reports"].items())
        return (f"render of {len(step['periods'])} {name.removeprefix('render_')}: {reports} "
                f"reports ({step['files']:,} files)")
    return "VACUUM ANALYZE, then the trend queries and their plans"


def step_rows(result: dict) -> list[list[str]]:
    rows = [[_what(name, step), f"{step['seconds']:,.1f}", f"{step['peak_rss_mib']:,.0f}",
             f"{step['load_average']:.1f}"] for name, step in result["steps"].items()]
    summary = result["summary"]
    rows.append([f"whole backfill of {result['months']} months", f"{summary['seconds']:,.1f}",
                 f"{summary['peak_rss_mib']:,.0f}", ""])
    return rows


STEP_HEADERS = ["step", "seconds", "peak RSS MiB", "load (1 min)"]


def _plan(query: dict) -> str:
    """The plan's scans in a few words: node, index (or table), rows, heap fetches."""
    parts = []
    for scan in query.get("plan", {}).get("scans", ()):
        where = scan.get("index") or scan.get("relation") or ""
        notes = [f"{round(scan['rows']):,} rows"]
        if scan.get("removed_by_filter"):
            notes.append(f"{round(scan['removed_by_filter']):,} removed by filter")
        if "heap_fetches" in scan:
            notes.append(f"{round(scan['heap_fetches']):,} heap fetches")
        parts.append(f"{scan['node']} {where} ({', '.join(notes)})")
    return "; ".join(parts)


def query_rows(result: dict) -> list[list[str]]:
    return [[query["query"], f"{query['rows']:,}", f"{query['first_seconds']:.3f}",
             f"{query['seconds']:.3f}", _plan(query)] for query in result["history"]["queries"]]


def query_headers(result: dict) -> list[str]:
    return [f"trend query over {result['months']} months", "rows", "first s", "warm s",
            "plan: scans"]


def _text(position: int, header: str) -> bool:
    """A column of words (left-aligned), not of numbers."""
    return header.startswith(("step", "trend", "plan"))


def _tables(result: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    return [("Five years of history, backfilled", STEP_HEADERS, step_rows(result)),
            ("The trend queries over the backfill", query_headers(result), query_rows(result))]


def terminal_tables(result: dict) -> list[Table]:
    return as_terminal(_tables(result), f"{result['scale']}, {result['first_month']} to "
                                        f"{result['period']}", left=_text)


def markdown(result: dict) -> str:
    """The tables in Markdown, as docs/performance.md's "Five years of history" shows them."""
    return as_markdown(_tables(result), left=_text)

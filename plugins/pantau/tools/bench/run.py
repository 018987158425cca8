"""The benchmark: one month in steady state at a given scale, each step timed, its memory measured.

The exports hold two months, 2024-11 and 2024-12 (a file's month is the
snapshot date in its name, ``_YYYYMMDD``). The warehouse a month meets in
production already holds the months before: the passport feed's first
delivery (in 2024-11) covers 24 months, about ten million rows nationally,
and every later delivery is a month's delta of about 400,000. So first:

0. the prior month, 2024-11: its files ingested, validated and built, timed
   on its own (``prior_month``), not part of the cycle.

Then the cycle of 2024-12, on the 2024-12 files only, in the order a month runs:

1. throughput per source: COPY, Pantau's ingest, to_sql and dlt on the same
   files (the ingest is the cycle's ingest: it loads the bench warehouse),
   and the write ceiling on the rows the ingest wrote;
2. validation (the Great Expectations gate on the month's batches);
3. build of the month (core facts, discrepancy rules, marts);
4. rendering every regency and province report of the month, in parallel;
5. the late file: one regency's corrected export arrives after the month was
   built; ingest, validate, rebuild what went stale, re-render its regency
   and province;
6. five years of history: the month's snapshot fact and marts copied into the
   months before it that were not built, then the trend queries timed (see
   :mod:`pantau.tools.bench.history`).

Beside rendering, what an auditor waits for: the audit packs' share of it
and one ``pantau trace`` per figure of the largest regency
(:mod:`pantau.tools.bench.tracing`).

The bench runs in its own var directory (its own embedded PostgreSQL,
archive, Data Docs, reports and dlt's working directory), wiped at the start
so every run starts cold.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psycopg
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from pantau.config import Settings
from pantau.periods import Period
from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import discover, identify
from pantau.tools.bench import dlt_load
from pantau.tools.bench.history import MONTHS, history
from pantau.tools.bench.memory import PeakRss
from pantau.tools.bench.throughput import (
    SourceThroughput,
    csv_bytes,
    time_copy,
    time_ingest,
    time_prepared_write,
    time_to_sql,
)
from pantau.tools.bench.tracing import audit_pack_share, time_traces
from pantau.tools.demo.generate import generate
from pantau.tools.demo.pmi_calibration import PASSPORT_SAMPLE_ABOVE_PER_YEAR
from pantau.warehouse import embedded, migrate
from pantau.warehouse.connection import _with_database, connect, sqlalchemy_url

MONTH = "2024-12"
PRIOR_MONTH = Period.parse(MONTH).previous().label  # the warehouse's state before the cycle
SCALES = {
    "small": ["62", "19", "14"],  # the demo's three provinces: CI-sized
    "national": ["national"],  # 38 provinces, 514 regencies and cities
}
# The passport feed nationally is the full calibrated volume (five million a year; its
# first deliveries cover 24 months); the small scale samples it like the demo.
PASSPORT_CAP = {"small": PASSPORT_SAMPLE_ABOVE_PER_YEAR, "national": None}


@dataclass(frozen=True)
class Target:
    name: str
    measured: float | None
    limit: float
    at_least: bool  # True: measured must reach the limit; False: stay under it

    def to_dict(self) -> dict:
        met = None if self.measured is None else (
            self.measured >= self.limit if self.at_least else self.measured < self.limit)
        return {"target": self.name, "measured": self.measured,
                "limit": ("≥ " if self.at_least else "< ") + f"{self.limit:g}", "met": met}


def _step(record: dict, name: str, action: Callable[[], object]) -> object:
    """Run one step, storing its seconds and peak RSS under ``name``."""
    with PeakRss() as memory:
        started = time.perf_counter()
        value = action()
        seconds = time.perf_counter() - started
    record[name] = {"seconds": round(seconds, 2), "peak_rss_mib": memory.mib}
    return value


def fresh_server(settings: Settings) -> tuple[str, str]:
    """(server URL, warehouse URL) of a cold embedded PostgreSQL in the bench var dir."""
    embedded.stop(settings.pgdata)
    for path in (settings.pgdata, settings.archive_dir, settings.gx_dir, settings.reports_dir):
        shutil.rmtree(path, ignore_errors=True)
    server = embedded.start(settings.pgdata)
    warehouse = _with_database(server, settings.database)
    with psycopg.connect(server, autocommit=True) as conn:  # scratch: see _reset_scratch
        conn.execute(f'DROP DATABASE IF EXISTS "{settings.database}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{settings.database}"')
    migrate.upgrade(warehouse)
    return server, warehouse


def _reset_scratch(server: str) -> str:
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS bench_scratch WITH (FORCE)")
        conn.execute("CREATE DATABASE bench_scratch")
    return _with_database(server, "bench_scratch")


def month_files(landing: Path, source_id: str, month: str | None) -> list[Path]:
    """A source's files whose snapshot date (``_YYYYMMDD`` in the name) falls in ``month``.

    ``None``: every file of the source, whatever its date.
    """
    files = sorted(discover([landing / source_id]))
    if month is None:
        return files
    return [path for path in files
            if (day := identify(path).snapshot_date) and f"{day:%Y-%m}" == month]


def throughput(landing: Path, settings: Settings, server: str, warehouse: str,
               steps: dict, month: str | None = None, dlt: bool = True) -> list[dict]:
    """COPY, ingest, to_sql and dlt per source, side by side on the same files (of ``month``).

    dlt is left out, its fields None, when it is not installed
    (:data:`pantau.tools.bench.dlt_load.MISSING`) or not asked for (the CI guard,
    which holds the ingest against the ceiling and to_sql only).
    """
    results = []
    with_dlt = dlt and dlt_load.version() is not None
    for source_id, source in SOURCES.items():
        files = month_files(landing, source_id, month)
        if not files:
            continue
        payloads = [csv_bytes(path, source_id) for path in files]
        scratch = _reset_scratch(server)
        with psycopg.connect(scratch) as conn:
            copied = time_copy(conn, payloads, source.delimiter if source.file_format == "csv"
                               else ",")
        engine = create_engine(sqlalchemy_url(scratch), poolclass=NullPool)
        to_sql_seconds = time_to_sql(engine, files, source_id)
        engine.dispose()
        loaded = (dlt_load.time_dlt(files, source_id, scratch, settings.var_dir / "dlt")
                  if with_dlt else None)
        ingested = _step(steps, f"ingest_{source_id}",
                         lambda files=files: time_ingest(files, settings, warehouse))
        written = time_prepared_write(warehouse, source_id, ingested.batch_ids)
        results.append(SourceThroughput(
            source_id, len(files), ingested.rows, sum(map(len, payloads)), copied.rows,
            copied.failed_files, round(copied.seconds, 3), round(ingested.seconds, 3),
            round(to_sql_seconds, 3), round(written.seconds, 3),
            round(loaded.seconds, 3) if loaded else None,
            loaded.rows if loaded else None).to_dict())
    _reset_scratch(server)
    return results


def prior_month(landing: Path, settings: Settings, warehouse: str) -> dict:
    """Load :data:`PRIOR_MONTH` as the warehouse's state: ingest, validate and build it.

    Timed on its own, each part with its peak RSS: the first delivery of the
    passport feed (24 months) is in this month, and production meets it once.
    """
    from pantau.build.period import build_period
    from pantau.quality.gate import run_gate

    steps: dict = {}
    files = [paths for source_id in SOURCES
             if (paths := month_files(landing, source_id, PRIOR_MONTH))]
    ingested = _step(steps, "ingest", lambda: [time_ingest(paths, settings, warehouse)
                                               for paths in files])
    _step(steps, "validation", lambda: run_gate(settings))
    built = _step(steps, "build", lambda: build_period(Period.parse(PRIOR_MONTH), settings,
                                                       warehouse))
    steps["build"]["slowest"] = slowest_steps(built.step_seconds)
    return {"period": PRIOR_MONTH, "files": sum(map(len, files)),
            "rows": sum(run.rows for run in ingested),
            "seconds": round(sum(step["seconds"] for step in steps.values()), 2),
            "peak_rss_mib": max(step["peak_rss_mib"] for step in steps.values()),
            "steps": steps}


def _month_regions(warehouse: str, period: Period) -> list[str]:
    """Every regency and province with data in the month: the reports of a national cycle."""
    from pantau.reports.render import default_regions

    with connect("reporter", url=warehouse) as conn:
        return default_regions(conn, period, ("regency", "province"))


def _late_file(landing: Path, out: Path) -> tuple[Path, str]:
    """A corrected copy of one regency's population-registry export: its last row removed."""
    files = sorted(discover([landing / "dukcapil_orang_asing"]))
    month = MONTH.replace("-", "")
    original = next(path for path in reversed(files) if f"_{month}" in path.name)
    lines = original.read_bytes().splitlines(keepends=True)
    late = out / "dukcapil_orang_asing" / original.name
    late.parent.mkdir(parents=True, exist_ok=True)
    late.write_bytes(b"".join(lines[:-1]))
    # Landed a while ago: the ingest waits for a file to be quiet (settle_seconds) so as
    # not to read one still being written; that wait is no cost of the late file.
    landed = time.time() - 60
    os.utime(late, (landed, landed))
    regency = original.stem.split("_")[1]
    return late, f"{regency[:2]}.{regency[2:]}"


def validation(settings: Settings, steps: dict) -> None:
    """The gate over every waiting batch; ``pmi_seconds`` is the PMI sources' share of it."""
    from pantau.build.period import PMI_SOURCE_IDS
    from pantau.quality.gate import run_gate

    report = _step(steps, "validation", lambda: run_gate(settings))
    steps["validation"]["pmi_seconds"] = round(sum(
        verdict.seconds for verdict in report.verdicts if verdict.source in PMI_SOURCE_IDS), 2)


def pmi_build_seconds(step_seconds: dict[str, float]) -> float:
    """The build's seconds in the PMI steps: their loads, identity map, picture, rules, marts."""
    from pantau.build.period import PMI_SOURCE_IDS

    return round(sum(seconds for label, seconds in step_seconds.items()
                     if "pmi" in label or any(s in label for s in PMI_SOURCE_IDS)), 2)


def slowest_steps(step_seconds: dict[str, float], count: int = 8) -> list[list]:
    """The build's ``count`` slowest SQL steps, [label, seconds]: what bounds a build."""
    ranked = sorted(step_seconds.items(), key=lambda item: item[1], reverse=True)
    return [[label, round(seconds, 2)] for label, seconds in ranked[:count]]


def late_file(landing: Path, data_dir: Path, settings: Settings, warehouse: str,
              workers: int = 2) -> dict:
    """Time what one late regency file costs: ingest, gate, the stale month rebuilt only
    where the change reaches (:func:`pantau.build.partial.rebuild_stale`), and the
    reports of the regions whose figures changed rendered again, by the cycle's workers."""
    from pantau.build.partial import rebuild_stale
    from pantau.ingest.pipeline import ingest_file
    from pantau.quality.gate import run_gate
    from pantau.reports.render import render_period

    late, regency = _late_file(landing, data_dir / "late")
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    outcome = ingest_file(late, settings, warehouse)
    seconds["ingest"] = time.perf_counter() - started
    run_gate(settings, sources=["dukcapil_orang_asing"], batch_ids=[outcome.batch_id])
    seconds["validation"] = time.perf_counter() - started - sum(seconds.values())
    rebuilt = rebuild_stale(settings, warehouse)
    seconds["rebuild"] = time.perf_counter() - started - sum(seconds.values())
    changed = set()
    for period in rebuilt:  # a whole rebuild may change any region: the two it surely did
        changed |= set(period.render if period.render is not None else (regency, regency[:2]))
    regions = sorted(code for code in changed if code != "00")  # the cycle renders no "00"
    render_period(Period.parse(MONTH), settings.reports_dir, regions, settings, workers=workers)
    seconds["render"] = time.perf_counter() - started - sum(seconds.values())
    return {"seconds": round(time.perf_counter() - started, 2), "file": late.name,
            "status": outcome.status, "periods_rebuilt": [r.period for r in rebuilt],
            "partial": [r.partial for r in rebuilt],
            "regencies_reached": [len(r.reached) for r in rebuilt],
            "whole_because": [r.reason for r in rebuilt if r.reason],
            "reports_rerendered": regions,
            "step_seconds": {name: round(value, 2) for name, value in seconds.items()}}


def run_benchmark(scale: str, settings: Settings, data_dir: Path, workers: int = 2,
                  progress: Callable[[str], None] = print) -> dict:
    """Run the whole benchmark and return its results (see the module docstring)."""
    from pantau.build.period import build_period
    from pantau.reports.render import render_period

    period = Period.parse(MONTH)
    result: dict = {"scale": scale, "period": MONTH, "started_at": datetime.now(UTC).isoformat(),
                    "machine": machine(), "workers": workers,
                    "dlt_version": dlt_load.version()}
    steps: dict = {}
    landing = data_dir / "landing"
    if not landing.exists():
        progress(f"generating the {scale} exports for {MONTH} into {data_dir}")
        _step(result, "data_generation", lambda: generate(
            SCALES[scale], MONTH, 1, data_dir, progress=lambda line: progress(f"  {line}"),
            passport_cap=PASSPORT_CAP[scale]))
    server, warehouse = fresh_server(settings)
    progress(f"the prior month, {PRIOR_MONTH}: ingest, validation and build (not in the cycle)")
    result["prior_month"] = prior_month(landing, settings, warehouse)
    if result["dlt_version"] is None:
        progress(f"[yellow]{dlt_load.MISSING}[/]")
    progress(f"throughput on the {MONTH} files: COPY, to_sql, dlt and ingest per source")
    result["throughput"] = throughput(landing, settings, server, warehouse, steps, MONTH)
    progress("validation")
    validation(settings, steps)
    progress(f"build of {MONTH}")
    built = _step(steps, "build_month", lambda: build_period(period, settings, warehouse))
    steps["build_month"]["pmi_seconds"] = pmi_build_seconds(built.step_seconds)
    steps["build_month"]["slowest"] = slowest_steps(built.step_seconds)
    regions = _month_regions(warehouse, period)
    progress(f"rendering {len(regions)} reports with {workers} workers")
    done = _step(steps, "render_reports", lambda: render_period(
        period, settings.reports_dir, regions, settings, workers=workers))
    steps["render_reports"]["reports"] = len(regions)
    steps["render_reports"].update(audit_pack_share(done))
    progress("tracing every figure of the largest regency as the auditor")
    result["trace"] = time_traces(warehouse, period)
    progress("late file")
    result["late_file"] = late_file(landing, data_dir, settings, warehouse, workers)
    progress(f"{MONTHS} months of history and the trend queries")
    result["history"] = history(warehouse, period)
    result["steps"] = steps
    result["summary"] = summarise(result)
    embedded.stop(settings.pgdata)
    return result


def overall(throughput_rows: list[dict]) -> dict:
    """Rows/s of COPY, ingest, to_sql and dlt over all sources (total rows over total seconds)."""
    rows = sum(item["rows"] for item in throughput_rows)
    ingest_seconds = sum(item["ingest_seconds"] for item in throughput_rows)
    ingest_rate = rows / ingest_seconds
    copy_rate = (sum(item["copy_rows"] for item in throughput_rows)
                 / sum(item["copy_seconds"] for item in throughput_rows))
    to_sql_rate = rows / sum(item["to_sql_seconds"] for item in throughput_rows)
    write_seconds = [item.get("write_seconds") for item in throughput_rows]
    write_rate = rows / sum(write_seconds) if all(write_seconds) else None
    dlt_seconds = [item.get("dlt_seconds") for item in throughput_rows]
    dlt_rate = rows / sum(dlt_seconds) if all(dlt_seconds) else None
    return {
        "rows": rows,
        "files": sum(item["files"] for item in throughput_rows),
        "ingest_seconds": round(ingest_seconds, 2),
        "ingest_rows_per_s": round(ingest_rate, 1),
        "copy_rows_per_s": round(copy_rate, 1),
        "to_sql_rows_per_s": round(to_sql_rate, 1),
        "ingest_copy_ratio": round(ingest_rate / copy_rate, 4),
        "ingest_to_sql_ratio": round(ingest_rate / to_sql_rate, 3),
        "write_rows_per_s": round(write_rate, 1) if write_rate else None,
        "write_copy_ratio": round(write_rate / copy_rate, 4) if write_rate else None,
        "ingest_write_ratio": round(ingest_rate / write_rate, 4) if write_rate else None,
        "dlt_seconds": round(sum(dlt_seconds), 2) if dlt_rate else None,
        "dlt_rows_per_s": round(dlt_rate, 1) if dlt_rate else None,
        "ingest_dlt_ratio": round(ingest_rate / dlt_rate, 3) if dlt_rate else None,
    }


# Issue 27's targets. Nationally: the cycle, its memory, the reports, the late
# file and the ingest against the write ceiling. On the small scale (the CI guard,
# tests/integration/test_bench_guard.py): ratios only, since absolute seconds on a
# shared machine say little and the small scale's fixed costs weigh more.
LIMITS = {
    "national": {"cycle_seconds": 300, "peak_rss_mib": 2048, "reports_seconds": 120,
                 "late_file_share": 0.02, "ingest_write": 0.8, "ingest_to_sql": 2},
    "small": {"late_file_share": 0.05, "ingest_write": 0.5, "ingest_to_sql": 2},
}


def summarise(result: dict) -> dict:
    """Totals, overall ratios and the issue's targets, measured against this run."""
    steps = result["steps"]
    summary = overall(result["throughput"])
    ingest_seconds = summary["ingest_seconds"]
    cycle = (ingest_seconds + steps["validation"]["seconds"] + steps["build_month"]["seconds"]
             + steps["render_reports"]["seconds"])
    peak = max(step["peak_rss_mib"] for step in steps.values())
    summary.update({
        "cycle_seconds": round(cycle, 2),
        "peak_rss_mib": peak,
        "late_file_share_of_cycle": round(result["late_file"]["seconds"] / cycle, 4),
    })
    if "pmi_seconds" in steps["build_month"]:
        summary["pmi_cost"] = pmi_cost(result)
    summary["targets"] = [target.to_dict() for target in targets(result, summary)]
    return summary


def targets(result: dict, summary: dict) -> list[Target]:
    """The run's targets: :data:`LIMITS` of its scale, then the auditor's two."""
    steps = result["steps"]
    limits = LIMITS.get(result["scale"], LIMITS["small"])
    render = steps["render_reports"]
    measured = {
        "cycle_seconds": ("whole cycle (s)", summary["cycle_seconds"], False),
        "peak_rss_mib": ("peak RSS (MiB)", summary["peak_rss_mib"], False),
        "reports_seconds": (f"{render['reports']} reports, {result.get('workers', 2)} "
                            "workers (s)", render["seconds"], False),
        "late_file_share": ("late file / cycle", summary["late_file_share_of_cycle"], False),
        "ingest_write": ("ingest / write ceiling", summary["ingest_write_ratio"], True),
        "ingest_to_sql": ("ingest / to_sql", summary["ingest_to_sql_ratio"], True),
    }
    found = [Target(name, value, limits[key], at_least)
             for key, (name, value, at_least) in measured.items() if key in limits]
    share = render.get("audit_pack_share")
    if share is not None:
        found.append(Target("audit packs / rest of rendering", share, 0.2, False))
    if "trace" in result:
        found.append(Target("slowest trace, largest regency (s)",
                            result["trace"]["slowest_seconds"], 1, False))
    if "history" in result:
        slowest = max(query["first_seconds"] for query in result["history"]["queries"])
        found.append(Target(f"slowest trend query, {result['history']['months']} months (s)",
                            slowest, 1, False))
    return found


def pmi_cost(result: dict) -> dict:
    """What the four PMI exports cost in ingest, validation and build, and their share."""
    from pantau.build.period import PMI_SOURCE_IDS

    steps = result["steps"]
    pmi = [item for item in result["throughput"] if item["source"] in PMI_SOURCE_IDS]
    ingest_all = sum(item["ingest_seconds"] for item in result["throughput"])
    ingest_pmi = sum(item["ingest_seconds"] for item in pmi)
    parts = {
        "ingest": (ingest_pmi, ingest_all),
        "validation": (steps["validation"]["pmi_seconds"], steps["validation"]["seconds"]),
        "build": (steps["build_month"]["pmi_seconds"], steps["build_month"]["seconds"]),
    }
    return {
        "rows": sum(item["rows"] for item in pmi),
        "files": sum(item["files"] for item in pmi),
        **{name: {"seconds": round(part, 2), "share": round(part / whole, 4) if whole else None}
           for name, (part, whole) in parts.items()},
    }


def machine() -> dict:
    """What the run ran on: cores, Python, platform, memory (every results JSON says it)."""
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(),
            "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
                                / 2**30, 1)}


def write_result(result: dict, directory: Path) -> Path:
    """``[<kind>-]<scale>-<UTC stamp>.json`` (a backfill's result names its kind)."""
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.fromisoformat(result["started_at"]).strftime("%Y%m%dT%H%M%SZ")
    kind = f"{result['kind']}-" if result.get("kind") else ""
    path = directory / f"{kind}{result['scale']}-{stamp}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path

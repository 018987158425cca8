"""``pantau bench``: the benchmark (issues 9 and 27), results under benchmarks/results/."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from pantau.config import Settings, get_settings
from pantau.terminal import console


def bench(
    scale: Annotated[str, typer.Option(help="small (three provinces, CI-sized) or national")]
        = "small",
    workers: Annotated[int, typer.Option(help="processes rendering reports")] = 2,
    data: Annotated[Path | None, typer.Option(
        help="exports to use (landing/ inside); generated there when missing")] = None,
    results: Annotated[Path | None, typer.Option(help="where the JSON goes")] = None,
    docs: Annotated[bool, typer.Option(
        "--docs", help="run nothing: write the newest national JSON's tables into "
                       "docs/performance.md (make bench-docs)")] = False,
    backfill: Annotated[bool, typer.Option(
        "--backfill", help="instead: five years of the small scale backfilled, every month, "
                           "quarter and semester built and rendered (make bench-backfill)")]
        = False,
) -> None:
    """Time one month's cycle at SCALE beside COPY, to_sql and dlt; write JSON, print tables.

    The prior month is loaded first, untimed by the cycle, as the warehouse's
    state. The bench uses its own var directory (var/bench/<scale>) and
    embedded PostgreSQL, wiped at the start; the demo's warehouse is never
    touched. With --backfill: 60 months of the small scale instead, in
    var/bench/backfill, its JSON benchmarks/results/backfill-small-<stamp>.json.
    """
    from pantau.tools.bench.run import SCALES, run_benchmark, write_result
    from pantau.tools.bench.tables import terminal_tables

    base = get_settings()
    results_dir = results or base.home / "benchmarks" / "results"
    if docs:
        _write_docs(base.home / "docs" / "performance.md", results_dir)
        return
    if backfill:
        if scale != "small":
            console.print("[red]bench: --backfill runs the small scale only (five national "
                          "years would take days on this machine)[/]")
            raise typer.Exit(2)
        _backfill(base, data, results_dir, workers)
        return
    if scale not in SCALES:
        console.print(f"[red]bench: --scale is one of {', '.join(SCALES)}, not {scale!r}[/]")
        raise typer.Exit(2)
    data_dir = data or base.var_dir / "bench-data" / scale
    settings = _own_var_dir(base, scale)
    result = run_benchmark(scale, settings, data_dir, workers,
                           progress=lambda line: console.print(f"[bold]bench[/] {line}"))
    path = write_result(result, results_dir)
    for table in terminal_tables(result):
        console.print(table)
    console.print(f"results: {path}")


def _own_var_dir(base: Settings, name: str) -> Settings:
    """Settings of the bench's own var directory (its own embedded PostgreSQL)."""
    os.environ["PANTAU_VAR_DIR"] = str(base.var_dir / "bench" / name)
    os.environ.pop("PANTAU_WAREHOUSE_URL", None)  # the bench always runs on its own server
    get_settings.cache_clear()
    return get_settings()


def _backfill(base: Settings, data: Path | None, results_dir: Path, workers: int) -> None:
    from pantau.tools.bench.backfill import run_backfill, terminal_tables
    from pantau.tools.bench.run import write_result

    data_dir = data or base.var_dir / "bench-data" / "backfill-small"
    settings = _own_var_dir(base, "backfill")
    result = run_backfill(settings, data_dir, workers=workers,
                          progress=lambda line: console.print(f"[bold]backfill[/] {line}"))
    path = write_result(result, results_dir)
    for table in terminal_tables(result):
        console.print(table)
    console.print(f"results: {path}")


def _write_docs(page: Path, results_dir: Path) -> None:
    from pantau.tools.bench.docs import update

    source, changed = update(page, results_dir)
    console.print(f"{page.name}: the tables of {source.name}"
                  + (" written" if changed else " were already there"))

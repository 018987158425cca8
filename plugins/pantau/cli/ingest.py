"""``pantau ingest``: load agency exports and print what became of each file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.cli.quality import run_validation
from pantau.config import get_settings
from pantau.terminal import console

MAX_LISTED_FILES = 40


def _grouped_table(outcomes) -> Table:
    """One line per source and status when there are too many files to list."""
    table = Table(title="Ingest summary (per source; files not loaded are listed below)")
    for name, justify in (("source", "left"), ("status", "left"), ("files", "right"),
                          ("rows", "right"), ("problems", "right")):
        table.add_column(name, justify=justify)
    groups: dict[tuple[str, str], list] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.source or "-", outcome.status), []).append(outcome)
    for (source, status), members in sorted(groups.items()):
        table.add_row(source, status, f"{len(members):,}", f"{sum(o.rows for o in members):,}",
                      f"{sum(o.problems for o in members):,}")
    return table


def _summary_table(outcomes) -> Table:
    table = Table(title="Ingest summary", show_lines=False)
    for name, justify in (("file", "left"), ("source", "left"), ("status", "left"),
                          ("batch", "right"), ("rows", "right"), ("problems", "right"),
                          ("note", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    colours = {"loaded": "green", "duplicate": "yellow", "rejected": "red",
               "unrecognised": "red", "error": "red"}
    for outcome in outcomes:
        table.add_row(
            outcome.path.name,
            outcome.source or "-",
            f"[{colours.get(outcome.status, 'white')}]{outcome.status}[/]",
            str(outcome.batch_id or "-"),
            f"{outcome.rows:,}",
            f"{outcome.problems:,}",
            outcome.message or "",
        )
    return table


def _print_totals(outcomes) -> None:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    rows = sum(o.rows for o in outcomes)
    parts = [f"{n} {status}" for status, n in sorted(counts.items())]
    console.print(f"{len(outcomes)} files: {', '.join(parts) or 'none'}; {rows:,} rows loaded")


def run_ingest(paths: list[Path], validate: bool = True) -> int:
    """Ingest ``paths`` and validate what was loaded; print both; return the exit code."""
    from pantau.ingest.pipeline import ingest_paths
    from pantau.warehouse import migrate

    settings = get_settings()
    if settings.uses_embedded_warehouse:
        migrate.upgrade()
    outcomes = ingest_paths(paths, settings)
    if len(outcomes) > MAX_LISTED_FILES:
        console.print(_grouped_table(outcomes))
        not_loaded = [o for o in outcomes if o.status not in {"loaded", "duplicate"}]
        if not_loaded:
            console.print(_summary_table(not_loaded))
    else:
        console.print(_summary_table(outcomes))
    _print_totals(outcomes)
    failed = [o for o in outcomes if o.status in {"rejected", "unrecognised", "error"}]
    # The gate judges the batches this run loaded; older waiting ones are `pantau validate`'s.
    loaded = [o.batch_id for o in outcomes if o.status == "loaded"]
    gate = run_validation(batch_ids=loaded) if validate and loaded else 0
    return 1 if failed or gate else 0


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or landing folders", exists=True)],
    validate: Annotated[bool, typer.Option(
        help="run the quality gate on the loaded batches (else: `pantau validate` later)")]
        = True,
) -> None:
    """Ingest agency exports: archive, register, load raw and staging, validate.

    Exit 1 if any file was rejected, at ingest or by the quality gate.
    """
    raise typer.Exit(run_ingest(paths, validate))

"""``pantau demo-data``: synthetic exports, with the generator's progress and exit codes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.terminal import console


def demo_data(
    period: Annotated[str, typer.Option(help="YYYY-MM, YYYY-Qn or YYYY-Sn")],
    out: Annotated[Path, typer.Option(help="output directory (landing/ and truth/)")],
    scope: Annotated[list[str], typer.Option(
        help="province (62) or regency (14.72) codes, or 'national'; repeat or quote a list")]
        = ["62 19 14"],  # noqa: B006  (typer reads the default, never mutates it)
    seed: Annotated[int, typer.Option(help="same seed, same bytes")] = 1,
    workers: Annotated[int, typer.Option(help="processes writing XLSX workbooks")] = 2,
) -> None:
    """Write synthetic agency exports with planted ground truth (see docs/demo-data.md, truth/)."""
    generate_demo_data(scope, period, seed, out, workers)


def generate_demo_data(scope: list[str], period: str, seed: int, out: Path,
                        workers: int = 2) -> Path:
    import time

    from pantau.sources.catalog import SOURCES
    from pantau.tools.demo.generate import OutputNotOurs, generate
    from pantau.tools.demo.pmi_generate import PMI_SOURCES

    started = time.monotonic()
    try:
        result = generate(scope, period, seed, out, workers=workers,
                          progress=lambda line: console.print(f"  {line}"))
    except (ValueError, OutputNotOurs) as exc:
        console.print(f"[red]demo-data: {exc}[/]")
        raise typer.Exit(2) from None
    table = Table(title=f"Synthetic exports for {period} and the period before (seed {seed})")
    for name, justify in (("source", "left"), ("files", "right"), ("rows", "right")):
        table.add_column(name, justify=justify)
    for source in dict.fromkeys([*SOURCES, *PMI_SOURCES]):  # the PMI exports too
        rows = sum(f["rows"] for f in result.files if f["source"] == source)
        table.add_row(source, f"{result.count(source):,}", f"{rows:,}")
    console.print(table)
    console.print(f"{len(result.quarantine):,} rows made invalid or duplicated on purpose "
                  f"(truth/quarantine.csv); figures for {len(result.figures)} periods")
    console.print(f"landing: {out / 'landing'}\ntruth:   {out / 'truth'} "
                  f"({time.monotonic() - started:.1f} s)")
    return out / "landing"

"""``pantau trace PERIOD REGION FIGURE [CATEGORY]``: the source rows behind one figure.

FIGURE is a figures.json key (``foreigners_total``) or, in the ``pmi`` object,
its path (``pmi.placements_departed``, ``pmi.priority_areas.persons_indicated``).
"""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.terminal import console, data_text

# Messages beside JSON or CSV go to stderr, so the output stays machine-readable.
errors = Console(stderr=True, width=160)


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def trace(
    period: Annotated[str, typer.Argument(help="YYYY-MM, YYYY-Qn or YYYY-Sn")],
    region: Annotated[str, typer.Argument(help="region code, e.g. 62.71 or 62")],
    figure: Annotated[str, typer.Argument(
        help="a figures.json key or pmi path, e.g. foreigners_total, pmi.returnees")],
    category: Annotated[str, typer.Argument(
        help="the key below it: ITAS, CHN, DEPORTASI, OVERSTAY, a priority area's code …")]
    = "",
    output: Annotated[Format, typer.Option("--format", help="table, json or csv")]
    = Format.table,
) -> None:
    """List the source rows behind a figure, as the auditor; exit 1 when they do not add up."""
    from pantau.periods import Period
    from pantau.reports import cells, context
    from pantau.reports import trace as tracing
    from pantau.warehouse.connection import connect

    try:
        with connect("auditor") as conn:
            found = tracing.trace(conn, Period.parse(period), region, figure, category)
    except (context.NotBuilt, tracing.UnknownFigure) as exc:
        errors.print(f"[red]{data_text(str(exc))}[/]")
        raise typer.Exit(2) from None
    rows = [tracing.plain(row) for row in found.rows]
    name = f"{figure} {category}".strip()
    summary = (f"{name} of {region} in {period}: figure {found.value}, traced {found.traced} "
               f"({found.units} units, {len(rows)} rows)")
    if output is Format.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1) + "\n")
        print(summary, file=sys.stderr)
    elif output is Format.csv:
        writer = csv.writer(sys.stdout)
        writer.writerow(tracing.COLUMNS)
        for row in rows:
            writer.writerow(cells.csv_row([row[column] for column in tracing.COLUMNS]))
        print(summary, file=sys.stderr)
    else:
        table = Table(title=f"Rows behind {name} ({region}, {period})")
        for column in tracing.COLUMNS:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*[data_text("" if row[c] is None else row[c])
                            for c in tracing.COLUMNS])
        console.print(table)
        console.print(summary)
    if not found.matches:
        errors.print(f"[red]the rows do not add up to the figure: {found.traced} traced, "
                      f"{found.value} reported[/]", highlight=False)
        raise typer.Exit(1)

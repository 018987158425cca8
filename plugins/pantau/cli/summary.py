"""A terminal summary of what the warehouse holds, per source (aggregates only)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pantau.sources.catalog import SOURCES
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect


def print_warehouse_summary(console: Console, url: str) -> None:
    with connect("loader", url=url) as conn:
        by_source = {row[0]: row[1:] for row in conn.execute(
            sql_files.render("cli/batches_by_source.sql")).fetchall()}
        duplicates = conn.execute(
            "SELECT count(*) FROM audit.receipt WHERE outcome = 'duplicate'"
        ).fetchone()[0]
    table = Table(title="Warehouse contents (all batches so far)")
    for name in ("source", "batches validated", "waiting", "rejected", "rows",
                 "rows quarantined", "latest snapshot"):
        table.add_column(name, justify="left" if name == "source" else "right")
    for source_id in SOURCES:
        validated, waiting, rejected, rows, held, latest = by_source.get(
            source_id, (0, 0, 0, 0, 0, None))
        table.add_row(source_id, str(validated), str(waiting), str(rejected), f"{rows:,}",
                      f"{held:,}", str(latest or "-"))
    console.print(table)
    console.print(f"duplicate deliveries recognised so far: {duplicates}")

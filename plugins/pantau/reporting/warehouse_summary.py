"""A terminal summary of what the warehouse holds, per source (aggregates only)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from pantau.sources.catalog import SOURCES
from pantau.warehouse.connection import connect

_BATCHES = """
SELECT source,
       count(*) FILTER (WHERE status = 'loaded')   AS loaded,
       count(*) FILTER (WHERE status = 'rejected') AS rejected,
       coalesce(sum(row_count) FILTER (WHERE status = 'loaded'), 0) AS rows,
       coalesce(sum(problem_count) FILTER (WHERE status = 'loaded'), 0) AS problems,
       max(snapshot_date) FILTER (WHERE status = 'loaded') AS latest_snapshot
  FROM audit.batch
 GROUP BY source
"""


def print_warehouse_summary(console: Console, url: str) -> None:
    with connect("loader", url=url) as conn:
        by_source = {row[0]: row[1:] for row in conn.execute(_BATCHES).fetchall()}
        duplicates = conn.execute(
            "SELECT count(*) FROM audit.delivery WHERE outcome = 'duplicate'"
        ).fetchone()[0]
    table = Table(title="Warehouse contents (all batches so far)")
    for name in ("source", "batches loaded", "rejected", "rows", "parse problems",
                 "latest snapshot"):
        table.add_column(name, justify="left" if name == "source" else "right")
    for source_id in SOURCES:
        loaded, rejected, rows, problems, latest = by_source.get(source_id, (0, 0, 0, 0, None))
        table.add_row(source_id, str(loaded), str(rejected), f"{rows:,}", f"{problems:,}",
                      str(latest or "-"))
    console.print(table)
    console.print(f"duplicate deliveries recognised so far: {duplicates}")

"""What an auditor waits for: ``pantau trace`` on the largest regency, and the audit packs.

The trace is timed as the command runs it (figures read, rows fetched, as the
auditor role) for every figure of the regency with the most rows: each
scalar figure, and for each figure with categories its largest category. The
audit packs are timed inside rendering (``Rendered.audit_seconds``) and set
against the rest of the report's work, so the share is what the packs add.
"""

from __future__ import annotations

import time

import psycopg

from pantau.periods import Period
from pantau.reports import context
from pantau.reports import trace as tracing
from pantau.reports.render import Rendered
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect


def _largest_category(figures: dict, figure: str) -> str | None:
    values = tracing.categories(figures, figure)
    return max(sorted(values), key=lambda key: values[key]) if values else None


def time_traces(warehouse: str, period: Period) -> dict:
    """Seconds of one trace per figure of the largest regency, as the auditor."""
    with psycopg.connect(warehouse) as conn:  # the bench's pick, from core (not the auditor's)
        regency = conn.execute(sql_files.render("tools/bench_largest_regency.sql"),
                               {"month": period.label}).fetchone()[0]
    with connect("auditor", url=warehouse) as conn:
        figures = context.figures_json(context.load(conn, period, regency))
        asked = [(figure, "") for figure in tracing.SCALAR_FIGURES]
        asked += [(figure, category) for figure in tracing.CATEGORY_FIGURES
                  if (category := _largest_category(figures, figure)) is not None]
        timings = []
        for figure, category in asked:
            started = time.perf_counter()
            found = tracing.trace(conn, period, regency, figure, category)
            seconds = time.perf_counter() - started
            timings.append({"figure": figure, "category": category, "rows": len(found.rows),
                            "value": found.value, "matches": found.matches,
                            "seconds": round(seconds, 4)})
    return {"regency": regency, "traces": timings,
            "slowest_seconds": max(item["seconds"] for item in timings),
            "all_match": all(item["matches"] for item in timings)}


def audit_pack_share(done: list[Rendered]) -> dict:
    """Seconds the audit packs took, and their share of the rest of rendering."""
    total = sum(item.seconds for item in done)
    packs = sum(item.audit_seconds for item in done)
    return {"report_seconds": round(total - packs, 2), "audit_pack_seconds": round(packs, 2),
            "audit_pack_share": round(packs / (total - packs), 4) if total > packs else None}

"""Five years of history, and the trend queries over it.

The bench builds two months from real exports (the prior month, then the
cycle's). The other months of the ``MONTHS`` before it are loaded as copies
of the cycle month's snapshot fact and marts, with the period and reference
date moved back and the people unchanged; a month already built keeps its
own rows (the backfill, :mod:`pantau.tools.bench.backfill`, builds every
month, so nothing is copied there). The copies are made set-based inside
PostgreSQL, so the trend queries meet five years' volume at the bench's
scale (about a million person-months per month at national scale). Each
query is timed on the region with the most rows, its province, and the whole
country: the worst case a report or an auditor meets; and its plan is kept
(``EXPLAIN (ANALYZE, BUFFERS)``), so a run says which index each query read.
"""

from __future__ import annotations

import time

import psycopg
from psycopg import sql

from pantau.periods import Period
from pantau.warehouse import sql_files

MONTHS = 60

# (table, period column): what a monthly build writes, copied back per month.
_SNAPSHOTS = (("core", "fact_person_status", "month"),
              ("mart", "region_figures", "period"),
              ("mart", "region_breakdown", "period"))


def trend_queries(months: int = MONTHS) -> dict[str, tuple[str, dict]]:
    """{label: (sql/tools/bench_<name>.sql, its Jinja2 parameters)}: what the reports
    read (the previous period's figures, the trend view) and an auditor's drill-down
    into the monthly snapshot fact, over ``months`` months."""
    return {
        "report: previous month's figures of a region": ("previous_figures", {}),
        f"mart.region_trend: a region's {months} months": ("region_trend", {}),
        f"mart.region_figures: every province, {months} months": ("province_figures", {}),
        f"fact_person_status: a regency's {months}-month series": ("person_series",
                                                                   {"scope": "regency"}),
        f"fact_person_status: a province's {months}-month series": ("person_series",
                                                                    {"scope": "province"}),
    }


def history_months(period: Period, months: int = MONTHS) -> list[Period]:
    """The ``months`` months ending with ``period``, oldest first."""
    found = [period]
    while len(found) < months:
        found.insert(0, found[0].previous())
    return found


def _columns(conn: psycopg.Connection, schema: str, table: str) -> list[str]:
    return [name for (name,) in conn.execute(sql_files.render("tools/table_columns.sql"),
                                             {"schema": schema, "table": table})]


def copied_months(conn: psycopg.Connection, period: Period,
                  months: int = MONTHS) -> list[Period]:
    """The months of the history before ``period`` that the warehouse has not built."""
    built = {label for (label,) in conn.execute(
        sql_files.render("tools/bench_built_periods.sql"))}
    return [month for month in history_months(period, months)[:-1] if month.label not in built]


def load_history(conn: psycopg.Connection, period: Period, months: int = MONTHS) -> dict:
    """Copy ``period``'s snapshot fact and marts into the unbuilt months before it."""
    earlier = copied_months(conn, period, months)
    labels = [month.label for month in earlier]
    ends = [month.reference_date for month in earlier]
    rows = {}
    # Composed here, not in sql/: the copy is the catalog's column list, each taken
    # from the month's row or moved to the earlier month, quoted by psycopg.sql.
    for schema, table, key in _SNAPSHOTS:
        columns = _columns(conn, schema, table)
        chosen = [sql.SQL("m.label") if name == key else
                  sql.SQL("m.reference_date") if name == "reference_date" else
                  sql.SQL("t.{}").format(sql.Identifier(name)) for name in columns]
        statement = sql.SQL("""
            INSERT INTO {table} ({columns})
            SELECT {chosen}
              FROM {table} AS t
             CROSS JOIN unnest(%(labels)s::text[], %(ends)s::date[]) AS m(label, reference_date)
             WHERE t.{key} = %(period)s
            ON CONFLICT DO NOTHING""").format(
            table=sql.Identifier(schema, table),
            columns=sql.SQL(", ").join(map(sql.Identifier, columns)),
            chosen=sql.SQL(", ").join(chosen), key=sql.Identifier(key))
        rows[f"{schema}.{table}"] = conn.execute(
            statement, {"labels": labels, "ends": ends, "period": period.label}).rowcount
    conn.execute(sql_files.render("tools/bench_history_builds.sql"), {
        "labels": labels, "ends": ends, "starts": [m.start for m in earlier],
        "previous": [m.previous().label for m in earlier]})
    conn.commit()
    # As autovacuum would soon: statistics, and the visibility map index-only scans need.
    conn.autocommit = True
    for schema, table, _ in _SNAPSHOTS:
        conn.execute(sql.SQL("VACUUM (ANALYZE) {}").format(sql.Identifier(schema, table)))
    conn.autocommit = False
    return rows


def _largest_regency(conn: psycopg.Connection, period: Period) -> str:
    return conn.execute(sql_files.render("tools/bench_largest_regency.sql"),
                        {"month": period.label}).fetchone()[0]


def _scans(node: dict) -> list[dict]:
    """The plan's scan nodes, depth first: what each read, through which index, how much."""
    found = []
    if "Scan" in node["Node Type"]:
        parallel = "Parallel " if node.get("Parallel Aware") else ""
        found.append({key: value for key, value in (
            ("node", parallel + node["Node Type"]), ("relation", node.get("Relation Name")),
            ("index", node.get("Index Name")),
            # PostgreSQL 18 gives rows per loop with decimals: the scan's total, whole.
            ("rows", round(node.get("Actual Rows", 0) * node.get("Actual Loops", 1))),
            ("loops", node.get("Actual Loops")), ("heap_fetches", node.get("Heap Fetches")),
            ("removed_by_filter", node.get("Rows Removed by Filter")),
            ("workers", node.get("Workers Launched"))) if value is not None})
    for child in node.get("Plans", ()):
        found += _scans(child)
    return found


def plan_summary(plan: dict) -> dict:
    """The parts of an ``EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`` the docs reason from."""
    root = plan["Plan"]
    return {"execution_ms": round(plan["Execution Time"], 3),
            "shared_hit": root.get("Shared Hit Blocks", 0),
            "shared_read": root.get("Shared Read Blocks", 0), "scans": _scans(root)}


def explain(conn: psycopg.Connection, file: str, template: dict, params: dict) -> dict:
    """One trend query run under ``EXPLAIN (ANALYZE, BUFFERS)``, summarised."""
    statement = sql_files.render("tools/bench_explain.sql", query=file, **template)
    ((plan,),) = conn.execute(statement, params).fetchone()
    return plan_summary(plan)


def time_trend_queries(conn: psycopg.Connection, period: Period,
                       months: int = MONTHS) -> list[dict]:
    """Seconds of each trend query on the largest regency and its province, and its plan.

    ``first_seconds`` is the first run (it may read from disk), ``seconds`` the
    best of three (a report reads a warm cache); ``plan`` a fourth run's, explained.
    """
    regency = _largest_regency(conn, period)
    params = {"months": [month.label for month in history_months(period, months)],
              "previous": period.previous().label, "regency": regency,
              "province": regency[:2]}
    timings = []
    for name, (file, template) in trend_queries(months).items():
        query = sql_files.render(f"tools/bench_{file}.sql", **template)
        regions = [regency, regency[:2]] if "%(region)s" in query else [None]
        for region in regions:
            runs, rows = [], 0
            for _ in range(3):
                started = time.perf_counter()
                rows = len(conn.execute(query, {**params, "region": region}).fetchall())
                runs.append(time.perf_counter() - started)
            timings.append({"query": name + (f" ({region})" if region else ""),
                            "first_seconds": round(runs[0], 4), "seconds": round(min(runs), 4),
                            "rows": rows,
                            "plan": explain(conn, file, template, {**params, "region": region})})
    return timings


def history(warehouse: str, period: Period, months: int = MONTHS) -> dict:
    """Load the history and time its trend queries (as the superuser: bench data only)."""
    with psycopg.connect(warehouse) as conn:
        months_copied = len(copied_months(conn, period, months))
        started = time.perf_counter()
        copied = load_history(conn, period, months)
        load_seconds = time.perf_counter() - started
        queries = time_trend_queries(conn, period, months)
    return {"months": months, "months_copied": months_copied,
            "load_seconds": round(load_seconds, 2), "rows_copied": copied, "queries": queries}

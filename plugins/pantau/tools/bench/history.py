"""A year of history, and the trend queries over it.

The bench builds one month from real exports. The eleven months before it
are loaded as copies of that month's snapshot fact and marts, with the
period and reference date moved back and the people unchanged. The copies
are made set-based inside PostgreSQL, so the trend queries meet a year's
volume at the bench's scale (about a million person-months per month at
national scale). Each query is timed on the region with the most rows, its
province, and the whole country: the worst case a report or an auditor meets.
"""

from __future__ import annotations

import time

import psycopg
from psycopg import sql

from pantau.periods import Period

MONTHS = 12

# (table, period column): what a monthly build writes, copied back per month.
_SNAPSHOTS = (("core", "fact_person_status", "month"),
              ("mart", "region_figures", "period"),
              ("mart", "region_breakdown", "period"))

# A month-by-month series of persons from the monthly snapshot fact.
_SERIES = """
    SELECT month, count(*) AS persons, count(*) FILTER (WHERE has_valid_permit) AS permits,
           count(*) FILTER (WHERE has_rptka_position) AS workers,
           count(*) FILTER (WHERE is_registered) AS registered
      FROM core.fact_person_status
     WHERE {where} AND month = ANY(%(months)s)
     GROUP BY month ORDER BY month
"""

# The trend queries: what the reports read (the previous period's figures,
# the trend view) and an auditor's drill-down into the monthly snapshot fact.
TREND_QUERIES = {
    "report: previous month's figures of a region": """
        SELECT * FROM mart.region_figures WHERE period = %(previous)s AND region_code = %(region)s
    """,
    "mart.region_trend: a region's 12 months": """
        SELECT * FROM mart.region_trend
         WHERE region_code = %(region)s AND period = ANY(%(months)s) ORDER BY period
    """,
    "mart.region_figures: every province, 12 months": """
        SELECT period, region_code, foreigners_total, workers_total, registered_total
          FROM mart.region_figures
         WHERE level = 'province' AND period = ANY(%(months)s) ORDER BY region_code, period
    """,
    "fact_person_status: a regency's 12-month series": _SERIES.format(
        where="regency_code = %(regency)s"),
    "fact_person_status: a province's 12-month series": _SERIES.format(
        where="regency_code > %(province)s || '.' AND regency_code < %(province)s || '/'"),
}


def history_months(period: Period) -> list[Period]:
    """The ``MONTHS`` months ending with ``period``, oldest first."""
    months = [period]
    while len(months) < MONTHS:
        months.insert(0, months[0].previous())
    return months


def _columns(conn: psycopg.Connection, schema: str, table: str) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
        (schema, table))]


def load_history(conn: psycopg.Connection, period: Period) -> dict:
    """Copy ``period``'s snapshot fact and marts into the eleven months before it."""
    earlier = history_months(period)[:-1]
    labels = [month.label for month in earlier]
    ends = [month.reference_date for month in earlier]
    rows = {}
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
    conn.execute("""
        INSERT INTO core.period_build (period, reference_date, period_start, previous_period,
                                       batches)
        SELECT label, reference_date, period_start, previous_period, 0
          FROM unnest(%s::text[], %s::date[], %s::date[], %s::text[])
               AS m(label, reference_date, period_start, previous_period)
        ON CONFLICT DO NOTHING""",
                 (labels, ends, [m.start for m in earlier], [m.previous().label for m in earlier]))
    conn.commit()
    # As autovacuum would soon: statistics, and the visibility map index-only scans need.
    conn.autocommit = True
    for schema, table, _ in _SNAPSHOTS:
        conn.execute(sql.SQL("VACUUM (ANALYZE) {}").format(sql.Identifier(schema, table)))
    conn.autocommit = False
    return rows


def _largest_regency(conn: psycopg.Connection, period: Period) -> str:
    return conn.execute("""
        SELECT regency_code FROM core.fact_person_status WHERE month = %s
         GROUP BY regency_code ORDER BY count(*) DESC, regency_code LIMIT 1""",
                        (period.label,)).fetchone()[0]


def time_trend_queries(conn: psycopg.Connection, period: Period) -> list[dict]:
    """Seconds of each trend query on the largest regency and its province.

    ``first_seconds`` is the first run (it may read from disk), ``seconds`` the
    best of three (a report reads a warm cache).
    """
    regency = _largest_regency(conn, period)
    params = {"months": [month.label for month in history_months(period)],
              "previous": period.previous().label, "regency": regency,
              "province": regency[:2]}
    timings = []
    for name, query in TREND_QUERIES.items():
        regions = [regency, regency[:2]] if "%(region)s" in query else [None]
        for region in regions:
            runs, rows = [], 0
            for _ in range(3):
                started = time.perf_counter()
                rows = len(conn.execute(query, {**params, "region": region}).fetchall())
                runs.append(time.perf_counter() - started)
            timings.append({"query": name + (f" ({region})" if region else ""),
                            "first_seconds": round(runs[0], 4), "seconds": round(min(runs), 4),
                            "rows": rows})
    return timings


def history(warehouse: str, period: Period) -> dict:
    """Load the year and time its trend queries (as the superuser: bench data only)."""
    with psycopg.connect(warehouse) as conn:
        started = time.perf_counter()
        copied = load_history(conn, period)
        load_seconds = time.perf_counter() - started
        queries = time_trend_queries(conn, period)
    return {"months": MONTHS, "load_seconds": round(load_seconds, 2), "rows_copied": copied,
            "queries": queries}

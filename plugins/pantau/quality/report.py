"""What the gate found, as the auditor reads it: per batch, per expectation, per source."""

from __future__ import annotations

import pandas as pd
import psycopg

from pantau.warehouse import sql_files


def _sql(name: str) -> str:
    """A report query, from ``sql/quality/report_<name>.sql``."""
    return sql_files.render(f"quality/report_{name}.sql")


def _frame(conn: psycopg.Connection, query: str, params: dict) -> pd.DataFrame:
    cursor = conn.execute(query, params)
    return pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])


def batch_results(conn: psycopg.Connection, batch_id: int) -> pd.DataFrame:
    """Every expectation result of the batch's runs, failures first."""
    return _frame(conn, _sql("batch_results"), {"batch": batch_id})


def batch_header(conn: psycopg.Connection, batch_id: int) -> dict | None:
    row = conn.execute(_sql("batch_header"), {"batch": batch_id}).fetchone()
    if row is None:
        return None
    keys = ["batch", "source", "file", "sha256", "snapshot_date", "status", "rejected_stage",
            "rows", "message", "rows_quarantined"]
    return dict(zip(keys, row, strict=True))


def batches(conn: psycopg.Connection, source: str | None = None, limit: int = 40) -> pd.DataFrame:
    """The latest validated or rejected batches with what failed in them."""
    return _frame(conn, _sql("batches"), {"source": source, "limit": limit})


def rules(conn: psycopg.Connection, source: str | None = None) -> pd.DataFrame:
    """Per source and rule, over every batch validated: how often it failed, rows held."""
    return _frame(conn, _sql("rules"), {"source": source})

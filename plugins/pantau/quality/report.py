"""What the gate found, as the auditor reads it: per batch, per expectation, per source."""

from __future__ import annotations

import pandas as pd
import psycopg


def _frame(conn: psycopg.Connection, query: str, params: dict) -> pd.DataFrame:
    cursor = conn.execute(query, params)
    return pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])


def batch_results(conn: psycopg.Connection, batch_id: int) -> pd.DataFrame:
    """Every expectation result of the batch's runs, failures first."""
    return _frame(conn, """
        SELECT e.run_id, v.suite_name AS suite, e.rule, e.severity, e.column_name AS column,
               e.success, e.observed_value AS observed, e.unexpected_count AS failing,
               e.unexpected_percent AS percent, e.exception
          FROM audit.expectation_result AS e
          JOIN audit.validation_run AS v USING (run_id)
         WHERE e.batch_id = %(batch)s
         ORDER BY e.run_id, e.success, e.severity DESC, e.rule
    """, {"batch": batch_id})


def batch_header(conn: psycopg.Connection, batch_id: int) -> dict | None:
    row = conn.execute("""
        SELECT batch_id, source, original_name, sha256, snapshot_date, status, rejected_stage,
               row_count, message,
               (SELECT count(*) FROM quarantine.held_row h WHERE h.batch_id = b.batch_id)
          FROM audit.batch AS b WHERE batch_id = %s
    """, (batch_id,)).fetchone()
    if row is None:
        return None
    keys = ["batch", "source", "file", "sha256", "snapshot_date", "status", "rejected_stage",
            "rows", "message", "rows_quarantined"]
    return dict(zip(keys, row, strict=True))


def batches(conn: psycopg.Connection, source: str | None = None, limit: int = 40) -> pd.DataFrame:
    """The latest validated or rejected batches with what failed in them."""
    return _frame(conn, """
        SELECT b.batch_id AS batch, b.source, b.original_name AS file, b.snapshot_date AS snapshot,
               b.status, b.row_count AS rows,
               (SELECT count(*) FROM quarantine.held_row AS h
                 WHERE h.batch_id = b.batch_id) AS quarantined,
               (SELECT string_agg(e.rule, ', ' ORDER BY e.rule) FROM audit.expectation_result e
                 WHERE e.batch_id = b.batch_id AND NOT e.success) AS failed_rules
          FROM audit.batch AS b
         WHERE b.validation_run_id IS NOT NULL
           AND (%(source)s::text IS NULL OR b.source = %(source)s)
         ORDER BY b.batch_id DESC
         LIMIT %(limit)s
    """, {"source": source, "limit": limit})


def rules(conn: psycopg.Connection, source: str | None = None) -> pd.DataFrame:
    """Per source and rule, over every batch validated: how often it failed, rows held."""
    return _frame(conn, """
        SELECT v.source, e.rule, e.severity,
               count(*) AS batches_checked,
               count(*) FILTER (WHERE NOT e.success) AS batches_failing,
               sum(e.unexpected_count) FILTER (WHERE e.severity = 'row') AS rows_failing
          FROM audit.expectation_result AS e
          JOIN audit.validation_run AS v USING (run_id)
         WHERE %(source)s::text IS NULL OR v.source = %(source)s
         GROUP BY v.source, e.rule, e.severity
         ORDER BY v.source, batches_failing DESC, e.rule
    """, {"source": source})

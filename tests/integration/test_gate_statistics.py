"""The gate analyses freshly loaded staging tables first, as the loader (migration 0011)."""

from __future__ import annotations

import psycopg

from pantau.quality.gate import fresh_statistics
from pantau.warehouse.connection import connect

TABLES = ["staging.imigrasi_tindakan", "staging.imigrasi_tindakan_lokasi", "audit.parse_problem"]


def _last_analyze(db: psycopg.Connection, table: str):
    return db.execute("SELECT last_analyze FROM pg_stat_user_tables WHERE relid = %s::regclass",
                      (table,)).fetchone()[0]


def test_only_tables_changed_by_a_tenth_are_analysed(warehouse: str,
                                                     db: psycopg.Connection) -> None:
    # Autovacuum off for the table, so only the gate can analyse it here.
    db.execute("ALTER TABLE staging.imigrasi_tindakan SET (autovacuum_enabled = false)")
    db.execute("INSERT INTO staging.imigrasi_tindakan (batch_id, row_number) "
               "SELECT 1, n FROM generate_series(1, 500) AS n")
    db.execute("SELECT pg_stat_force_next_flush()")
    with connect("loader", url=warehouse) as conn:
        assert fresh_statistics(conn, TABLES) == ["staging.imigrasi_tindakan"]
        assert _last_analyze(db, "staging.imigrasi_tindakan") is not None
        db.execute("SELECT pg_stat_force_next_flush()")
        assert fresh_statistics(conn, TABLES) == []  # nothing changed since


def test_the_loader_may_maintain_staging_but_not_raw(db: psycopg.Connection) -> None:
    def may(table: str) -> bool:
        return db.execute("SELECT has_table_privilege('pantau_loader', %s, 'MAINTAIN')",
                          (table,)).fetchone()[0]

    assert may("staging.imigrasi_izin_tinggal") and may("audit.parse_problem")
    assert not may("raw.imigrasi_izin_tinggal") and not may("core.fact_person_status")

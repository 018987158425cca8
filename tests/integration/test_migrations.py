"""Migrations run forward from empty, back to base, and forward again."""

from __future__ import annotations

import psycopg

from pantau.warehouse import migrate

SCHEMAS = {"raw", "staging", "quarantine", "core", "mart", "audit", "pii"}


def _schemas(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute("SELECT nspname FROM pg_namespace").fetchall()
    return {name for (name,) in rows} & SCHEMAS


def _tables(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT schemaname || '.' || tablename FROM pg_tables "
            "WHERE schemaname = ANY(%s)", (list(SCHEMAS),)
        ).fetchall()
    return {name for (name,) in rows}


def test_forward_from_empty_creates_every_layer_and_role(empty_database: str) -> None:
    assert migrate.current(empty_database) is None
    migrate.upgrade(empty_database)
    assert migrate.current(empty_database) == migrate.head()
    assert _schemas(empty_database) == SCHEMAS
    assert {"audit.batch", "audit.receipt", "audit.parse_problem", "raw.extra_field",
            "raw.imigrasi_izin_tinggal", "staging.tenaga_kerja_tka_lokasi"} <= _tables(
        empty_database)
    with psycopg.connect(empty_database) as conn:
        roles = {r for (r,) in conn.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'pantau_%'").fetchall()}
    assert roles == {"pantau_loader", "pantau_reporter", "pantau_auditor"}


def test_upgrade_is_idempotent_and_downgrade_round_trips(empty_database: str) -> None:
    migrate.upgrade(empty_database)
    tables = _tables(empty_database)
    migrate.upgrade(empty_database)
    assert _tables(empty_database) == tables
    migrate.downgrade(empty_database, "base")
    assert _schemas(empty_database) == set()
    assert migrate.current(empty_database) is None
    migrate.upgrade(empty_database)
    assert _tables(empty_database) == tables

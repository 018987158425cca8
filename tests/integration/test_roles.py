"""Least privilege: the reporter reads marts only, the auditor never reads pii."""

from __future__ import annotations

import psycopg
import pytest
from psycopg import errors

from pantau.warehouse.connection import connect


@pytest.fixture
def tables(db: psycopg.Connection) -> None:
    db.execute("CREATE TABLE pii.probe (person_key text, full_name text)")
    db.execute("CREATE TABLE mart.probe (region_code text, n integer)")
    db.execute("INSERT INTO mart.probe VALUES ('62.03', 1)")


def _can(role: str, statement: str, url: str) -> bool:
    with connect(role, url=url) as conn:
        try:
            conn.execute(statement)
        except errors.InsufficientPrivilege:
            return False
        return True


@pytest.mark.usefixtures("tables")
@pytest.mark.parametrize(
    ("role", "statement", "allowed"),
    [
        ("reporter", "SELECT * FROM mart.probe", True),
        ("reporter", "SELECT * FROM pii.probe", False),
        ("reporter", "SELECT * FROM raw.imigrasi_izin_tinggal", False),
        ("reporter", "SELECT * FROM audit.batch", False),
        ("reporter", "INSERT INTO mart.probe VALUES ('62.71', 2)", False),
        ("auditor", "SELECT * FROM audit.batch", True),
        ("auditor", "SELECT * FROM audit.parse_problem", True),
        ("auditor", "SELECT * FROM mart.probe", True),
        ("auditor", "SELECT * FROM pii.probe", False),
        ("auditor", "SELECT * FROM staging.imigrasi_izin_tinggal", False),
        ("auditor", "DELETE FROM audit.batch", False),
        ("reporter", "SELECT * FROM mart.region_figures", True),
        ("reporter", "SELECT * FROM mart.region_trend", True),
        ("reporter", "SELECT * FROM mart.followup", True),
        ("reporter", "SELECT * FROM core.fact_discrepancy", False),
        ("reporter", "SELECT * FROM pii.stay_permit", False),
        ("auditor", "SELECT * FROM core.dim_person", False),
        ("auditor", "SELECT * FROM pii.stay_permit", False),
        ("loader", "SELECT core.keyed_hash('x', '\\x00', '\\x01')", True),
        ("auditor", "SELECT * FROM audit.validation_run", True),
        ("auditor", "SELECT * FROM audit.expectation_result", True),
        ("auditor", "SELECT * FROM quarantine.held_row", True),
        ("auditor", "SELECT * FROM quarantine.reason", True),
        ("auditor", "SELECT * FROM quarantine.decision", True),
        ("auditor", "SELECT * FROM quarantine.excluded_row", True),
        ("auditor", "SELECT * FROM raw.imigrasi_izin_tinggal", False),
        ("auditor", "UPDATE quarantine.held_row SET status = 'released'", False),
        ("loader", "DELETE FROM quarantine.reason", False),
        ("loader", "DELETE FROM quarantine.held_row", False),
        ("loader", "TRUNCATE quarantine.decision", False),
        ("loader", "SELECT * FROM pii.probe", True),
        ("loader", "INSERT INTO pii.probe VALUES ('k', 'n')", True),
        ("loader", "INSERT INTO mart.probe VALUES ('62.71', 2)", True),
        ("loader", "DELETE FROM audit.batch", False),
    ],
)
def test_role_privileges(warehouse: str, role: str, statement: str, allowed: bool) -> None:
    assert _can(role, statement, warehouse) is allowed


def test_loader_cannot_drop_schemas_or_tables(warehouse: str) -> None:
    with connect("loader", url=warehouse) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DROP SCHEMA pii CASCADE")
    with connect("loader", url=warehouse) as conn, pytest.raises(errors.InsufficientPrivilege):
        conn.execute("DROP TABLE audit.batch")

"""sql/ says what the migrations build: sql/schema.sql is current, the layer files are true.

Databases are created by the migration chain (plugins/pantau/warehouse/migrations),
whose SQL is frozen history. sql/ shows the schema as it stands today twice: one
file per table in the layer folders, and the whole pg_dump in sql/schema.sql. Both
are compared here with a database migrated to head, by pg_dump --schema-only
(structure, constraints and whether they are enforced, indexes, comments, grants).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from pantau.warehouse import migrate
from pantau.warehouse.schema_dump import dump_schema
from tests.support.ddl import SQL_DIR
from tests.support.warehouses import temporary_database

SCHEMA_FILE = SQL_DIR / "schema.sql"
MANIFEST = SQL_DIR / "layers.txt"
LAYER_FOLDERS = ("schemas", "raw", "staging", "quarantine", "core", "mart", "audit", "pii")


def _manifest() -> list[str]:
    lines = (line.strip() for line in MANIFEST.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


@pytest.fixture(scope="module")
def migrated(server_url: str) -> Iterator[str]:
    with temporary_database(server_url, "test_schema") as url:
        migrate.upgrade(url)
        yield url


def test_every_layer_file_is_in_the_manifest_once() -> None:
    listed = _manifest()
    on_disk = {p.relative_to(SQL_DIR).as_posix()
               for folder in LAYER_FOLDERS for p in (SQL_DIR / folder).glob("*.sql")}
    assert sorted(listed) == sorted(on_disk)


def test_schema_file_is_current(migrated: str) -> None:
    assert dump_schema(migrated) == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "sql/schema.sql is stale: run `make schema` and commit it")


def test_layer_files_build_the_migrated_schema(migrated: str, server_url: str) -> None:
    with temporary_database(server_url, "test_layers") as url:
        with psycopg.connect(url) as conn:
            for relative in _manifest():
                conn.execute(Path(SQL_DIR, relative).read_text(encoding="utf-8"))
        assert dump_schema(url) == dump_schema(migrated), (
            "sql/'s layer files no longer build what the migrations build: write each "
            "table as it stands after the newest migration")
        # The one table its DDL fills: the calendar.
        calendar = "SELECT md5(string_agg(d::text, ',' ORDER BY date_key)) FROM core.dim_date d"
        with psycopg.connect(url) as layers, psycopg.connect(migrated) as chain:
            assert layers.execute(calendar).fetchone() == chain.execute(calendar).fetchone()

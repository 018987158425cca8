"""dlt, the bench's fourth yardstick, loads the rows to_sql loads, from the same files."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from pantau.sources.pickup import discover
from pantau.tools.bench import dlt_load
from pantau.tools.bench.throughput import time_to_sql
from pantau.warehouse.connection import sqlalchemy_url
from tests.support.warehouses import temporary_database


def test_dlt_is_installed_with_the_dev_extras() -> None:
    """The bench's fourth yardstick comes with `make install`; without it these would fail."""
    assert dlt_load.version() is not None, dlt_load.MISSING


def test_dlt_reaches_the_embedded_server_through_its_socket(server_url: str) -> None:
    import psycopg2
    from dlt.destinations.impl.postgres.configuration import PostgresCredentials

    assert "?host=" in server_url  # the embedded server listens on a Unix socket only
    credentials = PostgresCredentials(dlt_load.dlt_url(server_url))
    with psycopg2.connect(dsn=credentials.to_native_representation()) as conn:
        assert conn.server_version > 0


@pytest.mark.parametrize("source_id", ["imigrasi_izin_tinggal", "tenaga_kerja_tka"])
def test_dlt_loads_every_row_of_a_csv_and_a_workbook_source(
        server_url: str, small_demo: Path, tmp_path: Path, source_id: str) -> None:
    files = sorted(discover([small_demo / "landing" / source_id]))
    with temporary_database(server_url, "dlt") as scratch:
        engine = create_engine(sqlalchemy_url(scratch), poolclass=NullPool)
        time_to_sql(engine, files, source_id)
        engine.dispose()
        run = dlt_load.time_dlt(files, source_id, scratch, tmp_path / "dlt")
        with psycopg.connect(scratch) as conn:
            naive = sum(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                        for (name,) in conn.execute(
                            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'bench_to_sql%'"))
            stored = conn.execute(
                f"SELECT count(*) FROM dlt_{source_id}.{source_id}").fetchone()[0]
    assert run.rows == stored == naive > 0
    assert run.seconds > 0 and run.version == dlt_load.version()
    # dlt's working directory is the one given, not ~/.dlt
    assert (tmp_path / "dlt" / f"bench_{source_id}").is_dir()

"""The throughput yardsticks measure the same rows three ways (issue 9's harness, first part)."""

from __future__ import annotations

from pathlib import Path

import psycopg
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from pantau.bench.throughput import (
    SourceThroughput,
    csv_bytes,
    time_copy,
    time_ingest,
    time_to_sql,
)
from pantau.config import get_settings
from pantau.sources.delivery import discover
from pantau.warehouse.connection import sqlalchemy_url
from tests.support.warehouses import temporary_database


def test_copy_ingest_and_to_sql_see_the_same_rows(warehouse: str, server_url: str,
                                                  small_demo: Path) -> None:
    files = sorted(discover([small_demo / "landing" / "imigrasi_izin_tinggal"]))
    payloads = [csv_bytes(path, "imigrasi_izin_tinggal") for path in files]
    with temporary_database(server_url, "bench") as scratch:
        with psycopg.connect(scratch) as conn:
            copied = time_copy(conn, payloads, ";")
        engine = create_engine(sqlalchemy_url(scratch), poolclass=NullPool)
        to_sql_seconds = time_to_sql(engine, files, "imigrasi_izin_tinggal")
        with psycopg.connect(scratch) as conn:
            naive = sum(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
                        for (name,) in conn.execute(
                            "SELECT tablename FROM pg_tables WHERE tablename LIKE 'bench_to_sql%'"))
        engine.dispose()
    ingest_seconds, rows = time_ingest(files, get_settings(), warehouse)
    assert rows == naive == copied.rows > 0
    assert copied.failed_files == 0
    result = SourceThroughput("imigrasi_izin_tinggal", len(files), rows,
                              sum(map(len, payloads)), copied.rows, copied.failed_files,
                              copied.seconds, ingest_seconds, to_sql_seconds).to_dict()
    assert result["ingest_copy_ratio"] > 0 and result["ingest_to_sql_ratio"] > 0
    assert result["copy_rows_per_s"] == round(copied.rows / copied.seconds, 1)

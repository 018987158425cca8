"""Ingest throughput beside its two yardsticks, on the same files, per source.

* ``copy``: PostgreSQL's own CSV COPY of each file into a table of text
  columns as wide as the file (logged, no index), the physical limit of
  loading the file here (an XLSX workbook is first turned into CSV text,
  untimed: COPY cannot read workbooks). A file COPY refuses (a ragged or
  truncated export) is counted in ``copy_failed_files``, its time kept;
* ``ingest``: Pantau's ingest of the file (archive, read, normalise, raw and
  staging load, parse problems) into a migrated warehouse;
* ``to_sql``: the naive baseline, ``pandas.read_csv``/``read_excel`` then
  ``DataFrame.to_sql`` through SQLAlchemy;
* ``dlt``: the loader a data engineer would reach for, on its fast path
  (:mod:`pantau.tools.bench.dlt_load`);
* ``write``: the server's share of the ingest alone. The rows the ingest wrote
  (raw, extra fields, staging, work locations, parse problems), already
  prepared, are COPYed again into tables shaped like theirs (same columns and
  keys), one transaction per file as COPY's. No client work is in it. So
  ``write_copy_ratio``, its rows/s over COPY's, is the ceiling of
  ``ingest_copy_ratio`` for any ingest that loads raw and staging.
"""

from __future__ import annotations

import csv
import io
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd
import psycopg

from pantau.sources.catalog import SOURCES
from pantau.sources.readers import decode, open_table, pick_delimiter
from pantau.warehouse import sql_files


@dataclass
class SourceThroughput:
    source: str
    files: int
    rows: int  # data rows Pantau ingested
    bytes: int
    copy_rows: int  # rows COPY loaded (fewer when it refused a messy file)
    copy_failed_files: int
    copy_seconds: float
    ingest_seconds: float
    to_sql_seconds: float
    write_seconds: float | None = None  # the ingest's rows written again, prepared
    dlt_seconds: float | None = None  # None: dlt not installed
    dlt_rows: int | None = None  # rows dlt loaded (it skips ragged rows, as to_sql does)

    def to_dict(self) -> dict:
        copy_rate = _rate(self.copy_rows, self.copy_seconds)
        ingest_rate = _rate(self.rows, self.ingest_seconds)
        to_sql_rate = _rate(self.rows, self.to_sql_seconds)
        write_rate = _rate(self.rows, self.write_seconds) if self.write_seconds else None
        # dlt's rate, like to_sql's, is over the rows Pantau ingested: the same files' rows.
        dlt_rate = _rate(self.rows, self.dlt_seconds) if self.dlt_seconds else None
        return {
            **asdict(self),
            "copy_rows_per_s": copy_rate,
            "ingest_rows_per_s": ingest_rate,
            "to_sql_rows_per_s": to_sql_rate,
            "ingest_copy_ratio": round(ingest_rate / copy_rate, 4) if copy_rate else None,
            "ingest_to_sql_ratio": round(ingest_rate / to_sql_rate, 3) if to_sql_rate else None,
            "write_rows_per_s": write_rate,
            "write_copy_ratio": round(write_rate / copy_rate, 4) if write_rate and copy_rate
            else None,
            "ingest_write_ratio": round(ingest_rate / write_rate, 4) if write_rate else None,
            "dlt_rows_per_s": dlt_rate,
            "ingest_dlt_ratio": round(ingest_rate / dlt_rate, 3) if dlt_rate else None,
        }


def _rate(rows: int, seconds: float) -> float:
    return round(rows / seconds, 1) if seconds else 0.0


def csv_bytes(path: Path, source_id: str) -> bytes:
    """The file as CSV bytes: as delivered, or a workbook's rows written out (untimed)."""
    if SOURCES[source_id].file_format == "csv":
        return path.read_bytes()
    table = open_table(path, SOURCES[source_id])
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(table.headers)
    for chunk in table.chunks:
        writer.writerows(chunk[table.headers].itertuples(index=False, name=None))
    return out.getvalue().encode("utf-8")


_SERVER_ENCODING = {"utf-8": "UTF8", "utf-8-sig": "UTF8", "cp1252": "WIN1252"}


def _shape(payload: bytes, declared: str) -> tuple[str, str, int]:
    """(server encoding, delimiter, column count), read as Pantau's reader reads them."""
    text, codec = decode(payload, "bench payload")
    header = text.split("\n", 1)[0]
    delimiter = pick_delimiter(header, declared)
    return _SERVER_ENCODING[codec], delimiter, len(next(csv.reader([header], delimiter=delimiter)))


@dataclass
class CopyRun:
    seconds: float
    rows: int
    failed_files: int


def time_copy(conn: psycopg.Connection, payloads: list[bytes], delimiter: str) -> CopyRun:
    """COPY every payload into a text table as wide as its header, one transaction each."""
    # The COPY statements here name tables, columns and a delimiter that vary with
    # each file (and COPY takes no parameters): composed in Python, not in sql/.
    shapes = [_shape(payload, delimiter) for payload in payloads]
    widest = max((width for _, _, width in shapes), default=1)
    conn.execute("DROP TABLE IF EXISTS bench_copy")
    conn.execute("CREATE TABLE bench_copy ({})".format(
        ", ".join(f"c{i} text" for i in range(widest))))
    conn.commit()
    failed = 0
    started = time.perf_counter()
    for payload, (encoding, separator, width) in zip(payloads, shapes, strict=True):
        columns = ", ".join(f"c{i}" for i in range(width))
        statement = (f"COPY bench_copy ({columns}) FROM STDIN WITH (FORMAT csv, HEADER true, "
                     f"DELIMITER {_literal(separator)}, ENCODING '{encoding}')")
        try:
            with conn.cursor() as cursor, cursor.copy(statement) as copy:
                copy.write(payload)
            conn.commit()
        except psycopg.DataError:
            conn.rollback()
            failed += 1
    seconds = time.perf_counter() - started
    rows = conn.execute("SELECT count(*) FROM bench_copy").fetchone()[0]
    return CopyRun(seconds, rows, failed)


def _literal(delimiter: str) -> str:
    return "E'\\t'" if delimiter == "\t" else f"'{delimiter}'"


def read_workbook(path: Path, source_id: str) -> pd.DataFrame:
    """A workbook as the naive baselines read it: ``pandas.read_excel``, all columns text."""
    header_row = open_table(path, SOURCES[source_id]).header_row  # negligible beside read_excel
    # openpyxl: pandas' default workbook reader, named to keep the baseline fixed.
    return pd.read_excel(path, dtype=str, header=header_row - 1, engine="openpyxl")


def time_to_sql(engine, files: list[Path], source_id: str) -> float:
    """Seconds for the naive pandas read + to_sql of every file."""
    source = SOURCES[source_id]
    started = time.perf_counter()
    for number, path in enumerate(files):
        if source.file_format == "csv":
            try:
                frame = pd.read_csv(path, sep=source.delimiter, dtype=str, on_bad_lines="skip",
                                    encoding="utf-8-sig")
            except UnicodeDecodeError:
                frame = pd.read_csv(path, sep=source.delimiter, dtype=str, on_bad_lines="skip",
                                    encoding="cp1252")
        else:
            frame = read_workbook(path, source_id)
        # One table per file: exports of one source differ in their optional columns.
        frame.to_sql(f"bench_to_sql_{source_id}_{number}", engine, if_exists="replace",
                     index=False)
    return time.perf_counter() - started


@dataclass
class IngestRun:
    seconds: float
    rows: int
    batch_ids: list[int]  # the batches loaded


def time_ingest(files: list[Path], settings, url: str) -> IngestRun:
    from pantau.ingest.pipeline import ingest_files

    started = time.perf_counter()
    outcomes = ingest_files(files, settings, url)
    seconds = time.perf_counter() - started
    return IngestRun(seconds, sum(outcome.rows for outcome in outcomes),
                     [outcome.batch_id for outcome in outcomes if outcome.status == "loaded"])


CEILING_SCHEMA = "bench_ceiling"


def _written_tables(conn: psycopg.Connection, source_id: str) -> list[str]:
    """Every table the ingest writes a source's rows to (that exists)."""
    candidates = [f"raw.{source_id}", "raw.extra_field", f"staging.{source_id}",
                  f"staging.{source_id}_lokasi", "audit.parse_problem"]
    return [name for (name,) in conn.execute(sql_files.render("tools/bench_written_tables.sql"),
                                             {"candidates": candidates})]


@dataclass
class WriteRun:
    seconds: float
    rows: int  # rows written, over every table


def time_prepared_write(url: str, source_id: str, batch_ids: list[int]) -> WriteRun:
    """Time COPYing the rows the ingest wrote for ``batch_ids`` again, file by file.

    Each batch's rows are read back first (untimed, one batch at a time, so
    memory stays one file's worth), then written into logged copies of the
    tables (``LIKE ... INCLUDING ALL``: same columns, keys and indexes) and
    committed, as the COPY yardstick commits each file. ``url`` must be able
    to create a schema (the bench's superuser); the copies are dropped after.
    """
    with psycopg.connect(url) as conn:
        tables = _written_tables(conn, source_id)
        conn.execute(f"DROP SCHEMA IF EXISTS {CEILING_SCHEMA} CASCADE")
        conn.execute(f"CREATE SCHEMA {CEILING_SCHEMA}")
        copies = {name: f"{CEILING_SCHEMA}.{name.replace('.', '__')}" for name in tables}
        for name, copy_name in copies.items():
            conn.execute(f"CREATE TABLE {copy_name} (LIKE {name} INCLUDING ALL)")
        conn.commit()
        seconds, written = 0.0, 0
        for batch_id in batch_ids:
            rows = {name: _dump(conn, name, batch_id) for name in tables}
            conn.commit()
            started = time.perf_counter()
            for name, payload in rows.items():
                if payload:
                    written += _load(conn, copies[name], payload)
            conn.commit()
            seconds += time.perf_counter() - started
        conn.execute(f"DROP SCHEMA {CEILING_SCHEMA} CASCADE")
        conn.commit()
    return WriteRun(seconds, written)


def _dump(conn: psycopg.Connection, table: str, batch_id: int) -> bytes:
    out = bytearray()
    with conn.cursor() as cursor, cursor.copy(
            f"COPY (SELECT * FROM {table} WHERE batch_id = {int(batch_id)}) TO STDOUT") as copy:
        for data in copy:
            out += data
    return bytes(out)


def _load(conn: psycopg.Connection, table: str, payload: bytes) -> int:
    with conn.cursor() as cursor:
        with cursor.copy(f"COPY {table} FROM STDIN") as copy:
            copy.write(payload)
        return cursor.rowcount

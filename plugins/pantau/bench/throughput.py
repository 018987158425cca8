"""Ingest throughput beside its two yardsticks, on the same files, per source.

* ``copy``: PostgreSQL's own CSV COPY of each file into a table of text
  columns as wide as the file (logged, no index), the physical limit of
  loading the file here (an XLSX workbook is first turned into CSV text,
  untimed: COPY cannot read workbooks). A file COPY refuses (a ragged or
  truncated export) is counted in ``copy_failed_files``, its time kept;
* ``ingest``: Pantau's ingest of the file (archive, read, normalise, raw and
  staging load, parse problems) into a migrated warehouse;
* ``to_sql``: the naive baseline, ``pandas.read_csv``/``read_excel`` then
  ``DataFrame.to_sql`` through SQLAlchemy.
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

    def to_dict(self) -> dict:
        copy_rate = _rate(self.copy_rows, self.copy_seconds)
        ingest_rate = _rate(self.rows, self.ingest_seconds)
        to_sql_rate = _rate(self.rows, self.to_sql_seconds)
        return {
            **asdict(self),
            "copy_rows_per_s": copy_rate,
            "ingest_rows_per_s": ingest_rate,
            "to_sql_rows_per_s": to_sql_rate,
            "ingest_copy_ratio": round(ingest_rate / copy_rate, 4) if copy_rate else None,
            "ingest_to_sql_ratio": round(ingest_rate / to_sql_rate, 3) if to_sql_rate else None,
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
            header_row = open_table(path, source).header_row  # negligible beside read_excel
            # openpyxl: pandas' default workbook reader, named to keep the baseline fixed.
            frame = pd.read_excel(path, dtype=str, header=header_row - 1, engine="openpyxl")
        # One table per file: exports of one source differ in their optional columns.
        frame.to_sql(f"bench_to_sql_{source_id}_{number}", engine, if_exists="replace",
                     index=False)
    return time.perf_counter() - started


def time_ingest(files: list[Path], settings, url: str) -> tuple[float, int]:
    from pantau.ingest.pipeline import ingest_files

    started = time.perf_counter()
    rows = sum(outcome.rows for outcome in ingest_files(files, settings, url))
    return time.perf_counter() - started, rows

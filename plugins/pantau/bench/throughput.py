"""Ingest throughput beside its two yardsticks, on the same files, per source.

* ``copy``: PostgreSQL COPY of each file's lines into a one-column table, the
  physical limit of getting the bytes into the server here (an XLSX workbook
  is first turned into CSV text, untimed: COPY cannot read workbooks);
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
from pantau.sources.readers import open_table


@dataclass
class SourceThroughput:
    source: str
    files: int
    rows: int
    bytes: int
    copy_seconds: float
    ingest_seconds: float
    to_sql_seconds: float

    def _rate(self, seconds: float) -> float:
        return round(self.rows / seconds, 1) if seconds else 0.0

    def to_dict(self) -> dict:
        copy_rate, ingest_rate = self._rate(self.copy_seconds), self._rate(self.ingest_seconds)
        to_sql_rate = self._rate(self.to_sql_seconds)
        return {
            **asdict(self),
            "copy_rows_per_s": copy_rate,
            "ingest_rows_per_s": ingest_rate,
            "to_sql_rows_per_s": to_sql_rate,
            "ingest_copy_ratio": round(ingest_rate / copy_rate, 4) if copy_rate else None,
            "ingest_to_sql_ratio": round(ingest_rate / to_sql_rate, 3) if to_sql_rate else None,
        }


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


def time_copy(conn: psycopg.Connection, payloads: list[bytes]) -> tuple[float, int]:
    """Seconds to COPY every payload's lines; and the data lines counted by the server."""
    conn.execute("CREATE UNLOGGED TABLE IF NOT EXISTS bench_copy (line text)")
    conn.execute("TRUNCATE bench_copy")
    conn.commit()
    # \x01 and \x02 never occur in an export: each line becomes one field.
    statement = ("COPY bench_copy (line) FROM STDIN WITH (FORMAT csv, HEADER true, "
                 "DELIMITER E'\\x01', QUOTE E'\\x02', ENCODING '{}')")
    started = time.perf_counter()
    for payload in payloads:
        encoding = "UTF8"
        try:
            payload.decode("utf-8")
        except UnicodeDecodeError:
            encoding = "WIN1252"
        with conn.cursor() as cursor, cursor.copy(statement.format(encoding)) as copy:
            copy.write(payload)
        conn.commit()
    seconds = time.perf_counter() - started
    lines = conn.execute("SELECT count(*) FROM bench_copy WHERE line <> ''").fetchone()[0]
    return seconds, lines


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
            frame = pd.read_excel(path, dtype=str, header=header_row - 1)
        # One table per file: exports of one source differ in their optional columns.
        frame.to_sql(f"bench_to_sql_{source_id}_{number}", engine, if_exists="replace",
                     index=False)
    return time.perf_counter() - started


def time_ingest(files: list[Path], settings, url: str) -> tuple[float, int]:
    from pantau.ingest.pipeline import ingest_file

    started = time.perf_counter()
    rows = 0
    for path in files:
        rows += ingest_file(path, settings, url).rows
    return time.perf_counter() - started, rows

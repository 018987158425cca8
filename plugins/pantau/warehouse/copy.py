"""Bulk loading: DataFrames into PostgreSQL with COPY, never row by row.

Frames are serialised to COPY's CSV format by Arrow's C++ CSV writer, quoting
every non-null value: a quoted empty field is an empty string, an unquoted
one is NULL, so an empty string stays distinct from a missing value and raw
rows stay exactly as delivered. A frame Arrow cannot type (mixed objects)
falls back to COPY's text format built with pandas string kernels.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
import psycopg
import pyarrow as pa
import pyarrow.csv as pa_csv
from psycopg import sql

_BATCH_BYTES = 8 << 20  # hand psycopg ~8 MiB at a time


def _escape(values: pd.Series) -> pd.Series:
    if pd.api.types.is_bool_dtype(values):
        values = values.map({True: "t", False: "f"})
    text = values.astype("string")
    if not text.str.contains("[\\\\\t\n\r]", regex=True).any():
        return text.fillna("\\N")  # nothing to escape: skip four passes
    text = (
        text.str.replace("\\", "\\\\", regex=False)
        .str.replace("\t", "\\t", regex=False)
        .str.replace("\n", "\\n", regex=False)
        .str.replace("\r", "\\r", regex=False)
    )
    return text.fillna("\\N")


def to_copy_text(frame: pd.DataFrame) -> str:
    """The rows of ``frame`` in COPY text format, one line per row."""
    if frame.empty:
        return ""
    columns = [_escape(frame[name]) for name in frame.columns]
    lines = columns[0].str.cat(columns[1:], sep="\t") if len(columns) > 1 else columns[0]
    return "\n".join(lines.tolist()) + "\n"


_CSV_OPTIONS = pa_csv.WriteOptions(include_header=False, quoting_style="all_valid")


def to_copy_csv(frame: pd.DataFrame) -> bytes | None:
    """The rows of ``frame`` as COPY CSV (None when Arrow cannot type a column)."""
    try:
        table = pa.Table.from_pandas(frame, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return None
    out = io.BytesIO()
    pa_csv.write_csv(table, out, _CSV_OPTIONS)
    return out.getvalue()


@dataclass(frozen=True)
class CopyPayload:
    """Rows of one frame serialised for COPY into ``table``: made anywhere, written later.

    The ingest prepares payloads in worker processes (pickled back as bytes)
    while its own process COPYs the previous ones.
    """

    table: str  # schema.table
    columns: tuple[str, ...]
    data: bytes
    csv: bool  # COPY's CSV format; False: its text format
    rows: int


def copy_payload(table: str, frame: pd.DataFrame) -> CopyPayload | None:
    """``frame`` serialised for COPY into ``schema.table`` (None when it has no rows)."""
    if frame.empty:
        return None
    data = to_copy_csv(frame)
    is_csv = data is not None
    if data is None:
        data = to_copy_text(frame).encode("utf-8")
    return CopyPayload(table, tuple(frame.columns), data, is_csv, len(frame))


def write_payload(conn: psycopg.Connection, payload: CopyPayload) -> int:
    """COPY a prepared payload (columns matched by name); return its rows."""
    schema, name = payload.table.split(".", 1)
    statement = sql.SQL("COPY {}.{} ({}) FROM STDIN{}").format(
        sql.Identifier(schema),
        sql.Identifier(name),
        sql.SQL(", ").join(sql.Identifier(column) for column in payload.columns),
        sql.SQL(" (FORMAT csv)") if payload.csv else sql.SQL(""),
    )
    data = payload.data
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for start in range(0, len(data), _BATCH_BYTES):
            copy.write(data[start:start + _BATCH_BYTES])
    return payload.rows


def copy_frame(conn: psycopg.Connection, table: str, frame: pd.DataFrame) -> int:
    """COPY ``frame`` into ``schema.table`` (columns matched by name); return rows."""
    payload = copy_payload(table, frame)
    return write_payload(conn, payload) if payload is not None else 0

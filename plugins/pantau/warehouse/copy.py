"""Bulk loading: DataFrames into PostgreSQL with COPY, never row by row.

Frames are serialised to COPY's CSV format by Arrow's C++ CSV writer, quoting
every non-null value: a quoted empty field is an empty string, an unquoted
one is NULL, so an empty string stays distinct from a missing value and raw
rows stay exactly as delivered. A frame Arrow cannot type (mixed objects)
falls back to COPY's text format built with pandas string kernels.
"""

from __future__ import annotations

import io

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


def copy_frame(conn: psycopg.Connection, table: str, frame: pd.DataFrame) -> int:
    """COPY ``frame`` into ``schema.table`` (columns matched by name); return rows."""
    if frame.empty:
        return 0
    schema, name = table.split(".", 1)
    payload = to_copy_csv(frame)
    form = sql.SQL(" (FORMAT csv)") if payload is not None else sql.SQL("")
    if payload is None:
        payload = to_copy_text(frame).encode("utf-8")
    statement = sql.SQL("COPY {}.{} ({}) FROM STDIN{}").format(
        sql.Identifier(schema),
        sql.Identifier(name),
        sql.SQL(", ").join(sql.Identifier(column) for column in frame.columns),
        form,
    )
    with conn.cursor() as cursor, cursor.copy(statement) as copy:
        for start in range(0, len(payload), _BATCH_BYTES):
            copy.write(payload[start:start + _BATCH_BYTES])
    return len(frame)

"""Column names of a CREATE TABLE file in sql/, for tests that compare DDL with code."""

from __future__ import annotations

import re
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
# A column definition: its name (p3mi has a digit) and one of the types Pantau uses.
_COLUMN = r"^\s+[a-z_][a-z_0-9]*\s+(text|date|integer|char|numeric|smallint|bigint|boolean)"


def ddl_columns(ddl: str) -> list[str]:
    body = ddl[ddl.index("(") + 1:]
    return [line.split()[0] for line in body.splitlines()
            if re.match(_COLUMN, line)]


def staging_columns(source_id: str) -> list[str]:
    return ddl_columns((SQL_DIR / "staging" / f"stg_{source_id}.sql").read_text())

"""COPY serialisation, and the SQL DDL agreeing with the source catalog."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from pantau.sources.catalog import SOURCES
from pantau.warehouse.copy import to_copy_text
from tests.support.ddl import SQL_DIR, ddl_columns


def test_copy_text_escapes_and_keeps_empty_distinct_from_null() -> None:
    frame = pd.DataFrame({"a": pd.array(["x\ty", "", None, "back\\slash\nline"],
                                        dtype="string"),
                          "n": pd.array([1, 2, None, 4], dtype="Int64")})
    assert to_copy_text(frame) == "x\\ty\t1\n\t2\n\\N\t\\N\nback\\\\slash\\nline\t4\n"


@pytest.mark.parametrize("source", list(SOURCES.values()), ids=lambda s: s.id)
def test_raw_ddl_has_one_text_column_per_source_column(source) -> None:
    ddl = (SQL_DIR / "raw" / f"raw_{source.id}.sql").read_text()
    assert ddl_columns(ddl) == ["batch_id", "row_number", *(c.raw_name for c in source.columns)]


@pytest.mark.parametrize("source", list(SOURCES.values()), ids=lambda s: s.id)
def test_staging_ddl_has_every_target_column(source) -> None:
    ddl = (SQL_DIR / "staging" / f"stg_{source.id}.sql").read_text()
    columns = ddl_columns(ddl)
    assert columns[:2] == ["batch_id", "row_number"]
    assert {c.target for c in source.columns if c.staged} <= set(columns)
    assert not {c.target for c in source.columns if not c.staged} & set(columns)


def test_every_sql_file_is_applied_by_a_migration() -> None:
    versions = SQL_DIR.parent / "plugins/pantau/warehouse/migrations/versions"
    # Each revision runs the files it lists from its own folder (0003_star_schema.py:
    # 0003_star_schema/). sql/'s layer files are checked against the migrations by
    # tests/integration/test_schema_file.py.
    listed = {f"{p.stem}/{name}" for p in versions.glob("*.py")
              for name in re.findall(r'"([a-z_]+/[a-z_0-9]+\.sql)"', p.read_text())}
    on_disk = {p.relative_to(versions).as_posix() for p in versions.rglob("*.sql")}
    assert on_disk == listed

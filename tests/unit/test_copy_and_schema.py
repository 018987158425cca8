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
    assert {c.target for c in source.columns} <= set(columns)


def test_every_sql_file_is_applied_by_a_migration() -> None:
    versions = (SQL_DIR.parent / "plugins/pantau/warehouse/migrations/versions").glob("*.py")
    listed = set(re.findall(r'"([a-z_]+/[a-z_0-9]+\.sql)"', "".join(p.read_text()
                                                                      for p in versions)))
    # sql/quality, sql/ingest, sql/build and sql/rules hold queries that run at run time,
    # not schema.
    on_disk = {p.relative_to(SQL_DIR).as_posix() for p in SQL_DIR.rglob("*.sql")
               if p.parent.name not in {"quality", "ingest", "build", "rules"}}
    assert on_disk == listed

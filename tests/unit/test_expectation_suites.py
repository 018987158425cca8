"""The reviewed GX suites in expectations/: they load, cover every source, and say why."""

from __future__ import annotations

import json
import re
from pathlib import Path

import great_expectations as gx
import pytest

from pantau.sources.catalog import SOURCES
from tests.support.ddl import staging_columns

EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"
PERSONAL = {c.target for s in SOURCES.values() for c in s.columns if c.personal} - {"nik"}


def _suite(source: str) -> dict:
    return json.loads((EXPECTATIONS / f"{source}.json").read_text(encoding="utf-8"))


def test_there_is_one_suite_per_source_and_nothing_else() -> None:
    assert {p.stem for p in EXPECTATIONS.glob("*.json")} == set(SOURCES)


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_suite_loads_in_gx_and_every_expectation_says_its_severity_and_reason(source) -> None:
    document = _suite(source)
    suite = gx.ExpectationSuite(**document)
    assert suite.name == source
    assert len(suite.expectations) == len(document["expectations"]) >= 8
    for expectation in document["expectations"]:
        meta = expectation["meta"]
        assert meta["severity"] in {"row", "batch"}, expectation
        assert meta["reason_id"].strip() and meta["reason_en"].strip(), expectation
    severities = {e["meta"]["severity"] for e in document["expectations"]}
    assert severities == {"row", "batch"}


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_suites_name_only_staging_columns_and_row_rules_select_row_numbers(source) -> None:
    columns = set(staging_columns(source))
    for expectation in _suite(source)["expectations"]:
        kwargs = expectation["kwargs"]
        if "column" in kwargs:
            assert kwargs["column"] in columns, kwargs["column"]
        if query := kwargs.get("unexpected_rows_query"):
            assert "{batch}" in query
            selected = re.match(r"SELECT (.+?) FROM", query).group(1)
            assert selected == "row_number", query  # no personal values in results
            assert not PERSONAL & set(re.findall(r"[a-z_]+", selected))

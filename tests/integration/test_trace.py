"""`pantau trace`: every figure of every built region equals its rows, read as the auditor."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import psycopg
import pytest
from typer.testing import CliRunner

from pantau.cli import app
from pantau.periods import Period
from pantau.reports import trace as tracing
from pantau.warehouse import person_key
from pantau.warehouse.connection import connect
from tests.support.small_demo import BUILT_KEY, PERIODS
from tests.support.trace_checks import (
    assert_every_figure_traced,
    assert_provinces_are_unions,
    regions_with_data,
)
from tests.support.warehouses import Snapshot, module_warehouse


@pytest.fixture(scope="module")
def built(server_url: str, small_demo_built: Snapshot, tmp_path_factory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, BUILT_KEY)
        with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                              small_demo_built) as url:
            yield url


def test_every_figure_equals_its_trace(built: str) -> None:
    with connect("auditor", url=built) as conn:
        assert assert_every_figure_traced(conn, PERIODS) > 50


def test_province_is_the_union_of_its_regencies(built: str) -> None:
    with connect("auditor", url=built) as conn:
        assert assert_provinces_are_unions(conn, PERIODS) > 0


def test_trace_as_auditor_reads_no_personal_layer(built: str) -> None:
    with connect("auditor", url=built) as conn:
        for schema in ("pii", "raw", "staging"):
            assert not conn.execute("SELECT has_schema_privilege(current_user, %s, 'USAGE')",
                                    (schema,)).fetchone()[0]
        region = regions_with_data(conn, PERIODS[-1])[-1]
        found = tracing.trace(conn, Period.parse(PERIODS[-1]), region, "foreigners_total")
        assert found.rows
        touched = conn.execute(
            "SELECT schemaname, relname FROM pg_stat_xact_user_tables "
            "WHERE schemaname IN ('pii', 'raw', 'staging') "
            "AND coalesce(seq_scan, 0) + coalesce(idx_scan, 0) > 0").fetchall()
        assert touched == []
        read = {schema for (schema,) in conn.execute(
            "SELECT DISTINCT schemaname FROM pg_stat_xact_user_tables "
            "WHERE coalesce(seq_scan, 0) + coalesce(idx_scan, 0) > 0")}
        assert read <= {"mart", "audit"}


def _regency(built: str) -> str:
    with connect("auditor", url=built) as conn:
        return next(code for code in regions_with_data(conn, PERIODS[-1]) if "." in code)


def test_cli_json_and_csv(built: str) -> None:
    runner = CliRunner()
    region = _regency(built)
    result = runner.invoke(app, ["trace", PERIODS[-1], region, "foreigners_total",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows
    for row in rows:
        assert {"source", "file", "sha256", "row_number", "batch_id", "snapshot_date",
                "masked_id", "link_method"} <= set(row)
        assert row["masked_id"] is None or set(row["masked_id"][2:]) <= {"*"}
    assert {row["link_method"] for row in rows} <= {"passport", "unlinked"}
    result = runner.invoke(app, ["trace", PERIODS[-1], region, "dkptka_due_usd",
                                 "--format", "csv"])
    assert result.exit_code == 0, result.output
    table = list(csv.DictReader(io.StringIO(result.stdout)))
    assert table and all(float(row["amount"]) > 0 for row in table)
    result = runner.invoke(app, ["trace", PERIODS[-1], region, "registered_total"])
    assert result.exit_code == 0, result.output
    assert "registered_total" in result.stdout


def test_cli_exits_1_when_rows_and_figure_differ(built: str) -> None:
    region = _regency(built)
    with psycopg.connect(built, autocommit=True) as conn:
        conn.execute("DELETE FROM mart.figure_row WHERE ctid IN (SELECT ctid FROM mart.figure_row "
                     "WHERE period = %s AND region_code = %s AND figure = 'foreigners_total' "
                     "LIMIT 1)", (PERIODS[-1], region))
    result = CliRunner().invoke(app, ["trace", PERIODS[-1], region, "foreigners_total"])
    assert result.exit_code == 1
    assert "do not add up" in result.output
    result = CliRunner().invoke(app, ["trace", PERIODS[-1], region, "no_such_figure"])
    assert result.exit_code == 2

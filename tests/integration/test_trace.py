"""`pantau trace`: every figure of every built region equals its rows, read as the auditor.

The pmi object's figures too (``pmi.returnees OVERSTAY`` ...), in a regency
and its province, where a person the province's regencies both indicate
counts once; and the audit pack of both holds no personal value.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from typer.testing import CliRunner

from pantau.build.period import PMI_SOURCE_IDS, build_period
from pantau.cli import app
from pantau.periods import Period
from pantau.reports import context
from pantau.reports import trace as tracing
from pantau.warehouse import person_key
from pantau.warehouse.connection import connect
from tests.support.small_demo import BUILT_KEY, PERIODS
from tests.support.trace_checks import (
    assert_every_figure_traced,
    assert_provinces_are_unions,
    figure_keys,
    regions_with_data,
)
from tests.support.warehouses import Snapshot, module_warehouse, warehouse_copy

# The fact table each PMI source's rows are loaded into.
PMI_FACTS = {"kp2mi_penempatan": "core.fact_pmi_placement",
             "imigrasi_paspor": "core.fact_passport_application",
             "imigrasi_penundaan": "core.fact_departure_postponement",
             "bp3mi_pemulangan": "core.fact_pmi_return"}
# A masked identifier: two characters at most, then stars (pantau.warehouse.masking).
MASKED = re.compile(r"[0-9A-Z]{0,2}\*+")


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


# ------------------------------------------------------------------ PMI


def _pmi_regency(conn: psycopg.Connection, period: str) -> tuple[str, str]:
    """The regency with most persons indicated (placements, then code), and its province."""
    return conn.execute(
        "SELECT region_code, province_code FROM mart.region_figures "
        "WHERE period = %s AND level = 'regency' AND pmi_placements_departed > 0 "
        "ORDER BY pmi_persons_indicated DESC, pmi_placements_departed DESC, region_code "
        "LIMIT 1", (period,)).fetchone()


def _traces(conn: psycopg.Connection, period: str, region: str) -> list[tracing.Trace]:
    figures = context.figures_json(context.load(conn, Period.parse(period), region))
    return [tracing.trace(conn, Period.parse(period), region, figure, category)
            for figure, category in figure_keys(figures, tracing.PMI_FIGURES)]


@pytest.mark.parametrize("period", PERIODS)
def test_every_pmi_figure_equals_its_trace_in_a_regency_and_its_province(
        built: str, period: str) -> None:
    with connect("auditor", url=built) as conn:
        regency, province = _pmi_regency(conn, period)
        for region in (regency, province):
            found = _traces(conn, period, region)
            mismatched = [(t.figure, t.category, t.value, t.traced) for t in found
                          if not t.matches]
            assert not mismatched, (region, mismatched)
            # Not vacuous: every family of the pmi object has a number above zero here.
            assert {t.figure for t in found if t.value > 0} == set(tracing.PMI_FIGURES), region
            rows = [row for t in found for row in t.rows]
            assert {row["source"] for row in rows} == set(PMI_SOURCE_IDS)
            assert all(row["sha256"] and row["file"] for row in rows)
            assert all(MASKED.fullmatch(row["masked_id"]) for row in rows
                       if row["masked_id"] is not None)
            assert any(row["masked_id"] for row in rows)
            # The person-counting figures list a person's every row, counted once.
            by_person = [t for t in found if t.figure in ("pmi.indications",
                                                         "pmi.priority_areas.persons_indicated")]
            assert all(len(t.rows) == t.row_count >= t.units for t in by_person)
            assert any(t.row_count > t.units for t in by_person), region


def test_cli_traces_a_pmi_figure_by_its_figures_json_path(built: str) -> None:
    runner = CliRunner()
    with connect("auditor", url=built) as conn:
        regency, _ = _pmi_regency(conn, PERIODS[-1])
        pmi = context.figures_json(context.load(conn, Period.parse(PERIODS[-1]), regency))["pmi"]
    case = max(sorted(pmi["returnees"]), key=lambda key: pmi["returnees"][key])
    area = pmi["priority_areas"][0]
    for args, value in ((["pmi.returnees", case], pmi["returnees"][case]),
                        (["pmi.passports_withheld_pmi"], pmi["passports_withheld_pmi"]),
                        (["pmi.priority_areas.persons_indicated", area["code"]],
                         area["persons_indicated"])):
        result = runner.invoke(app, ["trace", PERIODS[-1], regency, *args, "--format", "json"])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.stdout)
        assert rows and value > 0
        assert f"figure {value}, traced {value} " in result.stderr
        assert all(row["masked_id"] is None or MASKED.fullmatch(row["masked_id"])
                   for row in rows)
    result = runner.invoke(app, ["trace", PERIODS[-1], regency, "pmi.indications"])
    assert result.exit_code == 2
    assert "needs a category" in result.output
    result = runner.invoke(app, ["trace", PERIODS[-1], regency, "returnees", case])
    assert result.exit_code == 2  # the pmi object's figures go by their path


def _move_one_row(conn: psycopg.Connection, period: str) -> tuple[str, str, str, str]:
    """Move one of the rows by which a rule indicates a person twice to another regency of
    the same province, in core (its origin): the person now has indicated rows in two
    regencies. Returns the rule, the two regencies and the province."""
    rule, batch_id, row_number, regency, province = conn.execute(
        "SELECT i.rule_code, i.batch_id, i.row_number, i.regency_code, r.province_code "
        "  FROM core.fact_pmi_indication AS i "
        "  JOIN core.dim_region AS r ON r.region_code = i.regency_code "
        " WHERE i.period = %s AND (i.rule_code, i.person_key) IN ("
        "       SELECT rule_code, person_key FROM core.fact_pmi_indication WHERE period = %s "
        "        GROUP BY rule_code, person_key HAVING count(*) > 1) "
        " ORDER BY i.rule_code, i.batch_id DESC, i.row_number DESC LIMIT 1",
        (period, period)).fetchone()
    other = conn.execute(
        "SELECT region_code FROM core.dim_region WHERE level = 'regency' "
        "AND province_code = %s AND region_code <> %s ORDER BY region_code LIMIT 1",
        (province, regency)).fetchone()[0]
    source = conn.execute("SELECT source FROM audit.batch WHERE batch_id = %s",
                          (batch_id,)).fetchone()[0]
    moved = conn.execute(
        f"UPDATE {PMI_FACTS[source]} SET origin_regency_code = %s, origin_district_code = NULL "
        "WHERE batch_id = %s AND row_number = %s", (other, batch_id, row_number)).rowcount
    assert moved == 1
    return rule, regency, other, province


def test_a_province_counts_a_person_its_regencies_both_indicate_once(
        server_url: str, small_demo_built: Snapshot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    period = PERIODS[-1]
    monkeypatch.setenv(person_key.ENV, BUILT_KEY)
    with warehouse_copy(server_url, small_demo_built, tmp_path / "archive", monkeypatch) as url:
        with psycopg.connect(url) as conn:
            rule, first, second, province = _move_one_row(conn, period)
            conn.commit()
        build_period(Period.parse(period))
        with connect("auditor", url=url) as conn:
            found = {region: tracing.trace(conn, Period.parse(period), region,
                                           "pmi.indications", rule)
                     for region in (first, second, province)}
    assert all(t.matches for t in found.values()), found
    persons = {region: {row["unit_key"] for row in t.rows} for region, t in found.items()}
    assert persons[first] & persons[second]  # one person, indicated in both regencies
    assert persons[province] == persons[first] | persons[second]
    assert found[province].value == len(persons[province])
    assert found[province].value < found[first].value + found[second].value
    assert found[province].row_count == found[first].row_count + found[second].row_count


def _personal_values(conn: psycopg.Connection) -> tuple[set[str], set[str]]:
    """Every personal value the warehouse holds: identifiers (NIK, passport, permit number,
    a name as the identity map normalises it) and the names as delivered."""
    identifiers = {value for (value,) in conn.execute(
        "SELECT split_part(identifier, '|', 1) FROM pii.pmi_identity "
        "UNION SELECT passport_number FROM pii.person "
        "UNION SELECT permit_number FROM pii.stay_permit")}
    names = set()
    for source in PMI_SOURCE_IDS:
        for name, nik, passport in conn.execute(
                f"SELECT full_name, nik, passport_number FROM staging.{source}"):
            names.add(name)
            identifiers.update(value for value in (nik, passport) if value)
    return {value.upper() for value in identifiers if value}, {n for n in names if n}


def test_the_audit_pack_of_the_pmi_figures_holds_no_personal_value(built: str,
                                                                  tmp_path: Path) -> None:
    from pantau.reports.render import render_period

    period = PERIODS[-1]
    with connect("auditor", url=built) as conn:
        regency, province = _pmi_regency(conn, period)
    with psycopg.connect(built) as conn:
        identifiers, names = _personal_values(conn)
    assert len(identifiers) > 1000 and len(names) > 1000
    rendered = render_period(Period.parse(period), tmp_path, [regency, province],
                             formats=("figures.json",))
    assert len(rendered) == 2
    header = ["figure", "category", *tracing.COLUMNS]
    for item in rendered:
        audit = item.directory / "audit"
        for family in tracing.PMI_FIGURES:
            with (audit / f"{family}.csv").open(newline="", encoding="utf-8") as handle:
                rows = list(csv.reader(handle))
            assert rows[0] == header, family  # no column beyond the trace's
            assert len(rows) > 1, (item.region_code, family)
            masked = rows[0].index("masked_id")
            assert all(MASKED.fullmatch(row[masked]) for row in rows[1:] if row[masked])
        index = (audit / "index.html").read_text("utf-8")
        pmi_lines = [line for line in index.splitlines()
                     if line.startswith('<tr><td><a href="#pmi.')]
        assert len(pmi_lines) > len(tracing.PMI_FIGURES)
        assert not [line for line in pmi_lines if " mismatch" in line]  # each equals its rows
        for figure in tracing.PMI_FIGURES:
            assert f'id="{figure}-' in index, figure
        for path in sorted(audit.iterdir()):
            text = path.read_text("utf-8")
            tokens = {token.upper() for token in re.findall(r"[0-9A-Za-z]+", text)}
            cells = (set(re.findall(r">([^<>]+)<", text)) if path.suffix == ".html"
                     else {cell for row in csv.reader(io.StringIO(text)) for cell in row})
            assert not tokens & identifiers, (path.name, sorted(tokens & identifiers)[:3])
            assert not cells & names, (path.name, sorted(cells & names)[:3])

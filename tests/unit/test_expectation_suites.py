"""The reviewed GX suites in expectations/: they load, cover every source, and say why."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import great_expectations as gx
import pytest

from pantau.quality.suites import VOLUME_SUITE, SuiteError, load_suite, load_suites
from pantau.sources.catalog import SOURCES
from tests.support.ddl import staging_columns

EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"
PERSONAL = {c.target for s in SOURCES.values() for c in s.columns if c.personal}
# What every PMI suite covers (issue 24), beside its value sets and own rules.
PMI_RULES = {"value_unreadable", "region_mapped", "country_mapped", "birth_date_plausible",
             "date_not_before_birth", "duplicate_row", "natural_key_conflict",
             "required_column_empty", "unmapped_region_share", "staging_columns", "nik_format",
             "passport_format"}
ISSUE_COVERAGE = {  # what the quality-gate issue asks every suite set to cover
    "imigrasi_izin_tinggal": {"permit_type_known", "permit_status_known", "sex_code",
                              "passport_format", "expiry_not_before_issue",
                              "birth_date_plausible", "nationality_mapped", "region_mapped",
                              "natural_key_conflict", "unmapped_region_share",
                              "required_column_empty", "staging_columns"},
    "imigrasi_tindakan": {"action_type_known", "passport_present", "passport_format",
                          "nationality_mapped",
                          "region_mapped", "natural_key_conflict", "unmapped_region_share"},
    "tenaga_kerja_tka": {"nib_format", "kbli_format", "kbji_format", "passport_format",
                         "rptka_end_not_before_start", "region_mapped", "sex_code",
                         "natural_key_conflict", "unmapped_region_share"},
    "dukcapil_orang_asing": {"nik_format", "document_type_known", "document_status_known",
                             "sex_code", "validity_not_before_issue", "birth_date_plausible",
                             "natural_key_conflict", "unmapped_region_share"},
    "kp2mi_penempatan": {*PMI_RULES, "scheme_known", "sector_known", "placement_status_known",
                         "departed_has_date"},
    "imigrasi_paspor": {*PMI_RULES, "purpose_known", "application_status_known",
                        "reason_known", "issued_has_passport", "passport_without_issue",
                        "issue_not_before_application"},
    "imigrasi_penundaan": {*PMI_RULES, "purpose_known", "reason_known", "handed_to_known"},
    "bp3mi_pemulangan": {*PMI_RULES, "case_type_known"},
    "timpora_operasi": {"staging_columns", "required_column_empty", "unmapped_region_share",
                        "value_unreadable", "duplicate_row", "natural_key_conflict",
                        "region_mapped", "nib_format", "site_kind_known", "count_not_negative",
                        "findings_within_checked", "visit_date_not_after_snapshot"},
    VOLUME_SUITE: {"row_count_collapse"},
}


def _outer_select(query: str) -> str:
    """The select list of the outermost SELECT (nested parentheses skipped)."""
    body = re.match(r"SELECT (?:DISTINCT )?(.*)", query, re.S).group(1)
    depth = 0
    for position, char in enumerate(body):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0 and body.startswith(" FROM ", position):
            return body[:position]
    raise AssertionError(f"no FROM in {query}")


def _document(name: str) -> dict:
    """The suite as GX receives it: each row query read from the .sql file it names."""
    return load_suite(EXPECTATIONS / f"{name}.json").document


def test_one_suite_per_source_plus_the_snapshot_volume_checks() -> None:
    assert {p.stem for p in EXPECTATIONS.glob("*.json")} == set(SOURCES) | {VOLUME_SUITE}
    assert set(load_suites(EXPECTATIONS)) == set(SOURCES) | {VOLUME_SUITE}


@pytest.mark.parametrize("name", sorted(ISSUE_COVERAGE))
def test_suite_loads_in_gx_and_covers_what_the_issue_asks(name: str) -> None:
    document = _document(name)
    suite = gx.ExpectationSuite(**document)
    assert suite.name == name
    assert len(suite.expectations) == len(document["expectations"])
    rules = {rule.rule: rule for rule in load_suite(EXPECTATIONS / f"{name}.json").rules}
    assert ISSUE_COVERAGE[name] <= set(rules)
    assert {"row", "batch", "note"} >= {rule.severity for rule in rules.values()}
    for rule in rules.values():
        assert rule.reason_id and rule.reason_en and rule.reason_id != rule.reason_en


@pytest.mark.parametrize("source", sorted(SOURCES))
def test_suites_name_real_columns_and_row_queries_select_no_personal_value(source) -> None:
    columns = set(staging_columns(source))
    headers = set(SOURCES[source].headers)
    severities = {e["meta"]["severity"] for e in _document(source)["expectations"]}
    assert {"row", "batch"} <= severities <= {"row", "batch", "note"}
    for expectation in _document(source)["expectations"]:
        kwargs, meta = expectation["kwargs"], expectation["meta"]
        if "column" in kwargs:
            assert kwargs["column"] in columns, kwargs["column"]
        if "column" in meta:
            assert meta["column"] in headers, meta["column"]
        if query := kwargs.get("unexpected_rows_query"):
            assert "{batch}" in query
            selected = _outer_select(query)
            assert "batch_id" in selected, query  # the gate needs to know the file
            # Only ids, column names, counts and non-personal values reach a result.
            assert not PERSONAL & set(re.findall(r"[a-z_]+", selected)), query


def test_a_suite_without_severity_or_reason_is_refused_with_its_file_named(tmp_path) -> None:
    for name in [*SOURCES, VOLUME_SUITE]:
        shutil.copy(EXPECTATIONS / f"{name}.json", tmp_path)
    shutil.copytree(EXPECTATIONS / "sql", tmp_path / "sql")
    broken = json.loads((EXPECTATIONS / "imigrasi_tindakan.json").read_text(encoding="utf-8"))
    del broken["expectations"][3]["meta"]["severity"]
    (tmp_path / "imigrasi_tindakan.json").write_text(json.dumps(broken))
    with pytest.raises(SuiteError, match=r"imigrasi_tindakan.json: expectation 4 .* severity"):
        load_suites(tmp_path)
    broken["expectations"][3]["meta"]["severity"] = "warning"
    (tmp_path / "imigrasi_tindakan.json").write_text(json.dumps(broken))
    with pytest.raises(SuiteError, match="row, batch or note"):
        load_suites(tmp_path)
    (tmp_path / "imigrasi_tindakan.json").unlink()
    with pytest.raises(SuiteError, match="no suite for imigrasi_tindakan"):
        load_suites(tmp_path)


def test_a_suite_hash_covers_the_sql_files_it_names(tmp_path) -> None:
    shutil.copy(EXPECTATIONS / "imigrasi_tindakan.json", tmp_path)
    shutil.copytree(EXPECTATIONS / "sql", tmp_path / "sql")
    before = load_suite(tmp_path / "imigrasi_tindakan.json")
    assert before.sha256 == load_suite(EXPECTATIONS / "imigrasi_tindakan.json").sha256
    named = tmp_path / "sql" / "imigrasi_tindakan__duplicate_row.sql"
    assert named in before.sql_files
    named.write_text(named.read_text() + "-- reviewed again\n")
    after = load_suite(tmp_path / "imigrasi_tindakan.json")
    assert after.document == before.document and after.sha256 != before.sha256

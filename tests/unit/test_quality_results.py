"""From one GX result to failing rows and per-batch results (no database needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from pantau.quality.results import (
    per_batch_results,
    rejected_batches,
    row_failures,
    rule_outcome,
    trim_for_docs,
)
from pantau.quality.suites import Rule


def _rule(name: str, kind: str, severity: str = "row", column: str | None = "NIB") -> Rule:
    return Rule(name, kind, severity, f"alasan {name}", f"reason {name}",
                "nib" if column else None, column)


def _result(success: bool, result: dict, exception_info: dict | None = None):
    return SimpleNamespace(success=success, result=result, exception_info=exception_info or {})


COLUMN = "expect_column_values_to_match_regex"
ROWS = "unexpected_rows_expectation"


def test_column_expectation_ids_come_from_the_unexpected_index_list() -> None:
    result = _result(False, {"unexpected_count": 3, "unexpected_index_list": [
        {"batch_id": [7, 7, 9], "row_number": [2, 5, 4]}]})
    outcome = rule_outcome(_rule("nib_format", COLUMN), result, lambda: [])
    assert outcome.failures[["batch_id", "row_number"]].values.tolist() == [[7, 2], [7, 5], [9, 4]]
    assert set(outcome.failures["column_name"]) == {"NIB"}


def test_row_query_fetches_every_row_when_gx_capped_them() -> None:
    capped = [{"batch_id": 1, "row_number": n} for n in range(200)]
    full = [*capped, {"batch_id": 2, "row_number": 1}]
    result = _result(False, {"observed_value": 201, "details": {"unexpected_rows": capped}})
    outcome = rule_outcome(_rule("dup", ROWS, column=None), result, lambda: full)
    assert len(outcome.failures) == 201
    result = _result(False, {"observed_value": 2, "details": {"unexpected_rows": full[:2]}})
    outcome = rule_outcome(_rule("dup", ROWS, column=None), result, lambda: 1 / 0)
    assert len(outcome.failures) == 2


def test_a_gx_error_is_kept_not_taken_for_success() -> None:
    result = _result(False, {}, {"metric.id": {"raised_exception": True,
                                               "exception_message": "column x missing"}})
    outcome = rule_outcome(_rule("nib_format", COLUMN), result, lambda: [])
    assert outcome.exception == "column x missing"
    frame = per_batch_results([outcome], pd.Series({4: 10}))
    assert frame.loc[0, "success"] == False  # noqa: E712 (numpy bool)
    assert frame.loc[0, "exception"] == "column x missing"


def test_per_batch_counts_rejections_and_rows_held() -> None:
    row = rule_outcome(_rule("nib_format", COLUMN), _result(False, {"unexpected_index_list": [
        {"batch_id": [1, 1, 2], "row_number": [3, 4, 8]}]}), lambda: [])
    batch = rule_outcome(_rule("collapse", ROWS, "batch", None), _result(False, {
        "observed_value": 1, "details": {"unexpected_rows": [
            {"batch_id": 2, "row_number": 0, "observed_value": "row count 9 vs 40"}]}}),
        lambda: [])
    frame = per_batch_results([row, batch], pd.Series({1: 100, 2: 9, 3: 50}))
    by = frame.set_index(["batch_id", "rule"])
    assert by.loc[(1, "nib_format"), "unexpected_count"] == 2
    assert by.loc[(1, "nib_format"), "unexpected_percent"] == 2.0
    assert by.loc[(1, "nib_format"), "observed_value"] == "2 of 100 rows"
    assert bool(by.loc[(3, "nib_format"), "success"])
    assert not by.loc[(2, "collapse"), "success"]
    assert by.loc[(2, "collapse"), "observed_value"] == "row count 9 vs 40"
    rejected = rejected_batches([row, batch], [1, 2, 3])
    assert list(rejected) == [2] and "row count 9 vs 40" in rejected[2][0]
    held = row_failures([row, batch], set(rejected))
    assert held[["batch_id", "row_number"]].values.tolist() == [[1, 3], [1, 4]]


def test_stored_results_keep_a_sample_of_ids_only() -> None:
    body = {"unexpected_index_list": [{"batch_id": [1] * 50, "row_number": list(range(50))}],
            "partial_unexpected_index_list": [{"batch_id": [1] * 50,
                                               "row_number": list(range(50))}],
            "unexpected_index_query": "SELECT ...", "details": {
                "unexpected_rows": [{"batch_id": 1, "row_number": n} for n in range(50)]}}
    suite_result = SimpleNamespace(results=[SimpleNamespace(result=body)])
    trim_for_docs(suite_result)
    assert "unexpected_index_list" not in body and "unexpected_index_query" not in body
    assert len(body["partial_unexpected_index_list"][0]["row_number"]) == 20
    assert len(body["details"]["unexpected_rows"]) == 20


def test_masking_shows_at_most_two_characters() -> None:
    from pantau.warehouse.masking import mask

    assert mask("EA9876543") == "EA*******"
    assert mask("1990") == "****" and mask("") == "" and mask(None) is None

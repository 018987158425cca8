"""Every check of every GX suite has its Indonesian name for the reports' data appendix."""

from __future__ import annotations

import json
from pathlib import Path

from pantau.reports.texts import CHECKS, check_names

SUITES = sorted((Path(__file__).parents[2] / "expectations").glob("*.json"))


def _rules() -> dict[str, set[str]]:
    """rule id -> the suites that carry it."""
    rules: dict[str, set[str]] = {}
    for path in SUITES:
        for expectation in json.loads(path.read_text("utf-8"))["expectations"]:
            rules.setdefault(expectation["meta"]["rule"], set()).add(path.stem)
    return rules


def test_every_check_of_every_suite_has_an_indonesian_name() -> None:
    rules = _rules()
    assert len(SUITES) >= 9 and len(rules) > 40
    assert sorted(set(rules) - set(CHECKS)) == []


def test_no_name_is_left_for_a_check_no_suite_has() -> None:
    assert sorted(set(CHECKS) - set(_rules())) == []


def test_names_are_short_indonesian_phrases_not_ids() -> None:
    for rule, name in CHECKS.items():
        assert name != rule and "_" not in name and len(name) <= 40, rule
    assert len(set(CHECKS.values())) == len(CHECKS)


def test_the_appendix_shows_names_in_place_of_ids() -> None:
    assert check_names("duplicate_row, nib_format") == "baris ganda; NIB bukan 13 digit"
    assert check_names(None) == "–" and check_names("", "") == ""
    assert check_names("a_new_rule") == "a_new_rule"  # shown, never hidden

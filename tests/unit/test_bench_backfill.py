"""The backfill's window: its months, the quarters and semesters it completes, its labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pantau.periods import Period
from pantau.tools.bench import docs
from pantau.tools.bench.backfill import markdown, span
from pantau.tools.bench.history import MONTHS, history_months, trend_queries
from pantau.tools.demo.model import Window


def _labels(periods: list[Period]) -> list[str]:
    return [period.label for period in periods]


def test_five_years_ending_in_december_hold_20_quarters_and_10_semesters() -> None:
    window = span(Period.parse("2024-12"), MONTHS)
    assert MONTHS == 60
    assert len(window.months) == 60
    assert (window.months[0].label, window.months[-1].label) == ("2020-01", "2024-12")
    assert len(set(window.months)) == 60 and window.months == sorted(window.months)
    assert _labels(window.quarters) == [f"{year}-Q{q}" for year in range(2020, 2025)
                                        for q in range(1, 5)]
    assert _labels(window.semesters) == [f"{year}-S{s}" for year in range(2020, 2025)
                                         for s in (1, 2)]


def test_a_window_starting_inside_a_quarter_leaves_that_quarter_and_semester_out() -> None:
    window = span(Period.parse("2024-12"), 10)  # 2024-03 .. 2024-12
    assert window.months[0].label == "2024-03"
    assert _labels(window.quarters) == ["2024-Q2", "2024-Q3", "2024-Q4"]
    assert _labels(window.semesters) == ["2024-S2"]
    ending_mid_quarter = span(Period.parse("2024-08"), 8)  # 2024-01 .. 2024-08
    assert _labels(ending_mid_quarter.quarters) == ["2024-Q1", "2024-Q2"]
    assert _labels(ending_mid_quarter.semesters) == ["2024-S1"]


def test_history_months_cross_years_oldest_first() -> None:
    assert _labels(history_months(Period.parse("2021-02"), 4)) == [
        "2020-11", "2020-12", "2021-01", "2021-02"]


def test_the_trend_query_labels_say_the_history_they_cover() -> None:
    for months in (MONTHS, 6):
        labels = list(trend_queries(months))
        assert len(labels) == 5
        assert all(str(months) in label for label in labels if "previous month" not in label)
        assert not any("12" in label for label in labels)


def test_the_demo_window_reaches_back_as_many_months_as_asked() -> None:
    default = Window.of(Period.parse("2024-Q4"))
    assert _labels(default.months) == ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11",
                                       "2024-12"]
    assert Window.of(Period.parse("2024-Q4"), 6).months == default.months
    five_years = Window.of(Period.parse("2024-12"), 60)
    assert five_years.months == history_months(Period.parse("2024-12"), 60)
    assert five_years.start.isoformat() == "2020-01-01"
    assert five_years.end.isoformat() == "2024-12-31" and five_years.month_count == 60
    assert (five_years.previous.label, five_years.period.label) == ("2024-11", "2024-12")
    with pytest.raises(ValueError, match="at least 6 months"):
        Window.of(Period.parse("2024-Q4"), 5)


HOME = Path(__file__).resolve().parents[2]
PAGE = HOME / "docs" / "performance.md"
RESULTS = HOME / "benchmarks" / "results"
SECTION = "## Five years of history"


def test_the_page_shows_the_newest_backfill_as_its_tables_render_it() -> None:
    newest = docs.newest(RESULTS, "backfill-small")
    result = json.loads(newest.read_text(encoding="utf-8"))
    page = PAGE.read_text(encoding="utf-8")
    assert page.index(docs.END) < page.index(SECTION), "the section follows the generated part"
    section = page[page.index(SECTION):]
    assert f"`benchmarks/results/{newest.name}`" in section
    assert markdown(result) in section, (
        f"docs/performance.md's {SECTION!r} differs from the tables of {newest.name}")
    assert result["months"] == MONTHS and result["counts"]["months"] == MONTHS

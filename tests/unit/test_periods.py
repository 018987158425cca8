"""Reporting periods and their reference dates."""

from __future__ import annotations

from datetime import date

import pytest

from pantau.periods import Period, PeriodKind


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024-12", date(2024, 12, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025-q4", date(2025, 10, 1), date(2025, 12, 31)),
        ("2024-S1", date(2024, 1, 1), date(2024, 6, 30)),
        ("2024-S2", date(2024, 7, 1), date(2024, 12, 31)),
    ],
)
def test_parse_and_bounds(text: str, start: date, end: date) -> None:
    period = Period.parse(text)
    assert (period.start, period.end, period.reference_date) == (start, end, end)
    assert Period.parse(period.label) == period


@pytest.mark.parametrize("text", ["2024", "2024-13", "2024-00", "2024-Q5", "2024-S3", "24-01"])
def test_invalid_periods_say_what_is_expected(text: str) -> None:
    with pytest.raises(ValueError, match="period"):
        Period.parse(text)


@pytest.mark.parametrize(
    ("text", "previous"),
    [("2025-01", "2024-12"), ("2025-03", "2025-02"), ("2025-Q1", "2024-Q4"),
     ("2025-Q3", "2025-Q2"), ("2025-S1", "2024-S2"), ("2025-S2", "2025-S1")],
)
def test_previous(text: str, previous: str) -> None:
    assert Period.parse(text).previous().label == previous


def test_months_and_contains() -> None:
    quarter = Period.parse("2025-Q2")
    assert [m.label for m in quarter.months()] == ["2025-04", "2025-05", "2025-06"]
    assert quarter.kind is PeriodKind.QUARTER
    assert quarter.contains(date(2025, 6, 30))
    assert not quarter.contains(date(2025, 7, 1))

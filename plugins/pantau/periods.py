"""Reporting periods: month YYYY-MM, quarter YYYY-Qn, semester YYYY-Sn.

The picture of a period is built from each source's latest snapshot on or
before the period's last day, its reference date (docs/warehouse.md "Periods and
snapshots"). Regency reports are quarterly, provincial ones per semester.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

_PATTERN = re.compile(
    r"^(?P<year>\d{4})-(?:(?P<month>\d{2})|Q(?P<quarter>[1-4])|S(?P<semester>[12]))$"
)


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    SEMESTER = "semester"


_MONTHS_IN = {PeriodKind.MONTH: 1, PeriodKind.QUARTER: 3, PeriodKind.SEMESTER: 6}


@dataclass(frozen=True, order=True)
class Period:
    """A calendar period; ``index`` counts months, quarters or semesters from 1."""

    year: int
    kind: PeriodKind
    index: int

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PATTERN.match(text.strip().upper())
        if not match:
            raise ValueError(
                f"period {text!r} is not YYYY-MM, YYYY-Qn (n = 1..4) or YYYY-Sn (n = 1..2)"
            )
        year = int(match.group("year"))
        if match.group("month"):
            month = int(match.group("month"))
            if not 1 <= month <= 12:
                raise ValueError(f"period {text!r}: month must be 01..12")
            return cls(year, PeriodKind.MONTH, month)
        if match.group("quarter"):
            return cls(year, PeriodKind.QUARTER, int(match.group("quarter")))
        return cls(year, PeriodKind.SEMESTER, int(match.group("semester")))

    @property
    def months_long(self) -> int:
        return _MONTHS_IN[self.kind]

    @property
    def first_month(self) -> int:
        return (self.index - 1) * self.months_long + 1

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        """The last day: the reference date of the period's picture."""
        last_month = self.first_month + self.months_long - 1
        return date(self.year, last_month, calendar.monthrange(self.year, last_month)[1])

    @property
    def reference_date(self) -> date:
        return self.end

    @property
    def label(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.index:02d}"
        return f"{self.year}-{'Q' if self.kind is PeriodKind.QUARTER else 'S'}{self.index}"

    def __str__(self) -> str:
        return self.label

    @classmethod
    def containing(cls, day: date, kind: PeriodKind) -> Period:
        """The month, quarter or semester ``day`` falls in."""
        return cls(day.year, kind, (day.month - 1) // _MONTHS_IN[kind] + 1)

    @classmethod
    def closed_before(cls, day: date, kind: PeriodKind) -> Period:
        """The latest ``kind`` period that ended before ``day``: what a run on ``day`` reports."""
        current = cls.containing(day, kind)
        return current if current.end < day else current.previous()

    def previous(self) -> Period:
        """The period of the same kind just before (for 'change against the previous period')."""
        per_year = 12 // self.months_long
        if self.index > 1:
            return Period(self.year, self.kind, self.index - 1)
        return Period(self.year - 1, self.kind, per_year)

    def months(self) -> list[Period]:
        """The months the period covers, in order."""
        return [Period(self.year, PeriodKind.MONTH, m)
                for m in range(self.first_month, self.first_month + self.months_long)]

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

"""The source rows behind one figure of a report (``pantau trace``), read as the auditor.

A figure of figures.json is named by its key and, below it, its category
(``by_permit_type ITAS``, ``discrepancies PERMIT_NO_RPTKA``); a figure of the
``pmi`` object by its path there (``pmi.placements_departed``,
``pmi.returnees OVERSTAY``), and a priority area's numbers by the area's code
(``pmi.priority_areas.persons_indicated 62.71.01``). Its rows come from
``mart.figure_row``, which the build fills from the same temp tables as the
figures; the trace compares the distinct units of its rows (for a money
figure: the sum of their amounts) with the figure as figures.json has it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import psycopg

from pantau.config import Settings
from pantau.periods import Period
from pantau.reports import context
from pantau.warehouse import sql_files

# figures.json keys with one number each, and those with a category below them.
FOREIGNER_SCALAR_FIGURES = ("foreigners_total", "workers_total", "registered_total",
                            "expiring_90_days", "dkptka_due_usd", "dkptka_paid_usd")
FOREIGNER_CATEGORY_FIGURES = ("by_permit_type", "by_nationality", "workers_by_nationality",
                              "discrepancies", "administrative_actions")
# The pmi object's numbers by their path, in its order; a priority area's two numbers
# take the area's code as their category.
AREA_FIGURES = ("pmi.priority_areas.persons_indicated", "pmi.priority_areas.placements_departed")
PMI_FIGURES = ("pmi.placements_departed", "pmi.placements_by_destination",
               "pmi.placements_by_scheme", "pmi.placements_informal", "pmi.passports_issued",
               "pmi.passports_withheld_pmi", "pmi.departures_postponed", "pmi.returnees",
               "pmi.indications", *AREA_FIGURES)
PMI_SCALAR_FIGURES = ("pmi.placements_departed", "pmi.placements_informal",
                      "pmi.passports_withheld_pmi")
SCALAR_FIGURES = FOREIGNER_SCALAR_FIGURES + PMI_SCALAR_FIGURES
CATEGORY_FIGURES = FOREIGNER_CATEGORY_FIGURES + tuple(
    figure for figure in PMI_FIGURES if figure not in PMI_SCALAR_FIGURES)
# Every figure, in the order of figures.json (the audit pack's).
FIGURES = FOREIGNER_SCALAR_FIGURES + FOREIGNER_CATEGORY_FIGURES + PMI_FIGURES
MONEY_FIGURES = ("dkptka_due_usd", "dkptka_paid_usd")
# What each row of a trace shows, in this order (JSON keys and CSV columns).
COLUMNS = ("source", "file", "sha256", "row_number", "batch_id", "snapshot_date", "masked_id",
           "link_method", "amount", "unit_key")


class UnknownFigure(LookupError):
    """No figure of figures.json has that name (or it needs a category)."""


@dataclass
class Tally:
    """A figure beside what its rows add up to: distinct units, or for money the amounts."""

    period: str
    region_code: str
    figure: str
    category: str
    value: int | float  # the figure as figures.json has it
    units: int  # distinct units (persons, positions, rows) the rows list
    amount: Decimal  # the sum of the rows' amounts (money figures)
    row_count: int

    @property
    def is_money(self) -> bool:
        return self.figure in MONEY_FIGURES

    @property
    def traced(self) -> int | float:
        """What the rows add up to: their units, or the sum of their amounts for money."""
        return context.json_number(self.amount) if self.is_money else self.units

    @property
    def matches(self) -> bool:
        return self.traced == self.value


@dataclass
class Trace(Tally):
    """A tally with every row behind it (``pantau trace``)."""

    rows: list[dict] = field(default_factory=list)

    @classmethod
    def of(cls, period: str, region_code: str, figure: str, category: str,
           value: int | float, rows: list[dict]) -> Trace:
        return cls(period, region_code, figure, category, value,
                   len({row["unit_key"] for row in rows}),
                   sum((row["amount"] or Decimal(0) for row in rows), Decimal(0)), len(rows),
                   rows)


def _at(figures: dict, figure: str) -> dict | int | float:
    """The value at a figure's path in figures.json (``pmi.returnees``: figures["pmi"][...])."""
    value = figures
    for key in figure.split("."):
        value = value[key]
    return value


def categories(figures: dict, figure: str) -> dict[str, int | float]:
    """The numbers below a figure with categories, by category, as figures.json has them."""
    if figure in AREA_FIGURES:
        number = figure.rsplit(".", 1)[1]
        return {area["code"]: area[number] for area in figures["pmi"]["priority_areas"]}
    return _at(figures, figure)


def figure_value(figures: dict, figure: str, category: str) -> int | float:
    """One figure out of figures.json (a category absent there counts 0)."""
    if figure in SCALAR_FIGURES:
        if category:
            raise UnknownFigure(f"{figure} has no categories")
        return _at(figures, figure)
    if figure in CATEGORY_FIGURES:
        below = categories(figures, figure)
        if not category:
            raise UnknownFigure(f"{figure} needs a category, e.g. one of "
                                f"{', '.join(sorted(below)) or '(none present)'}")
        return below.get(category, 0)
    raise UnknownFigure(f"no figure {figure!r}; figures: {', '.join(FIGURES)}")


def rows(conn: psycopg.Connection, period: str, region_code: str, figure: str,
         category: str = "", settings: Settings | None = None) -> list[dict]:
    """The rows of one figure (``reports/trace_rows.sql``); ``conn`` may be the auditor."""
    return context.fetch_rows(conn, sql_files.render("reports/trace_rows.sql", settings), {
        "period": period, "region_code": region_code, "figure": figure, "category": category})


def trace(conn: psycopg.Connection, period: Period, region_code: str, figure: str,
          category: str = "", settings: Settings | None = None) -> Trace:
    """The figure and its rows; raises ``context.NotBuilt`` or ``UnknownFigure``."""
    figures = context.figures_json(context.load(conn, period, region_code, settings))
    value = figure_value(figures, figure, category)
    return Trace.of(period.label, region_code, figure, category, value,
                    rows(conn, period.label, region_code, figure, category, settings))


def plain(row: dict) -> dict:
    """A row for JSON: dates as ISO text, amounts as numbers."""
    out = {name: row[name] for name in COLUMNS}
    out["snapshot_date"] = row["snapshot_date"].isoformat()
    out["amount"] = None if row["amount"] is None else context.json_number(row["amount"])
    return out

"""Numbers and dates the Indonesian way (1.234,5; 31 Desember 2024), through Babel."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

LOCALE = "id_ID"


def number(value: int | float | Decimal | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def percent(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return format_percent(value, format="#,##0." + "0" * digits + " %", locale=LOCALE)


def long_date(value: date | None) -> str:
    return "–" if value is None else format_date(value, format="d MMMM y", locale=LOCALE)


def change(current: int | float, previous: int | float | None) -> str:
    """'+12 (+3,4 %)' against the previous period, '–' when there is none."""
    if previous is None:
        return "–"
    delta = current - previous
    sign = "+" if delta > 0 else ""
    share = f" ({sign}{percent(delta / previous)})" if previous else ""
    return f"{sign}{number(delta)}{share}"


def usd(value: int | float | Decimal | None) -> str:
    return "–" if value is None else f"USD {number(value)}"


FOLLOWUP_SHOWN = 60  # entries a report lists per rule (the XLSX annex has them all)


def capped(listed: list) -> dict:
    """A follow-up list as a report shows it: the first entries, how many, whether more."""
    return {"followup": listed[:FOLLOWUP_SHOWN], "shown": number(min(len(listed), FOLLOWUP_SHOWN)),
            "more": len(listed) > FOLLOWUP_SHOWN}

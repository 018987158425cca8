"""Month-based date arithmetic on numpy arrays.

Permits and RPTKA positions run for whole months from a start day (1..28, so
every month has it) and are renewed term after term; a snapshot shows the term
current on its date. Dates are ``datetime64[D]`` throughout.
"""

from __future__ import annotations

from datetime import date

import numpy as np

NO_DATE = np.datetime64("NaT", "D")


def as_day(value: date) -> np.datetime64:
    return np.datetime64(value, "D")


def days(values: object) -> np.ndarray:
    """As ``datetime64[D]`` (pandas hands back seconds resolution)."""
    return np.asarray(values, dtype="datetime64[D]")


def month_index(values: np.ndarray) -> np.ndarray:
    """Months since 1970-01 of each date."""
    return days(values).astype("datetime64[M]").astype(np.int64)


def day_of_month(values: np.ndarray) -> np.ndarray:
    values = days(values)
    return (values - values.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1


def make_date(months: np.ndarray, day: np.ndarray) -> np.ndarray:
    """The date on ``day`` (1..28) of month ``months`` (months since 1970-01)."""
    first = np.asarray(months, dtype=np.int64).astype("datetime64[M]").astype("datetime64[D]")
    return first + (np.asarray(day, dtype=np.int64) - 1)


def completed_months(start: np.ndarray, on: np.ndarray) -> np.ndarray:
    """Whole months from ``start`` to ``on`` (negative before the start)."""
    months = month_index(on) - month_index(start)
    return months - (day_of_month(on) < day_of_month(start))


def current_term(start: np.ndarray, term_months: np.ndarray, last_term: np.ndarray,
                 on: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(term index, first day, last day) of the term current on ``on``.

    Terms follow each other from ``start``; after ``last_term`` there is no
    renewal, so the last term stays current (and expires).
    """
    term = np.clip(completed_months(start, on) // term_months, 0, last_term)
    start_month, start_day = month_index(start), day_of_month(start)
    first = make_date(start_month + term * term_months, start_day)
    last = make_date(start_month + (term + 1) * term_months, start_day) - np.timedelta64(1, "D")
    return term, first, last


def months_due(start: np.ndarray, on: np.ndarray | date) -> np.ndarray:
    """Calendar months from the start month to the month of ``on``, both counted.

    The DKPTKA rule (docs/warehouse.md): USD 100 is due for every month a position has
    run, the month it started included.
    """
    return month_index(on) - month_index(start) + 1

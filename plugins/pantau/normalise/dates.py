"""Dates as the agencies write them: DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD.

Excel date cells arrive from the reader already as ISO text. An empty value is
NA, never 1900-01-01; a value in none of the formats, or an impossible date
(31-02-2024), is NA with the problem ``invalid_date``.
"""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised, on_distinct
from pantau.normalise.text import squish

# Most specific first; ``exact`` parsing keeps "2024-01-05 junk" out.
_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d")


def _parse(raw: pd.Series) -> tuple[pd.Series, pd.Series]:
    """(datetime64 values, failed mask) for distinct non-empty texts."""
    parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[s]")
    todo = raw.notna()
    for fmt in _FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(raw[todo], format=fmt, errors="coerce")
        hit = attempt.notna()
        parsed[attempt.index[hit]] = attempt[hit].astype("datetime64[s]")
        todo[attempt.index[hit]] = False
    return parsed, todo


def _parse_distinct(distinct: pd.Series) -> pd.DataFrame:
    parsed, failed = _parse(distinct)
    as_dates = parsed.dt.date.astype("object").where(parsed.notna(), None)
    return pd.DataFrame({"value": as_dates, "failed": failed})


def dates(values: pd.Series) -> Normalised:
    # A column of dates repeats far fewer distinct texts than it has rows.
    frame = on_distinct(squish(values), _parse_distinct)
    values_out = frame["value"].astype("object").where(frame["value"].notna(), None)
    return Normalised.flag(values_out, frame["failed"], "invalid_date")

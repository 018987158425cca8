"""Dates as the agencies write them: DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD.

Excel date cells arrive from the reader already as ISO text. An empty value is
NA, never 1900-01-01; a value in none of the formats, or an impossible date
(31-02-2024), is NA with the problem ``invalid_date``.
"""

from __future__ import annotations

import pandas as pd

from pantau.normalise.result import Normalised
from pantau.normalise.text import squish

# Most specific first; ``exact`` parsing keeps "2024-01-05 junk" out.
_FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d")


def dates(values: pd.Series) -> Normalised:
    raw = squish(values)
    parsed = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[s]")
    todo = raw.notna()
    for fmt in _FORMATS:
        if not todo.any():
            break
        attempt = pd.to_datetime(raw[todo], format=fmt, errors="coerce")
        hit = attempt.notna()
        parsed[attempt.index[hit]] = attempt[hit].astype("datetime64[s]")
        todo[attempt.index[hit]] = False
    values_out = parsed.dt.date.astype("object").where(parsed.notna(), None)
    return Normalised.flag(values_out, todo, "invalid_date")

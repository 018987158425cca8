"""Dates as the agencies write them: DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD.

Excel date cells arrive from the reader already as ISO text. An empty value is
NA, never 1900-01-01; a value in none of the formats, or an impossible date
(31-02-2024), is NA with the problem ``invalid_date``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pantau.normalise.result import Normalised
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


def dates(values: pd.Series) -> Normalised:
    # A column of dates repeats far fewer distinct values than it has rows:
    # parse each distinct text once and broadcast.
    codes, uniques = pd.factorize(squish(values), use_na_sentinel=True)
    parsed, failed = _parse(pd.Series(uniques, dtype="string"))
    distinct = parsed.dt.date.astype("object").where(parsed.notna(), None).tolist()
    as_dates = pd.array([*distinct, None], dtype="object")
    failed_flags = np.append(failed.to_numpy(dtype=bool), False)
    values_out = pd.Series(as_dates[codes], index=values.index, dtype="object")
    return Normalised.flag(values_out, pd.Series(failed_flags[codes], index=values.index),
                           "invalid_date")

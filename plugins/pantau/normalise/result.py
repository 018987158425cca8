"""The common return type of every normaliser."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Normalised:
    """Typed ``values`` and a ``problem`` code per row (NA where the value is fine).

    A value that is empty in the source is NA in ``values`` and has no problem:
    required-ness is the quality gate's business, not the parser's.
    """

    values: pd.Series
    problem: pd.Series

    @classmethod
    def clean(cls, values: pd.Series) -> Normalised:
        """All rows fine."""
        return cls(values, pd.Series(pd.NA, index=values.index, dtype="string"))

    @classmethod
    def flag(cls, values: pd.Series, failed: pd.Series, code: str) -> Normalised:
        """Rows where ``failed`` holds get problem ``code``."""
        problem = pd.Series(pd.NA, index=values.index, dtype="string")
        problem[failed.fillna(False).astype(bool)] = code
        return cls(values, problem)


def map_distinct(values: pd.Series, lookup) -> pd.Series:
    """Apply ``lookup`` once per distinct value and broadcast the answers back.

    Source columns such as nationality or regency repeat a handful of values
    over millions of rows, so this is the cheap way to run Python logic on them.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    answers = pd.array([lookup(u) for u in uniques] + [None], dtype="string")
    # code -1 (NA) picks the trailing None.
    return pd.Series(answers[codes], index=values.index, dtype="string")

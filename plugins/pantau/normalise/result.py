"""The common return type of every normaliser.

Each normaliser takes a pandas Series of text (missing values as NA) and
returns a :class:`Normalised`: the typed values and, row by row, the code of
the problem that made a non-empty value unusable. Work is done per distinct
value or with pandas string kernels, never in a Python loop over rows.
"""

from __future__ import annotations

from collections.abc import Callable
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


def on_distinct(values: pd.Series, transform: Callable[[pd.Series], pd.DataFrame]) -> pd.DataFrame:
    """Run ``transform`` on the distinct values only and broadcast its columns to every row.

    Source columns such as nationality, regency or dates repeat far fewer
    distinct values than they have rows, so this is the cheap way to run costly
    logic on them. Rows whose value is NA get NA in every column.
    """
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    answers = transform(pd.Series(uniques, dtype=values.dtype)).reset_index(drop=True)
    # Code -1 (an NA value) is no label of ``answers``: reindex gives it NA.
    return answers.reindex(codes).set_axis(values.index)


def map_distinct(values: pd.Series, lookup: Callable[[str], str | None]) -> pd.Series:
    """Apply the scalar ``lookup`` once per distinct value (see :func:`on_distinct`)."""
    frame = on_distinct(values, lambda distinct: pd.DataFrame(
        {"answer": pd.array([lookup(value) for value in distinct], dtype="string")}))
    return frame["answer"]

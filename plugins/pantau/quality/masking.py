"""How a personal value may be shown: its first two characters at most, then stars.

Short values (four characters or fewer) are all stars, so a masked value
never gives away more than a fragment. The SQL and Python forms agree.
"""

from __future__ import annotations

KEEP = 2
MIN_SHOWN = 5  # values shorter than this show no character at all


def mask(value: str | None) -> str | None:
    if value is None:
        return None
    kept = value[:KEEP] if len(value) >= MIN_SHOWN else ""
    return kept + "*" * (len(value) - len(kept))


def mask_sql(expression: str) -> str:
    """The same masking as a PostgreSQL expression over ``expression`` (a column name)."""
    e = expression
    return (f"CASE WHEN length({e}) >= {MIN_SHOWN} THEN left({e}, {KEEP}) ELSE '' END"
            f" || repeat('*', length({e}) - CASE WHEN length({e}) >= {MIN_SHOWN}"
            f" THEN {KEEP} ELSE 0 END)")

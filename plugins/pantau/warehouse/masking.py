"""How a personal value may be shown: its first two characters at most, then stars.

Short values (four characters or fewer) are all stars, so a masked value
never gives away more than a fragment. In SQL the same rule is the function
``core.masked()`` (sql/core/core__keyed_hash.sql); a test checks they agree.
"""

from __future__ import annotations

KEEP = 2
MIN_SHOWN = 5  # values shorter than this show no character at all


def mask(value: str | None) -> str | None:
    if value is None:
        return None
    kept = value[:KEEP] if len(value) >= MIN_SHOWN else ""
    return kept + "*" * (len(value) - len(kept))

"""Which regencies a demo data set covers: province codes, regency codes or ``national``."""

from __future__ import annotations

from collections.abc import Iterable

from pantau.normalise.regions import region_index

NATIONAL = "national"
# The demo scope of the issue: Kalimantan Tengah (Palangka Raya, Kapuas),
# Kepulauan Bangka Belitung (Bangka Tengah) and Riau (Dumai).
DEMO_SCOPE = ("62", "19", "14")
# The demo's period: a whole quarter (regency reports) with the quarter before it.
DEMO_PERIOD = "2024-Q4"
DEMO_SEED = 1
# The reports `make demo` renders: four regencies/cities and the three provinces.
DEMO_REPORT_REGENCIES = ("62.71", "62.03", "19.04", "14.72")
DEMO_REPORT_PROVINCES = ("62", "19", "14")


def resolve_scope(items: Iterable[str]) -> list[str]:
    """Sorted regency codes for scope items like ``62``, ``14.72`` or ``national``.

    Items may also be given as one space- or comma-separated string.
    """
    index = region_index()
    words = [word for item in items for word in item.replace(",", " ").split()]
    if not words:
        raise ValueError("empty scope: give province codes (62), regency codes (14.72) "
                         "or 'national'")
    chosen: set[str] = set()
    for word in words:
        if word.lower() == NATIONAL:
            chosen.update(index.regencies)
        elif word in index.provinces:
            chosen.update(code for code in index.regencies if code.startswith(f"{word}."))
        elif word in index.regencies:
            chosen.add(word)
        else:
            raise ValueError(f"scope item {word!r} is neither a Kemendagri province code (62), "
                             "a regency code (62.03) nor 'national'")
    return sorted(chosen)

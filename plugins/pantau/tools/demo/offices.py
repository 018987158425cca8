"""Which immigration office (Kantor Imigrasi, KANIM) serves each regency.

Every city (Kota) and every regency with many foreigners has its own office;
the other regencies of a province are shared among them, so there is one
office for every four or five regencies. The real map has about 125 offices;
this one is synthetic but shaped the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.normalise.regions import region_index
from pantau.normalise.text import ascii_key

REGENCIES_PER_OFFICE = 5


@dataclass(frozen=True)
class Office:
    slug: str  # used in file names: izin_tinggal_<slug>_<YYYYMMDD>.csv
    name: str  # as written in KANTOR_IMIGRASI
    regency: str  # the regency it sits in


def place_name(regency_name: str) -> str:
    """'Kabupaten Kapuas' -> 'Kapuas', 'Kota Palangkaraya' -> 'Palangkaraya'."""
    return regency_name.removeprefix("Kabupaten ").removeprefix("Kota ")


def office_map(busy: set[str]) -> dict[str, Office]:
    """Regency code -> office, for all regencies; ``busy`` regencies get their own."""
    index = region_index()
    by_province: dict[str, list[str]] = {}
    for code in sorted(index.regencies):
        by_province.setdefault(code[:2], []).append(code)
    mapping: dict[str, Office] = {}
    used: set[str] = set()
    for codes in by_province.values():
        seats = [c for c in codes if index.regencies[c].name.startswith("Kota") or c in busy]
        by_population = sorted((c for c in codes if c not in seats),
                               key=lambda c: -(index.regencies[c].population_2025 or 0))
        while len(seats) < -(-len(codes) // REGENCIES_PER_OFFICE) and by_population:
            seats.append(by_population.pop(0))  # the most populous regencies come next
        seats.sort()
        offices = []
        for seat in seats:
            place = place_name(index.regencies[seat].name)
            grade = "I" if index.regencies[seat].name.startswith("Kota") else "II"
            slug = ascii_key(place).replace(" ", "")
            if slug in used:  # Kota Bekasi and Kabupaten Bekasi both have an office
                slug = f"{'KOTA' if grade == 'I' else 'KAB'}{slug}"
            used.add(slug)
            offices.append(Office(slug=slug, name=f"KANIM KELAS {grade} {place.upper()}",
                                  regency=seat))
        for position, code in enumerate(codes):
            own = next((o for o in offices if o.regency == code), None)
            mapping[code] = own or offices[position % len(offices)]
    return mapping

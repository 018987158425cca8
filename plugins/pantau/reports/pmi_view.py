"""The PMI chapter's rows (outbound migrant workers, issue 24), from ``ReportData.pmi``.

Every category list is fixed (texts.py), so a region without PMI data still
shows its tables, with zeros, and says that no data was received.
"""

from __future__ import annotations

from pantau.reports.context import ReportData
from pantau.reports.formatting import capped, change, number, percent
from pantau.reports.texts import (
    PMI_CASE_TYPES,
    PMI_POSTPONEMENT_REASONS,
    PMI_PURPOSES,
    PMI_RULES,
    PMI_SCHEMES,
)
from pantau.warehouse.masking import mask


def _counts(pmi: dict, key: str, categories: tuple[str, ...]) -> dict[str, int]:
    given = pmi.get(key) or {}
    return {category: int(given.get(category, 0)) for category in categories}


def trend_values(pmi: dict) -> dict[str, int]:
    """The figures the chapter compares with the previous period."""
    return {
        "placements": int(pmi.get("placements_departed", 0)),
        "withheld": int(pmi.get("passports_withheld_pmi", 0)),
        "postponed": sum(_counts(pmi, "departures_postponed", PMI_POSTPONEMENT_REASONS).values()),
        "returnees": sum(_counts(pmi, "returnees", PMI_CASE_TYPES).values()),
        "indicated": sum(_counts(pmi, "indications", tuple(PMI_RULES)).values()),
    }


TREND_LABELS = {
    "placements": "Penempatan prosedural yang berangkat",
    "withheld": "Paspor ditunda/ditolak karena indikasi PMI nonprosedural",
    "postponed": "Keberangkatan yang ditunda",
    "returnees": "PMI yang dipulangkan",
    "indicated": "Indikasi PMI nonprosedural (orang per aturan)",
}


def _trend(data: ReportData) -> list[dict]:
    now = trend_values(data.pmi)
    before = trend_values(data.pmi_previous) if data.pmi_previous is not None else None
    return [{"label": label, "value": number(now[key]),
             "previous": number(before[key]) if before is not None else "—",
             "change": change(now[key], before[key]) if before is not None else "—"}
            for key, label in TREND_LABELS.items()]


def destination_rows(data: ReportData) -> list[tuple[str, str, int]]:
    """(code, Indonesian name, placements) by placements then code."""
    given = data.pmi.get("placements_by_destination") or {}
    return [(code, data.country_names.get(code, code), int(n))
            for code, n in sorted(given.items(), key=lambda item: (-item[1], item[0]))]


def rule_rows(data: ReportData) -> list[dict]:
    counts = _counts(data.pmi, "indications", tuple(PMI_RULES))
    names = {area["code"]: area["name"] for area in data.pmi.get("priority_areas") or []}
    rows = []
    for code, (title, meaning, basis) in PMI_RULES.items():
        # The marts mask already; masking again leaves a masked value as it is and keeps
        # a plain NIK or passport out of the report should one ever reach this far.
        listed = [(mask(ref), names.get(area, area) if area else "–")
                  for ref, area in data.pmi_followup.get(code, [])]
        rows.append({"code": code, "title": title, "meaning": meaning, "basis": basis,
                     "count": counts[code], "count_text": number(counts[code]),
                     **capped(listed)})
    return rows


def priority_rows(data: ReportData) -> list[dict]:
    return [{"code": area["code"], "name": area["name"],
             "persons": number(area["persons_indicated"]),
             "placements": number(area["placements_departed"])}
            for area in data.pmi.get("priority_areas") or []]


def pmi_view(data: ReportData) -> dict:
    """Every value the PMI chapter shows, formatted."""
    pmi = data.pmi
    departed = int(pmi.get("placements_departed", 0))
    informal = int(pmi.get("placements_informal", 0))
    indicated = trend_values(pmi)["indicated"]
    return {
        "has_data": bool(pmi),
        "area_heading": f"{data.area_unit} prioritas sosialisasi",
        "area_unit": data.area_unit,
        "departed": number(departed),
        "informal": number(informal),
        "informal_share": percent(informal / departed) if departed else "–",
        "indicated": number(indicated),
        "destinations": [(f"{name} ({code})", number(n), percent(n / departed) if departed
                          else "–") for code, name, n in destination_rows(data)],
        "schemes": [(scheme, number(n)) for scheme, n in
                    _counts(pmi, "placements_by_scheme", PMI_SCHEMES).items()],
        "rules": rule_rows(data),
        "passports": [(purpose, number(n)) for purpose, n in
                      _counts(pmi, "passports_issued", PMI_PURPOSES).items()],
        "withheld": number(int(pmi.get("passports_withheld_pmi", 0))),
        "postponed": [(reason, number(n)) for reason, n in
                      _counts(pmi, "departures_postponed", PMI_POSTPONEMENT_REASONS).items()],
        "returnees": [(case, number(n)) for case, n in
                      _counts(pmi, "returnees", PMI_CASE_TYPES).items()],
        "priority": priority_rows(data),
        "trend": _trend(data),
    }

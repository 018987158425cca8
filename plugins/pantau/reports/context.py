"""Everything one report shows, read from the marts as the reporter role (nothing else)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import psycopg
from psycopg.rows import dict_row

from pantau.config import Settings
from pantau.normalise.countries import indonesian_names
from pantau.periods import Period
from pantau.reports.texts import (
    ACTIONS,
    PERMIT_TYPES,
    PMI_CASE_TYPES,
    PMI_POSTPONEMENT_REASONS,
    PMI_PURPOSES,
    PMI_RULES,
    PMI_SCHEMES,
    RULES,
)
from pantau.warehouse import sql_files


class NotBuilt(LookupError):
    """The period (or region) has no marts yet: run `pantau build` first."""


@dataclass
class ReportData:
    period: Period
    region_code: str
    region_name: str
    level: str
    province_code: str
    reference_date: date
    figures: dict  # the mart.region_figures row
    previous: dict | None  # the same for the previous period, when built
    breakdowns: dict[str, list[tuple[str, str | None, float]]]  # measure -> (category, label, n)
    followup: dict[str, list[tuple[str, str]]]  # rule -> [(masked passport, nationality)]
    lineage: list[dict]
    regencies: list[dict] = field(default_factory=list)  # province/nation: its regencies
    provinces: list[dict] = field(default_factory=list)  # national report: the 38 provinces
    pmi: dict = field(default_factory=dict)  # the figures.json `pmi` object of the region
    pmi_previous: dict | None = None  # the same for the previous period, when built
    pmi_followup: dict = field(default_factory=dict)  # rule -> [(masked id, area code)]
    country_names: dict = field(default_factory=dict)  # alpha-3 -> Indonesian name

    def rows(self, measure: str) -> list[tuple[str, str | None, float]]:
        """(category, label, value) of one breakdown, largest first; none: empty."""
        return self.breakdowns.get(measure, [])

    def breakdown(self, measure: str) -> dict[str, float]:
        return {category: value for category, _, value in self.rows(measure)}

    @property
    def is_province(self) -> bool:
        return self.level == "province"

    @property
    def is_national(self) -> bool:
        return self.level == "national"

    @property
    def area_unit(self) -> str:
        """What the region's sub-areas are (its priority list and its map): a regency's
        districts, a province's regencies, Indonesia's provinces."""
        return {"national": "Provinsi", "province": "Kabupaten/kota"}.get(self.level, "Kecamatan")


def fetch_rows(conn: psycopg.Connection, query: str, params: tuple | dict) -> list[dict]:
    """The query's rows as dicts by column name (the reports' and audit pack's reads)."""
    return conn.cursor(row_factory=dict_row).execute(query, params).fetchall()


def _figures(conn: psycopg.Connection, period: str, region: str) -> dict | None:
    rows = fetch_rows(conn, "SELECT * FROM mart.region_figures "
                      "WHERE period = %s AND region_code = %s", (period, region))
    return rows[0] if rows else None


def _breakdowns(conn: psycopg.Connection, region: dict, settings: Settings | None
                ) -> dict[str, list[tuple[str, str | None, float]]]:
    """measure -> (category, label, value) of one region and period (``region``'s keys)."""
    breakdowns: dict[str, list] = {}
    for row in fetch_rows(conn, sql_files.render("reports/region_breakdown.sql", settings), region):
        breakdowns.setdefault(row["measure"], []).append(
            (row["category"], row["label"], float(row["value"])))
    return breakdowns


def load(conn: psycopg.Connection, period: Period, region_code: str,
         settings: Settings | None = None) -> ReportData:
    """Read one region's report data; ``conn`` acts as the reporter role."""
    figures = _figures(conn, period.label, region_code)
    if figures is None:
        raise NotBuilt(f"no marts for {region_code} in {period}: run `pantau build "
                       f"--period {period}` first")
    region = {"period": period.label, "region_code": region_code}
    breakdowns = _breakdowns(conn, region, settings)
    followup: dict[str, list] = {}
    for row in fetch_rows(conn, sql_files.render("reports/followup.sql", settings), region):
        followup.setdefault(row["rule_code"], []).append((row["person_ref"], row["nationality"]))
    lineage = fetch_rows(conn, sql_files.render("reports/region_lineage.sql", settings), region)
    previous = _figures(conn, period.previous().label, region_code)
    regencies, provinces = [], []
    if figures["level"] != "regency":  # a province's regencies; every regency for the nation
        regencies = fetch_rows(conn, sql_files.render("reports/province_regencies.sql", settings),
                               {"period": period.label, "province_code": figures["province_code"]})
    if figures["level"] == "national":
        provinces = fetch_rows(conn, sql_files.render("reports/national_provinces.sql", settings),
                               {"period": period.label})
    return ReportData(
        period=period, region_code=region_code, region_name=figures["region_name"],
        level=figures["level"], province_code=figures["province_code"],
        reference_date=figures["reference_date"], figures=figures,
        previous=previous, breakdowns=breakdowns, followup=followup, lineage=lineage,
        regencies=regencies, provinces=provinces,
        **_pmi(conn, period, region_code, figures, breakdowns, previous, settings))


def _pmi(conn: psycopg.Connection, period: Period, region_code: str, figures: dict,
         breakdowns: dict[str, list], previous: dict | None,
         settings: Settings | None) -> dict:
    """The PMI fields of :class:`ReportData` (the previous period's object when built)."""
    region = {"period": period.label, "region_code": region_code}
    areas = fetch_rows(conn, sql_files.render("reports/pmi_priority_areas.sql", settings),
                       region)
    followup: dict[str, list] = {}
    for row in fetch_rows(conn, sql_files.render("reports/pmi_followup.sql", settings), region):
        followup.setdefault(row["rule_code"], []).append((row["person_ref"], row["area_code"]))
    pmi_previous = None
    if previous is not None:
        before = {"period": previous["period"], "region_code": region_code}
        earlier = _breakdowns(conn, before, settings)
        pmi_previous = pmi_object(previous, earlier, fetch_rows(
            conn, sql_files.render("reports/pmi_priority_areas.sql", settings), before))
    names = indonesian_names()
    countries = {category: names.get(category) or label or category
                 for category, label, _ in breakdowns.get("pmi_placements_by_destination", [])}
    return {"pmi": pmi_object(figures, breakdowns, areas), "pmi_previous": pmi_previous,
            "pmi_followup": followup, "country_names": countries}


def pmi_object(figures: dict, breakdowns: dict[str, list], areas: list[dict]) -> dict:
    """The figures.json ``pmi`` object: every key, zeros included (the schema's order)."""
    def counts(measure: str, categories=None) -> dict:
        given = {category: json_number(value) for category, _, value in
                 breakdowns.get(measure, [])}
        if categories is None:
            return dict(sorted(given.items()))
        return {category: given.get(category, 0) for category in categories}

    return {
        "placements_departed": figures["pmi_placements_departed"],
        "placements_by_destination": counts("pmi_placements_by_destination"),
        "placements_by_scheme": counts("pmi_placements_by_scheme", PMI_SCHEMES),
        "placements_informal": figures["pmi_placements_informal"],
        "passports_issued": counts("pmi_passports_issued", PMI_PURPOSES),
        "passports_withheld_pmi": figures["pmi_passports_withheld"],
        "departures_postponed": counts("pmi_departures_postponed", PMI_POSTPONEMENT_REASONS),
        "returnees": counts("pmi_returnees", PMI_CASE_TYPES),
        "indications": counts("pmi_indications", tuple(PMI_RULES)),
        "priority_areas": [{"code": a["area_code"], "name": a["area_name"],
                            "persons_indicated": a["persons_indicated"],
                            "placements_departed": a["placements_departed"]} for a in areas],
    }


def json_number(value) -> int | float:
    """Whole numbers as int, so figures.json reads 1200, not 1200.0."""
    as_float = float(value)
    return int(as_float) if as_float.is_integer() else round(as_float, 2)


def figures_json(data: ReportData) -> dict:
    """The figures.json keys, zeros included; ``reports/figures.schema.json`` describes each."""
    f = data.figures
    rules = data.breakdown("discrepancies")
    actions = data.breakdown("administrative_actions")
    previous = data.previous
    return {
        "region_code": data.region_code,
        "region_name": data.region_name,
        "period": data.period.label,
        "reference_date": data.reference_date.isoformat(),
        "foreigners_total": f["foreigners_total"],
        "by_permit_type": {kind: f[kind.lower()] for kind in PERMIT_TYPES},
        "by_nationality": {k: json_number(v) for k, v in sorted(
            data.breakdown("foreigners_by_nationality").items())},
        "workers_total": f["workers_total"],
        "workers_by_nationality": {k: json_number(v) for k, v in sorted(
            data.breakdown("workers_by_nationality").items())},
        "registered_total": f["registered_total"],
        "discrepancies": {code: json_number(rules.get(code, 0)) for code in RULES},
        "expiring_90_days": f["expiring_90_days"],
        "administrative_actions": {kind: json_number(actions.get(kind, 0)) for kind in ACTIONS},
        "dkptka_due_usd": json_number(f["dkptka_due_usd"]),
        "dkptka_paid_usd": json_number(f["dkptka_paid_usd"]),
        "level": data.level,
        "previous_period": data.period.previous().label,
        "previous": None if previous is None else {
            "foreigners_total": previous["foreigners_total"],
            "workers_total": previous["workers_total"],
            "registered_total": previous["registered_total"],
        },
        "source_files": len(data.lineage),
        "pmi": data.pmi,
    }

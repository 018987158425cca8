"""Which maps a report draws, of which areas, with which values (section 8, the annex).

A regency's report maps its districts (registered foreigners by NO_KEC; PMI
indications by the NIK's district when PMI exports arrived), a province's its
regencies (TKA per 100,000 inhabitants; foreigners), the national report its
provinces and every regency. An area of the region that has no row of a
source the region received counts 0; an area is "no data" only where the
source itself is missing. The values drawn are the figures the report prints
beside the map (``tests/unit/test_maps.py`` checks colour against value).
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from pantau.reports import maps
from pantau.reports.context import ReportData
from pantau.reports.formatting import number

REGISTRY = "dukcapil_orang_asing"
PMI_SOURCES = ("kp2mi_penempatan", "imigrasi_paspor", "imigrasi_penundaan", "bp3mi_pemulangan")


def per_100k(workers: int, population: int | None) -> float | None:
    return round(workers * 100_000 / population, 1) if population else None


def _sources(data: ReportData) -> set[str]:
    return {row["source"] for row in data.lineage}


def _with_zeros(codes: Iterable[str], counted: dict[str, float]) -> dict[str, float | None]:
    """Every area of the region: its count, 0 where the source named none of its rows."""
    return {code: counted.get(code, 0) for code in codes}


def regency_maps(data: ReportData) -> dict[str, Markup]:
    """Districts by registered foreigners and by PMI persons indicated."""
    districts = maps.area_codes("district", data.region_code)
    sources = _sources(data)
    registered = {code: value for code, _, value in data.rows("registered_by_district")}
    drawn = {"registered": maps.choropleth(
        _with_zeros(districts, registered) if REGISTRY in sources else {},
        "district", "Orang asing terdaftar (SKTT/KTP-el WNA aktif) per kecamatan", "Orang",
        within=data.region_code)}
    if sources.intersection(PMI_SOURCES):
        indicated = {area["code"]: area["persons_indicated"]
                     for area in data.pmi.get("priority_areas", [])}
        drawn["pmi"] = maps.choropleth(
            _with_zeros(districts, indicated), "district",
            "Orang terindikasi PMI nonprosedural per kecamatan (menurut NIK)", "Orang",
            within=data.region_code)
    return drawn


def province_maps(data: ReportData) -> dict[str, Markup]:
    """Regencies by TKA per 100,000 inhabitants and by foreigners."""
    return {
        "workers_per_100k": maps.choropleth(
            {r["region_code"]: per_100k(r["workers_total"], r["population_2025"])
             for r in data.regencies}, "regency",
            "TKA per 100.000 penduduk per kabupaten/kota", "TKA per 100.000",
            within=data.region_code, decimals=1),
        "foreigners": maps.choropleth(
            {r["region_code"]: r["foreigners_total"] for r in data.regencies}, "regency",
            "Orang asing pemegang izin tinggal per kabupaten/kota", "Orang",
            within=data.region_code),
    }


def national_maps(data: ReportData) -> dict[str, Markup]:
    """Provinces, then every regency, by TKA per 100,000 inhabitants."""
    return {
        "provinces": maps.choropleth(
            {p["region_code"]: per_100k(p["workers_total"], p["population_2025"])
             for p in data.provinces}, "province",
            "TKA per 100.000 penduduk per provinsi", "TKA per 100.000", decimals=1),
        "regencies": maps.choropleth(
            {r["region_code"]: per_100k(r["workers_total"], r["population_2025"])
             for r in data.regencies}, "regency",
            "TKA per 100.000 penduduk per kabupaten/kota", "TKA per 100.000", decimals=1),
    }


def region_maps(data: ReportData) -> dict[str, Markup]:
    if data.is_national:
        return national_maps(data)
    return province_maps(data) if data.is_province else regency_maps(data)


def district_rows(data: ReportData) -> list[dict]:
    """A regency's districts with registered foreigners or PMI indications, largest first."""
    names = {code: label for code, label, _ in data.rows("registered_by_district")}
    registered = {code: value for code, _, value in data.rows("registered_by_district")}
    indicated = {area["code"]: area["persons_indicated"]
                 for area in data.pmi.get("priority_areas", [])}
    names.update({area["code"]: area["name"] for area in data.pmi.get("priority_areas", [])})
    codes = sorted(set(registered) | set(indicated),
                   key=lambda code: (-registered.get(code, 0), -indicated.get(code, 0), code))
    return [{"code": code, "name": names.get(code) or code,
             "registered": number(registered.get(code, 0)),
             "indicated": number(indicated.get(code, 0))} for code in codes]


def sites_map(region_code: str, district_codes: Iterable[str | None]) -> Markup:
    """The annex's map: the districts of the top sites, marked, with how many each holds."""
    counts: dict[str, float] = {}
    for code in district_codes:
        if code:
            counts[code] = counts.get(code, 0) + 1
    return maps.choropleth(_with_zeros(maps.area_codes("district", region_code), counts),
                           "district", "Kecamatan lokasi sasaran teratas", "Lokasi teratas",
                           within=region_code, marked=sorted(counts))

"""What the template shows: the report data turned into formatted rows and charts."""

from __future__ import annotations

from datetime import timedelta

from pantau.periods import PeriodKind
from pantau.reports import charts
from pantau.reports.context import ReportData
from pantau.reports.formatting import capped, change, long_date, number, percent, usd
from pantau.reports.map_view import district_rows, region_maps
from pantau.reports.pmi_view import pmi_view
from pantau.reports.texts import (
    ACTIONS,
    LINK_MEASURES,
    LINK_METHODS,
    PERIOD_NAMES,
    PERMIT_TYPES,
    RULES,
    SOURCE_NAMES,
    SOURCES,
    check_names,
)

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_name(data_period) -> str:
    if data_period.kind is PeriodKind.MONTH:
        return f"Bulan {long_date(data_period.start)[2:]}"
    return f"{PERIOD_NAMES[data_period.kind.value]} {ROMAN[data_period.index]} {data_period.year}"


def region_title(name: str, level: str) -> str:
    """The region as the cover and page header name it: 'Kabupaten Kapuas', 'Provinsi
    Kalimantan Tengah', 'Indonesia'. A regency's or city's name already says which it is
    (the Kemendagri names do), so its type is not repeated; a province's does not."""
    if level == "national" or name.split(" ", 1)[0] in ("Kabupaten", "Kota", "Provinsi"):
        return name
    return f"Provinsi {name}" if level == "province" else name


def institution(data: ReportData) -> str:
    """Who issues the report: the region's Kesbangpol; the ministry for the nation."""
    if data.is_national:
        return "Direktorat Jenderal Politik dan Pemerintahan Umum, Kementerian Dalam Negeri"
    return f"Badan Kesatuan Bangsa dan Politik {region_title(data.region_name, data.level)}"


def province_rows(data: ReportData) -> list[dict]:
    """The national report's 38 provinces, ranked on foreign workers."""
    return [{"code": p["region_code"], "name": p["region_name"],
             "workers": number(p["workers_total"]), "foreigners": number(p["foreigners_total"]),
             "registered": number(p["registered_total"]),
             "per_100k": _per_100k(p["workers_total"], p["population_2025"]),
             "discrepancies": number(p["discrepancy_persons"]),
             "pmi_indicated": number(p["pmi_persons_indicated"])} for p in data.provinces]


def link_rows(data: ReportData) -> list[dict]:
    """Per source naming a person: its rows of the region by how they were linked."""
    rows = []
    for source, measure in LINK_MEASURES.items():
        counts = data.breakdown(measure)
        rows.append({"source": SOURCES[source],
                     "counts": [number(counts.get(method, 0)) for method in LINK_METHODS]})
    return rows


def _per_100k(workers: int, population: int | None) -> str:
    return number(workers * 100_000 / population, 1) if population else "–"


def key_rows(data: ReportData) -> list[dict]:
    f, p = data.figures, data.previous or {}
    rows = [("Orang asing pemegang izin tinggal berlaku", "foreigners_total"),
            ("Jabatan TKA (RPTKA berlaku)", "workers_total"),
            ("Dokumen SKTT / KTP-el WNA aktif", "registered_total"),
            ("Izin tinggal berakhir dalam 90 hari", "expiring_90_days")]
    return [{"label": label, "value": number(f[key]),
             "previous": number(p.get(key)) if data.previous else "–",
             "change": change(f[key], p.get(key) if data.previous else None)}
            for label, key in rows]


def compliance_rows(data: ReportData) -> list[dict]:
    f = data.figures
    rules = data.breakdown("discrepancies")
    workers = f["workers_total"]
    due, paid = float(f["dkptka_due_usd"]), float(f["dkptka_paid_usd"])
    return [
        {"label": "TKA tanpa izin tinggal kerja yang berlaku",
         "value": number(rules.get("TKA_NO_PERMIT", 0)),
         "note": "RPTKA berlaku tetapi tanpa ITAS kerja (PP 34/2021 ps. 8 dan 11)."},
        {"label": "Izin tinggal kerja tanpa RPTKA di wilayah ini",
         "value": number(rules.get("PERMIT_NO_RPTKA", 0)),
         "note": "Cakupan RPTKA atas pemegang izin kerja (PP 34/2021 ps. 6)."},
        {"label": "DKPTKA terutang / dibayar", "value": f"{usd(due)} / {usd(paid)}",
         "note": ("Dibayar " + percent(paid / due) + " dari yang terutang (USD 100 per "
                  "jabatan per bulan, PP 34/2021 ps. 15).") if due else "Tidak ada TKA."},
        {"label": "Jabatan tanpa tenaga kerja pendamping",
         "value": f"{number(rules.get('NO_COMPANION', 0))} dari {number(workers)}",
         "note": "Wajib menunjuk TKI pendamping (PP 34/2021 ps. 26)."},
        {"label": "Jabatan tertutup bagi TKA",
         "value": number(rules.get("RESTRICTED_POSITION", 0)),
         "note": "Jabatan personalia (Kepmenaker 349/2019)."},
    ]


def rule_rows(data: ReportData) -> list[dict]:
    rules = data.breakdown("discrepancies")
    rows = []
    for code, (title, meaning) in RULES.items():
        listed = data.followup.get(code, [])
        count = int(rules.get(code, 0))
        rows.append({"code": code, "title": title, "meaning": meaning, "count": count,
                     "count_text": number(count), **capped(listed)})
    return rows


def view(data: ReportData) -> dict:
    """Every value the HTML shows, formatted; charts as inline SVG."""
    f = data.figures
    previous_period = data.period.previous()
    nationalities = [(f"{label or code} ({code})", value)
                     for code, label, value in data.rows("foreigners_by_nationality")]
    workers_nat = [(f"{label or code} ({code})", value)
                   for code, label, value in data.rows("workers_by_nationality")]
    sectors = [(code, number(v)) for code, _, v in data.rows("workers_by_sector")]
    positions = [(f"{code} {label or ''}".strip(), number(v))
                 for code, label, v in data.rows("workers_by_occupation")]
    depth = max(len(sectors), len(positions))
    sector_position = [(*(sectors[i] if i < len(sectors) else ("", "")),
                        *(positions[i] if i < len(positions) else ("", "")))
                       for i in range(depth)]
    regencies = [{"code": r["region_code"], "name": r["region_name"],
                  "workers": number(r["workers_total"]),
                  "foreigners": number(r["foreigners_total"]),
                  "per_100k": _per_100k(r["workers_total"], r["population_2025"])}
                 for r in data.regencies]
    summary = charts.compared_bars(
        ["Orang asing", "TKA", "Terdaftar"],
        [f["foreigners_total"], f["workers_total"], f["registered_total"]],
        None if data.previous is None else [data.previous["foreigners_total"],
                                            data.previous["workers_total"],
                                            data.previous["registered_total"]],
        "Angka utama", period_name(data.period), period_name(previous_period))
    return {
        "r": data,
        "title": "Laporan Pemantauan Orang Asing dan Tenaga Kerja Asing",
        "region_title": region_title(data.region_name, data.level),
        "institution": institution(data),
        "period_name": period_name(data.period),
        "previous_name": period_name(previous_period),
        "reference_date": long_date(data.reference_date),
        "horizon": long_date(data.reference_date + timedelta(days=90)),
        "key_rows": key_rows(data),
        "permit_types": [(kind, number(f[kind.lower()])) for kind in PERMIT_TYPES],
        "purposes": [(code, number(v)) for code, _, v in
                     data.rows("foreigners_by_purpose")],
        "employers": [(nib, name, number(v)) for nib, name, v in
                      data.rows("workers_by_employer")[:10]],
        "sector_position": sector_position,
        "compliance": compliance_rows(data),
        "rules": rule_rows(data),
        "expiring": number(f["expiring_90_days"]),
        "actions": [(kind, number(data.breakdown("administrative_actions").get(kind, 0)))
                    for kind in ACTIONS],
        "regencies": regencies,
        "provinces": province_rows(data),
        "districts": district_rows(data) if data.level == "regency" else [],
        "workers_total": number(f["workers_total"]),
        "population": number(f["population_2025"]),
        "workers_per_100k": _per_100k(f["workers_total"], f["population_2025"]),
        "lineage": [{"source": SOURCE_NAMES.get(row["source"], row["source"]),
                     "file": row["file_name"], "snapshot": long_date(row["snapshot_date"]),
                     "sha": row["sha256"][:12], "rows": number(row["rows_in_region"]),
                     "quarantined": number(row["rows_quarantined"]),
                     "failed": check_names(row["checks_failed"])} for row in data.lineage],
        "link_methods": list(LINK_METHODS.values()),
        "links": link_rows(data),
        "pmi": pmi_view(data),
        "charts": {
            "summary": summary,
            "nationalities": charts.horizontal_bars(
                nationalities, "Orang asing menurut kewarganegaraan (12 terbesar)"),
            "workers_by_nationality": charts.horizontal_bars(
                workers_nat, "TKA menurut kewarganegaraan (12 terbesar)"),
        },
        "maps": region_maps(data),
    }

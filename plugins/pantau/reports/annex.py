"""The operational annex for the TIMPORA team: operasi.json, operasi.xlsx, operasi.pdf.

Beside each regency and provincial report, never inside it: the Kesbangpol
report is for general distribution, a joint-operation plan is not (delivery
copies ``operasi.*`` to TIMPORA recipients only). The annex lists the
proposed sites in rank order, each score as its contributions factor by
factor (they add up to the score), the workers and flags behind them as
masked identifiers, and the last operation's findings at the site. Read as
the reporter role, from the targeting marts the period build writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime

import xlsxwriter
from markupsafe import Markup

from pantau.reports.annex_chart import waterfall
from pantau.reports.cells import cell, neutralise
from pantau.reports.formatting import long_date, number
from pantau.reports.texts import RULES

LISTED_IN_PDF = 40  # sites the PDF's ranking table lists
SHOWN_IN_PDF = 10  # sites the PDF explains one by one; the XLSX and JSON hold them all


@dataclass(frozen=True)
class Factor:
    name: str  # the weights file's key, as in operasi.json's contributions
    label: str  # Indonesian, for the PDF and the XLSX
    weight: float
    reason: str


@dataclass
class LastOperation:
    visit_date: date
    foreigners_checked: int
    findings_no_permit: int
    findings_permit_mismatch: int
    findings_overstay: int

    @property
    def findings(self) -> int:
        return self.findings_no_permit + self.findings_permit_mismatch + self.findings_overstay


@dataclass
class Site:
    rank: int
    nib: str | None  # None for a site that is not a company (a hotel, a port ...)
    name: str
    regency_code: str
    regency_name: str
    district_code: str | None
    score: float
    contributions: dict[str, float]  # factor -> points, in the weights file's order
    workers: list[dict] = field(default_factory=list)  # {"id": masked, "flags": [codes]}
    last_operation: LastOperation | None = None


@dataclass
class Annex:
    region_code: str
    region_name: str
    level: str
    period: str
    reference_date: date
    weights_sha256: str
    factors: list[Factor]
    sites: list[Site]


def _points(value: float) -> float:
    return round(float(value), 4)


def as_json(annex: Annex) -> dict:
    """operasi.json: the ranking as machines read it (schema in reports/README.md)."""
    return {
        "region_code": annex.region_code,
        "region_name": annex.region_name,
        "level": annex.level,
        "period": annex.period,
        "reference_date": annex.reference_date.isoformat(),
        "weights_sha256": annex.weights_sha256,
        "sites": [{
            "rank": site.rank, "nib": site.nib, "name": site.name,
            "regency_code": site.regency_code, "district_code": site.district_code,
            "score": _points(site.score),
            "contributions": {name: _points(points)
                              for name, points in site.contributions.items()},
            "workers": site.workers,
            "last_operation": None if site.last_operation is None else {
                "date": site.last_operation.visit_date.isoformat(),
                "foreigners_checked": site.last_operation.foreigners_checked,
                "findings_no_permit": site.last_operation.findings_no_permit,
                "findings_permit_mismatch": site.last_operation.findings_permit_mismatch,
                "findings_overstay": site.last_operation.findings_overstay,
            },
        } for site in annex.sites],
    }


def _last_operation_text(operation: LastOperation | None) -> str:
    if operation is None:
        return "lihat faktor operasi pada rincian skor"
    if not operation.findings:
        return (f"{long_date(operation.visit_date)}: {number(operation.foreigners_checked)} "
                "orang asing diperiksa, tanpa temuan")
    return (f"{long_date(operation.visit_date)}: {number(operation.foreigners_checked)} "
            f"diperiksa; tanpa izin {number(operation.findings_no_permit)}, izin tidak "
            f"sesuai {number(operation.findings_permit_mismatch)}, overstay "
            f"{number(operation.findings_overstay)}")


def _flag_titles(flags: list[str]) -> str:
    """A worker's flags as the report names its rules (the code where no rule has it)."""
    return ", ".join(RULES.get(code.removeprefix("rule:"), (code,))[0] for code in flags)


def view(annex: Annex, sites_map: Markup | str = "") -> dict:
    """Every value operasi.html shows, formatted; one waterfall per explained site."""
    labels = {factor.name: factor.label for factor in annex.factors}
    shown = annex.sites[:SHOWN_IN_PDF]
    return {
        "a": annex,
        "level_name": {"province": "Provinsi", "regency": ""}.get(annex.level, ""),
        "reference_date": long_date(annex.reference_date),
        "factors": [{"label": f.label, "weight": number(f.weight, 2), "reason": f.reason}
                    for f in annex.factors],
        "sites_map": sites_map,
        "ranking": [{"rank": s.rank, "nib": s.nib or "–", "name": s.name,
                     "regency": s.regency_name, "score": number(s.score, 1),
                     "workers": number(len(s.workers)),
                     "last": _last_operation_text(s.last_operation)}
                    for s in annex.sites[:LISTED_IN_PDF]],
        "more_sites": number(max(0, len(annex.sites) - LISTED_IN_PDF)) if len(annex.sites) >
        LISTED_IN_PDF else "",
        "explained": [{
            "rank": s.rank, "name": s.name, "nib": s.nib or "–", "regency": s.regency_name,
            "score": number(s.score, 1),
            "last": _last_operation_text(s.last_operation) if s.last_operation else "",
            "chart": waterfall([(labels.get(k, k), v) for k, v in s.contributions.items()],
                               s.score, f"{s.rank}. {s.name}"),
            "workers": [{"id": w["id"], "flags": _flag_titles(w["flags"])}
                        for w in s.workers[:12]],
            "more_workers": max(0, len(s.workers) - 12),
        } for s in shown],
    }


def workbook(annex: Annex, moment: datetime) -> bytes:
    """operasi.xlsx: the ranking with every contribution, the workers behind it, the weights."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.set_properties({"title": f"Lampiran operasional {annex.region_name} {annex.period}",
                         "author": "Pantau", "created": moment,
                         "comments": "Khusus Tim PORA; tidak untuk disebarluaskan."})
    head = book.add_format({"bold": True, "bg_color": "#E8EEF5"})
    decimal = book.add_format({"num_format": "#,##0.00"})
    whole = book.add_format({"num_format": "#,##0"})

    def sheet(name: str, header: list[str], rows: list[list]) -> None:
        page = book.add_worksheet(name)
        for c, title in enumerate(header):
            page.write_string(0, c, neutralise(title), head)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                shown = cell(value)
                if isinstance(shown, str):
                    page.write_string(r, c, shown)
                else:
                    page.write_number(r, c, shown,
                                      whole if isinstance(shown, int) else decimal)
        page.set_column(0, max(len(header) - 1, 0), 16)
        page.freeze_panes(1, 0)

    names = [f.name for f in annex.factors]
    sheet("Lokasi", ["Peringkat", "NIB", "Nama lokasi", "Kode kab/kota", "Kab/kota",
                     "Kode kecamatan", "Skor", *[f.label for f in annex.factors],
                     "Operasi terakhir"],
          [[s.rank, s.nib or "", s.name, s.regency_code, s.regency_name,
            s.district_code or "", _points(s.score),
            *[_points(s.contributions.get(n, 0.0)) for n in names],
            _last_operation_text(s.last_operation)] for s in annex.sites])
    sheet("Pekerja", ["Peringkat", "NIB", "Identitas (disamarkan)", "Tanda"],
          [[s.rank, s.nib or "", w["id"], ", ".join(w["flags"])]
           for s in annex.sites for w in s.workers])
    sheet("Bobot", ["Faktor", "Label", "Bobot", "Alasan"],
          [[f.name, f.label, f.weight, f.reason] for f in annex.factors]
          + [["SHA-256 berkas bobot", annex.weights_sha256, "", ""]])
    book.close()
    return buffer.getvalue()


FACTOR_LABELS = {  # the weights file's factors as the annex names them (Bahasa Indonesia)
    "admin_actions": "Tindakan administratif atas pekerjanya",
    "itk_sponsored": "Pemegang ITK (izin kunjungan) yang dijamin",
    "work_permit_no_position": "Izin kerja dijamin tanpa jabatan di lokasi",
    "operation_findings": "Temuan operasi terakhir",
    "operation_clear_recent": "Operasi tanpa temuan < 90 hari",
    "sector:mining_smelter": "Sektor tambang/smelter (KBLI)",
    "sector:plantation": "Sektor perkebunan (KBLI)",
    "sector:construction": "Sektor konstruksi (KBLI)",
    "hiding_share": "Porsi pekerja bertanda",
    "size": "Ukuran (TKA, bobot menurun)",
}


def factor_label(name: str) -> str:
    """A factor's Indonesian label; a rule factor takes the report's title of its rule."""
    if name.startswith("rule:"):
        return RULES.get(name[5:], (name[5:],))[0]
    return FACTOR_LABELS.get(name, name)


def from_targets(region_code: str, region_name: str, level: str, period: str,
                 reference_date: date, weights: dict, sites: list, names: dict[str, str]
                 ) -> Annex:
    """An Annex from the targeting marts' sites (``targeting_view.target_sites``) and the
    weights file as loaded (``weights``: its parsed JSON; the SHA-256 comes with the sites)."""
    factors = [Factor(name, factor_label(name), float(entry["weight"]), entry["alasan"])
               for name, entry in weights["factors"].items()]
    return Annex(
        region_code, region_name, level, period, reference_date,
        sites[0].weights_sha256 if sites else "", factors,
        [Site(rank=s.rank, nib=s.nib, name=s.site_name or "–",
              regency_code=s.regency_code, regency_name=names.get(s.regency_code,
                                                                  s.regency_code),
              district_code=s.district_code, score=float(s.score),
              contributions={c["factor"]: float(c["points"]) for c in s.contributions},
              workers=[{"id": w["person_ref"], "flags": list(w["flags"] or [])}
                       for w in s.workers_flagged],
              last_operation=None if s.last_visit is None else LastOperation(**s.last_visit))
         for s in sites])

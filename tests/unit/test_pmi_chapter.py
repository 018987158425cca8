"""The PMI chapter (issue 24) from hand-made report data: HTML, XLSX and the empty case.

No database: the data is what ``context.load`` hands the view, shaped as the
figures.json ``pmi`` object; one follow-up entry carries a plain NIK, which
must come out masked all the same.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import openpyxl
import pytest

from pantau.config import get_settings
from pantau.periods import Period
from pantau.reports import render, xlsx
from pantau.reports.context import ReportData, figures_json
from pantau.reports.texts import PMI_RULES
from pantau.reports.view import view

PLAIN_NIK = "6203011204990001"  # a plain identifier that must never be shown


def _pmi(placements: int = 12) -> dict:
    return {
        "placements_departed": placements,
        "placements_by_destination": {"MYS": 4, "SAU": 3, "HKG": 1, "JPN": 1, "KOR": 1,
                                      "QAT": 1, "TWN": 1},
        "placements_by_scheme": {"P TO P": 11, "G TO G": 0, "G TO P": 0, "UKPS": 0,
                                 "PERSEORANGAN": 1},
        "placements_informal": 4,
        "passports_issued": {"WISATA": 111, "UMROH": 32, "HAJI": 4, "KUNJUNGAN KELUARGA": 20,
                             "BEKERJA": 19, "BELAJAR": 7, "BISNIS": 10, "BEROBAT": 4,
                             "LAINNYA": 0},
        "passports_withheld_pmi": 5,
        "departures_postponed": {"INDIKASI PMI NON PROSEDURAL": 16, "INDIKASI TPPO": 6,
                                 "DOKUMEN TIDAK SAH": 2, "LAINNYA": 4},
        "returnees": {"TANPA DOKUMEN": 9, "OVERSTAY": 7, "PENYALAHGUNAAN IZIN TINGGAL": 3,
                      "PIDANA": 0, "NARKOTIKA": 0, "SAKIT": 2, "MENINGGAL": 0, "LAINNYA": 0},
        "indications": {"PMI_POSTPONED_NO_PLACEMENT": 20, "PMI_NON_WORK_PASSPORT": 3,
                        "PMI_PASSPORT_AFTER_REFUSAL": 2, "PMI_CLOSED_DESTINATION": 8,
                        "PMI_UNDERAGE": 2, "PMI_RETURNEE_NO_PLACEMENT": 16,
                        "PMI_REPEAT_RETURNEE": 2},
    }


AREAS = {
    "regency": [{"code": "62.03.09", "name": "Mantangai", "persons_indicated": 6,
                 "placements_departed": 0},
                {"code": "62.03.11", "name": "Kapuas Tengah", "persons_indicated": 4,
                 "placements_departed": 0},
                {"code": "62.03.12", "name": "Kapuas Hulu", "persons_indicated": 4,
                 "placements_departed": 2}],
    "province": [{"code": "62.03", "name": "Kabupaten Kapuas", "persons_indicated": 53,
                  "placements_departed": 12},
                 {"code": "62.71", "name": "Kota Palangka Raya", "persons_indicated": 9,
                  "placements_departed": 30}],
}
COUNTRIES = {"MYS": "Malaysia", "SAU": "Arab Saudi", "HKG": "Hong Kong", "JPN": "Jepang",
             "KOR": "Korea Selatan", "QAT": "Qatar", "TWN": "Taiwan"}


def _figures(region: str, level: str, name: str) -> dict:
    return {"period": "2024-Q4", "region_code": region, "level": level, "region_name": name,
            "province_code": "62", "reference_date": date(2024, 12, 31),
            "foreigners_total": 7, "itas": 4, "itap": 2, "itk": 1, "workers_total": 3,
            "registered_total": 5, "expiring_90_days": 2, "dkptka_due_usd": 3_600,
            "dkptka_paid_usd": 1_200, "population_2025": 300_000}


def _data(level: str, pmi: bool = True, previous: bool = True,
          followup: int = 3) -> ReportData:
    region, name = ("62", "Kalimantan Tengah") if level == "province" else \
        ("62.03", "Kabupaten Kapuas")
    figures = _figures(region, level, name)
    areas = AREAS[level]
    refs = [(f"62{'*' * 14}", areas[i % len(areas)]["code"]) for i in range(followup)]
    return ReportData(
        period=Period.parse("2024-Q4"), region_code=region, region_name=name, level=level,
        province_code="62", reference_date=date(2024, 12, 31), figures=figures,
        previous=None, breakdowns={}, followup={}, lineage=[],
        regencies=[_figures("62.03", "regency", "Kabupaten Kapuas")] if level == "province"
        else [],
        pmi=_pmi() | {"priority_areas": areas} if pmi else {},
        pmi_previous=(_pmi(placements=10) | {"priority_areas": []}) if previous else None,
        pmi_followup={"PMI_POSTPONED_NO_PLACEMENT": [*refs, (PLAIN_NIK, areas[0]["code"])],
                      "PMI_UNDERAGE": [("EA1234567", areas[0]["code"])]} if pmi else {},
        country_names=COUNTRIES if pmi else {})


def _html(data: ReportData) -> str:
    page = view(data)
    page["css"] = ""
    page["content_sha256"] = "0" * 64
    return render._environment(get_settings()).get_template("report.html.j2").render(**page)


def _chapter(html: str) -> str:
    return html[html.index('<section id="pmi">'):html.index('<section id="lampiran">')]


@pytest.mark.parametrize("level", ["regency", "province"])
def test_the_chapter_shows_rules_numbers_areas_and_trend(level: str) -> None:
    html = _html(_data(level))
    chapter = _chapter(html)
    assert "Pelindungan Pekerja Migran Indonesia" in chapter
    assert "Belum ada data" not in chapter
    for code, (title, _, basis) in PMI_RULES.items():
        assert title in chapter and code in chapter
        assert basis.split(";")[0].split(" (")[0] in chapter
    for basis in ("UU 18/2017", "UU 21/2007", "UU 6/2011", "IMI-0277.GR.02.06",
                  "Kepmenaker 260/2015"):
        assert basis in chapter
    assert "Malaysia (MYS)" in chapter and "Arab Saudi (SAU)" in chapter
    assert chapter.index("Malaysia") < chapter.index("Arab Saudi") < chapter.index("Qatar")
    assert "33,3 %" in chapter  # informal share: 4 of 12
    assert ">111<" in chapter and ">16<" in chapter  # WISATA passports, postponed PMI NP
    heading = ("Kabupaten/kota prioritas sosialisasi" if level == "province"
               else "Kecamatan prioritas sosialisasi")
    assert heading in chapter
    names = [area["name"] for area in AREAS[level]]
    positions = [chapter.index(f"{name} (") for name in names]
    assert positions == sorted(positions)
    # trend: 12 placements against 10, +2 (+20,0 %)
    assert "+2 (+20,0 %)" in chapter
    assert "Tindak lanjut: Penundaan tanpa data penempatan (20 orang)" in chapter
    assert PLAIN_NIK not in html and "EA1234567" not in html
    assert "62**************" in chapter and "EA*******" in chapter


def test_without_a_previous_period_the_trend_shows_a_dash() -> None:
    chapter = _chapter(_html(_data("regency", previous=False)))
    assert chapter.count(">—<") == 10  # five rows, previous and change


def test_the_follow_up_list_is_capped() -> None:
    chapter = _chapter(_html(_data("regency", followup=75)))
    assert "(20 orang, 60 pertama)" in chapter
    listed = chapter.split("Tindak lanjut: Penundaan")[1].split("</p>")[0]
    assert listed.count("62**************") == 60


@pytest.mark.parametrize("level", ["regency", "province"])
def test_an_empty_pmi_renders_with_zeros_and_says_so(level: str) -> None:
    chapter = _chapter(_html(_data(level, pmi=False, previous=False)))
    assert "Pelindungan Pekerja Migran Indonesia" in chapter
    assert "Belum ada data" in chapter
    assert "Tidak ada penempatan yang berangkat." in chapter
    assert "Tidak ada orang terindikasi." in chapter
    for title, _, _ in PMI_RULES.values():
        assert title in chapter
    assert "Tindak lanjut:" not in chapter


def _book(data: ReportData) -> openpyxl.Workbook:
    blob = xlsx.workbook(data, figures_json(data), datetime(2024, 12, 31, tzinfo=UTC))
    return openpyxl.load_workbook(io.BytesIO(blob))


SHEETS = ["PMI Ringkasan", "PMI Penempatan", "PMI Skema", "PMI Indikasi", "PMI Paspor",
          "PMI Penundaan", "PMI Pemulangan", "PMI Prioritas", "PMI Tindak Lanjut"]


@pytest.mark.parametrize("level", ["regency", "province"])
def test_the_xlsx_has_a_sheet_per_table_with_masked_ids_only(level: str) -> None:
    book = _book(_data(level))
    assert all(name in book.sheetnames and len(name) <= 31 for name in SHEETS)
    rows = {name: [[c.value for c in row] for row in book[name].iter_rows(min_row=2)]
            for name in SHEETS}
    assert rows["PMI Penempatan"][0] == ["MYS", "Malaysia", 4]
    assert rows["PMI Ringkasan"][0][1:] == [12, 10]
    assert [r[0] for r in rows["PMI Indikasi"]] == list(PMI_RULES)
    assert rows["PMI Indikasi"][0][2] == 20
    assert [r[2] for r in rows["PMI Prioritas"]] == [a["name"] for a in AREAS[level]]
    assert rows["PMI Paspor"][-1][1] == 5
    everything = [c.value for s in book for row in s.iter_rows() for c in row]
    assert PLAIN_NIK not in everything and "EA1234567" not in everything
    follow = rows["PMI Tindak Lanjut"]
    assert len(follow) == 5 and all("*" in r[2] for r in follow)
    assert [(s.title, c.coordinate) for s in book for row in s.iter_rows() for c in row
            if c.data_type == "f"] == []


def test_the_xlsx_of_an_empty_pmi_has_zeros() -> None:
    rows = {s.title: [[c.value for c in row] for row in s.iter_rows(min_row=2)]
            for s in _book(_data("regency", pmi=False, previous=False))}
    assert rows["PMI Ringkasan"][0][1:] == [0, "—"]
    assert rows["PMI Penempatan"] == [] and rows["PMI Tindak Lanjut"] == []
    assert {r[1] for r in rows["PMI Penundaan"]} == {0}

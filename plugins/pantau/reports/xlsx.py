"""The XLSX annex: one sheet per table, real numbers, no cell Excel could run as a formula."""

from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter

from pantau.reports.cells import cell, neutralise
from pantau.reports.context import ReportData
from pantau.reports.pmi_view import TREND_LABELS, destination_rows, trend_values
from pantau.reports.texts import (
    ACTIONS,
    PERMIT_TYPES,
    PMI_CASE_TYPES,
    PMI_POSTPONEMENT_REASONS,
    PMI_PURPOSES,
    PMI_RULES,
    PMI_SCHEMES,
    RULES,
    SOURCE_NAMES,
    check_names,
)
from pantau.warehouse.masking import mask


def _sheet(book, name: str, header: list[str], rows: list[list], formats: dict) -> None:
    """One table; every cell goes through ``cells.cell`` and is written as a number or a
    string (``write_string``), never through ``write()``, which could make a formula."""
    sheet = book.add_worksheet(name)
    for c, title in enumerate(header):
        sheet.write_string(0, c, neutralise(title), formats["head"])
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            shown = cell(value)
            if isinstance(shown, str):
                sheet.write_string(r, c, shown)
            else:
                sheet.write_number(r, c, shown, formats["number"])
    sheet.set_column(0, max(len(header) - 1, 0), 18)
    sheet.freeze_panes(1, 0)


def _pmi_sheets(book, data: ReportData, formats: dict) -> None:
    """The PMI chapter's tables, one sheet each; follow-up lists in full (masked ids only)."""
    pmi = data.pmi

    def counts(key: str, categories: tuple[str, ...]) -> list[list]:
        given = pmi.get(key) or {}
        return [[category, int(given.get(category, 0))] for category in categories]

    now = trend_values(pmi)
    before = trend_values(data.pmi_previous) if data.pmi_previous is not None else None
    _sheet(book, "PMI Ringkasan", ["Indikator", data.period.label,
                                   data.period.previous().label], [
        *[[label, now[key], before[key] if before is not None else "—"]
          for key, label in TREND_LABELS.items()],
        ["Penempatan sektor informal", int(pmi.get("placements_informal", 0)), ""]], formats)
    _sheet(book, "PMI Penempatan", ["Kode", "Negara tujuan", "PMI berangkat"],
           [[code, name, n] for code, name, n in destination_rows(data)], formats)
    _sheet(book, "PMI Skema", ["Skema penempatan", "PMI berangkat"],
           counts("placements_by_scheme", PMI_SCHEMES), formats)
    indications = pmi.get("indications") or {}
    _sheet(book, "PMI Indikasi", ["Kode", "Temuan", "Orang", "Arti", "Dasar hukum"], [
        [code, title, int(indications.get(code, 0)), meaning, basis]
        for code, (title, meaning, basis) in PMI_RULES.items()], formats)
    _sheet(book, "PMI Paspor", ["Tujuan (paspor terbit)", "Paspor"],
           [*counts("passports_issued", PMI_PURPOSES),
            ["Ditunda/ditolak: indikasi PMI nonprosedural",
             int(pmi.get("passports_withheld_pmi", 0))]], formats)
    _sheet(book, "PMI Penundaan", ["Alasan penundaan", "Penundaan"],
           counts("departures_postponed", PMI_POSTPONEMENT_REASONS), formats)
    _sheet(book, "PMI Pemulangan", ["Jenis kasus", "Kedatangan"],
           counts("returnees", PMI_CASE_TYPES), formats)
    areas = pmi.get("priority_areas") or []
    _sheet(book, "PMI Prioritas", ["Peringkat", "Kode", data.area_unit, "Orang terindikasi",
                                   "Penempatan prosedural"], [
        [rank, area["code"], area["name"], area["persons_indicated"],
         area["placements_departed"]] for rank, area in enumerate(areas, start=1)], formats)
    names = {area["code"]: area["name"] for area in areas}
    _sheet(book, "PMI Tindak Lanjut", ["Kode", "Temuan", "Identitas (tersamar)", "Kode wilayah",
                                       "Wilayah"], [
        [code, title, mask(ref), area or "", names.get(area, "")]
        for code, (title, _, _) in PMI_RULES.items()
        for ref, area in data.pmi_followup.get(code, [])], formats)


def workbook(data: ReportData, figures: dict, moment: datetime) -> bytes:
    """The annex as XLSX bytes; xlsxwriter's string guessing is off as a second guard."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    book.set_properties({"title": f"Pantau {data.region_name} {data.period.label}",
                         "author": "Pantau", "created": moment.replace(tzinfo=None)})
    formats = {"head": book.add_format({"bold": True, "bg_color": "#E8EEF5"}),
               "number": book.add_format({"num_format": "#,##0"})}
    _sheet(book, "Ringkasan", ["Indikator", "Nilai"], [
        ["Wilayah", f"{data.region_name} ({data.region_code})"],
        ["Periode", data.period.label], ["Tanggal acuan", data.reference_date.isoformat()],
        ["Orang asing (izin tinggal berlaku)", figures["foreigners_total"]],
        *[[f"  {kind}", figures["by_permit_type"][kind]] for kind in PERMIT_TYPES],
        ["Jabatan TKA (RPTKA berlaku)", figures["workers_total"]],
        ["SKTT / KTP-el WNA aktif", figures["registered_total"]],
        ["Izin berakhir dalam 90 hari", figures["expiring_90_days"]],
        ["DKPTKA terutang (USD)", figures["dkptka_due_usd"]],
        ["DKPTKA dibayar (USD)", figures["dkptka_paid_usd"]],
    ], formats)
    _sheet(book, "Kewarganegaraan", ["Kode", "Negara", "Orang asing", "TKA"], [
        [code, label or code, int(value), int(data.breakdown("workers_by_nationality")
                                              .get(code, 0))]
        for code, label, value in data.rows("foreigners_by_nationality")], formats)
    _sheet(book, "Tujuan", ["Tujuan", "Orang asing"], [
        [code, int(value)] for code, _, value in data.rows("foreigners_by_purpose")],
        formats)
    for name, measure, header in (("TKA_Pemberi_kerja", "workers_by_employer",
                                   ["NIB", "Pemberi kerja", "Jabatan TKA"]),
                                  ("TKA_Sektor", "workers_by_sector", ["KBLI", "", "Jabatan TKA"]),
                                  ("TKA_Jabatan", "workers_by_occupation",
                                   ["KBJI", "Jabatan", "Jabatan TKA"])):
        _sheet(book, name, header, [[code, label or "", int(value)]
                                    for code, label, value in data.rows(measure)],
               formats)
    _sheet(book, "Rekonsiliasi", ["Kode", "Temuan", "Orang"], [
        [code, title, figures["discrepancies"][code]] for code, (title, _) in RULES.items()],
        formats)
    _sheet(book, "Tindak_lanjut", ["Kode", "Paspor (tersamar)", "Kewarganegaraan"], [
        [code, ref, nationality] for code in RULES
        for ref, nationality in data.followup.get(code, [])], formats)
    _sheet(book, "Tindakan", ["Jenis tindakan", "Jumlah"], [
        [kind, figures["administrative_actions"][kind]] for kind in ACTIONS], formats)
    if data.regencies:
        _sheet(book, "Kabupaten_kota", ["Kode", "Kabupaten/kota", "TKA", "Orang asing",
                                        "Terdaftar", "Penduduk 2025"], [
            [r["region_code"], r["region_name"], r["workers_total"], r["foreigners_total"],
             r["registered_total"], int(r["population_2025"] or 0)] for r in data.regencies],
            formats)
    _pmi_sheets(book, data, formats)
    _sheet(book, "Asal_data", ["Sumber", "Berkas", "Snapshot", "SHA-256", "Baris di wilayah",
                               "Dikarantina", "Pemeriksaan gagal"], [
        [SOURCE_NAMES.get(row["source"], row["source"]), row["file_name"],
         row["snapshot_date"].isoformat(), row["sha256"], row["rows_in_region"],
         row["rows_quarantined"], check_names(row["checks_failed"], "")]
        for row in data.lineage], formats)
    book.close()
    return buffer.getvalue()

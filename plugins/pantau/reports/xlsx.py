"""The XLSX annex: one sheet per table, real numbers, no cell Excel could run as a formula."""

from __future__ import annotations

import io
from datetime import datetime

import xlsxwriter

from pantau.reports.cells import cell, neutralise
from pantau.reports.context import ReportData
from pantau.reports.texts import ACTIONS, PERMIT_TYPES, RULES, SOURCES


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
    _sheet(book, "Asal_data", ["Sumber", "Berkas", "Snapshot", "SHA-256", "Baris di wilayah",
                               "Dikarantina", "Pemeriksaan gagal"], [
        [SOURCES.get(row["source"], row["source"]), row["file_name"],
         row["snapshot_date"].isoformat(), row["sha256"], row["rows_in_region"],
         row["rows_quarantined"], row["checks_failed"] or ""] for row in data.lineage], formats)
    book.close()
    return buffer.getvalue()

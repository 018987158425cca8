"""The four PMI exports through ingest and the quality gate on the real embedded warehouse.

Each file is made here: clean rows, then one planted row per row rule (held
for exactly that rule), and a row whose NIK is not valid (only noted: its
origin falls back to the stated regency). Clean rows pass.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import psycopg
import pytest

from pantau.ingest.pipeline import ingest_paths
from pantau.quality.gate import run_gate
from pantau.sources.catalog import SOURCES

SNAPSHOT = "20250131"
CLEAN = 8  # clean rows per file, before the planted ones


def nik(born: date, sex: str, serial: int, district: str = "321201") -> str:
    """A valid NIK for someone first registered in ``district`` (Haurgeulis, Indramayu)."""
    day = born.day + (40 if sex == "P" else 0)
    return f"{district}{day:02d}{born:%m%y}{serial:04d}"


def person(i: int) -> dict:
    born = date(1985, 1, 1) + timedelta(days=211 * i)
    sex = "P" if i % 2 else "L"
    return {"born": born, "sex": sex, "nik": nik(born, sex, i + 1)}


def placement(i: int) -> dict:
    p = person(i)
    return {"ID_PMI": f"PMI-32-{i:05d}", "NIK": p["nik"], "NAMA": f"Pekerja {i}",
            "JENIS_KELAMIN": p["sex"], "TGL_LAHIR": f"{p['born']:%d-%m-%Y}",
            "KAB_KOTA_ASAL": "KAB. INDRAMAYU", "NO_PASPOR": f"C{1000000 + i}",
            "NEGARA_TUJUAN": "TAIWAN", "JABATAN": "Caregiver", "SEKTOR": "INFORMAL",
            "SKEMA": "P to P", "P3MI": "PT Maju", "TGL_BERANGKAT": "02/11/2024",
            "TGL_AKHIR_KONTRAK": "2027-11-02", "STATUS": "BERANGKAT"}


def application(i: int) -> dict:
    p = person(i)
    return {"NOMOR_PERMOHONAN": f"PRM-{i:06d}", "TANGGAL_PERMOHONAN": "2025-01-06",
            "NIK": p["nik"], "NAMA_LENGKAP": f"Pemohon {i}", "JENIS_KELAMIN": p["sex"],
            "TANGGAL_LAHIR": f"{p['born']:%Y-%m-%d}", "KAB_KOTA": "Indramayu",
            "TUJUAN": "BEKERJA", "NEGARA_TUJUAN": "HONGKONG" if i % 3 else "",
            "REKOMENDASI_KERJA": f"REK/{i}", "STATUS": "TERBIT", "ALASAN": "",
            "NOMOR_PASPOR": f"X {2000000 + i}", "TANGGAL_TERBIT": "13-01-2025",
            "KANTOR_IMIGRASI": "KANIM CIREBON"}


def postponement(i: int) -> dict:
    p = person(i)
    return {"NOMOR_PENUNDAAN": f"TND-{i:05d}", "TANGGAL": "2025-01-10", "TPI": "SOEKARNO HATTA",
            "NAMA_LENGKAP": f"Penumpang {i}", "NIK": p["nik"], "NOMOR_PASPOR": f"C{3000000 + i}",
            "JENIS_KELAMIN": p["sex"], "TANGGAL_LAHIR": f"{p['born']:%d/%m/%Y}",
            "KAB_KOTA_ASAL": "Kabupaten Indramayu", "NEGARA_TUJUAN": "Kamboja",
            "TUJUAN_DINYATAKAN": "WISATA", "ALASAN": "INDIKASI PMI NONPROSEDURAL",
            "DISERAHKAN_KEPADA": "BP3MI"}


def returnee(i: int) -> dict:
    p = person(i)
    return {"NOMOR_REGISTER": f"REG-{i:05d}", "TANGGAL_TIBA": "2025-01-15",
            "PELABUHAN_TIBA": "NUNUKAN", "NAMA": f"Pulang {i}", "NIK": p["nik"] if i % 2 else "",
            "JENIS_KELAMIN": p["sex"], "TANGGAL_LAHIR": f"{p['born']:%d-%m-%Y}",
            "KAB_KOTA_ASAL": "KAB. INDRAMAYU", "NEGARA_ASAL": "MALAYSIA",
            "JENIS_KASUS": "Tanpa Dokumen", "NO_PASPOR": ""}


NO_ORIGIN = {"NIK": "", "KAB_KOTA_ASAL": "KAB. ANTAH BERANTAH"}
# Per source: the clean row, its file, and the planted rows: (the rules that
# must hold the row, what differs from a clean row). None: the row is only noted.
PLANTS = {
    "kp2mi_penempatan": (placement, "penempatan_32", [
        ({"value_unreadable"}, {"TGL_AKHIR_KONTRAK": "31-02-2027"}),
        ({"region_mapped"}, NO_ORIGIN),
        ({"country_mapped"}, {"NEGARA_TUJUAN": "ATLANTIS"}),
        ({"date_not_before_birth"}, {"TGL_BERANGKAT": "01-01-1980", "TGL_LAHIR": "01-01-1990",
                                     "NIK": "", "JENIS_KELAMIN": "L"}),
        ({"scheme_known"}, {"SKEMA": "SKEMA BARU"}),
        ({"sector_known"}, {"SEKTOR": "CAMPURAN"}),
        ({"placement_status_known"}, {"STATUS": "MENUNGGU"}),
        ({"departed_has_date"}, {"TGL_BERANGKAT": "", "STATUS": "PULANG"}),
        ({"birth_date_plausible"}, {"TGL_LAHIR": "1890-05-01", "NIK": ""}),
        (None, {"NIK": "321201410190000"}),
    ]),
    "imigrasi_paspor": (application, "CIREBON/paspor_CIREBON", [
        ({"value_unreadable"}, {"TANGGAL_PERMOHONAN": "2025-13-01"}),
        ({"region_mapped"}, {"NIK": "", "KAB_KOTA": "KOTA ATLANTIS"}),
        ({"country_mapped"}, {"NEGARA_TUJUAN": "NEGARA API"}),
        ({"purpose_known"}, {"TUJUAN": "JALAN JALAN"}),
        ({"application_status_known"}, {"STATUS": "MENGGANTUNG", "NOMOR_PASPOR": "",
                                        "TANGGAL_TERBIT": ""}),
        ({"reason_known"}, {"STATUS": "DITOLAK", "ALASAN": "TIDAK SUKA", "NOMOR_PASPOR": "",
                            "TANGGAL_TERBIT": ""}),
        ({"issued_has_passport"}, {"NOMOR_PASPOR": ""}),
        ({"passport_without_issue"}, {"STATUS": "DITUNDA", "ALASAN": "PMI NON PROSEDURAL"}),
        ({"issue_not_before_application"}, {"TANGGAL_TERBIT": "2025-01-02"}),
        (None, {"NIK": "32120141AB900001"}),
    ]),
    "imigrasi_penundaan": (postponement, "penundaan_SOEKARNOHATTA", [
        ({"value_unreadable"}, {"TANGGAL": "32-01-2025"}),
        ({"region_mapped"}, NO_ORIGIN),
        ({"country_mapped"}, {"NEGARA_TUJUAN": ""}),
        ({"purpose_known"}, {"TUJUAN_DINYATAKAN": "ENTAH"}),
        ({"reason_known"}, {"ALASAN": "CURIGA"}),
        ({"handed_to_known"}, {"DISERAHKAN_KEPADA": "TETANGGA"}),
        ({"date_not_before_birth"}, {"TANGGAL": "2025-01-10", "TANGGAL_LAHIR": "11/01/2025",
                                     "NIK": ""}),
        ({"natural_key_conflict"}, {"NOMOR_PENUNDAAN": "TND-00001", "NAMA_LENGKAP": "Lain"}),
        (None, {"NIK": "3299014101900001"}),  # regency 32.99 does not exist
    ]),
    "bp3mi_pemulangan": (returnee, "pemulangan_NUNUKAN", [
        ({"value_unreadable"}, {"TANGGAL_TIBA": "30/02/2025"}),
        ({"region_mapped"}, NO_ORIGIN),
        ({"country_mapped"}, {"NEGARA_ASAL": "ZZZ"}),
        ({"case_type_known"}, {"JENIS_KASUS": "KABUR"}),
        ({"duplicate_row"}, {}),  # an exact copy of clean row 0
        (None, {"NIK": "3212010101900001", "JENIS_KELAMIN": "P"}),  # a man's NIK for a woman
    ]),
}
NATURAL_KEY_PARTNER = {"imigrasi_penundaan": 1}  # the clean row the planted conflict shares


def _write(landing: Path, source_id: str) -> tuple[str, dict[int, set[str] | None]]:
    make, stem, planted = PLANTS[source_id]
    source = SOURCES[source_id]
    rows = [make(i) for i in range(CLEAN)]
    expected: dict[int, set[str] | None] = {}
    for rules, changes in planted:
        base = make(0) if rules == {"duplicate_row"} else make(len(rows))
        expected[len(rows) + 2] = rules
        rows.append({**base, **changes})
    if source_id in NATURAL_KEY_PARTNER:
        expected[NATURAL_KEY_PARTNER[source_id] + 2] = {"natural_key_conflict"}
    path = landing / source_id / f"{stem}_{SNAPSHOT}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    delimiter = source.delimiter
    with path.open("w", encoding="cp1252" if source_id == "bp3mi_pemulangan" else "utf-8",
                   newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=source.headers, delimiter=delimiter)
        writer.writeheader()
        writer.writerows(rows)
    return path.name, expected


@pytest.fixture
def gated(warehouse: str, tmp_path: Path) -> dict[str, dict[int, set[str] | None]]:
    landing = tmp_path / "landing"
    expected = {}
    for source_id in PLANTS:
        name, rows = _write(landing, source_id)
        expected[name] = rows
    outcomes = ingest_paths([landing])
    assert {o.status for o in outcomes} == {"loaded"}, [o.message for o in outcomes]
    report = run_gate(sources=list(PLANTS))
    assert not report.rejected and not report.errors
    return expected


def test_each_planted_row_is_held_for_its_rule_and_an_invalid_nik_only_noted(
        gated: dict, db: psycopg.Connection) -> None:
    held: dict[tuple[str, int], set[str]] = {}
    for name, row_number, rule in db.execute("""
            SELECT b.original_name, r.row_number, r.rule
              FROM quarantine.reason AS r JOIN audit.batch AS b USING (batch_id)""").fetchall():
        held.setdefault((name, row_number), set()).add(rule)
    noted: dict[tuple[str, int], set[str]] = {}
    for name, row_number, rule in db.execute("""
            SELECT b.original_name, n.row_number, n.rule
              FROM quarantine.row_note AS n JOIN audit.batch AS b USING (batch_id)""").fetchall():
        noted.setdefault((name, row_number), set()).add(rule)
    want_held = {(name, row): rules for name, rows in gated.items()
                 for row, rules in rows.items() if rules is not None}
    want_noted = {(name, row) for name, rows in gated.items()
                  for row, rules in rows.items() if rules is None}
    assert held == want_held
    assert {key for key, rules in noted.items() if "nik_format" in rules} == want_noted
    assert not set(held) & want_noted


def test_every_batch_is_validated_and_the_origin_is_derived(gated: dict,
                                                            db: psycopg.Connection) -> None:
    statuses = db.execute("SELECT source, status FROM audit.batch ORDER BY source").fetchall()
    assert statuses == sorted((source, "validated") for source in PLANTS)
    for source in PLANTS:
        origins = dict(db.execute(f"""
            SELECT coalesce(origin_from, '-'), count(*) FROM staging.{source}
             GROUP BY 1""").fetchall())
        assert origins["nik"] > 0 and origins["stated"] > 0 and origins["-"] == 1, source
    invalid = db.execute("""
        SELECT nik_valid, origin_regency_code, origin_district_code, origin_from
          FROM staging.kp2mi_penempatan WHERE length(nik) = 15""").fetchall()
    assert invalid == [(False, "32.12", None, "stated")]


def test_a_corrected_stated_regency_gives_a_held_row_its_origin_on_release(
        gated: dict, db: psycopg.Connection) -> None:
    from typer.testing import CliRunner

    from pantau.cli import app

    batch, row = db.execute("""
        SELECT r.batch_id, r.row_number FROM quarantine.reason AS r
          JOIN audit.batch AS b USING (batch_id)
         WHERE b.source = 'kp2mi_penempatan' AND r.rule = 'region_mapped'""").fetchone()
    released = CliRunner().invoke(app, [
        "quarantine", "release", f"{batch}:{row}", "--by", "ani",
        "--why", "regency confirmed by BP3MI", "--set", "KAB_KOTA_ASAL=Kabupaten Cilacap"])
    assert released.exit_code == 0, released.output
    assert db.execute("""
        SELECT stated_regency_code, origin_regency_code, origin_from, nik_valid
          FROM staging.kp2mi_penempatan WHERE batch_id = %s AND row_number = %s""",
                      (batch, row)).fetchone() == ("33.01", "33.01", "stated", None)
    assert db.execute("SELECT status FROM quarantine.held_row WHERE batch_id = %s "
                      "AND row_number = %s", (batch, row)).fetchone() == ("released",)

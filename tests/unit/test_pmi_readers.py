"""Small hand-made PMI exports read and staged as the field writes them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import identify
from pantau.sources.readers import ROW_NUMBER, open_table
from pantau.sources.staging import Context, tag, to_staging


def _read(path: Path, source_id: str, scope: str | None = None) -> tuple[pd.DataFrame, object]:
    source = SOURCES[source_id]
    table = open_table(path, source)
    chunk = pd.concat(list(table.chunks), ignore_index=True)
    staged = to_staging(source, tag(chunk, 1, Context.for_scope(scope)))
    frame = staged.tables[source_id]
    return frame.astype(object).where(frame.notna(), None), table


def test_a_windows_1252_returnee_file_with_empty_nik_and_passport(tmp_path: Path) -> None:
    text = ("NOMOR_REGISTER,TANGGAL_TIBA,PELABUHAN_TIBA,NAMA,NIK,JENIS_KELAMIN,TANGGAL_LAHIR,"
            "KAB_KOTA_ASAL,NEGARA_ASAL,JENIS_KASUS,NO_PASPOR\r\n"
            "REG/NNK/0001,05-01-2025,NUNUKAN,André Situmorang,,L,1990-03-12,KAB. NUNUKAN,"
            "Malaysia,tanpa dokumen,\r\n"
            "REG/NNK/0002,2025-01-06,NUNUKAN,siti aminah,3212014101900001,P,01/01/1990,"
            "Kabupaten Cilacap,MALAYSIA,Over Stay,c 123 4567\r\n")
    path = tmp_path / "bp3mi_pemulangan" / "pemulangan_NUNUKAN_20250131.csv"
    path.parent.mkdir()
    path.write_bytes(text.encode("cp1252"))
    pickup = identify(path)
    assert (pickup.source.id, pickup.scope, pickup.snapshot_date) == (
        "bp3mi_pemulangan", "NUNUKAN", date(2025, 1, 31))
    rows, table = _read(path, "bp3mi_pemulangan", pickup.scope)
    assert table.encoding == "cp1252"
    first, second = rows.to_dict("records")
    assert first["full_name"] == "André Situmorang" and second["full_name"] == "siti aminah"
    assert (first["nik"], first["passport_number"], first["nik_valid"]) == (None, None, None)
    assert (first["origin_regency_code"], first["origin_from"]) == ("65.03", "stated")
    assert first["case_type"] == "TANPA DOKUMEN" and second["case_type"] == "OVERSTAY"
    assert [first["arrival_date"], second["arrival_date"]] == [date(2025, 1, 5),
                                                               date(2025, 1, 6)]
    assert second["birth_date"] == date(1990, 1, 1) and second["passport_number"] == "C1234567"
    assert (second["nik_valid"], second["origin_regency_code"], second["origin_from"]) == (
        True, "32.12", "nik")
    assert [first["deported_from"], second["deported_from"]] == ["MYS", "MYS"]


def test_a_passport_office_delta_in_its_office_folder(tmp_path: Path) -> None:
    header = ("NOMOR_PERMOHONAN;TANGGAL_PERMOHONAN;NIK;NAMA_LENGKAP;JENIS_KELAMIN;TANGGAL_LAHIR;"
              "KAB_KOTA;TUJUAN;NEGARA_TUJUAN;REKOMENDASI_KERJA;STATUS;ALASAN;NOMOR_PASPOR;"
              "TANGGAL_TERBIT;KANTOR_IMIGRASI\n")
    body = ("P-001;02/01/2025;3212010101900002;budi santoso;L;01-01-1990;Indramayu;Bekerja;"
            "Hongkong;REK/123;terbit;;X 1234567;2025-01-09;KANIM CIREBON\n"
            "P-002;03-01-2025;;rina;P;1999-12-31;KAB. INDRAMAYU;umrah;;;Ditunda;"
            "Ind. PMI non prosedural;;;KANIM CIREBON\n")
    path = tmp_path / "imigrasi_paspor" / "CIREBON" / "paspor_CIREBON_20250110.csv"
    path.parent.mkdir(parents=True)
    path.write_text(header + body, encoding="utf-8")
    pickup = identify(path)
    assert (pickup.source.id, pickup.scope) == ("imigrasi_paspor", "CIREBON")
    assert pickup.source.accumulating
    rows, table = _read(path, "imigrasi_paspor", pickup.scope)
    assert table.delimiter == ";"
    issued, postponed = rows.to_dict("records")
    assert (issued["status"], issued["purpose"], issued["destination_country"]) == (
        "TERBIT", "BEKERJA", "HKG")
    assert issued["passport_number"] == "X1234567" and issued["issue_date"] == date(2025, 1, 9)
    assert issued["application_date"] == date(2025, 1, 2)
    assert (postponed["purpose"], postponed["status"], postponed["reason"]) == (
        "UMROH", "DITUNDA", "INDIKASI PMI NON PROSEDURAL")
    assert postponed["destination_country"] is None and postponed["origin_from"] == "stated"
    assert postponed["origin_regency_code"] == "32.12"


def test_placements_and_postponements_are_recognised_by_their_names(tmp_path: Path) -> None:
    placements = identify(tmp_path / "kp2mi_penempatan" / "penempatan_32_20250131.csv")
    assert (placements.source.id, placements.scope) == ("kp2mi_penempatan", "32")
    assert Context.for_scope(placements.scope).province == "32"
    postponed = identify(tmp_path / "penundaan_SOEKARNOHATTA_20250131.csv")
    assert (postponed.source.id, postponed.scope) == ("imigrasi_penundaan", "SOEKARNOHATTA")


def test_a_placement_file_stages_every_column(tmp_path: Path) -> None:
    source = SOURCES["kp2mi_penempatan"]
    row = {"ID_PMI": "PMI-32-0001", "NIK": "3212014101900001", "NAMA": "Siti",
           "JENIS_KELAMIN": "Perempuan", "TGL_LAHIR": "01-01-1990",
           "KAB_KOTA_ASAL": "32.12", "NO_PASPOR": "c1234567", "NEGARA_TUJUAN": "TAIWAN",
           "JABATAN": "Caregiver", "SEKTOR": "informal", "SKEMA": "P2P", "P3MI": "PT Maju",
           "TGL_BERANGKAT": "2024-11-02", "TGL_AKHIR_KONTRAK": "02/11/2027",
           "STATUS": "berangkat"}
    path = tmp_path / "penempatan_32_20250131.csv"
    path.write_text(",".join(source.headers) + "\n" + ",".join(row.values()) + "\n",
                    encoding="utf-8")
    rows, _ = _read(path, "kp2mi_penempatan", "32")
    [staged] = rows.to_dict("records")
    assert (staged["sex"], staged["sector"], staged["scheme"], staged["status"]) == (
        "P", "INFORMAL", "P TO P", "BERANGKAT")
    assert (staged["destination_country"], staged["passport_number"]) == ("TWN", "C1234567")
    assert staged["contract_end_date"] == date(2027, 11, 2)
    assert (staged["nik_valid"], staged["origin_district_code"]) == (True, "32.12.01")
    assert set(rows.columns) - {ROW_NUMBER} >= {c.target for c in source.columns}

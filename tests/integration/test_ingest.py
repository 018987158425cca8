"""Ingest against the real embedded PostgreSQL: nothing lost, nothing doubled."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.ingest import pipeline, prepare
from pantau.ingest.pipeline import ingest_file, ingest_paths
from pantau.sources.catalog import IMIGRASI_IZIN_TINGGAL
from tests.support.paths import SAMPLE_LANDING

PALANGKA_RAYA = "izin_tinggal_PALANGKARAYA_20250131.csv"


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """A private copy of the sample landing folder."""
    return Path(shutil.copytree(SAMPLE_LANDING, tmp_path / "landing"))


def one(db: psycopg.Connection, query: str, *params):
    return db.execute(query, params or None).fetchone()


def test_sample_exports_load_raw_and_staging_row_for_row(
        warehouse: str, landing: Path, db: psycopg.Connection) -> None:
    outcomes = ingest_paths([landing])
    assert {o.status for o in outcomes} == {"loaded"}
    assert len(outcomes) == 6
    for source in ("imigrasi_izin_tinggal", "imigrasi_tindakan", "tenaga_kerja_tka",
                   "dukcapil_orang_asing"):
        (declared,) = one(db, "SELECT sum(row_count) FROM audit.batch WHERE source = %s", source)
        (raw,) = one(db, f"SELECT count(*) FROM raw.{source}")
        (staged,) = one(db, f"SELECT count(*) FROM staging.{source}")
        assert declared == raw == staged > 0
    assert one(db, "SELECT count(*) FROM staging.tenaga_kerja_tka_lokasi")[0] == 5


def test_normalised_values_sit_beside_the_raw_text(
        warehouse: str, landing: Path, db: psycopg.Connection) -> None:
    ingest_paths([landing])
    raw = one(db, """SELECT r.nomor_paspor, r.kewarganegaraan, r.kab_kota, r.tanggal_lahir,
                            s.passport_number, s.nationality, s.regency_code, s.birth_date, s.sex
                       FROM raw.imigrasi_izin_tinggal r
                       JOIN staging.imigrasi_izin_tinggal s USING (batch_id, row_number)
                      WHERE r.nomor_izin = '2C11AB0002-P'""")
    assert raw[:4] == ("EA-9876543", "RRT", "Kabupaten Kapuas", "1990-07-21")
    assert raw[4:7] == ("EA9876543", "CHN", "62.03")
    assert str(raw[7]) == "1990-07-21"
    assert raw[8] == "P"
    (name,) = one(db, "SELECT nama_lengkap FROM raw.imigrasi_izin_tinggal "
                      "WHERE nomor_izin = '2C21BT0101-Q'")
    assert name == "JOSÉ MÜLLER"  # decoded from Windows-1252
    assert one(db, "SELECT encoding FROM audit.batch WHERE original_name LIKE '%BATAM%'") == (
        "cp1252",)
    locations = db.execute("""SELECT row_number, location_seq, regency_code
                                FROM staging.tenaga_kerja_tka_lokasi ORDER BY 1, 2""").fetchall()
    assert locations[:2] == [(6, 1, "62.03"), (6, 2, "62.71")]
    dukcapil = one(db, "SELECT regency_code, district_code, sex FROM staging.dukcapil_orang_asing "
                       "WHERE permit_number = '2C11AB0002-P'")
    assert dukcapil == ("62.03", "62.03.01", "P")


def test_parse_problems_name_row_and_column_without_personal_values(
        warehouse: str, landing: Path, db: psycopg.Connection) -> None:
    ingest_paths([landing])
    problems = db.execute("""
        SELECT p.row_number, p.column_name, p.problem, p.detail
          FROM audit.parse_problem p JOIN audit.batch b USING (batch_id)
         WHERE b.original_name = %s ORDER BY 1""", (PALANGKA_RAYA,)).fetchall()
    assert problems == [(5, "TANGGAL_LAHIR", "invalid_date", None),
                        (8, "KAB_KOTA", "unknown_region", "KAB. ATLANTIS")]
    kept = one(db, """SELECT r.tanggal_lahir, s.birth_date FROM raw.imigrasi_izin_tinggal r
                        JOIN staging.imigrasi_izin_tinggal s USING (batch_id, row_number)
                       WHERE r.row_number = 5 AND r.nomor_izin = '2C11AB0004-P'""")
    assert kept == ("30-02-1980", None)


def test_unknown_extra_columns_are_kept_in_raw_and_reported(
        warehouse: str, landing: Path, db: psycopg.Connection) -> None:
    outcomes = ingest_paths([landing / "imigrasi_izin_tinggal" / "KANIM_BATAM"])
    assert outcomes[0].extra_columns == ["CATATAN"]
    assert "CATATAN" in outcomes[0].message
    kept = db.execute("SELECT row_number, value FROM raw.extra_field "
                      "WHERE column_name = 'CATATAN' ORDER BY 1").fetchall()
    assert kept == [(2, "investor"), (3, ""), (4, ""), (5, "izin dicabut")]  # as delivered


def test_same_bytes_twice_make_one_batch_and_a_duplicate(
        warehouse: str, landing: Path, tmp_path: Path, db: psycopg.Connection) -> None:
    original = next(landing.rglob(PALANGKA_RAYA))
    again = tmp_path / "redelivered" / "imigrasi_izin_tinggal" / "izin_tinggal_PKY_20250301.csv"
    again.parent.mkdir(parents=True)
    shutil.copy(original, again)
    first, second = ingest_file(original), ingest_file(again)
    assert first.status == "loaded"
    assert second.status == "duplicate"
    assert second.batch_id == first.batch_id
    assert PALANGKA_RAYA in second.message
    assert one(db, "SELECT count(*) FROM audit.batch") == (1,)
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (7,)
    outcomes = [o for (o,) in db.execute("SELECT outcome FROM audit.receipt ORDER BY 1")]
    assert outcomes == ["duplicate", "loaded"]


def test_same_bytes_twice_in_one_run_load_once_and_the_other_is_a_duplicate(
        warehouse: str, landing: Path, tmp_path: Path, db: psycopg.Connection) -> None:
    original = next(landing.rglob(PALANGKA_RAYA))
    pair = tmp_path / "both" / "imigrasi_izin_tinggal"
    for office in ("PKY", "SMP"):  # two offices with identical (sparse) exports
        (pair / office).mkdir(parents=True)
        shutil.copy(original, pair / office / f"izin_tinggal_{office}_20250301.csv")
    outcomes = sorted(o.status for o in ingest_paths([tmp_path / "both"]))
    assert outcomes == ["duplicate", "loaded"]
    assert one(db, "SELECT count(*) FROM audit.batch") == (1,)
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (7,)


def _write_csv(path: Path, headers: list[str], rows: list[list[str]], ending: str = "\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [";".join(headers)] + [";".join(row) for row in rows]
    path.write_text("\n".join(lines) + ending, encoding="utf-8")
    return path


def _permit_row(number: str) -> list[str]:
    values = {"NOMOR_IZIN": number, "JENIS_IZIN": "ITAS", "INDEKS_VISA": "E23",
              "TUJUAN": "BEKERJA", "NAMA_LENGKAP": "A B", "JENIS_KELAMIN": "L",
              "TANGGAL_LAHIR": "01-01-1980", "KEWARGANEGARAAN": "CHN", "NOMOR_PASPOR": "E1",
              "KAB_KOTA": "KAB. KAPUAS", "TGL_TERBIT": "01-01-2024", "TGL_HABIS": "01-01-2026",
              "STATUS": "AKTIF"}
    return [values.get(h, "") for h in IMIGRASI_IZIN_TINGGAL.headers]


def test_missing_required_column_rejects_the_file_and_records_why(
        warehouse: str, tmp_path: Path, db: psycopg.Connection) -> None:
    headers = [h for h in IMIGRASI_IZIN_TINGGAL.headers if h != "KAB_KOTA"]
    rows = [[v for h, v in zip(IMIGRASI_IZIN_TINGGAL.headers, _permit_row("P1"), strict=True)
             if h != "KAB_KOTA"]]
    path = _write_csv(tmp_path / "imigrasi_izin_tinggal" / "izin_tinggal_X_20250131.csv",
                      headers, rows)
    outcome = ingest_file(path)
    assert outcome.status == "rejected"
    assert outcome.message == ("izin_tinggal_X_20250131.csv: missing required column KAB_KOTA "
                               "(header row 1)")
    status, message, archived = one(db, "SELECT status, message, archive_path FROM audit.batch")
    assert status == "rejected"
    assert "KAB_KOTA" in message
    assert Path(archived).read_bytes() == path.read_bytes()  # the raw bytes are kept
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (0,)


def test_one_truncated_file_does_not_stop_the_others(
        warehouse: str, tmp_path: Path, db: psycopg.Connection) -> None:
    folder = tmp_path / "imigrasi_izin_tinggal"
    headers = list(IMIGRASI_IZIN_TINGGAL.headers)
    good = _write_csv(folder / "izin_tinggal_B_20250131.csv", headers,
                      [_permit_row("P1"), _permit_row("P2")])
    cut = good.read_text()[:-40]
    (folder / "izin_tinggal_A_20250131.csv").write_text(cut, encoding="utf-8")
    outcomes = {o.path.name: o for o in ingest_paths([folder])}
    assert outcomes["izin_tinggal_A_20250131.csv"].status == "rejected"
    assert "truncated" in outcomes["izin_tinggal_A_20250131.csv"].message
    assert "row 3" in outcomes["izin_tinggal_A_20250131.csv"].message
    assert outcomes["izin_tinggal_B_20250131.csv"].status == "loaded"
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (2,)


def test_a_crash_mid_load_leaves_no_partial_batch_and_a_rerun_completes(
        warehouse: str, landing: Path, db: psycopg.Connection, monkeypatch) -> None:
    path = next(landing.rglob(PALANGKA_RAYA))

    def crash(*args, **kwargs):
        raise RuntimeError("power cut after the raw COPY")

    monkeypatch.setattr(prepare, "to_staging", crash)
    with pytest.raises(RuntimeError, match="power cut"):
        ingest_file(path)
    assert one(db, "SELECT status FROM audit.batch") == ("received",)
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (0,)
    monkeypatch.undo()
    outcome = ingest_file(path)
    assert outcome.status == "loaded"
    assert one(db, "SELECT count(*), min(batch_id) FROM audit.batch") == (1, outcome.batch_id)
    assert one(db, "SELECT count(*) FROM raw.imigrasi_izin_tinggal") == (7,)


def test_archive_is_content_addressed_and_read_only(
        warehouse: str, landing: Path, db: psycopg.Connection) -> None:
    path = next(landing.rglob(PALANGKA_RAYA))
    ingest_file(path)
    sha, archived = one(db, "SELECT sha256, archive_path FROM audit.batch")
    assert Path(archived) == get_settings().archive_dir / sha[:2] / sha
    assert Path(archived).read_bytes() == path.read_bytes()
    assert not Path(archived).stat().st_mode & 0o222


def test_unrecognised_file_is_archived_and_recorded(
        warehouse: str, tmp_path: Path, db: psycopg.Connection) -> None:
    stray = tmp_path / "rekap_bulanan.csv"
    stray.write_text("a;b\n1;2\n")
    outcome = ingest_file(stray)
    assert outcome.status == "unrecognised"
    assert one(db, "SELECT outcome, batch_id FROM audit.receipt") == ("unrecognised", None)
    assert one(db, "SELECT count(*) FROM audit.batch") == (0,)


def test_small_files_load_together_yet_each_keeps_its_own_batch(
        warehouse: str, tmp_path: Path, db: psycopg.Connection) -> None:
    folder = tmp_path / "imigrasi_izin_tinggal"
    headers = list(IMIGRASI_IZIN_TINGGAL.headers)
    bad_date = _permit_row("P3")
    bad_date[headers.index("TANGGAL_LAHIR")] = "31-02-1980"
    paths = [_write_csv(folder / f"izin_tinggal_{office}_20250131.csv", headers, rows)
             for office, rows in [("A", [_permit_row("P1"), _permit_row("P2")]),
                                  ("B", [_permit_row("P3"), bad_date, _permit_row("P5")]),
                                  ("C", [])]]
    outcomes = pipeline.ingest_files(paths)
    assert [(o.status, o.rows, o.problems) for o in outcomes] == [
        ("loaded", 2, 0), ("loaded", 3, 1), ("loaded", 0, 0)]
    per_batch = db.execute("""
        SELECT b.original_name, b.row_count, b.problem_count, count(s.row_number),
               array_agg(s.row_number ORDER BY s.row_number)
          FROM audit.batch b LEFT JOIN staging.imigrasi_izin_tinggal s USING (batch_id)
         GROUP BY 1, 2, 3 ORDER BY 1""").fetchall()
    assert per_batch == [("izin_tinggal_A_20250131.csv", 2, 0, 2, [2, 3]),
                         ("izin_tinggal_B_20250131.csv", 3, 1, 3, [2, 3, 4]),
                         ("izin_tinggal_C_20250131.csv", 0, 0, 0, [None])]
    (problem_batch,) = one(db, "SELECT b.original_name FROM audit.parse_problem "
                               "JOIN audit.batch b USING (batch_id)")
    assert problem_batch == "izin_tinggal_B_20250131.csv"


def test_a_value_the_warehouse_refuses_rejects_only_its_own_file_of_a_group(
        warehouse: str, tmp_path: Path, db: psycopg.Connection, monkeypatch) -> None:
    """A normaliser slip (a two-letter sex code for a char(1) column) in one file of a group."""
    folder = tmp_path / "imigrasi_izin_tinggal"
    headers = list(IMIGRASI_IZIN_TINGGAL.headers)
    paths = [_write_csv(folder / f"izin_tinggal_{office}_20250131.csv", headers,
                        [_permit_row(number)])
             for office, number in [("A", "P1"), ("B", "P9"), ("C", "P2")]]
    real = prepare.to_staging

    def slip(source, rows):
        staged = real(source, rows)
        frame = staged.tables[source.id]
        frame.loc[rows["NOMOR_IZIN"].eq("P9").to_numpy(), "sex"] = "LK"
        return staged

    monkeypatch.setattr(prepare, "to_staging", slip)
    outcomes = pipeline.ingest_files(paths)
    assert [o.status for o in outcomes] == ["loaded", "rejected", "loaded"]
    assert outcomes[1].message == ("izin_tinggal_B_20250131.csv: the warehouse refused a value "
                                   "(value too long for type character(1))")
    loaded = db.execute("SELECT nomor_izin FROM raw.imigrasi_izin_tinggal ORDER BY 1").fetchall()
    assert loaded == [("P1",), ("P2",)]
    statuses = db.execute("SELECT original_name, status FROM audit.batch ORDER BY 1").fetchall()
    assert [status for _, status in statuses] == ["loaded", "rejected", "loaded"]

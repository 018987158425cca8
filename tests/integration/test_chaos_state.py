"""The chaos suite's judge: a lost row, a doubled row or a changed figure never passes as equal."""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
from typer.testing import CliRunner

from pantau.cli import app
from pantau.ingest.archive_check import verify_archive, verify_batch
from pantau.ingest.pipeline import ingest_paths
from pantau.tools.chaos.state import compare, snapshot
from tests.support.paths import SAMPLE_LANDING


def _loaded(tmp_path: Path) -> None:
    ingest_paths([Path(shutil.copytree(SAMPLE_LANDING, tmp_path / "landing"))])


def test_the_same_warehouse_is_equal_to_itself(warehouse: str, tmp_path: Path) -> None:
    _loaded(tmp_path)
    first, second = snapshot(warehouse), snapshot(warehouse)
    assert first.counts["raw.imigrasi_izin_tinggal"] > 0
    assert "audit.receipt" not in first.counts  # a run log, not data
    assert compare(first, second).equal


def test_a_lost_row_a_duplicate_and_a_changed_mart_figure_are_all_seen(
        warehouse: str, db: psycopg.Connection, tmp_path: Path) -> None:
    _loaded(tmp_path)
    db.execute("INSERT INTO mart.region_breakdown VALUES ('2025-01', '62.03', 'm', 'c', 'l', 1)")
    clean = snapshot(warehouse)
    db.execute("DELETE FROM raw.imigrasi_tindakan WHERE row_number = "
               "(SELECT min(row_number) FROM raw.imigrasi_tindakan)")
    db.execute("INSERT INTO audit.parse_problem SELECT * FROM audit.parse_problem LIMIT 2")
    db.execute("UPDATE mart.region_breakdown SET value = 2")
    difference = compare(clean, snapshot(warehouse))
    assert not difference.equal
    assert difference.rows_lost == 1
    assert difference.duplicates == 2
    assert "mart.region_breakdown: checksum differs" in difference.details


def test_a_mart_checksum_ignores_moments_and_generated_ids_only(
        warehouse: str, db: psycopg.Connection) -> None:
    db.execute("INSERT INTO mart.region_lineage (period, region_code, batch_id, source, "
               "file_name, snapshot_date, sha256, rows_in_region, batch_rows, rows_quarantined) "
               "VALUES ('2025-01', '62.03', 7, 's', 'f.csv', '2025-01-31', 'ab', 3, 3, 0)")
    clean = snapshot(warehouse)
    db.execute("UPDATE mart.region_lineage SET batch_id = 9")  # another attempt's id
    assert compare(clean, snapshot(warehouse)).equal
    db.execute("UPDATE mart.region_lineage SET rows_in_region = 4")
    assert not compare(clean, snapshot(warehouse)).equal


def test_archive_verify_names_a_damaged_and_a_missing_copy(
        warehouse: str, db: psycopg.Connection, tmp_path: Path) -> None:
    _loaded(tmp_path)
    checked, problems = verify_archive()
    assert checked == 6 and problems == []
    (damaged_path, damaged_id), (missing_path, _) = db.execute(
        "SELECT archive_path, batch_id FROM audit.batch ORDER BY batch_id LIMIT 2").fetchall()
    damaged = Path(damaged_path)
    damaged.chmod(0o644)
    damaged.write_bytes(damaged.read_bytes() + b"x")
    Path(missing_path).unlink()
    checked, problems = verify_archive()
    assert checked == 5
    assert [p.problem.split(":")[0] for p in problems] == ["damaged", "missing"]
    assert problems[0].batch_id == damaged_id
    result = CliRunner().invoke(app, ["archive", "verify"])
    assert result.exit_code == 1
    assert f"batch {damaged_id}" in result.output


def test_archive_verify_batch_rehashes_one_file_and_names_damage_and_unknown_ids(
        warehouse: str, db: psycopg.Connection, tmp_path: Path) -> None:
    _loaded(tmp_path)
    (first_path, first_id, first_sha), (second_path, second_id, _) = db.execute(
        "SELECT archive_path, batch_id, trim(sha256) FROM audit.batch "
        "ORDER BY batch_id LIMIT 2").fetchall()
    intact = CliRunner().invoke(app, ["archive", "verify", "--batch", str(first_id)])
    assert intact.exit_code == 0
    assert f"batch {first_id}" in intact.output and first_sha in intact.output
    assert "intact" in intact.output
    damaged = Path(second_path)
    damaged.chmod(0o644)
    damaged.write_bytes(damaged.read_bytes() + b"x")
    check = verify_batch(second_id)
    assert check.problem is not None and check.problem.startswith("damaged")
    result = CliRunner().invoke(app, ["archive", "verify", "--batch", str(second_id)])
    assert result.exit_code == 1 and "damaged" in result.output
    assert verify_batch(first_id).problem is None  # the damage of another file is not this one's
    Path(first_path).unlink()
    assert verify_batch(first_id).problem == "missing"
    unknown = CliRunner().invoke(app, ["archive", "verify", "--batch", "999999"])
    assert unknown.exit_code == 1 and "no batch 999999" in unknown.output

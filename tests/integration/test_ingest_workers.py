"""Groups prepared by worker processes load exactly what the ingest's own process loads."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.ingest import pipeline
from pantau.ingest.pipeline import ingest_files
from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import discover
from tests.support.warehouses import temporary_database

# Every table the ingest writes rows to, beside the registry.
WRITTEN = [f"raw.{s}" for s in SOURCES] + [f"staging.{s}" for s in SOURCES] + [
    "staging.tenaga_kerja_tka_lokasi", "raw.extra_field", "audit.parse_problem"]


def _rows(conn: psycopg.Connection, table: str) -> list[tuple]:
    """The table's rows with each batch named by its file, in a stable order."""
    cursor = conn.execute(f"SELECT * FROM {table} LIMIT 0")
    columns = [c.name for c in cursor.description if c.name != "batch_id"]
    listed = ", ".join(f"t.{name}::text" for name in columns)
    return conn.execute(f"SELECT b.original_name, {listed} FROM {table} AS t "
                        "JOIN audit.batch AS b USING (batch_id) ORDER BY 1, 2, 3, 4").fetchall()


def _state(url: str) -> dict[str, list[tuple]]:
    with psycopg.connect(url) as conn:
        state = {table: _rows(conn, table) for table in WRITTEN}
        state["audit.batch"] = conn.execute(
            "SELECT original_name, status, row_count, problem_count, encoding, delimiter, "
            "sheet_name, header_row, extra_columns, missing_optional_columns, message "
            "FROM audit.batch ORDER BY original_name").fetchall()
    return state


def _broken_copy(landing: Path, out: Path) -> Path:
    """A permit export without its required permit-number column: refused when read."""
    original = sorted(discover([landing / "imigrasi_izin_tinggal"]))[0]
    lines = original.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(";")
    keep = [i for i, name in enumerate(header) if name.strip().upper() != "NOMOR_IZIN"]
    broken = out / "imigrasi_izin_tinggal" / original.name.replace("_2024", "_RUSAK_2024")
    broken.parent.mkdir(parents=True)
    broken.write_text("\n".join(";".join(line.split(";")[i] for i in keep) for line in lines)
                      + "\n", encoding="utf-8")
    return broken


def _ingest_counting_groups(files: list[Path], settings, url: str,
                            monkeypatch: pytest.MonkeyPatch) -> tuple[list, int]:
    """(outcomes, groups written) of one ingest."""
    written = []
    real = pipeline._load_group
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "_load_group",
                      lambda conn, group: written.append(group) or real(conn, group))
        outcomes = ingest_files(files, settings, url)
    return outcomes, len(written)


def test_worker_processes_load_what_one_process_loads(
        server_url: str, migrated_template: str, small_demo: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    landing = small_demo / "landing"
    files = [*sorted(discover([landing])), _broken_copy(landing, tmp_path / "extra")]
    # Small groups, so that the small demo makes many and both workers get some.
    monkeypatch.setattr(pipeline, "MIN_GROUP_BYTES", 32 << 10)
    states, groups = {}, {}  # groups differ: each mode sizes its own
    for workers in (0, 2):
        settings = dataclasses.replace(get_settings(), ingest_workers=workers,
                                       archive_dir=tmp_path / f"archive-{workers}")
        with temporary_database(server_url, "workers", migrated_template) as url:
            outcomes, groups[workers] = _ingest_counting_groups(files, settings, url,
                                                                monkeypatch)
            statuses = [o.status for o in outcomes]
            assert statuses.count("rejected") == 1 and set(statuses) == {"loaded", "rejected"}
            states[workers] = _state(url)
    assert 2 in pipeline._workers, "the ingest never started its worker pool"
    assert groups[2] > 4
    for table, rows in states[0].items():
        assert states[2][table] == rows, table
    assert sum(len(rows) for rows in states[0].values()) > 10_000

"""Half a file is never loaded; a damaged archive copy is found and repaired; names stay names."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.ingest import pipeline
from pantau.ingest.archive import ArchiveCorrupted, FileStillChanging, archive_file, verify
from pantau.ingest.pipeline import ingest_file, ingest_files
from pantau.sources.pickup import UnsafeFileName, check_file_name, identify
from tests.support.paths import SAMPLE_LANDING

EXPORT = next((SAMPLE_LANDING / "imigrasi_izin_tinggal").rglob("*.csv"))


def _write_slowly(target: Path, payload: bytes, pieces: int, pause: float) -> threading.Thread:
    """A writer still busy with ``target``: ``pieces`` appends, ``pause`` seconds apart."""
    size = -(-len(payload) // pieces)

    def write() -> None:
        with target.open("wb") as handle:
            for start in range(0, len(payload), size):
                handle.write(payload[start:start + size])
                handle.flush()
                time.sleep(pause)

    writer = threading.Thread(target=write)
    writer.start()
    return writer


def _batches(db: psycopg.Connection) -> int:
    return db.execute("SELECT count(*) FROM audit.batch").fetchone()[0]


def test_ingest_waits_for_a_file_still_being_written_and_loads_all_of_it(
        warehouse: str, db: psycopg.Connection, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PANTAU_SETTLE_SECONDS", "0.6")
    get_settings.cache_clear()
    payload = EXPORT.read_bytes()
    target = tmp_path / "imigrasi_izin_tinggal" / EXPORT.name
    target.parent.mkdir()
    writer = _write_slowly(target, payload, pieces=5, pause=0.25)
    time.sleep(0.05)  # the first piece is on disk: a reader now sees half a file
    outcome = ingest_file(target)
    writer.join()
    assert outcome.status == "loaded"
    expected = payload.count(b"\n") - 1  # header line
    assert outcome.rows == expected
    assert db.execute("SELECT count(*) FROM raw.imigrasi_izin_tinggal").fetchone()[0] == expected


def test_a_file_that_never_calms_is_left_waiting_unregistered(
        warehouse: str, db: psycopg.Connection, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("PANTAU_SETTLE_SECONDS", "5")
    monkeypatch.setattr(pipeline, "SETTLE_PATIENCE", 0.5)
    get_settings.cache_clear()
    target = tmp_path / "imigrasi_izin_tinggal" / EXPORT.name
    target.parent.mkdir()
    shutil.copy(EXPORT, target)  # modified just now: not quiet for 5 s within 0.5 s
    (outcome,) = ingest_files([target])
    assert outcome.status == "waiting"
    assert "still being written" in outcome.message and EXPORT.name in outcome.message
    assert _batches(db) == 0
    assert not any(get_settings().archive_dir.rglob("*"))  # nothing archived either


def test_archiving_refuses_a_file_that_grows_while_it_is_copied(tmp_path: Path) -> None:
    growing = tmp_path / "growing.csv"
    growing.write_bytes(b"x" * (64 << 20))  # big enough that the copy takes a while
    stop = threading.Event()

    def append() -> None:
        with growing.open("ab") as handle:
            while not stop.is_set():
                handle.write(b"y")
                handle.flush()
                time.sleep(0.001)

    writer = threading.Thread(target=append)
    writer.start()
    try:
        with pytest.raises(FileStillChanging, match=r"growing\.csv: changed while"):
            archive_file(growing, tmp_path / "archive")
    finally:
        stop.set()
        writer.join()
    assert [p.name for p in (tmp_path / "archive").iterdir()] == []  # no partial copy left


def test_a_damaged_archive_copy_is_detected_and_repaired_by_redelivery(
        warehouse: str, db: psycopg.Connection, tmp_path: Path) -> None:
    landed = tmp_path / "imigrasi_izin_tinggal" / EXPORT.name
    landed.parent.mkdir()
    shutil.copy(EXPORT, landed)
    first = ingest_file(landed)
    sha, stored = db.execute("SELECT sha256, archive_path FROM audit.batch").fetchone()
    stored = Path(stored)
    stored.chmod(0o644)
    damaged = bytearray(stored.read_bytes())
    damaged[10] ^= 0xFF
    stored.write_bytes(bytes(damaged))
    with pytest.raises(ArchiveCorrupted, match=sha.strip()):
        verify(stored, sha.strip())
    again = ingest_file(landed)
    assert (first.status, again.status) == ("loaded", "duplicate")
    verify(stored, sha.strip())  # the redelivered bytes replaced the damaged copy
    assert stored.stat().st_mode & 0o777 == 0o444


@pytest.mark.parametrize("name", ["..", ".", "", "a/b.csv", "..\\..\\evil.csv", "x\x00.csv",
                                  "izin_tinggal\n.csv", "a" * 256 + ".csv"])
def test_names_that_could_leave_their_folder_are_refused(name: str) -> None:
    with pytest.raises(UnsafeFileName, match="refused"):
        check_file_name(name)


def test_a_plain_name_passes_and_identify_applies_the_check() -> None:
    assert check_file_name(EXPORT.name) == EXPORT.name
    with pytest.raises(UnsafeFileName):
        identify(Path("imigrasi_izin_tinggal") / ("izin_tinggal_X_20250131\x1b[2J.csv"))

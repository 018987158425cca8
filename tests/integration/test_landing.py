"""Landing locations: new files by content, object-storage URLs through ObjectStoragePath."""

from __future__ import annotations

import logging
from pathlib import Path

from pantau.config import get_settings
from pantau.orchestration import steps
from pantau.orchestration.landing import new_files, split_evenly


def test_a_url_location_is_listed_fetched_and_ingested(warehouse: str, small_demo: Path,
                                                        db) -> None:
    location = f"file://{small_demo}/landing/tenaga_kerja_tka/"
    found = new_files(location)
    assert len(found) == 6 and all(f.uri.startswith("file:///") for f in found)
    tallies = [steps.ingest_files(group, "tenaga_kerja_tka")
               for group in split_evenly(found, 2)]
    total = steps.IngestTally.combine(tallies)
    assert total.files == {"loaded": 6} and total.rows > 0
    paths = [p for (p,) in db.execute("SELECT original_path FROM audit.batch")]
    assert sorted(paths) == sorted(f.uri for f in found)  # where it was delivered, not a copy
    assert not any((get_settings().var_dir / "incoming").rglob("*.xlsx"))  # copies removed
    assert new_files(location) == []  # the same bytes are not new again


def test_the_same_bytes_twice_in_one_drop_are_listed_once(warehouse: str, small_demo: Path,
                                                          tmp_path: Path) -> None:
    source = next((small_demo / "landing" / "tenaga_kerja_tka").glob("*.xlsx"))
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / source.name).write_bytes(source.read_bytes())
    (tmp_path / source.name).write_bytes(source.read_bytes())
    assert len(new_files(str(tmp_path))) == 1


def test_a_missing_landing_folder_is_a_warning_not_a_crash(warehouse: str, tmp_path: Path,
                                                          caplog) -> None:
    with caplog.at_level(logging.WARNING):
        assert new_files(str(tmp_path / "nowhere")) == []
    assert "does not exist" in caplog.text

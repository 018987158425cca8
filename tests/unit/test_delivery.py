"""Attributing delivered files to sources, snapshot dates and scopes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pantau.sources.pickup import UnrecognisedFile, discover, identify


@pytest.mark.parametrize(
    ("path", "source", "snapshot", "scope"),
    [
        ("landing/imigrasi_izin_tinggal/KANIM/izin_tinggal_TANJUNG_PRIOK_20250131.csv",
         "imigrasi_izin_tinggal", date(2025, 1, 31), "TANJUNG_PRIOK"),
        ("in/tka_62_20250131.xlsx", "tenaga_kerja_tka", date(2025, 1, 31), "62"),
        ("wna_6203_20250228.csv", "dukcapil_orang_asing", date(2025, 2, 28), "6203"),
        ("imigrasi_tindakan/tindakan_JKT_20250230.csv", "imigrasi_tindakan", None, "JKT"),
        ("imigrasi_tindakan/export.csv", "imigrasi_tindakan", None, None),
    ],
)
def test_identify(path: str, source: str, snapshot: date | None, scope: str | None) -> None:
    delivery = identify(Path(path))
    assert (delivery.source.id, delivery.snapshot_date, delivery.scope) == (source, snapshot, scope)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("foo_20250131.csv", "not in a source folder"),
        ("imigrasi_tindakan/wna_6203_20250101.csv", "named like a dukcapil_orang_asing file"),
        ("wna_6203_20250101.xlsx", "files are .csv"),
    ],
)
def test_unrecognised(path: str, message: str) -> None:
    with pytest.raises(UnrecognisedFile, match=message):
        identify(Path(path))


def test_discover_searches_folders_and_skips_hidden_and_lock_files(tmp_path: Path) -> None:
    for name in ("a/x.csv", "a/b/y.csv", "a/.hidden.csv", "a/~$lock.xlsx"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path / "a"])]
    assert found == ["a/b/y.csv", "a/x.csv"]

"""Arrow's fast CSV path and the Python reader give the same rows for every demo export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pantau.sources import readers
from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import discover


def _frame(path: Path, source_id: str, *, arrow: bool, monkeypatch) -> pd.DataFrame | None:
    if not arrow:
        monkeypatch.setattr(readers, "_arrow_chunks", lambda *args: None)
    try:
        table = readers.open_table(path, SOURCES[source_id])
        frame = pd.concat(list(table.chunks), ignore_index=True)
    except readers.FileRejected as exc:
        return str(exc)
    finally:
        monkeypatch.undo()
    return frame.astype("string").fillna("<NA>")


@pytest.mark.parametrize("source_id", ["imigrasi_izin_tinggal", "imigrasi_tindakan",
                                       "dukcapil_orang_asing"])
def test_both_paths_read_the_same_rows(small_demo: Path, source_id: str, monkeypatch) -> None:
    files = sorted(discover([small_demo / "landing" / source_id]))
    assert files
    fast = 0
    for path in files:
        expected = _frame(path, source_id, arrow=False, monkeypatch=monkeypatch)
        got = _frame(path, source_id, arrow=True, monkeypatch=monkeypatch)
        if isinstance(expected, str):
            assert got == expected, path.name
            continue
        pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=path.name)
        fast += readers._arrow_chunks(*_csv_parts(path, source_id)) is not None
    assert fast > 0  # the fast path was taken, not only the fallback


def _csv_parts(path: Path, source_id: str) -> tuple[str, str, list[str]]:
    table = readers.read_csv(path, SOURCES[source_id])
    text, _ = readers.decode(path.read_bytes(), path.name)
    return text, table.delimiter, table.headers


@pytest.mark.parametrize("body, reason", [
    ('"ab"c;d\n', "a quote closing mid-field"),
    ('a"b;c\n', "a quote inside a bare field"),
    ('ab;c"d\n', "a quote inside the last field"),
    ('1;2\nx"y;z\n', "a quote inside a field of a later row"),
    ("1;2\n\n3;4\n", "a blank line"),
    ("1;2\n3\n", "a short row"),
    ("1;2;3\n", "a long row"),
])
def test_irregular_files_take_the_python_path(body: str, reason: str) -> None:
    assert readers._arrow_chunks("A;B\n" + body, ";", ["A", "B"]) is None, reason


def test_regular_file_with_quoted_delimiters_and_line_breaks() -> None:
    frames = readers._arrow_chunks('A;B\n"x;y";"say ""hi""\nthere"\n3;\n', ";", ["A", "B"])
    frame = pd.concat(list(frames))
    assert frame["A"].tolist() == ["x;y", "3"]
    assert frame["B"].tolist() == ['say "hi"\nthere', ""]
    assert frame[readers.ROW_NUMBER].tolist() == [2, 3]

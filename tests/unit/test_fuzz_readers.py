"""Property-based fuzzing of the file readers (issue 10).

Whatever bytes arrive, a reader either yields rows (irregularities noted as row
issues) or raises :class:`FileRejected` naming the file; any other exception,
a hang or a runaway allocation is a defect. Hypothesis runs derandomised with
small example counts and no example database, so ``make test`` stays
reproducible and the whole fuzz suite takes well under a minute on two cores.
"""

from __future__ import annotations

import struct
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pantau.sources.catalog import SOURCES
from pantau.sources.readers import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    FileRejected,
    RawTable,
    read_csv,
    read_xlsx,
)
from pantau.sources.spec import Source

pytestmark = pytest.mark.slow  # Hypothesis, and files built to be huge: make test, not test-fast

# Bounded so the fuzz suite stays < 60 s on the 2-core CI machine; derandomized
# and without a database so a failure reproduces on every run.
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=8)  # workbooks cost ~10 ms each to build

ALL = list(SOURCES.values())
READERS = [read_csv, read_xlsx]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16", "shift_jis", "gb18030"]
# Characters that break naive parsers, mixed with ordinary and unusual text.
NASTY = st.sampled_from([";", ",", "\t", "|", '"', "'", "\r", "\n", "\r\n", "\x00", "=",
                         "\ufeff", "\u2028", "é", "ß", "漢", " ", "\xa0", "\x1a"])
VALUES = st.lists(NASTY | st.text(max_size=8), max_size=6).map("".join)


def read_all(path: Path, source: Source, reader=None) -> RawTable | FileRejected:
    """Open and exhaust ``path``; return the table, or the rejection (checked to name the file)."""
    reader = reader or (read_xlsx if source.file_format == "xlsx" else read_csv)
    try:
        table = reader(path, source)
        frames = list(table.chunks)
    except FileRejected as rejected:
        assert str(rejected).startswith(f"{path.name}: "), rejected
        return rejected
    for frame in frames:
        assert frame.columns[0] == "_row_number"
        assert all(isinstance(name, str) for name in frame.columns)
        assert len(frame.columns) <= MAX_COLUMNS + 1
    return table


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def csv_text(source: Source, rows: list[list[str]], newline: str = "\n") -> str:
    delimiter = source.delimiter
    lines = [delimiter.join(source.headers)]
    lines += [delimiter.join(row) for row in rows]
    return newline.join(lines) + newline


# ------------------------------------------------------------------- CSV, text


@pytest.mark.parametrize("reader", READERS, ids=["csv", "xlsx"])
@pytest.mark.parametrize("source", ALL, ids=lambda s: s.id)
@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes(tmp_path: Path, source: Source, reader, data: bytes) -> None:
    """Random bytes, under either extension, are read or rejected, never crash."""
    suffix = "csv" if reader is read_csv else "xlsx"
    read_all(write(tmp_path, f"f.{suffix}", data), source, reader)


@pytest.mark.parametrize("source", [s for s in ALL if s.file_format == "csv"], ids=lambda s: s.id)
@FUZZ
@given(rows=st.lists(st.lists(VALUES, max_size=20), max_size=8),
       encoding=st.sampled_from(ENCODINGS), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       cut=st.none() | st.integers(min_value=0, max_value=4096))
def test_valid_header_then_random_rows(tmp_path: Path, source: Source, rows: list[list[str]],
                                       encoding: str, newline: str, cut: int | None) -> None:
    """Delimiters, quotes, line breaks and NULs in values; any encoding; truncated anywhere."""
    data = csv_text(source, rows, newline).encode(encoding, errors="replace")
    read_all(write(tmp_path, "f.csv", data[:cut]), source)


@pytest.mark.parametrize("source", [s for s in ALL if s.file_format == "csv"], ids=lambda s: s.id)
@FUZZ
@given(values=st.lists(st.text(max_size=30), min_size=1, max_size=6))
def test_quoted_values_round_trip(tmp_path: Path, source: Source, values: list[str]) -> None:
    """Properly quoted values (delimiters, quotes, line breaks inside) come back as written."""
    quoted = ['"' + value.replace('"', '""') + '"' for value in values]
    row = quoted + [""] * (len(source.headers) - len(quoted))
    data = csv_text(source, [row]).encode("utf-8")
    result = read_all(write(tmp_path, "f.csv", data), source)
    if "\x00" in "".join(values) or not any(v.strip() for v in [*source.headers, *values]):
        return  # NUL: rejected as binary (checked by read_all)
    assert isinstance(result, RawTable), result
    frame = pd.concat(list(read_csv(tmp_path / "f.csv", source).chunks))
    for header, value in zip(source.headers, values, strict=False):
        expected = value.replace("\r\n", "\n") if "\r" in value else value
        got = frame[header].iloc[0]
        assert got in (value, expected), (header, value, got)


@pytest.mark.parametrize("regular", [True, False], ids=["arrow-path", "python-path"])
def test_a_giant_field_rejects_naming_the_row(tmp_path: Path, regular: bool) -> None:
    """A several-MB value is a runaway quote or not an export: a clear rejection, either path."""
    source = SOURCES["imigrasi_tindakan"]
    giant = "X" * (5 * 1024 * 1024)
    row = [giant] + ["a"] * (len(source.headers) - 1)
    rows = [row] if regular else [row, ["short"]]
    result = read_all(write(tmp_path, "f.csv", csv_text(source, rows).encode()), source)
    assert isinstance(result, FileRejected)
    assert "row 2" in str(result) and f"{MAX_FIELD_CHARS:,} characters" in str(result)


def test_a_long_but_sane_field_is_read(tmp_path: Path) -> None:
    source = SOURCES["imigrasi_tindakan"]
    row = ["Y" * (MAX_FIELD_CHARS // 2)] + ["a"] * (len(source.headers) - 1)
    result = read_all(write(tmp_path, "f.csv", csv_text(source, [row]).encode()), source)
    assert isinstance(result, RawTable)


@pytest.mark.parametrize("where", ["header", "data row"])
def test_a_million_columns_rejects_quickly(tmp_path: Path, where: str) -> None:
    """1,000,000 columns would build a frame of that width: refused before, naming the row."""
    source = SOURCES["dukcapil_orang_asing"]
    wide = ",".join(f"C{i}" for i in range(1_000_000))
    text = f"{wide}\n1\n" if where == "header" else csv_text(source, [[wide]])
    started = time.monotonic()
    result = read_all(write(tmp_path, "f.csv", text.encode()), source)
    assert isinstance(result, FileRejected)
    assert f"row {1 if where == 'header' else 2}: 1,000,00" in str(result)
    assert time.monotonic() - started < 10


def test_utf16_is_rejected_with_a_clear_message(tmp_path: Path) -> None:
    source = SOURCES["imigrasi_tindakan"]
    data = csv_text(source, [["a"] * 9]).encode("utf-16")
    result = read_all(write(tmp_path, "f.csv", data), source)
    assert isinstance(result, FileRejected) and "UTF-16" in str(result)


# ------------------------------------------------------------------------ XLSX

TKA = SOURCES["tenaga_kerja_tka"]


def workbook(path: Path, rows: list[list[object]], *, formulas: dict[str, tuple[str, object]]
             | None = None) -> Path:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                           "strings_to_numbers": False, "strings_to_urls": False})
    sheet = book.add_worksheet("DATA TKA")
    sheet.write_row(0, 0, TKA.headers)
    for index, row in enumerate(rows, start=1):
        sheet.write_row(index, 0, row)
    for cell, (formula, cached) in (formulas or {}).items():
        sheet.write_formula(cell, formula, None, cached)
    book.close()
    return path


@FEW
@given(rows=st.lists(st.lists(VALUES | st.integers() | st.floats(allow_nan=False)
                              | st.booleans(), max_size=20), max_size=6))
def test_workbook_with_random_cells(tmp_path: Path, rows: list[list[object]]) -> None:
    """Control characters (NUL as _x0000_), quotes, huge numbers: rows or a clear rejection."""
    result = read_all(workbook(tmp_path / "f.xlsx", rows), TKA)
    has_nul = any("\x00" in v for row in rows for v in row if isinstance(v, str))
    assert isinstance(result, FileRejected) == has_nul, result
    if has_nul:
        assert "NUL" in str(result) and "row " in str(result)


@FEW
@given(row=st.integers(min_value=0, max_value=1_048_575),
       column=st.integers(min_value=0, max_value=16_383))
def test_a_far_away_cell_never_aborts_the_process(tmp_path: Path, row: int, column: int) -> None:
    """Calamine allocates the whole rectangle: one cell at XFD1048576 used to abort Python."""
    path = tmp_path / "f.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("DATA TKA")
    sheet.write_row(0, 0, TKA.headers)
    sheet.write(row, column, "x")
    book.close()
    result = read_all(path, TKA)
    if column >= MAX_COLUMNS:
        assert isinstance(result, FileRejected) and "column" in str(result)


def test_the_far_corner_cell_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("DATA TKA")
    sheet.write_row(0, 0, TKA.headers)
    sheet.write(1_048_575, 16_383, "x")
    book.close()
    result = read_all(path, TKA)
    assert isinstance(result, FileRejected) and "16,384" in str(result)


def test_formulas_are_never_evaluated(tmp_path: Path) -> None:
    """Formula cells give their cached value, read as data like any other text."""
    formulas = {"A2": ("=1+1", "cached"), "B2": ('=HYPERLINK("http://evil.example","x")', "x"),
                "C2": ("=cmd|' /C calc'!A0", 0), "F2": ("=1+1", 7)}
    path = workbook(tmp_path / "f.xlsx", [["R"] * len(TKA.headers)], formulas=formulas)
    table = read_xlsx(path, TKA)
    frame = pd.concat(list(table.chunks))
    assert frame["NO_PENGESAHAN_RPTKA"].iloc[0] == "cached"
    assert frame["NAMA_PERUSAHAAN"].iloc[0] == "x"
    assert frame["NIB"].iloc[0] == "0"
    assert frame["NAMA_TKA"].iloc[0] == "7"  # the cached value, not 2: nothing is computed


def test_a_zip_that_is_no_workbook_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    result = read_all(path, TKA)
    assert isinstance(result, FileRejected) and "XLSX" in str(result)


def _bomb_workbook(path: Path, padding: int) -> Path:
    """A real workbook whose sheet XML carries ``padding`` bytes of highly compressible spaces."""
    workbook(path, [["a"] * len(TKA.headers)])
    source = zipfile.ZipFile(path)
    parts = {info.filename: source.read(info) for info in source.infolist()}
    source.close()
    sheet = parts["xl/worksheets/sheet1.xml"]
    parts["xl/worksheets/sheet1.xml"] = sheet.replace(b"<sheetData>",
                                                      b"<sheetData>" + b" " * padding)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _declare_size(path: Path, part: str, size: int) -> None:
    """Make the local header and central directory lie about ``part``'s inflated size."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    at = 0
    while (at := data.find(b"PK\x01\x02", at)) >= 0:
        name_length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46: at + 46 + name_length] == name:
            struct.pack_into("<I", data, at + 24, size)
            local = struct.unpack_from("<I", data, at + 42)[0]
            struct.pack_into("<I", data, local + 22, size)
        at += 4
    path.write_bytes(bytes(data))


def test_a_highly_compressed_sheet_is_refused_before_inflating(tmp_path: Path) -> None:
    path = _bomb_workbook(tmp_path / "f.xlsx", 64 * 1024 * 1024)
    started = time.monotonic()
    result = read_all(path, TKA)
    assert isinstance(result, FileRejected) and "zip bomb" in str(result)
    assert time.monotonic() - started < 1


def test_a_workbook_declaring_gigabytes_is_refused_at_once(tmp_path: Path) -> None:
    path = workbook(tmp_path / "f.xlsx", [["a"] * len(TKA.headers)])
    _declare_size(path, "xl/worksheets/sheet1.xml", 4_000_000_000)
    started = time.monotonic()
    result = read_all(path, TKA)
    assert isinstance(result, FileRejected) and "zip bomb" in str(result)
    assert time.monotonic() - started < 1


def test_a_part_lying_about_its_size_is_refused(tmp_path: Path) -> None:
    """Declared small, inflating to 8 MB: the scan stops at the declared size and fails the CRC."""
    path = _bomb_workbook(tmp_path / "f.xlsx", 8 * 1024 * 1024)
    _declare_size(path, "xl/worksheets/sheet1.xml", 1000)
    result = read_all(path, TKA)
    assert isinstance(result, FileRejected) and "not a readable XLSX" in str(result)

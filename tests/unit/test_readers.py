"""Readers: encodings, headers, title blocks, truncation and ragged rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from pantau.sources.catalog import DUKCAPIL_ORANG_ASING, IMIGRASI_TINDAKAN, TENAGA_KERJA_TKA
from pantau.sources.readers import (
    ROW_NUMBER,
    FileRejected,
    cell_text,
    normalise_header,
    open_table,
)
from tests.support.workbooks import TKA_HEADER, write_workbook

HEADER = ";".join(IMIGRASI_TINDAKAN.headers)
ROW = "TAK/1;05-01-2025;ZHANG WEI;E1;CHN;DEPORTASI;Pasal 75;KAB. KAPUAS;KANIM PKY"


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def read_all(path: Path, source=IMIGRASI_TINDAKAN):
    table = open_table(path, source)
    frame = pd.concat(list(table.chunks), ignore_index=True)
    return table, frame


@pytest.mark.parametrize("name", ["NAMA_LENGKAP", " nama_lengkap ", "\ufeffNama Lengkap"])
def test_header_names_ignore_case_spaces_and_bom(name: str) -> None:
    assert normalise_header(name) == "NAMA_LENGKAP"


def test_utf8_with_bom(tmp_path: Path) -> None:
    text = f"{HEADER}\r\n{ROW.replace('ZHANG WEI', 'JOSÉ')}\r\n"
    table, frame = read_all(write(tmp_path, "t.csv", b"\xef\xbb\xbf" + text.encode()))
    assert table.encoding == "utf-8-sig"
    assert table.headers[0] == "NOMOR_TINDAKAN"
    assert frame.loc[0, "NAMA_LENGKAP"] == "JOSÉ"


def test_windows_1252(tmp_path: Path) -> None:
    text = f"{HEADER}\n{ROW.replace('ZHANG WEI', 'FRANÇOIS LEFÈVRE')}\n"
    table, frame = read_all(write(tmp_path, "t.csv", text.encode("cp1252")))
    assert table.encoding == "cp1252"
    assert frame.loc[0, "NAMA_LENGKAP"] == "FRANÇOIS LEFÈVRE"


def test_undecodable_bytes_reject_the_file_naming_the_line(tmp_path: Path) -> None:
    data = f"{HEADER}\n{ROW}\n".encode() + b"TAK/2;\x81\x8d;x\n"
    with pytest.raises(FileRejected, match=r"t\.csv: line 3: byte 0x81"):
        open_table(write(tmp_path, "t.csv", data), IMIGRASI_TINDAKAN)


def test_nul_bytes_reject_the_file(tmp_path: Path) -> None:
    with pytest.raises(FileRejected, match=r"NUL byte\) on line 2"):
        open_table(write(tmp_path, "t.csv", f"{HEADER}\nA\x00B\n".encode()), IMIGRASI_TINDAKAN)


def test_rows_are_numbered_as_seen_in_the_file_blank_lines_skipped(tmp_path: Path) -> None:
    data = f"{HEADER}\n{ROW}\n\n{ROW.replace('TAK/1', 'TAK/2')}\n".encode()
    _, frame = read_all(write(tmp_path, "t.csv", data))
    assert list(frame[ROW_NUMBER]) == [2, 4]
    assert list(frame["NOMOR_TINDAKAN"]) == ["TAK/1", "TAK/2"]


def test_quoted_delimiters_and_empty_strings_survive(tmp_path: Path) -> None:
    row = 'TAK/1;05-01-2025;"WANG; LEI";E1;CHN;DENDA;;KAB. KAPUAS;'
    _, frame = read_all(write(tmp_path, "t.csv", f"{HEADER}\n{row}\n".encode()))
    assert frame.loc[0, "NAMA_LENGKAP"] == "WANG; LEI"
    assert frame.loc[0, "PELANGGARAN"] == ""


def test_truncated_last_row_rejects_the_file(tmp_path: Path) -> None:
    data = f"{HEADER}\n{ROW}\n{ROW[:25]}".encode()
    table = open_table(write(tmp_path, "t.csv", data), IMIGRASI_TINDAKAN)
    with pytest.raises(FileRejected, match=r"row 3: .*truncated"):
        list(table.chunks)


def test_unterminated_quote_rejects_the_file(tmp_path: Path) -> None:
    data = f'{HEADER}\n{ROW}\nTAK/2;"05-01-2025'.encode()
    table = open_table(write(tmp_path, "t.csv", data), IMIGRASI_TINDAKAN)
    with pytest.raises(FileRejected, match="truncated or has an unbalanced quote"):
        list(table.chunks)


def test_short_and_long_rows_are_kept_with_an_issue(tmp_path: Path) -> None:
    data = f"{HEADER}\nTAK/1;05-01-2025\n{ROW};surplus\n".encode()
    table, frame = read_all(write(tmp_path, "t.csv", data))
    assert pd.isna(frame.loc[0, "NAMA_LENGKAP"])
    assert frame.loc[1, "_OVERFLOW_1"] == "surplus"
    assert [(i.row_number, i.column, i.problem) for i in table.issues] == [
        (2, "NAMA_LENGKAP", "row_too_short"), (3, "_OVERFLOW_1", "row_too_long")]


def test_duplicate_header_rejects(tmp_path: Path) -> None:
    with pytest.raises(FileRejected, match="column NIK appears more than once"):
        open_table(write(tmp_path, "w.csv", b"NIK,nik\n1,2\n"), DUKCAPIL_ORANG_ASING)


def test_empty_file_rejects(tmp_path: Path) -> None:
    with pytest.raises(FileRejected, match="empty"):
        open_table(write(tmp_path, "t.csv", b""), IMIGRASI_TINDAKAN)


def test_a_different_delimiter_is_recognised(tmp_path: Path) -> None:
    text = f"{HEADER}\n{ROW}\n".replace(";", ",")
    table, frame = read_all(write(tmp_path, "t.csv", text.encode()))
    assert table.delimiter == ","
    assert frame.loc[0, "KAB_KOTA"] == "KAB. KAPUAS"


def tka_row(**changes) -> list:
    row = dict(zip(TKA_HEADER, [
        "KEP.1", "PT A", 9120001234567, "01262", "KAB. KAPUAS", "WANG LEI", "E1", "CHN", "L",
        datetime(1985, 3, 12), "Manager", "1311.01", datetime(2024, 2, 1), datetime(2026, 1, 31),
        12.0, 1200, 2], strict=True))
    row.update(changes)
    return list(row.values())


def test_xlsx_title_block_date_cells_and_numbers(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "tka_62_20250131.xlsx", [tka_row(), tka_row(NIB=None)],
                          title_lines=["DATA TKA", "PROVINSI KALIMANTAN TENGAH"])
    table, frame = read_all(path, TENAGA_KERJA_TKA)
    assert table.header_row == 4
    assert table.sheet_name == "DATA TKA"
    assert list(frame[ROW_NUMBER]) == [5, 6]
    first = frame.iloc[0]
    assert first["TANGGAL_LAHIR"] == "1985-03-12"
    assert first["NIB"] == "9120001234567"
    assert first["DKPTKA_BULAN"] == "12"
    assert pd.isna(frame.iloc[1]["NIB"])


def test_xlsx_without_title_block_and_other_sheets(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "tka.xlsx", [tka_row()], extra_sheets=["REKAP"])
    table, _ = read_all(path, TENAGA_KERJA_TKA)
    assert table.header_row == 1


def test_xlsx_missing_sheet_rejects(tmp_path: Path) -> None:
    path = write_workbook(tmp_path / "tka.xlsx", [tka_row()], sheet="Sheet1",
                          extra_sheets=["REKAP"])
    with pytest.raises(FileRejected, match="no sheet named 'DATA TKA'"):
        open_table(path, TENAGA_KERJA_TKA)


def test_not_a_workbook_rejects(tmp_path: Path) -> None:
    with pytest.raises(FileRejected, match="not a readable XLSX workbook"):
        open_table(write(tmp_path, "tka.xlsx", b"PK\x03\x04 truncated"), TENAGA_KERJA_TKA)


def test_cell_text() -> None:
    assert cell_text(datetime(2024, 1, 5)) == "2024-01-05"
    assert cell_text(datetime(2024, 1, 5, 13, 30)) == "2024-01-05 13:30:00"
    assert cell_text(12.0) == "12"
    assert cell_text(12.5) == "12.5"
    assert cell_text("  ") is None
    assert cell_text(None) is None

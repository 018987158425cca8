"""Read an export into chunks of raw text, exactly as delivered.

Readers decide nothing about meaning: they find the header, turn every cell
into the text the agency wrote (Excel dates become ISO text, whole numbers lose
their ``.0``) and number each row as a person looking at the file would see it
(the header is row 1 in a CSV; sheet row numbers in a workbook). A file that
cannot be read as a table is rejected with :class:`FileRejected`, whose
message names the file, the row and the column where it can.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from pantau.sources.spec import Source

ROW_NUMBER = "_row_number"
CHUNK_ROWS = 50_000
OVERFLOW_PREFIX = "_OVERFLOW_"  # values beyond the header's last column
UNNAMED_PREFIX = "_UNNAMED_"  # a column with data but an empty header cell
_HEADER_SCAN_ROWS = 30  # how far down a workbook's title block may reach
_DELIMITERS = (";", ",", "\t", "|")

# What a file may ask of the reader before it is refused (issue 10). Real exports
# are small and narrow: 9 to 17 columns, the largest national file a few MB.
# The limits sit orders of magnitude above that, and keep a hostile or broken
# file from taking the memory or the time of a whole ingest.
MAX_COLUMNS = 702  # A..ZZ, every column with a one- or two-letter name: extras are kept, so slack
MAX_FIELD_CHARS = 131_072  # the csv module's own field limit, left at its default; an address
#                            is a few hundred characters, a longer value is a runaway quote
MAX_FILE_BYTES = 512 * 1024 * 1024  # a CSV is held as bytes, text and Arrow table at once (~4x)
MAX_XLSX_UNCOMPRESSED = 512 * 1024 * 1024  # all parts of a workbook, inflated (~600k TKA rows)
MAX_XLSX_RATIO = 100  # real sheet XML inflates 5-15x; a deflate bomb up to ~1000x
_RATIO_FLOOR = 1024 * 1024  # parts smaller than this may have any ratio: they cannot hurt
# Calamine allocates 32 bytes for every cell of the rectangle from A1 to the last
# cell before Python sees a row: one cell at XFD1048576 asks for 512 GiB and
# aborts the process. 2**25 cells (1 GiB) is 1,048,576 rows of 32 columns.
MAX_SHEET_CELLS = 2**25


class FileRejected(Exception):
    """The whole file is unusable; the message says where and why."""


@dataclass
class RowIssue:
    """A structural problem with one row that does not reject the file."""

    row_number: int
    column: str
    problem: str
    detail: str | None = None


@dataclass
class RawTable:
    """An opened export: its header and an iterator over chunks of text rows.

    Each chunk is a DataFrame with the ``_row_number`` column and one string
    column per header (file order). ``issues`` fills up while chunks are read.
    """

    headers: list[str]
    chunks: Iterator[pd.DataFrame]
    encoding: str | None = None
    delimiter: str | None = None
    sheet_name: str | None = None
    header_row: int = 1
    issues: list[RowIssue] = field(default_factory=list)


def normalise_header(name: object) -> str:
    """Header names are case-insensitive and may carry spaces or a BOM (docs/sources.md)."""
    text = "" if name is None else str(name)
    text = text.replace("\ufeff", "").strip().upper()
    return re.sub(r"[\s\-]+", "_", text)


def _name_headers(raw: list[object], file: str) -> list[str]:
    headers = []
    for position, value in enumerate(raw, start=1):
        name = normalise_header(value)
        headers.append(name or f"{UNNAMED_PREFIX}{position}")
    seen: set[str] = set()
    for name in headers:
        if name in seen:
            raise FileRejected(f"{file}: column {name} appears more than once in the header")
        seen.add(name)
    return headers


def _frame(rows: list[list], headers: list[str], row_numbers: list[int]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=headers, dtype="string")
    frame.insert(0, ROW_NUMBER, pd.array(row_numbers, dtype="int64"))
    return frame


def _fit_rows(rows: list[list], headers: list[str]) -> tuple[list[list], list[str]]:
    """Pad short rows with NA; name the extra columns of over-long rows ``_OVERFLOW_n``."""
    width = len(headers)
    widest = max(map(len, rows), default=width)
    out_headers = headers + [f"{OVERFLOW_PREFIX}{i}" for i in range(1, widest - width + 1)]
    return [row + [None] * (len(out_headers) - len(row)) for row in rows], out_headers


# --------------------------------------------------------------------------- CSV


def decode(data: bytes, file: str) -> tuple[str, str]:
    """(text, Python codec): UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRejected(f"{file}: UTF-16 text (byte order mark); exports must be UTF-8 or "
                           "Windows-1252")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise FileRejected(f"{file}: binary content (NUL byte) on line {line}; not a CSV export")
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode(encoding), encoding
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            offset = utf8_error.start
            line = data[:offset].count(b"\n") + 1
            raise FileRejected(
                f"{file}: line {line}: byte 0x{data[offset]:02x} is neither UTF-8 nor "
                "Windows-1252; the file is unreadable"
            ) from None


def pick_delimiter(header_line: str, declared: str) -> str:
    if declared in header_line:
        return declared
    counts = {d: header_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else declared


def read_csv(path: Path, source: Source, *, display_name: str | None = None) -> RawTable:
    """Open a delimited export (UTF-8, UTF-8 with BOM or Windows-1252)."""
    file = display_name or path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FileRejected(f"{file}: {size:,} bytes, more than the {MAX_FILE_BYTES:,} an export "
                           "may have")
    text, encoding = decode(path.read_bytes(), file)
    if not text.strip():
        raise FileRejected(f"{file}: the file is empty")
    delimiter = pick_delimiter(text.split("\n", 1)[0], source.delimiter)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        raw_header = next(reader)
    except csv.Error as exc:
        raise FileRejected(f"{file}: row 1 (header): {_csv_problem(exc)}") from None
    _check_width(len(raw_header), 1, file)
    headers = _name_headers(raw_header, file)
    table = RawTable(headers=headers, chunks=iter(()), encoding=encoding, delimiter=delimiter)
    regular = _arrow_chunks(text, delimiter, headers)
    if regular is not None:
        table.chunks = regular
        return table
    ends_cleanly = text.endswith(("\n", "\r"))
    table.chunks = _csv_chunks(reader, headers, table.issues, file, ends_cleanly)
    return table


# A quote that neither opens a field (after a delimiter or line break) nor
# closes one (before a delimiter, line break or doubled quote): Arrow would read
# it leniently where Python's strict reader refuses, so such files take the
# Python path. The pattern starts at the quote itself (the character before it
# checked by a lookbehind), so the regex engine jumps from quote to quote
# instead of trying every position: 19 times faster on the registry's exports.
_STRAY_QUOTE = '"(?<=[^{d}\\r\\n"]")(?=[^{d}\\r\\n"])'
_BLANK_LINE = re.compile(r"\n\r?\n")


def _check_width(width: int, row: int, file: str) -> None:
    """A row wider than MAX_COLUMNS would become a DataFrame of that many columns."""
    if width > MAX_COLUMNS:
        raise FileRejected(f"{file}: row {row}: {width:,} fields, more than the {MAX_COLUMNS} "
                           "columns an export may have")


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return (f"a value longer than {MAX_FIELD_CHARS:,} characters (an unbalanced quote "
                "runs on, or this is not an export)")
    return f"{exc} (the file looks truncated or has an unbalanced quote)"


def _arrow_chunks(text: str, delimiter: str, headers: list[str]) -> Iterator[pd.DataFrame] | None:
    """Parse a regular file with Arrow's multithreaded C++ reader; None to take the Python path.

    Regular means: every row has the header's width, no blank lines (the
    Python reader skips them but still counts them in row numbers) and no
    stray quotes. Anything else goes through the Python reader, which names
    the row and column of each irregularity. Both give the same rows.
    """
    header_line, _, body = text.partition("\n")
    if '"' in header_line or "\r" in header_line.rstrip("\r") or not body.strip():
        return None  # unusual headers, old Mac line breaks, no data rows
    if body.startswith(("\n", "\r\n")) or _BLANK_LINE.search(body):
        return None
    if '"' in body and re.search(_STRAY_QUOTE.format(d=re.escape(delimiter)), body):
        return None
    try:
        table = pa_csv.read_csv(
            io.BytesIO(body.encode("utf-8")),
            read_options=pa_csv.ReadOptions(column_names=headers),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True,
                                              ignore_empty_lines=False),
            convert_options=pa_csv.ConvertOptions(
                column_types={name: pa.string() for name in headers},
                strings_can_be_null=False, quoted_strings_can_be_null=False),
        )
    except pa.ArrowException:
        return None  # the Python reader names the row and column of the trouble
    if any((pc.max(pc.binary_length(column)).as_py() or 0) > MAX_FIELD_CHARS
           for column in table.columns):
        return None  # the Python reader refuses an over-long value, naming its row
    return _arrow_frames(table)


def _arrow_frames(table: pa.Table) -> Iterator[pd.DataFrame]:
    for start in range(0, table.num_rows, CHUNK_ROWS):
        frame = table.slice(start, CHUNK_ROWS).to_pandas(types_mapper=_as_string)
        numbers = range(start + 2, start + 2 + len(frame))  # the header is row 1
        frame.insert(0, ROW_NUMBER, pd.array(numbers, dtype="int64"))
        yield frame


def _as_string(arrow_type: pa.DataType) -> pd.StringDtype | None:
    return pd.StringDtype("pyarrow") if arrow_type == pa.string() else None


def _csv_chunks(
    reader, headers: list[str], issues: list[RowIssue], file: str, ends_cleanly: bool
) -> Iterator[pd.DataFrame]:
    next_row = 2  # the header is row 1; rows are numbered as records, blank lines included
    while True:
        try:
            block = list(itertools.islice(reader, CHUNK_ROWS))
        except csv.Error as exc:
            # The csv module reports the line it stopped on.
            raise FileRejected(f"{file}: row {reader.line_num}: {_csv_problem(exc)}") from None
        if not block:
            return
        numbers = range(next_row, next_row + len(block))
        next_row += len(block)
        kept = [(n, row) for n, row in zip(numbers, block, strict=True) if row]  # skip blank lines
        if not kept:
            continue
        row_numbers = [n for n, _ in kept]
        rows = [row for _, row in kept]
        widest = max(range(len(rows)), key=lambda i: len(rows[i]))
        _check_width(len(rows[widest]), row_numbers[widest], file)
        peek_done = len(block) < CHUNK_ROWS
        if peek_done and not ends_cleanly and len(rows[-1]) < len(headers):
            raise FileRejected(
                f"{file}: row {row_numbers[-1]}: the last row has {len(rows[-1])} of "
                f"{len(headers)} fields and the file does not end with a line break: "
                "the file is truncated"
            )
        if any(len(row) != len(headers) for row in rows):
            rows, frame_headers = _fit_rows(rows, headers)
            _note_irregular(kept, headers, issues)
        else:
            frame_headers = headers
        yield _frame(rows, frame_headers, row_numbers)


def _note_irregular(kept: list[tuple[int, list]], headers: list[str],
                    issues: list[RowIssue]) -> None:
    width = len(headers)
    for number, row in kept:
        if len(row) < width:
            issues.append(RowIssue(number, headers[len(row)], "row_too_short",
                                   f"{len(row)} of {width} fields"))
        elif len(row) > width:
            issues.append(RowIssue(number, f"{OVERFLOW_PREFIX}1", "row_too_long",
                                   f"{len(row)} fields, header has {width}"))


# -------------------------------------------------------------------------- XLSX


def cell_text(value: object) -> str | None:
    """The text an Excel cell shows, in the form the normalisers read."""
    if value is None or type(value) is str:  # most cells: text, checked first (5.8M nationally)
        return value if value and value.strip() else None
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    text = str(value)
    return text if text.strip() else None


def _find_header(rows: list[tuple], source: Source) -> int | None:
    """Index of the first row that names enough of the source's columns."""
    known = set(source.headers)
    needed = max(3, len(source.required_headers) // 2)
    for index, row in enumerate(rows):
        if sum(normalise_header(cell) in known for cell in row) >= needed:
            return index
    return None


def _pick_sheet(names: list[str], source: Source, file: str) -> str:
    """The source's sheet (names compared as headers are), or the only one there is."""
    wanted = normalise_header(source.sheet_name)
    sheets = {normalise_header(name): name for name in names}
    if wanted in sheets:
        return sheets[wanted]
    if len(names) == 1:
        return names[0]
    raise FileRejected(f"{file}: no sheet named {source.sheet_name!r} (sheets: {', '.join(names)})")


def read_xlsx(path: Path, source: Source, *, display_name: str | None = None) -> RawTable:
    """Open a workbook; the header may sit below a title block.

    Calamine (Rust) decodes the sheet, an order of magnitude faster than
    openpyxl; rows come back with the sheet's empty top-left area kept, so a
    row's index is its sheet row number minus one.
    """
    from python_calamine import CalamineError, CalamineWorkbook

    file = display_name or path.name
    _check_workbook(path, file)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except (CalamineError, OSError, ValueError) as exc:
        raise FileRejected(f"{file}: not a readable XLSX workbook ({exc})") from None
    with workbook:  # closed on every path, a rejection included
        sheet_name = _pick_sheet(workbook.sheet_names, source, file)
        try:
            rows = workbook.get_sheet_by_name(sheet_name).to_python(skip_empty_area=False)
        except CalamineError as exc:
            raise FileRejected(f"{file}: sheet {sheet_name!r} cannot be read ({exc})") from None
    header_index = _find_header(rows[:_HEADER_SCAN_ROWS], source)
    if header_index is None:
        raise FileRejected(
            f"{file}: sheet {sheet_name!r}: no header row naming the {source.id} columns "
            f"in the first {_HEADER_SCAN_ROWS} rows"
        )
    raw_header = list(rows[header_index])
    while raw_header and raw_header[-1] in (None, ""):
        raw_header.pop()
    headers = _name_headers(raw_header, file)
    table = RawTable(headers=headers, chunks=iter(()), sheet_name=sheet_name,
                     header_row=header_index + 1)
    table.chunks = _xlsx_chunks(rows, headers, header_index + 1, table.issues, file)
    return table


_SHEET_TARGET = re.compile(rb'Type="[^"]*/worksheet"[^>]*?Target="([^"]+)"'
                           rb'|Target="([^"]+)"[^>]*?Type="[^"]*/worksheet"')
# A cell's address (r="XFD1048576"); calamine places a cell by it. The literal
# prefix keeps the scan at about a third of calamine's own time on a real sheet.
_REF_COLUMN = re.compile(rb'r=["\']([A-Za-z]+)[0-9]')
_REF_ROW = re.compile(rb'r=["\'][A-Za-z]+([0-9]+)')
_CELL_TAGS = (b"<c ", b"<c>", b"<c/", b":c ", b":c>", b":c/")
_SCAN_BLOCK = 4 * 1024 * 1024
_SCAN_OVERLAP = 32  # longer than any address in range; a longer one shows out of range anyway


def _check_workbook(path: Path, file: str) -> None:
    """Refuse a zip bomb or a sheet calamine cannot hold, before anything is inflated by it.

    The central directory gives each part's sizes; the sheets are then inflated
    once, a block at a time (zipfile stops at the declared size and checks the
    CRC, so a part that lies about its size is caught), to find the cell
    rectangle calamine would allocate.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            total = sum(part.file_size for part in parts)
            if total > MAX_XLSX_UNCOMPRESSED:
                raise FileRejected(
                    f"{file}: the workbook inflates to {total:,} bytes, more than the "
                    f"{MAX_XLSX_UNCOMPRESSED:,} an export may (a zip bomb?)")
            for part in parts:
                if (part.file_size > _RATIO_FLOOR
                        and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1)):
                    raise FileRejected(
                        f"{file}: part {part.filename} inflates {part.file_size:,} bytes from "
                        f"{part.compress_size:,}, beyond the {MAX_XLSX_RATIO}:1 a real workbook "
                        "has (a zip bomb?)")
            for name in _sheet_parts(archive):
                _check_extent(archive, name, file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, RuntimeError,
            OSError, ValueError, EOFError, zlib.error) as exc:
        raise FileRejected(f"{file}: not a readable XLSX workbook ({exc})") from None


def _sheet_parts(archive: zipfile.ZipFile) -> list[str]:
    """Every part a worksheet may live in: xl/worksheets/ and the workbook's own links."""
    names = set(archive.namelist())
    parts = {name for name in names if name.startswith("xl/worksheets/")
             and name.endswith(".xml")}
    if "xl/_rels/workbook.xml.rels" in names:
        for found in _SHEET_TARGET.findall(archive.read("xl/_rels/workbook.xml.rels")):
            target = (found[0] or found[1]).decode("utf-8", "replace")
            target = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            if target in names:
                parts.add(target)
    return sorted(parts)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters.upper()[:8]:  # eight letters are far out of range already
        number = number * 26 + letter - 64
    return number


def _check_extent(archive: zipfile.ZipFile, name: str, file: str) -> None:
    """Refuse a sheet whose cell rectangle exceeds MAX_COLUMNS or MAX_SHEET_CELLS."""
    columns: set[bytes] = set()
    rows: set[bytes] = set()
    addressed = tags = 0
    tail = b""
    with archive.open(name) as stream:
        while block := stream.read(_SCAN_BLOCK):
            data = tail + block
            columns.update(_REF_COLUMN.findall(data))
            found = _REF_ROW.findall(data)
            rows.update(found)
            addressed += len(found)
            tags += sum(data.count(tag) for tag in _CELL_TAGS)
            tail = data[-_SCAN_OVERLAP:]
    # Cells without an address follow the one before: each may widen the rectangle by one.
    loose = max(0, tags - addressed)
    width = max(map(_column_number, columns), default=0) + loose
    height = max((int(row[:12]) for row in rows), default=0) + loose
    sheet = name.rsplit("/", 1)[-1]
    if width > MAX_COLUMNS:
        raise FileRejected(f"{file}: {sheet}: cells reach column {width:,}, beyond the "
                           f"{MAX_COLUMNS} columns an export may have")
    if width * height > MAX_SHEET_CELLS:
        raise FileRejected(f"{file}: {sheet}: cells span {height:,} rows x {width:,} columns, "
                           f"more than the {MAX_SHEET_CELLS:,} cells a sheet may have")


def _xlsx_chunks(rows: list[list], headers: list[str], first: int,
                 issues: list[RowIssue], file: str) -> Iterator[pd.DataFrame]:
    """Chunks of the sheet's rows from index ``first`` (sheet row ``first + 1``) on."""
    for start in range(first, len(rows), CHUNK_ROWS):
        kept_rows, kept_numbers = [], []
        for index, values in enumerate(rows[start:start + CHUNK_ROWS], start=start):
            texts = [cell_text(v) for v in values]
            while texts and texts[-1] is None:
                texts.pop()
            if texts:  # an entirely empty sheet row is not a record
                kept_rows.append(texts)
                kept_numbers.append(index + 1)
        if not kept_rows:
            continue
        long_rows = [(n, r) for n, r in zip(kept_numbers, kept_rows, strict=True)
                     if len(r) > len(headers)]
        _note_irregular(long_rows, headers, issues)
        fitted, frame_headers = _fit_rows(kept_rows, headers)
        frame = _frame(fitted, frame_headers, kept_numbers)
        _refuse_nul(frame, file)
        yield frame


def _refuse_nul(frame: pd.DataFrame, file: str) -> None:
    """A NUL (``_x0000_`` in the XML) is text PostgreSQL cannot store: name where it is."""
    for column in frame.columns[1:]:
        hit = frame[column].str.contains("\x00", regex=False).fillna(False).astype(bool)
        if hit.any():
            row = int(frame.loc[hit, ROW_NUMBER].iloc[0])
            raise FileRejected(f"{file}: row {row}, column {column}: a NUL character, which "
                               "is binary content, not text")


def open_table(path: Path, source: Source, *, display_name: str | None = None) -> RawTable:
    """Open ``path`` with the reader for ``source``'s file format."""
    reader = read_xlsx if source.file_format == "xlsx" else read_csv
    return reader(path, source, display_name=display_name)

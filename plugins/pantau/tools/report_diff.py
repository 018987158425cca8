"""Compare two report trees (a demo run before and after a change): same figures, same text.

A refactor must not change what officers receive. This compares, report by
report, the figures.json bytes, the text of the HTML and of every PDF page,
and every XLSX cell value; it ignores what legitimately differs between runs
(file hashes of PDFs that carry a creation time, render timestamps).

    python -m pantau.tools.report_diff var/reports-before var/reports
"""

from __future__ import annotations

import csv
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path


class _Text(HTMLParser):
    """The visible text of an HTML page, one chunk per text node."""

    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        self._skip += tag in {"style", "script"}

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in {"style", "script"}

    def handle_data(self, data: str) -> None:
        if not self._skip and data.strip():
            self.chunks.append(" ".join(data.split()))


def html_text(path: Path) -> list[str]:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.chunks


def pdf_text(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def xlsx_cells(path: Path) -> dict[str, list[tuple]]:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        return {sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
                for sheet in workbook.worksheets}
    finally:
        workbook.close()


def _manifest(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("files", None)  # PDF bytes carry a creation time; the texts are compared instead
    data.pop("rendered_at", None)
    return data


BATCH_ID = "batch_id"
UNIT_KEY = "unit_key"
_ROW_UNIT = re.compile(r"^\d+:(?=\d+$)")  # a unit that is a row: "<batch id>:<row number>"


def audit_rows(path: Path) -> list[tuple]:
    """An audit CSV's header and sorted rows without the batch id column, nor the batch id
    in a row's unit key (``66:56``): ids are per warehouse, and rows of one figure come in
    batch order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle)]
    if not rows or BATCH_ID not in rows[0]:
        return rows
    drop = rows[0].index(BATCH_ID)
    unit = rows[0].index(UNIT_KEY) if UNIT_KEY in rows[0] else None
    kept = [tuple(_ROW_UNIT.sub("#:", value) if i == unit else value
                  for i, value in enumerate(row) if i != drop) for row in rows]
    return [kept[0], *sorted(kept[1:])]


COMPARE = {
    "figures.json": lambda p: p.read_bytes(),
    "manifest.json": _manifest,
    "report.html": html_text,
    "report.pdf": pdf_text,
    "report.xlsx": xlsx_cells,
    "operasi.html": html_text,  # the TIMPORA annex
    "operasi.pdf": pdf_text,
    "operasi.xlsx": xlsx_cells,
}


def _reader(relative: Path, across_warehouses: bool):
    """How to read a file for the comparison; None: not comparable (see the module doc)."""
    if across_warehouses and "audit" in relative.parts[:-1]:
        return audit_rows if relative.suffix == ".csv" else None
    return COMPARE.get(relative.name, lambda p: p.read_bytes())


def differences(before: Path, after: Path, across_warehouses: bool = False) -> list[str]:
    """One line per file that differs, is missing, or is new."""
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    found: list[str] = []
    for relative in sorted(names):
        old, new = before / relative, after / relative
        if not old.exists() or not new.exists():
            found.append(f"{relative}: only in {'after' if new.exists() else 'before'}")
            continue
        if old.read_bytes() == new.read_bytes():
            continue  # the same bytes (a PDF's dates are the period's end: most are)
        read = _reader(relative, across_warehouses)
        if read is not None and read(old) != read(new):
            found.append(f"{relative}: differs")
    return found


def main(argv: list[str]) -> int:
    before, after = (Path(arg) for arg in argv)
    found = differences(before, after)
    reports = sum(1 for _ in before.rglob("figures.json"))
    for line in found:
        print(line)
    print(f"{reports} reports compared: {len(found)} differences")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

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
# "Batch 43: <file>" headings, "--batch 43" commands, cells holding an id (or a row number)
_BATCH_MENTION = re.compile(r"(?<=Batch )\d+|(?<=--batch )\d+|^\d+$")


def audit_rows(path: Path) -> list[tuple]:
    """An audit CSV's header and sorted rows without the batch id column: ids are per
    warehouse, and rows of one figure come in batch order."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [tuple(row) for row in csv.reader(handle)]
    if not rows or BATCH_ID not in rows[0]:
        return rows
    drop = rows[0].index(BATCH_ID)
    kept = [tuple(value for i, value in enumerate(row) if i != drop) for row in rows]
    return [kept[0], *sorted(kept[1:])]


def audit_page_text(path: Path) -> list[str]:
    """An audit page's text chunks, batch ids masked and sorted: its batches are listed by
    id, so their order follows the ids (its CSVs carry the same rows in order)."""
    return sorted(_BATCH_MENTION.sub("#", chunk) for chunk in html_text(path))


AUDIT = {".csv": audit_rows, ".html": audit_page_text}

COMPARE = {
    "figures.json": lambda p: p.read_bytes(),
    "manifest.json": _manifest,
    "report.html": html_text,
    "report.pdf": pdf_text,
    "report.xlsx": xlsx_cells,
}


def differences(before: Path, after: Path) -> list[str]:
    """One line per file that differs, is missing, or is new."""
    names = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    names |= {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    found: list[str] = []
    for relative in sorted(names):
        old, new = before / relative, after / relative
        if not old.exists() or not new.exists():
            found.append(f"{relative}: only in {'after' if new.exists() else 'before'}")
            continue
        read = (AUDIT.get(relative.suffix) if "audit" in relative.parts[:-1] else None) \
            or COMPARE.get(relative.name, lambda p: p.read_bytes())
        if read(old) != read(new):
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

"""The layout check of every PDF Pantau writes, on WeasyPrint's own layout of its pages.

The renderer runs it on the very document it writes (no second layout), and
keeps what it finds beside the reports folder (``var/layout-checks/<period>/
<region>.json`` for ``var/reports``) for the engineers; ``pantau demo`` prints
the total and the tests require none.

Why the layout tree and not the PDF's text: WeasyPrint knows every text box,
the table cell it sits in and the page it lands on, so the check needs no PDF
parser (no new dependency) and names the element at fault. It finds:

- text outside its page, or running past the right edge of its table cell;
- text boxes that overlap on a page (two headings drawn over each other);
- a heading (h1-h3) that is the last thing on its page, cut off from its content;
- a table column whose body cells use more than one font size.

Run again over a folder of rendered reports (every ``report.html`` under it):
``python -m pantau.reports.layout_check var/reports``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

SLACK = 0.5  # CSS px a glyph may overhang (antialiasing, rounding)
HEADINGS = {"h1", "h2", "h3"}


@dataclass(frozen=True)
class Problem:
    page: int  # 1-based
    kind: str  # outside, overflow, overlap, heading-last, column-fonts
    detail: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.kind}: {self.detail}"


@dataclass
class _Text:
    box: object
    cell: object | None  # the innermost table cell holding it
    heading: str | None  # the heading element holding it, if any
    margin: bool  # in a page margin (header, footer)

    @property
    def rect(self) -> tuple[float, float, float, float]:
        b = self.box
        return b.position_x, b.position_y, b.position_x + b.width, b.position_y + b.height


def _walk(box, cell=None, heading=None, margin=False):
    """Every box with its innermost table cell, heading and margin flag, in document order."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TableCellBox):
        cell = box
    if isinstance(box, boxes.MarginBox):
        margin = True
    if getattr(box, "element_tag", None) in HEADINGS and heading is None:
        heading = box
    yield box, cell, heading, margin
    for child in getattr(box, "children", ()):
        yield from _walk(child, cell, heading, margin)


def _texts(page_box) -> list[_Text]:
    from weasyprint.formatting_structure import boxes

    return [_Text(box, cell, heading.element_tag if heading else None, margin)
            for box, cell, heading, margin in _walk(page_box)
            if isinstance(box, boxes.TextBox) and box.text.strip() and box.width > 0]


def _label(text: _Text) -> str:
    return repr(text.box.text.strip()[:40])


def _outside(page: int, page_box, texts: list[_Text]) -> list[Problem]:
    found = []
    width, height = page_box.margin_width(), page_box.margin_height()
    for text in texts:
        left, top, right, bottom = text.rect
        if left < -SLACK or top < -SLACK or right > width + SLACK or bottom > height + SLACK:
            found.append(Problem(page, "outside", f"{_label(text)} past the page"))
        cell = text.cell
        if cell is not None:
            cell_left = cell.border_box_x()
            cell_right = cell_left + cell.border_width()
            if left < cell_left - SLACK or right > cell_right + SLACK:
                found.append(Problem(page, "overflow",
                                     f"{_label(text)} past its table cell by "
                                     f"{max(cell_left - left, right - cell_right):.1f}px"))
    return found


def _overlaps(page: int, texts: list[_Text]) -> list[Problem]:
    """Pairs of text boxes that overlap, by a sweep down the page (sorted by top)."""
    found = []
    ordered = sorted(texts, key=lambda t: t.rect[1])
    for i, text in enumerate(ordered):
        left, top, right, bottom = text.rect
        for other in ordered[i + 1:]:
            o_left, o_top, o_right, o_bottom = other.rect
            if o_top >= bottom - SLACK:
                break
            if o_left < right - SLACK and left < o_right - SLACK \
                    and o_bottom > top + SLACK and other.box is not text.box:
                found.append(Problem(page, "overlap", f"{_label(text)} and {_label(other)}"))
    return found


def _heading_last(page: int, page_box) -> list[Problem]:
    """The page's last content (text or image, margins aside) is a heading's text."""
    from weasyprint.formatting_structure import boxes

    last = None
    for box, _cell, heading, margin in _walk(page_box):
        if margin:
            continue
        if isinstance(box, boxes.TextBox) and box.text.strip() and box.width > 0:
            last = (box, heading)
        elif isinstance(box, boxes.ReplacedBox):  # a chart drawn as an image
            last = (box, None)
    if last is not None and last[1] is not None:
        return [Problem(page, "heading-last",
                        f"{last[1].element_tag} {last[0].text.strip()[:40]!r} ends the page")]
    return []


def _column_fonts(page: int, page_box) -> list[Problem]:
    """Per table, the font sizes of its body cells (``td``) by column: one each."""
    from weasyprint.formatting_structure import boxes

    found = []
    for box, *_rest in _walk(page_box):
        if not isinstance(box, boxes.TableBox):
            continue
        sizes: dict[int, set[float]] = {}
        for cell, *_ in _walk(box):
            if isinstance(cell, boxes.TableCellBox) and cell.element_tag == "td" \
                    and any(isinstance(b, boxes.TextBox) for b, *_ in _walk(cell)):
                sizes.setdefault(cell.grid_x, set()).add(round(cell.style["font_size"], 2))
        for column, seen in sorted(sizes.items()):
            if len(seen) > 1:
                found.append(Problem(page, "column-fonts",
                                     f"table column {column + 1} in sizes {sorted(seen)}"))
    return found


def check_document(document) -> list[Problem]:
    """Every layout problem of a rendered WeasyPrint document, page by page."""
    problems = []
    for number, page in enumerate(document.pages, start=1):
        texts = _texts(page._page_box)
        problems += _outside(number, page._page_box, texts)
        problems += _overlaps(number, texts)
        problems += _heading_last(number, page._page_box)
        problems += _column_fonts(number, page._page_box)
    return problems


def check_html(html: str) -> list[Problem]:
    """Lay the report's HTML out as its PDF is made, then check it."""
    from pantau.reports.render import document

    return check_document(document(html))


def main(folder: str) -> int:
    total = 0
    for path in sorted(Path(folder).rglob("report.html")):
        problems = check_html(path.read_text("utf-8"))
        total += len(problems)
        print(f"{path}: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

"""Hostile text in outputs: spreadsheet cells never run, HTML and SVG show names as text.

The data (employer names, file names, ...) comes from agency exports Pantau
does not control; these tests feed it formulas and markup without a database.
The rendered-from-the-warehouse version is tests/integration/test_report_escaping.py.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import NamedTuple

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import escape

from pantau.config import get_settings
from pantau.periods import Period
from pantau.reports import charts, render, xlsx
from pantau.reports.cells import FORMULA_STARTS, cell, csv_row, neutralise
from pantau.reports.context import ReportData, figures_json
from pantau.reports.view import view

QUICK = settings(derandomize=True, database=None, max_examples=60, deadline=None)
SLOW = settings(derandomize=True, database=None, max_examples=8, deadline=None)
PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d.,]*)?")
HOSTILE = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
           "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "=1+1"]
# Text a spreadsheet cell can hold: no XML-illegal control characters.
CELL_TEXT = st.text(st.characters(exclude_categories=("Cs", "Cc"), include_characters="\t\r\n"),
                    max_size=40)
FORMULA_LIKE = st.builds(lambda start, rest: start + rest, st.sampled_from(FORMULA_STARTS),
                         CELL_TEXT)


def _may_run(text: str) -> bool:
    """What a spreadsheet could read as a formula (a bare number or dash cannot run)."""
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


@pytest.mark.parametrize("text", HOSTILE)
def test_formula_text_gets_an_apostrophe(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert cell(text) == "'" + text


@pytest.mark.parametrize("text", ["PT Maju Jaya", "-", "-12", "+62", "1.234,5", "", "'=1"])
def test_plain_text_and_bare_numbers_stay_as_they_are(text: str) -> None:
    assert neutralise(text) == text


def test_numbers_stay_numbers_even_negative_ones() -> None:
    assert cell(-5) == -5 and isinstance(cell(-5), int)
    assert cell(-2.5) == -2.5
    assert cell(Decimal("-12.50")) == -12.5 and cell(Decimal("1200.00")) == 1200
    assert cell(None) == "" and cell(True) == "True"
    assert cell(float("-inf")) == "'-inf" and cell(Decimal("NaN")) == "NaN"


@QUICK
@given(st.one_of(CELL_TEXT, FORMULA_LIKE))
def test_no_neutral_text_can_run_and_none_is_lost(text: str) -> None:
    safe = neutralise(text)
    assert not _may_run(safe)
    assert safe in (text, "'" + text)  # the text is all there, at most one apostrophe more
    assert neutralise(safe) == safe  # neutralising twice changes nothing more


@QUICK
@given(st.lists(st.one_of(CELL_TEXT, FORMULA_LIKE, st.integers(), st.floats(allow_nan=False,
                                                                           allow_infinity=False)),
                max_size=6))
def test_a_csv_row_read_back_holds_no_formula(values: list) -> None:
    out = io.StringIO()
    csv.writer(out).writerow(csv_row(values))
    read = next(csv.reader(io.StringIO(out.getvalue()))) if values else []
    assert len(read) == len(values)
    for text, value in zip(read, values, strict=True):
        if isinstance(value, str):
            assert not _may_run(text)
        else:
            assert float(text) == value  # a number, negative or not, is written as one


def _data(names: list[str]) -> ReportData:
    """A regency's report data with hostile text wherever the marts carry text."""
    figures = {"period": "2025-12", "region_code": "62.71", "level": "regency",
               "region_name": "Kota <i>Uji</i>", "province_code": "62",
               "reference_date": date(2025, 12, 31), "foreigners_total": 3, "itas": 2, "itap": 1,
               "itk": 0, "workers_total": len(names), "registered_total": 1,
               "expiring_90_days": 0, "dkptka_due_usd": 300, "dkptka_paid_usd": Decimal("-100.00"),
               "population_2025": 300_000}
    return ReportData(
        period=Period.parse("2025-12"), region_code="62.71", region_name=figures["region_name"],
        level="regency", province_code="62", reference_date=date(2025, 12, 31),
        figures=figures, previous=None,
        breakdowns={"workers_by_employer": [(f"NIB{i}", name, 1.0)
                                            for i, name in enumerate(names)],
                    "workers_by_occupation": [("2511", "=cmd|' /C calc'!A0", 1.0)],
                    "foreigners_by_nationality": [("CHN", "<b>Tiongkok</b>", 3.0)]},
        followup={"TKA_NO_PERMIT": [("@A*******", "CHN")]},
        lineage=[{"source": "tenaga_kerja_tka", "file_name": "=x.csv",
                  "snapshot_date": date(2025, 12, 31), "sha256": "a" * 64, "rows_in_region": 3,
                  "batch_rows": 3, "rows_quarantined": 0, "checks_failed": "\t=1+1"}])


def _excel_text(value: object) -> object:
    """A cell's text as Excel reads it: ``_x000D_`` is a carriage return (openpyxl keeps it)."""
    if not isinstance(value, str):
        return value
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m[1], 16)), value)


class Cell(NamedTuple):
    sheet: str
    coordinate: str
    data_type: str
    value: object


def _xlsx_cells(data: ReportData) -> list[Cell]:
    blob = xlsx.workbook(data, figures_json(data), datetime(2025, 12, 31, tzinfo=UTC))
    book = openpyxl.load_workbook(io.BytesIO(blob))
    return [Cell(sheet.title, c.coordinate, c.data_type, _excel_text(c.value))
            for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]


@SLOW
@given(st.lists(st.one_of(CELL_TEXT, FORMULA_LIKE, st.sampled_from(HOSTILE)), min_size=1,
                max_size=5, unique=True))
def test_the_xlsx_annex_writes_every_name_as_neutral_text(names: list[str]) -> None:
    cells = _xlsx_cells(_data(names))
    assert [c for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if _may_run(t)]
    for name in names:
        assert neutralise(name) in texts or name == "", name


def test_the_xlsx_annex_keeps_negative_numbers_numeric() -> None:
    data = _data(["PT A"])
    blob = xlsx.workbook(data, figures_json(data), datetime(2025, 12, 31, tzinfo=UTC))
    sheet = openpyxl.load_workbook(io.BytesIO(blob))["Ringkasan"]
    paid = {row[0].value: row[1] for row in sheet.iter_rows(min_row=2)}["DKPTKA dibayar (USD)"]
    assert paid.value == -100 and paid.data_type == "n"


def _html(data: ReportData) -> str:
    page = view(data)
    page["css"] = ""
    page["content_sha256"] = "0" * 64
    return render._environment(get_settings()).get_template("report.html.j2").render(**page)


@SLOW
@given(st.lists(st.one_of(CELL_TEXT, st.sampled_from(["<script>alert(1)</script>",
                                                     '"><img src=x onerror=alert(1)>'])),
                min_size=1, max_size=4, unique=True))
def test_the_html_shows_every_name_as_text(names: list[str]) -> None:
    html = _html(_data(["<script>alert(1)</script>", *names]))
    assert "<script" not in html and "<img" not in html and "<i>Uji" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for name in names:
        assert str(escape(name)) in html, name


def test_autoescape_is_on_for_every_template_and_no_template_marks_data_safe() -> None:
    environment = render._environment(get_settings())
    assert environment.autoescape is True
    templates = Path(get_settings().home / "reports" / "templates")
    for path in templates.rglob("*"):
        if path.is_file():
            assert not re.search(r"\|\s*safe\b", path.read_text("utf-8")), path


@pytest.mark.parametrize("label", ["<script>alert(1)</script>", '"/><script>x</script>',
                                   "--><script>x</script><!--", r"$\foo$ & co"])
def test_chart_labels_are_escaped_in_the_svg(label: str) -> None:
    svg = str(charts.horizontal_bars([(label, 3.0), ("B", 1.0)], "Uji"))
    assert "<script" not in svg
    assert str(escape(label)).replace("&#34;", '"').replace("&#39;", "'") in svg


def test_the_pdf_renderer_fetches_nothing_but_its_own_data_urls(tmp_path: Path) -> None:
    from PIL import Image
    from pypdf import PdfReader

    picture = tmp_path / "picture.png"
    Image.new("RGB", (8, 8), "red").save(picture)
    html = (f'<p>teks</p><img src="{picture.as_uri()}">'
            '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">')
    blob = render._pdf(html, datetime(2025, 12, 31, tzinfo=UTC), {})
    page = PdfReader(io.BytesIO(blob)).pages[0]
    assert "teks" in page.extract_text() and list(page.images) == []
    for url in (picture.as_uri(), "http://127.0.0.1:9/x.css"):
        with pytest.raises(ValueError, match="disallowed protocol"):
            render._no_fetch()(url)
    # The charts reach the PDF as data: images, drawn as vectors with their text.
    chart = render._as_images({"chart": charts.horizontal_bars([("Aceh", 2.0)], "Grafik uji")})
    blob = render._pdf(f"<p>teks</p>{chart['chart']}", datetime(2025, 12, 31, tzinfo=UTC),
                       {})
    text = PdfReader(io.BytesIO(blob)).pages[0].extract_text()
    assert "Grafik uji" in text and "Aceh" in text

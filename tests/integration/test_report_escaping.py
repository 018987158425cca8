"""Hostile names in the warehouse come out of a real report render as text, never as code.

The marts a report reads are filled directly (the reporter role reads nothing
else), with markup and spreadsheet formulas where the agencies' free text ends
up: employer and occupation names, region names, file names, quality notes.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import openpyxl
import psycopg
import pytest
from markupsafe import escape
from pypdf import PdfReader

from pantau.periods import Period
from tests.support.figures_schema import assert_every_figures_valid

SCRIPT = "<script>alert(1)</script>"
HYPERLINK = '=HYPERLINK("http://x","y")'
OCCUPATION = "@SUM(1+1)*cmd|' /C calc'!A0"
FILE_NAME = "+cmd|' /C calc'!A0.csv"
REGENCY = "Kota <img src=x onerror=alert(2)>Uji"


def _figures(region: str, level: str, name: str) -> tuple:
    return ("2025-12", region, level, name, "62", date(2025, 12, 31), 5, 4, 1, 0, 3, 2, 1,
            300, -100, 300_000)


@pytest.fixture
def hostile_marts(db: psycopg.Connection) -> None:
    """A regency (62.71) and its province (62) whose text is hostile throughout."""
    db.execute("INSERT INTO mart.region_figures VALUES "
               "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s), "
               "(%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
               (*_figures("62.71", "regency", REGENCY), *_figures("62", "province", "Uji")))
    for region in ("62.71", "62"):
        db.cursor().executemany(
            "INSERT INTO mart.region_breakdown VALUES ('2025-12', %s, %s, %s, %s, %s)",
            [(region, "workers_by_employer", "NIB1", SCRIPT, 2),
             (region, "workers_by_employer", "=NIB2", HYPERLINK, 1),
             (region, "workers_by_occupation", "2511", OCCUPATION, 3),
             (region, "foreigners_by_nationality", "CHN", "<b>Tiongkok</b>", 5),
             (region, "workers_by_nationality", "CHN", "<b>Tiongkok</b>", 3)])
        db.execute("INSERT INTO mart.followup VALUES ('2025-12', %s, 'TKA_NO_PERMIT', "
                   "'=A*******', 'CHN', %s)", (region, "k" * 64))
        db.execute("INSERT INTO mart.region_lineage VALUES ('2025-12', %s, 1, "
                   "'tenaga_kerja_tka', %s, %s, %s, 3, 3, 0, %s)",
                   (region, FILE_NAME, date(2025, 12, 31), "a" * 64, "\t=1+1"))


def _squeezed(text: str) -> str:
    """PDF text without the line breaks and spaces a table cell's layout adds."""
    return re.sub(r"\s+", "", text)


def test_hostile_names_render_as_text_in_html_pdf_xlsx_and_json(
        hostile_marts: None, tmp_path: Path) -> None:
    from pantau.reports.render import render_period

    rendered = {item.region_code: item.directory
                for item in render_period(Period.parse("2025-12"), tmp_path, ["62.71", "62"])}
    assert assert_every_figures_valid(tmp_path) == 2
    for region, directory in rendered.items():
        html = (directory / "report.html").read_text("utf-8")
        assert "<script" not in html and "<img" not in html and "<b>Tiongkok" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, region
        assert str(escape(HYPERLINK)) in html and "href=\"http://x" not in html
        assert "&lt;b&gt;Tiongkok&lt;/b&gt;" in html  # the chart's label, escaped in the SVG

        pdf = _squeezed(" ".join(page.extract_text()
                                 for page in PdfReader(directory / "report.pdf").pages))
        for shown in (SCRIPT, HYPERLINK, OCCUPATION, FILE_NAME):
            assert _squeezed(shown) in pdf, (region, shown)

        book = openpyxl.load_workbook(directory / "report.xlsx")
        assert [(s.title, c.coordinate) for s in book for row in s.iter_rows() for c in row
                if c.data_type == "f"] == []
        employers = {row[0].value: row[1] for row in book["TKA_Pemberi_kerja"].iter_rows(
            min_row=2)}
        assert employers["'=NIB2"].value == "'" + HYPERLINK
        assert employers["'=NIB2"].data_type == "s"
        assert employers["NIB1"].value == SCRIPT
        occupation = book["TKA_Jabatan"]["B2"]
        assert occupation.value == "'" + OCCUPATION and occupation.data_type == "s"
        lineage = [c.value for c in book["Asal_data"][2]]
        assert "'" + FILE_NAME in lineage and "'\t=1+1" in lineage
        assert [c.value for c in book["Tindak_lanjut"][2]] == ["TKA_NO_PERMIT", "'=A*******",
                                                               "CHN"]
        paid = {row[0].value: row[1] for row in book["Ringkasan"].iter_rows(min_row=2)}
        assert paid["DKPTKA dibayar (USD)"].value == -100  # a negative number stays a number

        figures = json.loads((directory / "figures.json").read_text("utf-8"))
        assert figures["region_name"] == (REGENCY if region == "62.71" else "Uji")

    province = (rendered["62"] / "report.html").read_text("utf-8")
    assert str(escape(REGENCY)) in province  # the regency ranking: table and chart

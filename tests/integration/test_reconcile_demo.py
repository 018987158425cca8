"""The build on a month of demo data: every rule and figure equals truth/, late files, reruns."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from pantau.build.period import RULE_CODES, build_period, stale_periods
from pantau.build.targeting import weights_path
from pantau.config import get_settings
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality.gate import run_gate
from pantau.sources.catalog import SOURCES
from pantau.sources.pickup import discover
from pantau.warehouse import person_key
from tests.support.build_outputs import BUILD_OUTPUTS
from tests.support.figures_schema import assert_every_figures_valid
from tests.support.personal_values import (
    Collector,
    find_personal,
    raw_frame,
    without_reference,
)
from tests.support.warehouses import module_warehouse

PERIODS = ("2025-11", "2025-12")
MARTS = BUILD_OUTPUTS


@dataclass
class Built:
    url: str
    stale_before: list[str]
    stale_after_late_file: list[str]
    december_before_late_file: dict[str, pd.DataFrame]


def _dump(url: str, period: str | None = None) -> dict[str, pd.DataFrame]:
    out = {}
    with psycopg.connect(url) as conn:
        for table, (column, order) in MARTS.items():
            where = f"WHERE {column} = %s" if period else ""
            cursor = conn.execute(f"SELECT * FROM {table} {where} ORDER BY {column}, {order}",
                                  (period,) if period else None)
            out[table] = pd.DataFrame(cursor.fetchall(),
                                      columns=[c.name for c in cursor.description])
    return out


def _late_file(demo: Path) -> Path:
    """November's file of the regency with most registry rows: it will arrive late."""
    files = sorted((demo / "landing" / "dukcapil_orang_asing").rglob("wna_*_202511*.csv"),
                   key=lambda p: p.stat().st_size)
    return files[-1]


@pytest.fixture(scope="module")
def built(server_url: str, migrated_template: str, demo_month: Path,
          tmp_path_factory) -> Iterator[Built]:
    """December built, then November, without one November registry file; then it arrives."""
    late = _late_file(demo_month)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, "demo-test-key")
        with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                              migrated_template) as url:
            on_time = [p for p in discover([demo_month / "landing"]) if p != late]
            assert {o.status for o in ingest_paths(on_time)} == {"loaded"}
            assert not run_gate().rejected
            for period in reversed(PERIODS):
                build_period(Period.parse(period))
            stale_before = stale_periods()
            december = _dump(url, "2025-12")
            assert {o.status for o in ingest_paths([late])} == {"loaded"}
            assert not run_gate().rejected
            stale_after = stale_periods()
            for period in stale_after:
                build_period(Period.parse(period))
            yield Built(url, stale_before, stale_after, december)


def _truth_codes(demo: Path, period: str) -> set[tuple[str, str, str]]:
    truth = pd.read_csv(demo / "truth" / "discrepancies.csv", dtype=str)
    truth = truth[truth["period"] == period]
    return {(person_key.person_key(p, n, b"demo-test-key"), code, regency) for p, n, code, regency
            in zip(truth["passport"], truth["nationality"], truth["code"], truth["regency"],
                   strict=True)}


@pytest.mark.parametrize("period", PERIODS)
def test_persons_flagged_per_rule_match_truth_exactly(built: Built, demo_month: Path,
                                                      period: str) -> None:
    truth = _truth_codes(demo_month, period)
    with psycopg.connect(built.url) as conn:
        found = set(conn.execute("SELECT person_key, rule_code, regency_code "
                                 "FROM core.fact_discrepancy WHERE period = %s",
                                 (period,)).fetchall())
    for code in RULE_CODES:  # precision and recall 1.0, code by code
        expected = {row for row in truth if row[1] == code}
        got = {row for row in found if row[1] == code}
        assert expected, f"the demo month plants no {code}"
        assert got == expected, (code, len(got - expected), len(expected - got))


def test_rows_without_a_usable_passport_are_noted_counted_and_linked_as_designed(
        built: Built) -> None:
    with psycopg.connect(built.url) as conn:
        links = conn.execute(
            "SELECT b.source, l.link_method FROM core.document_link AS l "
            "JOIN audit.batch AS b USING (batch_id) WHERE l.period = '2025-12' "
            "GROUP BY b.source, l.link_method").fetchall()
        noted = conn.execute(
            "SELECT DISTINCT b.source, n.rule FROM quarantine.row_note AS n "
            "JOIN audit.batch AS b USING (batch_id)").fetchall()
        unlinked_actions = conn.execute("SELECT count(*) FROM core.fact_admin_action "
                                        "WHERE person_key IS NULL").fetchone()[0]
        held = conn.execute("SELECT count(*) FROM quarantine.row_note AS n JOIN "
                            "quarantine.held_row AS h USING (batch_id, row_number) "
                            "WHERE n.rule IN ('passport_present', 'passport_format') "
                            "AND NOT EXISTS (SELECT 1 FROM quarantine.reason AS r WHERE "
                            "r.batch_id = n.batch_id AND r.row_number = n.row_number)"
                            ).fetchone()[0]
    methods: dict[str, set[str]] = {}
    for source, method in links:
        methods.setdefault(source, set()).add(method)
    # (An unlinked worker, one whose name matches no permit holder, is a hand-made case.)
    assert {"passport", "name_birth_date", "ambiguous"} <= methods["tenaga_kerja_tka"]
    assert methods["imigrasi_tindakan"] <= {"passport", "unlinked"}  # no birth date to match
    assert unlinked_actions > 0  # in core, counted by type, linked to nobody
    assert {("tenaga_kerja_tka", "passport_present"), ("tenaga_kerja_tka", "passport_format"),
            ("imigrasi_tindakan", "passport_present"), ("imigrasi_tindakan", "passport_format")
            } <= set(noted)
    assert held == 0  # a note alone holds no row


def _figures(conn: psycopg.Connection, period: str, region: str) -> dict:
    cursor = conn.execute("SELECT * FROM mart.region_figures WHERE period = %s "
                          "AND region_code = %s", (period, region))
    row = dict(zip([c.name for c in cursor.description], cursor.fetchone(), strict=True))
    breakdown = {}
    for measure, category, value in conn.execute(
            "SELECT measure, category, value FROM mart.region_breakdown "
            "WHERE period = %s AND region_code = %s", (period, region)).fetchall():
        breakdown.setdefault(measure, {})[category] = int(value)
    return {
        "region_name": row["region_name"], "reference_date": row["reference_date"].isoformat(),
        "foreigners_total": row["foreigners_total"],
        "by_permit_type": {"ITAS": row["itas"], "ITAP": row["itap"], "ITK": row["itk"]},
        "by_nationality": breakdown.get("foreigners_by_nationality", {}),
        "workers_total": row["workers_total"],
        "workers_by_nationality": breakdown.get("workers_by_nationality", {}),
        "registered_total": row["registered_total"],
        "discrepancies": {code: breakdown.get("discrepancies", {}).get(code, 0)
                          for code in RULE_CODES},
        "expiring_90_days": row["expiring_90_days"],
        "administrative_actions": breakdown.get("administrative_actions", {}),
        "dkptka_due_usd": int(row["dkptka_due_usd"]),
        "dkptka_paid_usd": int(row["dkptka_paid_usd"]),
    }


@pytest.mark.parametrize("period", PERIODS)
def test_mart_figures_equal_truth_for_every_region(built: Built, demo_month: Path,
                                                   period: str) -> None:
    files = sorted((demo_month / "truth" / "figures" / period).glob("*.json"))
    assert len(files) > 30  # every regency and province of the demo scope
    with psycopg.connect(built.url) as conn:
        for path in files:
            expected = json.loads(path.read_text())
            got = _figures(conn, period, expected["region_code"])
            expected["administrative_actions"] = {
                k: v for k, v in expected["administrative_actions"].items() if v}
            for key, value in got.items():
                assert value == expected[key], (path.name, key)


def test_a_late_file_marks_just_its_period_stale(built: Built) -> None:
    assert built.stale_before == []
    assert built.stale_after_late_file == ["2025-11"]
    after = _dump(built.url, "2025-12")
    for table, frame in built.december_before_late_file.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)


def test_a_rerun_gives_identical_results(built: Built) -> None:
    before = _dump(built.url)
    build_period(Period.parse("2025-12"))
    build_period(Period.parse("2025-11"))
    after = _dump(built.url)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)


def test_a_rebuild_after_a_late_file_writes_what_a_first_build_writes(built: Built) -> None:
    # November was rebuilt after its late file: the snapshot fact and the
    # links were written as differences from the first build. Built again from
    # nothing, they must come out the same.
    rebuilt = _dump(built.url, "2025-11")
    with psycopg.connect(built.url) as conn:
        for table, (column, _) in BUILD_OUTPUTS.items():
            conn.execute(f"DELETE FROM {table} WHERE {column} = %s", ("2025-11",))
    build_period(Period.parse("2025-11"))
    from_nothing = _dump(built.url, "2025-11")
    assert len(rebuilt["core.fact_person_status"]) > 100
    for table, frame in from_nothing.items():
        pd.testing.assert_frame_equal(rebuilt[table], frame, obj=table)


@pytest.fixture(scope="module")
def personal(built: Built) -> dict[str, set[str]]:
    """Every personal value of the month's exports, the four PMI ones included, in every
    form it could leak in (``tests/support/personal_values.py``), from the raw rows."""
    collector = Collector()
    with psycopg.connect(built.url) as conn:
        for source in SOURCES.values():
            collector.add(source, raw_frame(conn, source, "TRUE", ()))
        values = without_reference(collector.personal(), conn)
    for header in ("NIK", "NAMA", "NAMA_LENGKAP", "NO_PASPOR", "NOMOR_PASPOR", "TGL_LAHIR",
                   "TANGGAL_LAHIR"):
        assert len(values.get(header, ())) > 100, header
    return values


def test_no_personal_value_reaches_core_or_marts(built: Built,
                                                 personal: dict[str, set[str]]) -> None:
    """No NIK, passport, name or birth date (nor any other personal value) in any text
    column of core or the marts: they hold keyed hashes, masked ids and ages only."""
    texts = {}
    with psycopg.connect(built.url) as conn:
        columns = conn.execute("""
            SELECT table_schema, table_name, column_name FROM information_schema.columns
             WHERE table_schema IN ('core', 'mart')
               AND data_type IN ('text', 'character', 'character varying', 'jsonb', 'ARRAY')
        """).fetchall()
        for schema, table, column in columns:
            texts[f"{schema}.{table}.{column}"] = "\n".join(v for (v,) in conn.execute(
                f'SELECT DISTINCT "{column}"::text FROM {schema}.{table} '
                f'WHERE "{column}" IS NOT NULL LIMIT 100000'))
        # The scan finds them where they are: pii's NIKs, passports and keyed names.
        control = {"pii": "\n".join(i for (i,) in conn.execute(
            "SELECT identifier FROM pii.pmi_identity"))}
    assert {"NIK", "NAMA", "NO_PASPOR", "NOMOR_PASPOR", "TGL_LAHIR"} <= {
        hit.split(": ")[1] for hit in find_personal(control, personal)}
    assert texts["mart.pmi_followup.person_ref"]  # the PMI outputs were built and scanned
    assert find_personal(texts, personal) == []


def test_trends_put_each_region_beside_its_previous_period(built: Built,
                                                           demo_month: Path) -> None:
    with psycopg.connect(built.url) as conn:
        rows = conn.execute("SELECT region_code, previous_period, foreigners_total_previous "
                            "FROM mart.region_trend WHERE period = '2025-12'").fetchall()
    previous = {json.loads(p.read_text())["region_code"]: json.loads(p.read_text())
                for p in (demo_month / "truth" / "figures" / "2025-11").glob("*.json")}
    checked = [(code, total) for code, period, total in rows if code in previous]
    assert len(checked) == len(previous) and {period for _, period, _ in rows} == {"2025-11"}
    for code, total in checked:
        assert total == previous[code]["foreigners_total"], code


# ------------------------------------------------------------------ reports


@dataclass(frozen=True)
class FiguresOnly:
    """December's figures.json of every region the truth has figures for, nothing else."""

    output: Path
    regions: list[str]
    rendered: list


@pytest.fixture(scope="module")
def december_figures(built: Built, demo_month: Path, tmp_path_factory) -> FiguresOnly:
    """Rendered once for the two tests that hold them to truth/figures and truth/pmi/figures
    (the same regions): rendering every region takes most of a minute."""
    from pantau.reports.render import render_period

    regions = sorted(json.loads(p.read_text())["region_code"]
                     for p in (demo_month / "truth" / "figures" / "2025-12").glob("*.json"))
    output = tmp_path_factory.mktemp("december-figures")
    return FiguresOnly(output, regions, render_period(Period.parse("2025-12"), output, regions,
                                                      formats=("figures.json",)))


def test_figures_json_equals_truth_for_every_region(december_figures: FiguresOnly,
                                                    demo_month: Path) -> None:
    truths = {json.loads(p.read_text())["region_code"]: json.loads(p.read_text())
              for p in (demo_month / "truth" / "figures" / "2025-12").glob("*.json")}
    assert december_figures.regions == sorted(truths)
    rendered = december_figures.rendered
    assert len(rendered) == len(truths)
    assert assert_every_figures_valid(december_figures.output) == len(truths)
    for item in rendered:
        written = json.loads((item.directory / "figures.json").read_text())
        expected = truths[item.region_code]
        assert {k: written[k] for k in expected} == expected, item.region_code


@pytest.fixture(scope="module")
def rendered(built: Built, tmp_path_factory) -> list:
    from pantau.reports.render import render_period

    out = tmp_path_factory.mktemp("reports")
    return render_period(Period.parse("2025-12"), out, ["62.71", "62"])


@pytest.fixture(scope="module")
def reports(rendered: list) -> dict[str, Path]:
    return {r.region_code: r.directory for r in rendered}


def test_the_rendered_figures_keep_to_their_schema(reports: dict[str, Path]) -> None:
    for directory in reports.values():
        assert_every_figures_valid(directory)


def test_report_files_hold_the_figures_readably(reports: dict[str, Path]) -> None:
    import openpyxl
    from pypdf import PdfReader

    from pantau.reports.formatting import number

    for region, directory in reports.items():
        figures = json.loads((directory / "figures.json").read_text())
        manifest = json.loads((directory / "manifest.json").read_text())
        assert {f["name"] for f in manifest["files"]} == {
            "report.html", "report.pdf", "report.xlsx", "figures.json"}
        assert manifest["source_batches"] and all(len(b["sha256"]) == 64
                                                  for b in manifest["source_batches"])
        pdf = PdfReader(directory / "report.pdf")
        text = " ".join(page.extract_text() for page in pdf.pages)
        assert len(pdf.pages) >= 5
        assert figures["region_name"] in text and "31 Desember 2025" in text
        assert number(figures["foreigners_total"]) in text
        assert "Halaman 2 dari" in text
        assert "Angka utama" in text  # the summary chart, drawn from its data: image
        html = (directory / "report.html").read_text()
        assert "<svg" in html and "http" not in html.split("<body>")[1].split("xmlns")[0]
        book = openpyxl.load_workbook(directory / "report.xlsx")
        summary = {row[0].value: row[1].value for row in book["Ringkasan"].iter_rows(min_row=2)}
        assert summary["Orang asing (izin tinggal berlaku)"] == figures["foreigners_total"]
        assert summary["Jabatan TKA (RPTKA berlaku)"] == figures["workers_total"]
        assert summary["DKPTKA dibayar (USD)"] == figures["dkptka_paid_usd"]
        formulas = [c.coordinate for sheet in book for row in sheet.iter_rows() for c in row
                    if c.data_type == "f"]
        assert formulas == [], region


def test_reports_show_no_personal_value(reports: dict[str, Path],
                                        personal: dict[str, set[str]]) -> None:
    import openpyxl
    from pypdf import PdfReader

    for region, directory in reports.items():
        pages = PdfReader(directory / "report.pdf").pages
        texts = {"html": (directory / "report.html").read_text(),
                 "figures": (directory / "figures.json").read_text(),
                 "manifest": (directory / "manifest.json").read_text(),
                 "pdf": " ".join(page.extract_text() for page in pages),
                 "xlsx": " ".join(str(c.value) for sheet in openpyxl.load_workbook(
                     directory / "report.xlsx") for row in sheet.iter_rows() for c in row)}
        assert find_personal({f"{region}: {k}": v for k, v in texts.items()}, personal) == []


def test_rendering_again_in_worker_processes_gives_the_same_bytes(
        built: Built, reports: dict[str, Path], tmp_path: Path) -> None:
    from pantau.reports.render import render_period

    again = render_period(Period.parse("2025-12"), tmp_path, ["62.71", "62"], workers=2)
    assert [item.region_code for item in again] == ["62.71", "62"]
    assert assert_every_figures_valid(tmp_path) == 2
    for item in again:
        first = reports[item.region_code]
        for name in ("report.html", "report.pdf", "report.xlsx", "figures.json",
                     "manifest.json"):
            assert (item.directory / name).read_bytes() == (first / name).read_bytes(), name


def test_the_reports_pass_the_layout_check(rendered: list) -> None:
    """No text past its cell or page, none overlapping, no heading left last on a page,
    one font size per table column (pantau.reports.layout_check, run by the renderer on
    the pages it writes), in both reports and both annexes."""
    for item in rendered:
        assert set(item.layout_problems) == {"report.pdf", "operasi.pdf"}, item.region_code
        assert item.layout_problems == {"report.pdf": [], "operasi.pdf": []}, item.region_code


def _svg_titled(html: str, title: str) -> str:
    import re

    found = [svg for svg in re.findall(r"<svg.*?</svg>", html, flags=re.S) if title in svg]
    assert len(found) == 1, title
    return found[0]


def test_the_maps_colour_each_area_by_the_figure_the_report_prints(
        built: Built, reports: dict[str, Path]) -> None:
    """The province's map of TKA per 100,000 and the regency's map of registered
    foreigners by district, read back colour by colour against the marts."""
    from tests.support.map_colours import assert_colours_match

    with psycopg.connect(built.url) as conn:
        rates = {code: round(workers * 100_000 / population, 1) for code, workers, population
                 in conn.execute("SELECT region_code, workers_total, population_2025 "
                                 "FROM mart.region_figures WHERE period = '2025-12' "
                                 "AND level = 'regency' AND province_code = '62'")}
        registered = dict(conn.execute(
            "SELECT category, value FROM mart.region_breakdown WHERE period = '2025-12' "
            "AND region_code = '62.71' AND measure = 'registered_by_district'").fetchall())
    province = (reports["62"] / "report.html").read_text("utf-8")
    assert assert_colours_match(_svg_titled(province, "TKA per 100.000 penduduk per kabupaten"),
                                rates, decimals=1) == 14
    regency = (reports["62.71"] / "report.html").read_text("utf-8")
    districts = _svg_titled(regency, "Orang asing terdaftar (SKTT/KTP-el WNA aktif)")
    from pantau.reports.maps import area_codes

    assert sum(registered.values()) > 0
    assert assert_colours_match(districts, {code: registered.get(code, 0)
                                            for code in area_codes("district", "62.71")}) == 5


def test_the_layout_check_finds_what_it_looks_for() -> None:
    """The check itself can fail: a heading left alone at a page's foot, text past its
    cell, two sizes in one column."""
    from pantau.reports.layout_check import check_html

    filler = "<p>baris</p>" * 52
    html = ("<html><body style='font-size:12pt'>" + filler + "<h2>Bab terakhir</h2>"
            "<div style='break-before:page'></div>"
            "<table style='width:40mm;table-layout:fixed'><tr><td style='white-space:nowrap'>"
            "SANGAT-PANJANG-TANPA-SPASI-SEKALI-MELEWATI-SEL</td></tr>"
            "<tr><td style='font-size:6pt'>kecil</td></tr></table></body></html>")
    kinds = {problem.kind for problem in check_html(html)}
    assert {"heading-last", "overflow", "column-fonts"} <= kinds


def test_the_pdf_is_an_archivable_pdf_a_3b_with_its_data_inside(
        reports: dict[str, Path]) -> None:
    """PDF/A-3b as far as checkable without veraPDF: its XMP identification, the
    attachments (bytes of the files beside it, each with its AFRelationship), every
    font embedded, an output intent, title, author and language, no clock time."""
    from pypdf import PdfReader

    for region, directory in reports.items():
        figures = json.loads((directory / "figures.json").read_text())
        reader = PdfReader(directory / "report.pdf")
        root = reader.trailer["/Root"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp, region
        assert "uuid" not in xmp and "xmp.did" not in xmp
        assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
        assert root["/Lang"] == "id" and reader.trailer["/ID"]
        info = reader.metadata
        assert figures["region_name"] in info.title and info.title.startswith("Laporan")
        assert info.author.startswith("Badan Kesatuan Bangsa dan Politik")
        assert info["/CreationDate"].startswith("D:" + figures["reference_date"]
                                                .replace("-", ""))
        assert {name: blobs[0] for name, blobs in reader.attachments.items()} == {
            name: (directory / name).read_bytes() for name in ("figures.json", "report.xlsx")}
        specs = {spec.get_object()["/F"]: spec.get_object()["/AFRelationship"]
                 for spec in root["/AF"]}
        assert specs == {"figures.json": "/Data", "report.xlsx": "/Supplement"}
        fonts = [font.get_object() for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()]
        descriptors = [(f.get("/FontDescriptor") or f["/DescendantFonts"][0].get_object()
                        ["/FontDescriptor"]).get_object() for f in fonts]
        assert descriptors and all({"/FontFile", "/FontFile2", "/FontFile3"} & set(d)
                                   for d in descriptors), region


def test_the_reports_speak_indonesian_in_their_data_appendix(
        reports: dict[str, Path]) -> None:
    """Failed checks and sources by their Indonesian names, never the rule or source ids;
    a region named once."""
    from pypdf import PdfReader

    from pantau.reports.texts import CHECKS
    from pantau.sources.catalog import SOURCES

    for region, directory in reports.items():
        html = (directory / "report.html").read_text("utf-8")
        appendix = html.split('id="lampiran"')[1]
        assert [rule for rule in CHECKS if rule in appendix] == [], region
        cells = appendix.split("<table class=\"lineage\">")[1].split("</table>")[0]
        assert [s for s in SOURCES if f"<td>{s}</td>" in cells] == [], region
        text = " ".join(page.extract_text() for page in PdfReader(
            directory / "report.pdf").pages)
        assert "Kabupaten/Kota Kabupaten" not in text and "Kabupaten/Kota Kota" not in text
    assert "Kota Palangkaraya (62.71)" in (reports["62.71"] / "report.html").read_text()
    assert "Provinsi Kalimantan Tengah (62)" in (reports["62"] / "report.html").read_text()


class _SmtpSink:
    """A minimal SMTP server on localhost that keeps what it receives."""

    def __init__(self) -> None:
        import socketserver
        import threading

        received = self.received = []

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.wfile.write(b"220 sink\r\n")
                data = None
                for line in self.rfile:
                    if data is not None:
                        if line == b".\r\n":
                            received.append(b"".join(data))
                            data = None
                            self.wfile.write(b"250 ok\r\n")
                        else:
                            data.append(line)
                        continue
                    verb = line[:4].upper()
                    if verb == b"DATA":
                        data = []
                        self.wfile.write(b"354 go\r\n")
                    elif verb == b"QUIT":
                        self.wfile.write(b"221 bye\r\n")
                        return
                    else:
                        self.wfile.write(b"250 ok\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def test_reports_are_delivered_once_and_failures_retried(built: Built, reports: dict[str, Path],
                                                         tmp_path: Path, monkeypatch) -> None:
    import socket

    from pantau.reports.delivery import deliver

    book = tmp_path / "recipients.toml"
    book.write_text('[regions."62.71"]\nrecipients = ["kota@example.go.id"]\n'
                    '[regions."62"]\nrecipients = ["prov@example.go.id"]\n'
                    'timpora = ["timpora@example.go.id"]\n')
    monkeypatch.setenv("PANTAU_RECIPIENTS", str(book))
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    monkeypatch.setenv("PANTAU_SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("PANTAU_SMTP_PORT", str(closed.getsockname()[1]))  # nobody listens
    first = deliver("2025-12")
    assert first.queued == 3 and first.sent == 0 and len(first.failed) == 3
    sink = _SmtpSink()
    monkeypatch.setenv("PANTAU_SMTP_PORT", str(sink.port))
    second = deliver("2025-12")
    assert second.queued == 0 and second.sent == 3 and not second.failed
    assert deliver("2025-12").sent == 0  # never twice for the same content
    assert len(sink.received) == 3 and all(b"report.pdf" in m for m in sink.received)
    # The operational annex reaches the TIMPORA team only, in its outbox and its mail.
    outbox = get_settings().var_dir / "outbox"
    annexed = {path.parent.parent.parent.name for path in outbox.rglob("operasi.*")}
    assert annexed == {"timpora@example.go.id"}
    assert sum(b"operasi.pdf" in m for m in sink.received) == 1
    with psycopg.connect(built.url) as conn:
        rows = conn.execute("SELECT status, attempts FROM audit.report_delivery").fetchall()
    assert sorted(rows) == [("sent", 2), ("sent", 2), ("sent", 2)]
    closed.close()
    sink.server.shutdown()


def test_the_operational_annex_lies_beside_each_report_and_never_inside_it(
        reports: dict[str, Path]) -> None:
    """operasi.* beside the regency and provincial reports; scores add up; ids masked."""
    for region, directory in reports.items():
        plan = json.loads((directory / "operasi.json").read_text("utf-8"))
        assert plan["region_code"] == region and plan["period"] == "2025-12"
        assert len(plan["weights_sha256"]) == 64 and plan["sites"]
        assert [site["rank"] for site in plan["sites"]] == list(range(1, len(plan["sites"]) + 1))
        scores = [site["score"] for site in plan["sites"]]
        assert scores == sorted(scores, reverse=True)
        for site in plan["sites"]:
            assert abs(sum(site["contributions"].values()) - site["score"]) < 1e-6
            assert all("*" in worker["id"] for worker in site["workers"])
        assert (directory / "operasi.pdf").read_bytes().startswith(b"%PDF")
        assert (directory / "operasi.xlsx").stat().st_size > 0
        report = (directory / "report.html").read_text("utf-8")
        assert "Lampiran Operasional" not in report and "Usulan Lokasi" not in report
        listed = json.loads((directory / "manifest.json").read_text("utf-8"))["files"]
        assert not [f for f in listed if f["name"].startswith("operasi.")]


def test_the_annex_gives_each_visited_site_its_last_operation(
        reports: dict[str, Path]) -> None:
    """The last operation's findings agree with the score's operation factors."""
    weights = json.loads(weights_path().read_text("utf-8"))["factors"]
    visited = 0
    for directory in reports.values():
        plan = json.loads((directory / "operasi.json").read_text("utf-8"))
        reference = date.fromisoformat(plan["reference_date"])
        for site in plan["sites"]:
            last, points = site["last_operation"], site["contributions"]
            if last is None:
                assert "operation_findings" not in points, site["rank"]
                assert "operation_clear_recent" not in points, site["rank"]
                continue
            visited += 1
            found = (last["findings_no_permit"] + last["findings_permit_mismatch"]
                     + last["findings_overstay"])
            assert date.fromisoformat(last["date"]) <= reference
            assert points.get("operation_findings", 0) == pytest.approx(
                found * weights["operation_findings"]["weight"])
            recent = (reference - date.fromisoformat(last["date"])).days < \
                weights["operation_clear_recent"]["within_days"]
            assert ("operation_clear_recent" in points) == (found == 0 and recent)
    assert visited, "the demo's operations file visits some ranked sites"


def test_the_html_renders_in_headless_chromium_with_its_charts(reports: dict[str, Path]) -> None:
    """Debian's chromium opens the self-contained HTML; the screenshot stays under var/."""
    import shutil
    import subprocess

    from PIL import Image

    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: `make test` installs it (make browser)"
    artefacts = Path(__file__).resolve().parents[2] / "var" / "test-artefacts"
    artefacts.mkdir(parents=True, exist_ok=True)
    shot = artefacts / "report-62-2025-12.png"
    shot.unlink(missing_ok=True)
    run = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0", f"--screenshot={shot}", "--window-size=1000,2600",
         (reports["62"] / "report.html").as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines()
               if "CONSOLE" in line or "Uncaught" in line]
    assert console == []
    import numpy as np

    pixels = np.asarray(Image.open(shot).convert("RGB")).astype(int)
    chart_blue = int((np.abs(pixels - [0x1F, 0x4E, 0x79]).max(axis=2) < 12).sum())
    assert chart_blue > 5_000  # the bars of the summary and nationality charts


def test_every_figure_of_every_region_equals_its_trace(built: Built) -> None:
    from pantau.warehouse.connection import connect
    from tests.support.trace_checks import assert_every_figure_traced, assert_provinces_are_unions

    with connect("auditor", url=built.url) as conn:
        assert assert_every_figure_traced(conn, PERIODS) > 100
        assert assert_provinces_are_unions(conn, PERIODS) > 0


def test_the_bench_traces_every_figure_of_the_largest_regency_as_the_auditor(
        built: Built) -> None:
    from pantau.reports import trace as tracing
    from pantau.tools.bench.tracing import time_traces

    timed = time_traces(built.url, Period.parse("2025-12"))
    assert timed["all_match"], timed
    assert {item["figure"] for item in timed["traces"]} == set(
        tracing.SCALAR_FIGURES + tracing.CATEGORY_FIGURES)
    assert max(item["rows"] for item in timed["traces"]) > 0


def test_the_audit_pack_holds_the_trace_rows_of_every_figure(built: Built,
                                                             reports: dict[str, Path]) -> None:
    import csv

    from pantau.reports import trace as tracing
    from pantau.reports.audit_pack import FAMILIES, SHOWN_ROWS
    from pantau.warehouse.connection import connect
    from tests.support.trace_checks import figure_keys

    capped = 0
    with connect("auditor", url=built.url) as conn:
        for region, directory in reports.items():
            figures = json.loads((directory / "figures.json").read_text())
            index = (directory / "audit" / "index.html").read_text("utf-8")
            packed: dict[tuple[str, str], set[tuple[str, str]]] = {}
            for family in FAMILIES:
                with (directory / "audit" / f"{family}.csv").open(newline="") as handle:
                    for row in csv.DictReader(handle):
                        packed.setdefault((row["figure"], row["category"]), set()).add(
                            (row["batch_id"], row["row_number"]))
            for figure, category in figure_keys(figures):
                found = tracing.trace(conn, Period.parse("2025-12"), region, figure, category)
                assert found.matches, (region, figure, category)
                assert packed.get((figure, category), set()) == {
                    (str(r["batch_id"]), str(r["row_number"])) for r in found.rows}
                assert f'id="{figure}-{category}"' in index
                if len(found.rows) > SHOWN_ROWS:  # the page shows a part, the CSV every row
                    capped += 1
                    assert f"seluruh {len(found.rows)} baris ada di" in index
            assert "Data Docs validasi ini" in index
    assert capped > 0  # a province's foreigners outnumber the rows a page shows


def test_the_pack_csv_neutralises_file_names_as_every_spreadsheet_writer_does(
        built: Built) -> None:
    import csv
    import io

    from pantau.reports.audit_pack import _csv
    from pantau.reports.cells import neutralise

    names = ['=HYPERLINK("http://x")_20251231.csv', "+62 cmd_20251231.csv", "-12",
             "@SUM(A1)_20251231.csv", "wna_6271_20251231.csv", "-", "\tx.csv"]
    region = {"period": "2025-12", "region_code": "62.71"}
    with psycopg.connect(built.url) as conn:
        batch = conn.execute("SELECT batch_id FROM mart.figure_row WHERE period = %s AND "
                             "region_code = %s AND figure = 'foreigners_total' LIMIT 1",
                             tuple(region.values())).fetchone()[0]
        for name in names:
            conn.execute("UPDATE audit.batch SET original_name = %s WHERE batch_id = %s",
                         (name, batch))
            rows = csv.DictReader(io.StringIO(_csv(conn, region, "foreigners_total",
                                                   get_settings()).decode()))
            files = {row["file"] for row in rows if row["batch_id"] == str(batch)}
            assert files == {neutralise(name)}, name
        conn.rollback()


def test_the_audit_pack_opens_in_headless_chromium_without_console_errors(
        reports: dict[str, Path]) -> None:
    import shutil
    import subprocess

    chromium = shutil.which("chromium")
    assert chromium, "Debian's chromium is missing: `make test` installs it (make browser)"
    for directory in reports.values():
        run = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr",
             "--v=0", "--dump-dom", (directory / "audit" / "index.html").as_uri()],
            capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode == 0, run.stderr[-2000:]
        console = [line for line in run.stderr.splitlines()
                   if "CONSOLE" in line or "Uncaught" in line]
        assert console == []
        assert "Paket audit" in run.stdout


# ------------------------------------------------------------------ PMI


def _pmi_person_ids(conn: psycopg.Connection, demo: Path) -> dict[str, int]:
    """Warehouse PMI person key -> the generator's person, through the identifier it is keyed by."""
    persons = pd.read_csv(demo / "truth" / "pmi" / "persons.csv", dtype=str)
    by = {"nik": dict(zip(persons["nik"], persons["person_id"], strict=True)),
          "passport": dict(zip(persons["passport"], persons["person_id"], strict=True)),
          "name_birth_origin": dict(zip(
              persons["name_key"] + "|" + persons["birth_date"] + "|" + persons["origin_regency"],
              persons["person_id"], strict=True))}
    out = {}
    for key, kind, identifier in conn.execute(
            "SELECT p.identity_key, p.kind, p.identifier FROM pii.pmi_identity AS p "
            "JOIN core.dim_pmi_person AS d ON d.person_key = p.identity_key"):
        if identifier in by[kind]:
            out[key] = int(by[kind][identifier])
    return out


@pytest.mark.parametrize("period", PERIODS)
def test_pmi_persons_indicated_per_rule_match_truth_exactly(built: Built, demo_month: Path,
                                                            period: str) -> None:
    from pantau.build.period import PMI_RULE_CODES

    truth = pd.read_csv(demo_month / "truth" / "pmi" / "indications.csv", dtype=str)
    truth = truth[truth["period"] == period].fillna("")
    expected_all = set(zip(truth["code"], truth["regency"], truth["district"],
                           truth["person_id"].astype(int), strict=True))
    with psycopg.connect(built.url) as conn:
        ids = _pmi_person_ids(conn, demo_month)
        rows = conn.execute("SELECT rule_code, regency_code, coalesce(district_code, ''), "
                            "person_key FROM core.fact_pmi_indication WHERE period = %s",
                            (period,)).fetchall()
    assert all(key in ids for *_, key in rows), "an indicated person the generator never made"
    found = {(code, regency, district, ids[key]) for code, regency, district, key in rows}
    for code in PMI_RULE_CODES:  # precision and recall 1.0, rule by rule
        expected = {row for row in expected_all if row[0] == code}
        got = {row for row in found if row[0] == code}
        assert expected, f"the demo month plants no {code}"
        assert got == expected, (code, sorted(got - expected)[:3], sorted(expected - got)[:3])


def test_pmi_figures_equal_truth_for_every_region(december_figures: FiguresOnly,
                                                  demo_month: Path) -> None:
    truths = {json.loads(p.read_text())["region_code"]: json.loads(p.read_text())
              for p in (demo_month / "truth" / "pmi" / "figures" / "2025-12").glob("*.json")}
    assert december_figures.regions == sorted(truths)
    rendered = december_figures.rendered
    assert len(rendered) == len(truths)
    mismatched = []
    for item in rendered:
        written = json.loads((item.directory / "figures.json").read_text())["pmi"]
        expected = truths[item.region_code]["pmi"]
        if written != expected:
            mismatched.append((item.region_code, {k: (written[k], expected[k])
                                                  for k in expected if written[k] != expected[k]}))
    assert not mismatched, mismatched[:2]

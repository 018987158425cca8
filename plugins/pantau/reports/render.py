"""Render one region's report: report.html, report.pdf, report.xlsx, figures.json, manifest.json.

Beside it, when an auditor connection is given (``render_period`` gives one),
the audit pack: ``audit/index.html`` and one CSV per figure family
(:mod:`pantau.reports.audit_pack`), read as the auditor role.

Output tree: ``<output>/<period>/<province>/<regency>/`` for a regency,
``<output>/<period>/<province>/`` for a province, ``<output>/<period>/00/`` for the
national report. Rendering is idempotent:
the same marts give the same bytes (every date inside comes from the data,
none from the clock).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from functools import cache, partial
from pathlib import Path
from time import perf_counter

import psycopg
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from pantau.config import Settings, get_settings
from pantau.periods import Period, PeriodKind
from pantau.reports import annex, audit_pack, context, layout_check, map_view, xlsx
from pantau.reports.targeting_view import target_sites
from pantau.reports.view import view
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect, warehouse_url

log = logging.getLogger(__name__)
# WeasyPrint warns per font about its subsetting backend; only errors matter here.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)
TARGETING_WEIGHTS = "targeting/weights.json"  # under the SQL folder, as the build reads it
FILES = ("report.html", "report.pdf", "report.xlsx", "figures.json")


@dataclass
class Rendered:
    region_code: str
    directory: Path
    content_sha256: str
    files: dict[str, str]  # name -> sha256
    seconds: float = 0.0  # writing the whole report, audit pack included
    audit_seconds: float = 0.0  # of which the audit pack (the bench compares the two)
    layout_problems: dict[str, list[str]] = field(default_factory=dict)  # PDF -> problems


def _environment(settings: Settings) -> Environment:
    """The report templates of this checkout, parsed once per process (every report uses them)."""
    return _templates(settings.home / "reports" / "templates")


@cache
def _templates(folder: Path) -> Environment:
    """Templates that escape every value and refuse a missing one.

    Autoescape is on for every template, whatever its file name, so a name such
    as ``<script>`` shows as text in the HTML and in the PDF made from it. The
    only markup passed through is ``Markup`` made in code (the charts' SVG and
    the stylesheet); the templates themselves use no ``|safe``. A value the
    template names but the view does not give is an error, never an empty cell.
    """
    return Environment(loader=FileSystemLoader(folder), autoescape=True,
                       keep_trailing_newline=True, undefined=StrictUndefined)


def report_dir(output: Path, period: Period, region_code: str) -> Path:
    province = region_code[:2]
    base = output / period.label / province
    return base if region_code == province else base / region_code


def _json(value) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=False, default=str)
            + "\n").encode("utf-8")


def _no_fetch():
    """WeasyPrint's fetcher for reports: data: URLs only, nothing from the network or disk.

    The report is self-contained (inline CSS, the charts as data: images), so
    any other URL in it could only have come from the data; refusing it keeps
    a PDF render from reading local files or calling out, should any markup
    ever slip through.
    """
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def _as_images(charts: dict[str, Markup]) -> dict[str, Markup]:
    """Each chart as an ``<img>`` of its SVG, for the PDF.

    WeasyPrint then draws the SVG as an image instead of running the page's
    CSS cascade over every node of it: 13% of a report's PDF time. The HTML
    keeps the SVG inline (its text searchable in a browser).
    """
    return {name: Markup('<img alt="" src="data:image/svg+xml;base64,{}">').format(
                base64.b64encode(str(svg).encode("utf-8")).decode("ascii"))
            for name, svg in charts.items()}


# What the PDF carries inside it for the archive (PDF/A-3 "associated files"): name ->
# (description, relationship to the report, ISO 32000-2 7.11.3).
ATTACHED = {
    "figures.json": ("Angka laporan, dapat dibaca mesin (figures.schema.json)", "Data"),
    "report.xlsx": ("Tabel laporan sebagai lembar kerja", "Supplement"),
    "operasi.json": ("Peringkat lokasi operasi, dapat dibaca mesin", "Data"),
    "operasi.xlsx": ("Peringkat lokasi operasi sebagai lembar kerja", "Supplement"),
}
PDF_VARIANT = "pdf/a-3b"


def document(html: str):
    """WeasyPrint's laid-out pages of the report (the layout check reads them too)."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=_no_fetch()).render()


def _pdf(html: str, moment: datetime, attached: dict[str, bytes],
         problems: list[str] | None = None) -> bytes:
    """An A4 PDF/A-3b of the same HTML, with ``attached`` (figures.json, the XLSX) inside.

    Title, author and language come from the HTML (``<title>``, ``<meta
    name=author>``, ``<html lang=id>``). Every date in it comes from the data, not
    the clock: the font subsets' (``SOURCE_DATE_EPOCH``), the metadata's and the
    attachments'; the file identifier PDF/A asks for is a digest of the content,
    so the same marts still give the same bytes. The layout check runs on the laid-out
    pages; what it finds goes to ``problems``.
    """
    from weasyprint import Attachment

    saved = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(moment.timestamp()))  # fontTools' subset dates
    try:
        laid_out = document(html)
        if problems is not None:
            problems.extend(str(problem) for problem in layout_check.check_document(laid_out))
        stamp = moment.isoformat()
        laid_out.metadata.created = stamp
        laid_out.metadata.modified = stamp
        attachments = [Attachment(file_obj=io.BytesIO(blob), name=name,
                                  description=ATTACHED[name][0], created=moment,
                                  modified=moment, relationship=ATTACHED[name][1],
                                  url_fetcher=_no_fetch())
                       for name, blob in attached.items()]
        return laid_out.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments)
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def pdf_html(page: dict, template) -> str:
    """The HTML the PDF is made from: the page with its charts as images."""
    return template.render(**{**page, "charts": _as_images(page["charts"]),
                              "maps": _as_images(page.get("maps", {}))})


ANNEX_LEVELS = ("regency", "province")  # the TIMPORA team plans operations at these levels


def _write_annex(conn: psycopg.Connection, data, environment: Environment, css: Markup,
                 moment: datetime, directory: Path, settings: Settings,
                 problems: list[str]) -> dict[str, str]:
    """operasi.json, operasi.xlsx, operasi.pdf beside the report (never inside it)."""
    weights = json.loads((settings.sql_dir / TARGETING_WEIGHTS).read_text("utf-8"))
    names = {r["region_code"]: r["region_name"] for r in data.regencies}
    names.setdefault(data.region_code, data.region_name)
    sites = target_sites(conn, data.period.label, data.region_code)
    plan = annex.from_targets(data.region_code, data.region_name, data.level,
                              data.period.label, data.reference_date, weights, sites, names)
    page = annex.view(plan, _as_images({"map": map_view.sites_map(
        data.region_code, [s.district_code for s in plan.sites[:annex.SHOWN_IN_PDF]])})["map"])
    page["css"] = css
    for item in page["explained"]:
        item["chart"] = _as_images({"chart": item["chart"]})["chart"]
    plan_json = _json(annex.as_json(plan))
    book = annex.workbook(plan, moment)
    html = environment.get_template("operasi.html.j2").render(**page)
    blobs = {"operasi.json": plan_json, "operasi.xlsx": book,
             "operasi.pdf": _pdf(html, moment, {"operasi.json": plan_json,
                                                "operasi.xlsx": book}, problems)}
    for name, blob in blobs.items():
        (directory / name).write_bytes(blob)
    return {name: hashlib.sha256(blob).hexdigest() for name, blob in blobs.items()}


def render_region(conn: psycopg.Connection, period: Period, region_code: str, output: Path,
                  settings: Settings | None = None, formats: tuple[str, ...] = FILES,
                  auditor: psycopg.Connection | None = None) -> Rendered:
    """Write the report files (``formats``, all four by default) and the manifest; with
    ``auditor`` (a connection acting as the auditor role) the audit pack beside them."""
    started = perf_counter()
    settings = settings or get_settings()
    data = context.load(conn, period, region_code, settings)
    figures = context.figures_json(data)
    content = hashlib.sha256(_json({"figures": figures, "lineage": data.lineage})).hexdigest()
    page = view(data)
    page["css"] = Markup(  # Pantau's own stylesheet, not data
        (settings.home / "reports" / "static" / "report.css").read_text("utf-8"))
    page["content_sha256"] = content
    template = _environment(settings).get_template("report.html.j2")
    html = template.render(**page)
    moment = datetime.combine(data.reference_date, time(23, 59), tzinfo=UTC)
    workbook = cache(lambda: xlsx.workbook(data, figures, moment))  # in the PDF and beside it
    layout: dict[str, list[str]] = {"report.pdf": []}  # and operasi.pdf, when written
    makers = {
        "report.html": lambda: html.encode("utf-8"),
        "report.pdf": lambda: _pdf(pdf_html(page, template), moment,
                                   {"figures.json": _json(figures), "report.xlsx": workbook()},
                                   layout["report.pdf"]),
        "report.xlsx": workbook,
        "figures.json": lambda: _json(figures),
    }
    blobs = {name: make() for name, make in makers.items() if name in formats}
    directory = report_dir(output, period, region_code)
    directory.mkdir(parents=True, exist_ok=True)
    files = {}
    for name, blob in blobs.items():
        (directory / name).write_bytes(blob)
        files[name] = hashlib.sha256(blob).hexdigest()
    annexed = {}  # kept out of the manifest, which goes to every recipient
    if "report.pdf" in formats and data.level in ANNEX_LEVELS:
        layout["operasi.pdf"] = []
        annexed = _write_annex(conn, data, template.environment, page["css"], moment,
                               directory, settings, layout["operasi.pdf"])
    if "report.pdf" in formats:
        _keep_layout_check(output, period, region_code, layout)
    manifest = {
        "region_code": region_code, "period": period.label,
        "reference_date": data.reference_date.isoformat(), "content_sha256": content,
        "files": [{"name": name, "sha256": digest, "bytes": len(blobs[name])}
                  for name, digest in files.items()],
        "source_batches": [{"source": row["source"], "file": row["file_name"],
                            "snapshot_date": row["snapshot_date"].isoformat(),
                            "sha256": row["sha256"], "rows_in_region": row["rows_in_region"]}
                           for row in data.lineage],
    }
    (directory / "manifest.json").write_bytes(_json(manifest))
    files.update(annexed)  # audit.report_run keeps them: delivery keys the annex on them
    audit_seconds = 0.0
    if auditor is not None:
        pack_started = perf_counter()
        audit_pack.write_pack(auditor, figures, directory, _environment(settings), settings)
        audit_seconds = perf_counter() - pack_started
    return Rendered(region_code, directory, content, files, perf_counter() - started,
                    audit_seconds, layout)


def _keep_layout_check(output: Path, period: Period, region_code: str,
                       layout: dict[str, list[str]]) -> None:
    """What the layout check found in the region's PDFs, for the engineers, beside the
    reports folder (never in it: nothing there is delivered); a warning per problem."""
    for name, problems in layout.items():
        for problem in problems:
            log.warning("layout check: %s %s %s: %s", period.label, region_code, name, problem)
    folder = layout_checks_dir(output) / period.label
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{region_code}.json").write_bytes(_json(layout))


def layout_checks_dir(output: Path) -> Path:
    """``var/layout-checks`` for the default reports folder ``var/reports``."""
    return output.parent / "layout-checks"


def default_regions(conn: psycopg.Connection, period: Period,
                    levels: tuple[str, ...] | None = None,
                    settings: Settings | None = None) -> list[str]:
    """Regions of ``levels`` with data in the period.

    By default quarters and months report on regencies, semesters on provinces and the
    nation (region "00", which compiles them).
    """
    if levels is None:
        levels = (("province", "national") if period.kind is PeriodKind.SEMESTER
                  else ("regency",))
    rows = conn.execute(sql_files.render("reports/regions_with_data.sql", settings),
                        {"period": period.label, "levels": list(levels)}).fetchall()
    return [code for (code,) in rows]


def _render_share(period: Period, regions: list[str], output: Path, settings: Settings,
                  formats: tuple[str, ...]) -> list[Rendered]:
    """One worker's share: its own connections, its regions in turn.

    The report reads as the reporter (marts only); its audit pack as the
    auditor, which also reads the validation results and quarantine decisions.
    """
    url = warehouse_url(settings)
    with connect("reporter", url=url) as conn, connect("auditor", url=url) as auditor:
        done = []
        for region in regions:
            done.append(render_region(conn, period, region, output, settings, formats,
                                      auditor))
            log.info("rendered %s %s", period.label, region)
        return done


def _shares(regions: list[str], workers: int) -> list[list[str]]:
    """Small shares (up to 8 regions, at least 4 per worker) so the workers finish together."""
    size = max(1, min(8, len(regions) // (workers * 4)))
    return [regions[start:start + size] for start in range(0, len(regions), size)]


def render_period(period: Period, output: Path, regions: list[str] | None = None,
                  settings: Settings | None = None,
                  formats: tuple[str, ...] = FILES, workers: int = 1) -> list[Rendered]:
    """Render the period's reports (the regions given, or every region with data).

    With ``workers`` > 1, worker processes take small shares of regions as they
    free up: rendering (WeasyPrint above all) is CPU-bound Python, so processes,
    not threads, use the cores.
    """
    settings = settings or get_settings()
    url = warehouse_url(settings)
    if regions is None:
        with connect("reporter", url=url) as conn:
            regions = default_regions(conn, period, settings=settings)
    if workers <= 1 or len(regions) <= 1:
        done = _render_share(period, regions, output, settings, formats)
    else:
        shares = _shares(regions, workers)
        with ProcessPoolExecutor(min(workers, len(shares)),
                                 mp_context=multiprocessing.get_context("spawn")) as pool:
            render = partial(_render_share, period, output=output, settings=settings,
                             formats=formats)
            done = [item for part in pool.map(render, shares) for item in part]
    record = sql_files.render("reports/record_report_run.sql", settings)
    with connect("loader", url=url) as conn:
        for item in done:
            conn.execute(record, {"period": period.label, "region_code": item.region_code,
                                  "output_dir": str(item.directory),
                                  "content_sha256": item.content_sha256,
                                  "files": json.dumps(item.files)})
        conn.commit()
    return done

"""The audit pack beside a report: ``audit/index.html`` and one CSV per figure family.

For each figure of the report, the source rows behind it (the rows ``pantau
trace`` lists, from ``mart.figure_row``), each row's file and snapshot, the
quality gate's checks of that batch (linking to its GX Data Docs page) and any
quarantine decision on rows of it. Read as the auditor role, which reads
``mart``, ``audit`` and ``quarantine`` and never a personal layer: the pack
holds masked identifiers only. Static files, no script: it opens from the file
system or the outbox.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import psycopg
from jinja2 import Environment

from pantau.config import Settings
from pantau.reports import context, texts
from pantau.reports import trace as tracing
from pantau.warehouse import sql_files

DIRECTORY = "audit"
FAMILIES = tracing.FIGURES  # the foreigners' figures, then the pmi object's
# Rows per figure the HTML index shows: a province's foreigners run to tens of thousands,
# which no auditor reads on a page; the family's CSV beside it holds every row.
SHOWN_ROWS = 200


def _rows(conn: psycopg.Connection, relative: str, params: dict,
          settings: Settings | None) -> list[dict]:
    return context.fetch_rows(conn, sql_files.render(relative, settings), params)


def _csv(conn: psycopg.Connection, region: dict, figure: str, settings: Settings) -> bytes:
    """One family's CSV, written by the server: a province's rows run to hundreds of
    thousands, which Python would spend most of the pack's time formatting."""
    query = sql_files.render("reports/audit_pack_csv.sql", settings)
    out = bytearray()
    with conn.cursor() as cursor, cursor.copy(
            f"COPY ({query}) TO STDOUT WITH (FORMAT csv, HEADER)",
            {**region, "figure": figure}) as copy:
        for chunk in copy:
            out += chunk
    return bytes(out)


def _docs_link(gx_result: str | None, settings: Settings, audit_dir: Path) -> str | None:
    """The batch's GX Data Docs page, relative to the pack (it opens from the file system)."""
    if not gx_result:
        return None
    page = settings.data_docs_dir / "validations" / f"{gx_result}.html"
    return Path(os.path.relpath(page, audit_dir)).as_posix()


@dataclass
class Shown(tracing.Tally):
    """A figure of the pack: its tally and the first rows the index shows."""

    shown: list[dict] = field(default_factory=list)


def _figures(conn: psycopg.Connection, figures: dict, region: dict,
             settings: Settings) -> list[Shown]:
    """Every figure of figures.json with its tally and first rows, in the report's order."""
    tallies = {(row["figure"], row["category"]): row
               for row in _rows(conn, "reports/audit_pack_tally.sql", region, settings)}
    shown: dict[tuple[str, str], list[dict]] = {}
    for row in _rows(conn, "reports/audit_pack_rows.sql", {**region, "shown": SHOWN_ROWS},
                     settings):
        shown.setdefault((row["figure"], row["category"]), []).append(row)
    out = []
    for figure in FAMILIES:
        categories = ([""] if figure in tracing.SCALAR_FIGURES
                      else list(tracing.categories(figures, figure)))
        for category in categories:
            tally = tallies.get((figure, category),
                                {"units": 0, "amount": Decimal(0), "row_count": 0})
            out.append(Shown(figures["period"], figures["region_code"], figure, category,
                             tracing.figure_value(figures, figure, category), tally["units"],
                             tally["amount"], tally["row_count"],
                             shown.get((figure, category), [])))
    return out


def write_pack(conn: psycopg.Connection, figures: dict, directory: Path, environment: Environment,
               settings: Settings) -> None:
    """Write the pack of one report (``figures``: its figures.json) under ``directory``.

    ``conn`` acts as the auditor.
    """
    region = {"period": figures["period"], "region_code": figures["region_code"]}
    audit_dir = directory / DIRECTORY
    audit_dir.mkdir(parents=True, exist_ok=True)
    shown = _figures(conn, figures, region, settings)
    batches = {row["batch_id"]: {**row, "checks": [], "failed": 0, "docs": [], "decisions": []}
               for row in _rows(conn, "reports/audit_pack_batches.sql", region, settings)}
    batch_ids = list(batches)
    for check in _rows(conn, "reports/audit_pack_checks.sql", {"batch_ids": batch_ids},
                       settings):
        batch = batches[check["batch_id"]]
        batch["checks"].append(check)
        batch["failed"] += not check["success"]
        link = _docs_link(check["gx_result"], settings, audit_dir)
        if link and link not in batch["docs"]:
            batch["docs"].append(link)
    for decision in _rows(conn, "reports/audit_pack_decisions.sql", {"batch_ids": batch_ids},
                          settings):
        batches[decision["batch_id"]]["decisions"].append(decision)
    blobs = {f"{family}.csv": _csv(conn, region, family, settings) for family in FAMILIES}
    docs_index = Path(os.path.relpath(settings.data_docs_dir / "index.html", audit_dir))
    blobs["index.html"] = environment.get_template("audit.html.j2").render(
        figures=figures, traces=shown, batches=list(batches.values()),
        docs_index=docs_index.as_posix(), families=FAMILIES, shown_rows=SHOWN_ROWS,
        figure_names=texts.FIGURE_NAMES,
        link_methods={**texts.LINK_METHODS, **texts.PMI_LINK_METHODS},
        sources={**texts.SOURCES, **texts.PMI_SOURCES}).encode("utf-8")
    for name, blob in blobs.items():
        (audit_dir / name).write_bytes(blob)

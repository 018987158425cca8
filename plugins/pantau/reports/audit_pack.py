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

import csv
import io
import os
from pathlib import Path

import psycopg
from jinja2 import Environment

from pantau.config import Settings
from pantau.reports import cells, context, texts
from pantau.reports import trace as tracing
from pantau.warehouse import sql_files

DIRECTORY = "audit"
FAMILIES = tracing.SCALAR_FIGURES + tracing.CATEGORY_FIGURES
CSV_COLUMNS = ("figure", "category", *tracing.COLUMNS)
# Rows per figure the HTML index shows: a province's foreigners run to tens of thousands,
# which no auditor reads on a page; the family's CSV beside it holds every row.
SHOWN_ROWS = 200


def _rows(conn: psycopg.Connection, relative: str, params: dict,
          settings: Settings | None) -> list[dict]:
    return context.fetch_rows(conn, sql_files.render(relative, settings), params)


def _csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(cells.csv_row([row[column] for column in CSV_COLUMNS]))
    return out.getvalue().encode("utf-8")


def _docs_link(gx_result: str | None, settings: Settings, audit_dir: Path) -> str | None:
    """The batch's GX Data Docs page, relative to the pack (it opens from the file system)."""
    if not gx_result:
        return None
    page = settings.data_docs_dir / "validations" / f"{gx_result}.html"
    return Path(os.path.relpath(page, audit_dir)).as_posix()


def write_pack(conn: psycopg.Connection, figures: dict, directory: Path, environment: Environment,
               settings: Settings) -> None:
    """Write the pack of one report (``figures``: its figures.json) under ``directory``.

    ``conn`` acts as the auditor.
    """
    region = {"period": figures["period"], "region_code": figures["region_code"]}
    rows = _rows(conn, "reports/audit_pack_rows.sql", region, settings)
    by_figure: dict[tuple[str, str], list[dict]] = {}
    by_family: dict[str, list[dict]] = {family: [] for family in FAMILIES}
    for row in rows:
        by_figure.setdefault((row["figure"], row["category"]), []).append(row)
        by_family[row["figure"]].append(row)
    audit_dir = directory / DIRECTORY
    audit_dir.mkdir(parents=True, exist_ok=True)
    shown = []
    for figure in FAMILIES:
        categories = [""] if figure in tracing.SCALAR_FIGURES else list(figures[figure])
        for category in categories:
            found = tracing.Trace(figures["period"], figures["region_code"], figure, category,
                                  tracing.figure_value(figures, figure, category),
                                  by_figure.get((figure, category), []))
            shown.append(found)
    batch_ids = sorted({row["batch_id"] for row in rows})
    checks = _rows(conn, "reports/audit_pack_checks.sql", {"batch_ids": batch_ids}, settings)
    decisions = _rows(conn, "reports/audit_pack_decisions.sql", {"batch_ids": batch_ids},
                      settings)
    batches = {}
    for row in rows:
        batches.setdefault(row["batch_id"], {
            "batch_id": row["batch_id"], "source": row["source"], "file": row["file"],
            "sha256": row["sha256"], "snapshot_date": row["snapshot_date"],
            "checks": [], "failed": 0, "docs": [], "decisions": []})
    for check in checks:
        batch = batches[check["batch_id"]]
        batch["checks"].append(check)
        batch["failed"] += not check["success"]
        link = _docs_link(check["gx_result"], settings, audit_dir)
        if link and link not in batch["docs"]:
            batch["docs"].append(link)
    for decision in decisions:
        batches[decision["batch_id"]]["decisions"].append(decision)
    blobs = {f"{family}.csv": _csv(by_family[family]) for family in FAMILIES}
    docs_index = Path(os.path.relpath(settings.data_docs_dir / "index.html", audit_dir))
    blobs["index.html"] = environment.get_template("audit.html.j2").render(
        figures=figures, traces=shown, batches=[batches[b] for b in batch_ids],
        docs_index=docs_index.as_posix(), families=FAMILIES, shown_rows=SHOWN_ROWS,
        figure_names=texts.FIGURE_NAMES, link_methods=texts.LINK_METHODS,
        sources=texts.SOURCES).encode("utf-8")
    for name, blob in blobs.items():
        (audit_dir / name).write_bytes(blob)

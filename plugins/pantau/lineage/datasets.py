"""What each step of a cycle read and wrote in this run, as OpenLineage datasets.

Each function takes what its step already knows when it ends (the files it
handled, the batches it judged, the SQL files it ran, the folders it
rendered) and names the datasets behind them: nothing here is a fixed list
of everything a step could touch. A table a step both reads and writes is
named once, as an output, so the graph runs one way (landing files → raw and
staging → quarantine and audit; staging → core → mart → report files).
Facets carry counts only (rows, files): never a value from a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pantau.config import Settings, get_settings
from pantau.lineage import assertions, naming
from pantau.lineage.emit import Collected
from pantau.lineage.sql_tables import Tables, tables

if TYPE_CHECKING:
    from openlineage.client.event_v2 import InputDataset, OutputDataset

# The queries the report renderer runs for one region (pantau.reports.context,
# .render, .targeting_view); tests/unit/test_lineage.py checks each is still
# named there.
RENDER_QUERIES = (
    "reports/regions_with_data.sql", "reports/region_breakdown.sql", "reports/followup.sql",
    "reports/region_lineage.sql", "reports/province_regencies.sql",
    "reports/national_provinces.sql", "reports/pmi_priority_areas.sql",
    "reports/pmi_followup.sql", "reports/target_sites.sql", "reports/target_contributions.sql",
    "reports/target_workers.sql", "reports/target_last_visits.sql",
    "reports/record_report_run.sql",
)
# The build runs each rule inside a wrapper that writes its findings; the
# PMI rules (files named pmi_*) inside the PMI one.
_RULE_WRAPPER = {True: "build/pmi_indications.sql", False: "build/discrepancies.sql"}
_LABEL_NOTE = re.compile(r"\s+\(.*\)$")  # "build/forget_batches.sql (source)"


# ----------------------------------------------------------------- datasets


def table_input(table: str, settings: Settings, facets: Mapping | None = None) -> InputDataset:
    from openlineage.client.event_v2 import InputDataset

    where = naming.warehouse(settings)
    return InputDataset(namespace=where.namespace, name=where.table_name(table),
                        inputFacets=dict(facets or {}))


def table_output(table: str, settings: Settings, rows: int | None = None,
                 files: int | None = None) -> OutputDataset:
    from openlineage.client.event_v2 import OutputDataset
    from openlineage.client.facet_v2 import output_statistics_output_dataset as stats

    where = naming.warehouse(settings)
    facets = {}
    if rows is not None:
        facets["outputStatistics"] = stats.OutputStatisticsOutputDatasetFacet(
            rowCount=rows, fileCount=files)
    return OutputDataset(namespace=where.namespace, name=where.table_name(table),
                         outputFacets=facets)


def file_input(uri: str) -> InputDataset:
    from openlineage.client.event_v2 import InputDataset

    namespace, name = naming.file_name(uri)
    return InputDataset(namespace=namespace, name=name)


def file_output(path: Path) -> OutputDataset:
    from openlineage.client.event_v2 import OutputDataset
    from openlineage.client.facet_v2 import output_statistics_output_dataset as stats

    namespace, name = naming.file_name(str(path))
    return OutputDataset(namespace=namespace, name=name, outputFacets={
        "outputStatistics": stats.OutputStatisticsOutputDatasetFacet(
            size=path.stat().st_size, fileCount=1)})


@cache
def staging_tables(sql_dir: Path, source: str) -> tuple[str, ...]:
    """A source's staging tables: ``staging.<source>`` and those named after it
    (the RPTKA work locations), as the DDL files of ``sql/staging`` define them."""
    from pantau.sources.catalog import SOURCES

    found = [f"staging.{source}"]
    for ddl in sorted((sql_dir / "staging").glob(f"stg_{source}_*.sql")):
        name = ddl.stem.removeprefix("stg_")
        if name not in SOURCES:
            found.append(f"staging.{name}")
    return tuple(found)


# ------------------------------------------------------------------- ingest


def ingested(files: Iterable[Mapping], settings: Settings | None = None) -> Collected:
    """An ingest run: the delivered files it read; the tables it loaded them into.

    ``files``: one mapping per file handled: ``uri`` (where it was delivered),
    ``status``, ``source``, ``rows``, ``problems``, ``extra`` (unknown columns kept).
    """
    settings = settings or get_settings()
    files = list(files)
    inputs = [file_input(item["uri"]) for item in files]
    outputs = [table_output("audit.batch", settings), table_output("audit.receipt", settings)]
    loaded: dict[str, list[Mapping]] = {}
    for item in files:
        if item["status"] == "loaded" and item.get("source"):
            loaded.setdefault(item["source"], []).append(item)
    for source, items in sorted(loaded.items()):
        rows = sum(int(item.get("rows") or 0) for item in items)
        outputs.append(table_output(f"raw.{source}", settings, rows, len(items)))
        first, *others = staging_tables(settings.sql_dir, source)
        outputs.append(table_output(first, settings, rows, len(items)))
        outputs += [table_output(name, settings) for name in others]
    if any(item.get("extra") for item in files):
        outputs.append(table_output("raw.extra_field", settings))
    if any(item.get("problems") for item in files):
        outputs.append(table_output("audit.parse_problem", settings))
    return (inputs, outputs) if files else ([], [])


# ----------------------------------------------------------------- validate


def validated(sources: Iterable[Mapping], docs_index: str | None,
              settings: Settings | None = None, url: str | None = None) -> Collected:
    """A validate run: each judged source's staging tables, with the gate's results as
    ``dataQualityAssertions`` (and the rows checked as ``dataQualityMetrics``); what it
    wrote (audit, quarantine, the Data Docs).

    ``sources``: per source judged: ``source``, ``batches`` (validated or rejected),
    ``rows_checked``.
    """
    from openlineage.client.facet_v2 import data_quality_metrics_input_dataset as metrics

    settings = settings or get_settings()
    judged = [item for item in sources if item["batches"]]
    if not judged:
        return [], []
    found = assertions.checks(sorted({b for item in judged for b in item["batches"]}),
                              settings, url)
    inputs = []
    for item in judged:
        mine = [check for check in found if check.source == item["source"]]
        first, *others = staging_tables(settings.sql_dir, item["source"])
        facets = {"dataQualityMetrics": metrics.DataQualityMetricsInputDatasetFacet(
            columnMetrics={}, rowCount=int(item.get("rows_checked") or 0),
            fileCount=len(item["batches"]))}
        if mine:
            facets["dataQualityAssertions"] = assertions.facet(mine)
        inputs.append(table_input(first, settings, facets))
        inputs += [table_input(name, settings) for name in others]
    inputs.append(table_input("audit.parse_problem", settings))
    outputs = [table_output(name, settings) for name in
               ("audit.validation_run", "audit.expectation_result", "audit.batch")]
    failing = {check.severity for check in found if check.failing}
    if "row" in failing:
        outputs += [table_output("quarantine.held_row", settings),
                    table_output("quarantine.reason", settings)]
    if "note" in failing:
        outputs.append(table_output("quarantine.row_note", settings))
    if docs_index and Path(docs_index).is_file():
        outputs.append(file_output(Path(docs_index)))
    return inputs, outputs


# -------------------------------------------------------------------- build


def _step_tables(sql_dir: Path, label: str) -> Tables:
    """The tables of one step of a build, from its label in ``BuildResult.step_seconds``."""
    from pantau.sources.catalog import SOURCES

    relative = _LABEL_NOTE.sub("", label)
    if relative.startswith("rules/"):
        rule = Path(relative).stem
        return tables(sql_dir, _RULE_WRAPPER[rule.startswith("pmi_")], rule=rule)
    loaded = re.fullmatch(r"build/load_(\w+)\.sql", relative)
    if loaded and loaded.group(1) in SOURCES:
        return tables(sql_dir, relative, source=loaded.group(1))
    return tables(sql_dir, relative)


def built(steps: Iterable[str], settings: Settings | None = None) -> Collected:
    """A build: the tables the SQL files it ran read (staging, core) and wrote (core, mart).

    ``steps``: the labels of the SQL files the build ran (``BuildResult.step_seconds``);
    the period's record (``build/record_build.sql``) is written by every build.
    """
    settings = settings or get_settings()
    found = Tables()
    for label in [*steps, "build/record_build.sql"]:
        found |= _step_tables(settings.sql_dir, label)
    return _tables_collected(found, settings)


def _tables_collected(found: Tables, settings: Settings) -> Collected:
    return ([table_input(name, settings) for name in sorted(found.reads - found.writes)],
            [table_output(name, settings) for name in sorted(found.writes)])


# ------------------------------------------------------------------- report


def rendered(folders: Iterable[str], since: float,
             settings: Settings | None = None) -> Collected:
    """A render: the mart tables the renderer's queries read; the report files it wrote
    in ``folders`` (those modified at or after ``since``, a ``time.time()``)."""
    settings = settings or get_settings()
    found = Tables()
    for relative in RENDER_QUERIES:
        found |= tables(settings.sql_dir, relative)
    inputs, outputs = _tables_collected(found, settings)
    for folder in folders:
        for path in sorted(Path(folder).iterdir()):
            if path.is_file() and path.stat().st_mtime >= since:
                outputs.append(file_output(path))
    return inputs, outputs

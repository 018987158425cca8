"""What "the warehouse equals a clean run's" means, measured.

* Row counts of every table holding data: ``raw``, ``staging``, ``pii``,
  ``core``, ``mart``, ``quarantine`` and the evidence in ``audit`` (batches,
  parse problems). Run logs (deliveries, validation runs and their results,
  alerts, report runs, retention passes) are left out: a crashed attempt
  rightly leaves a line there.
* A checksum of every mart table over its columns, minus those that name a
  moment or a generated id (``*_at``, ``batch_id``, ``run_id``): a fault may
  consume sequence values or move a timestamp, never change a figure.
* The rendered reports: the same files, each report's JSON figures equal.

A table with fewer rows than the clean run counts as rows lost, more as
duplicates.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from pantau.warehouse import sql_files

DATA_SCHEMAS = ("raw", "staging", "pii", "core", "mart", "quarantine", "audit")
RUN_LOGS = {"audit.receipt", "audit.validation_run", "audit.expectation_result", "audit.alert",
            "audit.report_run", "audit.report_delivery", "audit.retention_action"}
VOLATILE = ("batch_id", "run_id")  # generated ids; their meaning is checked through counts


@dataclass
class WarehouseState:
    counts: dict[str, int]
    marts: dict[str, str]  # table -> md5 of its sorted rows
    reports: dict[str, object] = field(default_factory=dict)  # relative file -> JSON or size


@dataclass
class Difference:
    rows_lost: int
    duplicates: int
    details: list[str]

    @property
    def equal(self) -> bool:
        return not self.details


def _tables(conn: psycopg.Connection) -> list[str]:
    rows = conn.execute(sql_files.render("tools/chaos_data_tables.sql"),
                        {"schemas": list(DATA_SCHEMAS)}).fetchall()
    return [name for (name,) in rows if name not in RUN_LOGS]


def _checksum(conn: psycopg.Connection, table: str) -> str:
    """``tools/chaos_table_checksum.sql`` over the table's non-volatile columns."""
    schema, name = table.split(".")
    columns = [column for (column,) in conn.execute(
        sql_files.render("tools/table_columns.sql"), {"schema": schema, "table": name}
    ).fetchall() if not column.endswith("_at") and column not in VOLATILE]
    (digest,) = conn.execute(sql_files.render("tools/chaos_table_checksum.sql", table=table,
                                              columns=columns)).fetchone()
    return digest


def _reports(output: Path) -> dict[str, object]:
    found: dict[str, object] = {}
    for path in sorted(output.rglob("*")) if output.exists() else []:
        if not path.is_file():
            continue
        relative = str(path.relative_to(output))
        if path.suffix == ".json":
            found[relative] = _figures(json.loads(path.read_text(encoding="utf-8")))
        else:
            found[relative] = "present" if path.stat().st_size > 0 else "empty"
    return found


def _figures(report: object) -> object:
    """The report's content without the moment it was rendered."""
    if isinstance(report, dict):
        return {key: _figures(value) for key, value in report.items()
                if not any(word in key for word in ("rendered", "generated", "produced"))}
    if isinstance(report, list):
        return [_figures(item) for item in report]
    return report


def snapshot(url: str, reports: Path | None = None) -> WarehouseState:
    """Measure the warehouse at ``url`` (and the reports under ``reports``)."""
    with psycopg.connect(url, autocommit=True) as conn:
        tables = _tables(conn)
        counts = {table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in tables}
        marts = {table: _checksum(conn, table) for table in tables if table.startswith("mart.")}
    return WarehouseState(counts, marts, _reports(reports) if reports else {})


def compare(clean: WarehouseState, after: WarehouseState) -> Difference:
    """How ``after`` differs from the clean run (an empty ``details``: equal)."""
    details, lost, duplicates = [], 0, 0
    for table in sorted(set(clean.counts) | set(after.counts)):
        want, got = clean.counts.get(table, 0), after.counts.get(table, 0)
        if got < want:
            lost += want - got
            details.append(f"{table}: {want - got} rows lost ({got} of {want})")
        elif got > want:
            duplicates += got - want
            details.append(f"{table}: {got - want} extra rows ({got}, clean {want})")
    details += [f"{table}: checksum differs" for table in sorted(clean.marts)
                if after.marts.get(table) != clean.marts[table]]
    if clean.reports:
        missing = sorted(set(clean.reports) - set(after.reports))
        extra = sorted(set(after.reports) - set(clean.reports))
        changed = sorted(name for name in set(clean.reports) & set(after.reports)
                         if clean.reports[name] != after.reports[name])
        details += [f"report {name}: missing" for name in missing]
        details += [f"report {name}: unexpected" for name in extra]
        details += [f"report {name}: differs" for name in changed]
    return Difference(lost, duplicates, details)

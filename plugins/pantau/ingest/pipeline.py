"""Ingest delivered files: archive, register, read, normalise, load in one transaction.

One bad file never stops the others: each file ends as ``loaded``,
``rejected`` (the reason recorded in audit), ``duplicate`` (same bytes as an
earlier batch), ``unrecognised`` (archived, not attributable to a source) or
``error`` (the warehouse failed: nothing of the batch was kept, and a rerun
picks it up again).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import psycopg

from pantau.config import Settings, get_settings
from pantau.ingest import registry
from pantau.ingest.archive import Archived, archive_file
from pantau.sources.delivery import Delivery, UnrecognisedFile, discover, identify
from pantau.sources.readers import ROW_NUMBER, FileRejected, RawTable, open_table
from pantau.sources.spec import Source
from pantau.sources.staging import PROBLEM_COLUMNS, Context, to_staging
from pantau.warehouse.connection import connect, warehouse_url
from pantau.warehouse.copy import copy_frame

log = logging.getLogger(__name__)


@dataclass
class FileOutcome:
    """What happened to one delivered file (one line of the ingest summary)."""

    path: Path
    status: str
    source: str | None = None
    batch_id: int | None = None
    rows: int = 0
    problems: int = 0
    extra_columns: list[str] = field(default_factory=list)
    message: str | None = None


@dataclass
class _Loaded:
    rows: int = 0
    problems: int = 0


def _check_headers(table: RawTable, source: Source, file: str) -> tuple[list[str], list[str]]:
    """Reject a file missing a required column; return (extra, missing optional)."""
    present = set(table.headers)
    missing = [header for header in source.required_headers if header not in present]
    if missing:
        names = ", ".join(missing)
        raise FileRejected(
            f"{file}: missing required column{'s' if len(missing) > 1 else ''} {names} "
            f"(header row {table.header_row})"
        )
    known = set(source.headers)
    extra = [header for header in table.headers if header not in known]
    optional_missing = [h for h in source.headers if h not in present]
    return extra, optional_missing


def _raw_frame(chunk: pd.DataFrame, source: Source, batch_id: int) -> pd.DataFrame:
    known = [column for column in source.columns if column.header in chunk]
    frame = chunk[[ROW_NUMBER] + [column.header for column in known]].rename(
        columns={ROW_NUMBER: "row_number", **{c.header: c.raw_name for c in known}}
    )
    frame.insert(0, "batch_id", batch_id)
    return frame


def _extra_fields(chunk: pd.DataFrame, extra: list[str], batch_id: int) -> pd.DataFrame:
    overflow = [name for name in chunk.columns if name.startswith("_OVERFLOW_")]
    columns = extra + [name for name in overflow if name not in extra]
    if not columns:
        return pd.DataFrame()
    long = chunk[[ROW_NUMBER, *columns]].melt(
        id_vars=ROW_NUMBER, var_name="column_name", value_name="value"
    )
    long = long[long["value"].notna()].rename(columns={ROW_NUMBER: "row_number"})
    long.insert(0, "batch_id", batch_id)
    return long


def _load(conn: psycopg.Connection, delivery: Delivery, archived: Archived,
          batch_id: int) -> tuple[_Loaded, dict]:
    """Read the archived copy into raw, staging and parse problems (caller commits)."""
    source, file = delivery.source, delivery.path.name
    table = open_table(archived.path, source, display_name=file)
    extra, optional_missing = _check_headers(table, source, file)
    context = Context.for_scope(batch_id, delivery.scope)
    loaded = _Loaded()
    for chunk in table.chunks:
        copy_frame(conn, f"raw.{source.id}", _raw_frame(chunk, source, batch_id))
        copy_frame(conn, "raw.extra_field", _extra_fields(chunk, extra, batch_id))
        staged = to_staging(source, chunk, context)
        for name, frame in staged.tables.items():
            copy_frame(conn, f"staging.{name}", frame)
        loaded.problems += copy_frame(conn, "audit.parse_problem", staged.problems)
        loaded.rows += len(chunk)
    if table.issues:
        issues = pd.DataFrame(
            [(batch_id, i.row_number, i.column, i.problem, i.detail) for i in table.issues],
            columns=PROBLEM_COLUMNS,
        )
        loaded.problems += copy_frame(conn, "audit.parse_problem", issues)
    notes = []
    if extra:
        notes.append(f"unknown extra columns kept in raw.extra_field: {', '.join(extra)}")
    if optional_missing:
        notes.append(f"optional columns absent: {', '.join(optional_missing)}")
    if delivery.snapshot_date is None:
        notes.append("no valid _YYYYMMDD in the file name: snapshot date is the delivery date")
    if loaded.rows == 0:
        notes.append("the file has a header but no data rows")
    facts = {
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "sheet_name": table.sheet_name,
        "header_row": table.header_row,
        "row_count": loaded.rows,
        "problem_count": loaded.problems,
        "extra_columns": extra,
        "missing_optional_columns": optional_missing,
        "message": "; ".join(notes) or None,
    }
    return loaded, facts


def ingest_file(
    path: Path, settings: Settings | None = None, url: str | None = None,
    original: str | None = None,
) -> FileOutcome:
    """Ingest one delivered file; never raises for a bad file, only for a broken warehouse.

    ``original`` names where it was delivered when ``path`` is a local copy
    (a file fetched from object storage).
    """
    settings = settings or get_settings()
    url = url or warehouse_url(settings)
    archived = archive_file(path, settings.archive_dir)
    original = original or str(path.resolve())
    with connect("loader", url=url) as conn:
        try:
            delivery = identify(path)
        except UnrecognisedFile as exc:
            registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                                     outcome="unrecognised", message=str(exc))
            conn.commit()
            return FileOutcome(path, "unrecognised", message=str(exc))
        source = delivery.source
        registration = registry.register(
            conn,
            source=source.id,
            archived=archived,
            original_path=original,
            original_name=path.name,
            scope=delivery.scope,
            snapshot_date=delivery.snapshot_date or date.today(),
            snapshot_date_from="file_name" if delivery.snapshot_date else "delivery",
        )
        outcome = FileOutcome(path, "loaded", source=source.id, batch_id=registration.batch_id)
        if registration.status != "received" or not registry.lock_for_loading(
            conn, registration.batch_id
        ):
            return _duplicate(conn, outcome, archived, original, registration)
        try:
            loaded, facts = _load(conn, delivery, archived, registration.batch_id)
        except FileRejected as exc:
            return _reject(conn, outcome, archived, original, str(exc))
        except psycopg.errors.DataError as exc:
            # Only the message head: PostgreSQL quotes the offending value after
            # the colon, and that value may be personal data.
            head = (exc.diag.message_primary or "").split(":", 1)[0]
            reason = f"{path.name}: the warehouse refused a value ({head})"
            return _reject(conn, outcome, archived, original, reason)
        registry.mark_loaded(conn, registration.batch_id, **facts)
        registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                                 outcome="loaded", batch_id=registration.batch_id)
        conn.commit()
        outcome.rows, outcome.problems = loaded.rows, loaded.problems
        outcome.extra_columns, outcome.message = facts["extra_columns"], facts["message"]
        return outcome


def _reject(conn: psycopg.Connection, outcome: FileOutcome, archived: Archived,
            original: str, reason: str) -> FileOutcome:
    """Undo everything loaded from the file, then record why it was rejected."""
    conn.rollback()
    registry.mark_rejected(conn, outcome.batch_id, reason)
    registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                             outcome="rejected", batch_id=outcome.batch_id, message=reason)
    conn.commit()
    log.warning("rejected %s", reason)
    outcome.status, outcome.message = "rejected", reason
    return outcome


def _duplicate(conn: psycopg.Connection, outcome: FileOutcome, archived: Archived,
               original: str, registration: registry.Registration) -> FileOutcome:
    conn.rollback()
    status = conn.execute("SELECT status FROM audit.batch WHERE batch_id = %s",
                          (registration.batch_id,)).fetchone()[0]
    message = (f"same bytes as batch {registration.batch_id} "
               f"({registration.original_name}, {status})")
    registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                             outcome="duplicate", batch_id=registration.batch_id,
                             message=message)
    conn.commit()
    outcome.status, outcome.message = "duplicate", message
    return outcome


def ingest_paths(paths: Iterable[Path], settings: Settings | None = None) -> list[FileOutcome]:
    """Ingest every file under ``paths``; a failure of one file is reported, not raised."""
    settings = settings or get_settings()
    url = warehouse_url(settings)
    outcomes = []
    for path in discover(paths):
        try:
            outcomes.append(ingest_file(path, settings, url))
        except (psycopg.Error, OSError) as exc:
            log.error("%s: not ingested: %s", path, exc)
            outcomes.append(FileOutcome(path, "error", message=f"{type(exc).__name__}: {exc}"))
    return outcomes

"""Ingest delivered files: archive, register, read, normalise, load.

One bad file never stops the others: each file ends as ``loaded``,
``rejected`` (the reason recorded in audit), ``duplicate`` (same bytes as an
earlier batch), ``unrecognised`` (archived, not attributable to a source) or
``error`` (the warehouse failed: nothing of the batch was kept, and a rerun
picks it up again) or ``waiting`` (still being written: neither archived nor
registered, the next run takes it).

A delivered file is taken only once it has been quiet for
``settings.settle_seconds`` (ingest waits up to :data:`SETTLE_PATIENCE` for
that) and did not change while it was archived, so half a file is never loaded.

Small files of a source are loaded together: read one by one, their rows are
normalised in one pass and COPYed in one statement per table, in one
transaction. pandas costs tens of milliseconds per call whatever the size, so
a regency's 200-row export normalised alone spends almost all its time on
that fixed cost. A file that fills a chunk by itself streams alone. Should the
warehouse refuse a value of a group, the group is rolled back and its files
are loaded one by one, so only the offending file is rejected.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import psycopg

from pantau.config import Settings, get_settings
from pantau.ingest import registry
from pantau.ingest.archive import Archived, FileStillChanging, archive_file
from pantau.sources.pickup import Pickup, UnrecognisedFile, discover, identify
from pantau.sources.readers import CHUNK_ROWS, ROW_NUMBER, FileRejected, RawTable, open_table
from pantau.sources.spec import Source
from pantau.sources.staging import BATCH_ID, PROBLEM_COLUMNS, Context, tag, to_staging
from pantau.warehouse.connection import connect, warehouse_url
from pantau.warehouse.copy import copy_frame

log = logging.getLogger(__name__)

GROUP_ROWS = CHUNK_ROWS  # rows of small files gathered before they are loaded together
SETTLE_PATIENCE = 30.0  # seconds ingest waits for a file still being written


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
class _Member:
    """A registered file on its way into the warehouse."""

    path: Path
    original: str
    archived: Archived
    delivery: Pickup
    outcome: FileOutcome  # status "received" until the file is finished
    fresh: bool = True  # False: the bytes were loaded (or rejected) before
    table: RawTable | None = None
    chunks: Iterator[pd.DataFrame] = field(default_factory=lambda: iter(()))
    read: list[tuple[pd.DataFrame, pd.DataFrame]] | None = None  # a small file, fully read
    extra: list[str] = field(default_factory=list)
    optional_missing: list[str] = field(default_factory=list)

    @property
    def source(self) -> Source:
        return self.delivery.source

    @property
    def batch_id(self) -> int:
        return self.outcome.batch_id

    def open(self) -> None:
        """Open the archived copy, check its header and read ahead up to two chunks."""
        table = open_table(self.archived.path, self.source, display_name=self.path.name)
        self.extra, self.optional_missing = _check_headers(table, self.source, self.path.name)
        self.table = table
        head = list(itertools.islice(table.chunks, 2))
        if len(head) < 2:
            self.read = list(self._tagged(head))
        else:
            self.chunks = itertools.chain(head, table.chunks)

    def rows(self) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        """(known columns tagged with batch and province, unknown cells) per chunk."""
        return iter(self.read) if self.read is not None else self._tagged(self.chunks)

    def _tagged(self, chunks: Iterable[pd.DataFrame]) -> Iterator[tuple[pd.DataFrame,
                                                                         pd.DataFrame]]:
        context = Context.for_scope(self.delivery.scope)
        for chunk in chunks:
            known = [ROW_NUMBER] + [c.header for c in self.source.columns if c.header in chunk]
            yield (tag(chunk[known], self.batch_id, context),
                   _extra_fields(chunk, self.extra, self.batch_id))


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


def _raw_frame(rows: pd.DataFrame, source: Source) -> pd.DataFrame:
    known = [column for column in source.columns if column.header in rows]
    return rows[[BATCH_ID, ROW_NUMBER] + [column.header for column in known]].rename(
        columns={BATCH_ID: "batch_id", ROW_NUMBER: "row_number",
                 **{c.header: c.raw_name for c in known}}
    )


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


def _copy_rows(conn: psycopg.Connection, source: Source,
               pieces: Sequence[tuple[pd.DataFrame, pd.DataFrame]]) -> tuple[Counter, Counter]:
    """COPY chunks into raw, extra fields, staging and parse problems, all in one go.

    Returns (rows, problems) per batch.
    """
    rows = pd.concat([tagged for tagged, _ in pieces], ignore_index=True)
    extras = [found for _, found in pieces if not found.empty]
    copy_frame(conn, f"raw.{source.id}", _raw_frame(rows, source))
    if extras:
        copy_frame(conn, "raw.extra_field", pd.concat(extras, ignore_index=True))
    staged = to_staging(source, rows)
    for name, frame in staged.tables.items():
        copy_frame(conn, f"staging.{name}", frame)
    copy_frame(conn, "audit.parse_problem", staged.problems)
    return Counter(rows[BATCH_ID].tolist()), Counter(staged.problems["batch_id"].tolist())


def _copy_issues(conn: psycopg.Connection, member: _Member) -> int:
    """COPY the structural row issues the reader noted (complete once the file is read)."""
    issues = pd.DataFrame(
        [(member.batch_id, i.row_number, i.column, i.problem, i.detail)
         for i in member.table.issues],
        columns=PROBLEM_COLUMNS,
    )
    return copy_frame(conn, "audit.parse_problem", issues)


def _facts(member: _Member, rows: int, problems: int) -> dict:
    """What ``audit.batch`` records about a loaded file."""
    notes = []
    if member.extra:
        notes.append(f"unknown extra columns kept in raw.extra_field: {', '.join(member.extra)}")
    if member.optional_missing:
        notes.append(f"optional columns absent: {', '.join(member.optional_missing)}")
    if member.delivery.snapshot_date is None:
        notes.append("no valid _YYYYMMDD in the file name: snapshot date is the delivery date")
    if rows == 0:
        notes.append("the file has a header but no data rows")
    table = member.table
    return {
        "encoding": table.encoding,
        "delimiter": table.delimiter,
        "sheet_name": table.sheet_name,
        "header_row": table.header_row,
        "row_count": rows,
        "problem_count": problems,
        "extra_columns": member.extra,
        "missing_optional_columns": member.optional_missing,
        "message": "; ".join(notes) or None,
    }


def _finish(conn: psycopg.Connection, member: _Member, rows: int, problems: int) -> None:
    """Record the file as loaded (the caller commits)."""
    facts = _facts(member, rows, problems)
    registry.mark_loaded(conn, member.batch_id, **facts)
    registry.record_delivery(conn, sha256=member.archived.sha256,
                             original_path=member.original, outcome="loaded",
                             batch_id=member.batch_id)
    outcome = member.outcome
    outcome.status, outcome.rows, outcome.problems = "loaded", rows, problems
    outcome.extra_columns, outcome.message = facts["extra_columns"], facts["message"]


def _refused(member: _Member, exc: psycopg.errors.DataError) -> str:
    # Only the message head: PostgreSQL quotes the offending value after the
    # colon, and that value may be personal data.
    head = (exc.diag.message_primary or "").split(":", 1)[0]
    return f"{member.path.name}: the warehouse refused a value ({head})"


def _load_alone(conn: psycopg.Connection, member: _Member) -> None:
    """Load one file chunk by chunk in its own transaction."""
    if not registry.lock_for_loading(conn, member.batch_id):
        _duplicate(conn, member)
        return
    rows = problems = 0
    try:
        for piece in member.rows():
            counted, problem_counts = _copy_rows(conn, member.source, [piece])
            rows += counted[member.batch_id]
            problems += problem_counts[member.batch_id]
        problems += _copy_issues(conn, member)
    except FileRejected as exc:
        _reject(conn, member, str(exc))
        return
    except psycopg.errors.DataError as exc:
        _reject(conn, member, _refused(member, exc))
        return
    _finish(conn, member, rows, problems)
    conn.commit()


def _load_group(conn: psycopg.Connection, members: list[_Member]) -> None:
    """Load fully read small files of one source together, in one transaction."""
    status = dict(conn.execute(
        "SELECT batch_id, status FROM audit.batch WHERE batch_id = ANY(%s) "
        "ORDER BY batch_id FOR UPDATE", ([m.batch_id for m in members],)).fetchall())
    # Two files of the group with the same bytes share one batch: the first loads it, the
    # others are duplicates like any file delivered again.
    first = {}
    for member in members:
        if status[member.batch_id] == "received":
            first.setdefault(member.batch_id, member)
    ours = list(first.values())
    pieces = [piece for member in ours for piece in member.rows()]
    try:
        rows, problems = (_copy_rows(conn, ours[0].source, pieces) if pieces
                          else (Counter(), Counter()))
        for member in ours:
            problems[member.batch_id] += _copy_issues(conn, member)
    except psycopg.errors.DataError:
        conn.rollback()
        log.info("the warehouse refused a value in a group of %d files: "
                 "loading them one by one", len(ours))
        for member in ours:
            _load_alone(conn, member)
    else:
        for member in ours:
            _finish(conn, member, rows[member.batch_id], problems[member.batch_id])
        conn.commit()
    for member in members:
        if first.get(member.batch_id) is not member:
            _duplicate(conn, member)


def _receive(conn: psycopg.Connection, path: Path, original: str,
             settings: Settings) -> _Member | FileOutcome:
    """Archive and register a file; an unrecognised one is finished here."""
    archived = archive_file(path, settings.archive_dir)
    try:
        delivery = identify(path)
    except UnrecognisedFile as exc:
        registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                                 outcome="unrecognised", message=str(exc))
        conn.commit()
        return FileOutcome(path, "unrecognised", message=str(exc))
    registration = registry.register(
        conn,
        source=delivery.source.id,
        archived=archived,
        original_path=original,
        original_name=path.name,
        scope=delivery.scope,
        snapshot_date=delivery.snapshot_date or date.today(),
        snapshot_date_from="file_name" if delivery.snapshot_date else "delivery",
    )
    outcome = FileOutcome(path, "received", source=delivery.source.id,
                          batch_id=registration.batch_id)
    return _Member(path, original, archived, delivery, outcome,
                   fresh=registration.status == "received")


def _settled(path: Path, quiet_seconds: float) -> bool:
    """Wait until ``path`` was last modified ``quiet_seconds`` ago; False if it never calms."""
    deadline = time.monotonic() + SETTLE_PATIENCE
    while True:
        quiet_for = time.time() - path.stat().st_mtime
        if quiet_for >= quiet_seconds:
            return True
        pause = quiet_seconds - quiet_for
        if time.monotonic() + pause > deadline:
            return False
        time.sleep(pause)


class _Run:
    """One connection, the outcomes so far, and small files waiting per source.

    Small files wait until their source has :data:`GROUP_ROWS` rows read, then
    load together.
    """

    def __init__(self, settings: Settings, url: str, keep_going: bool) -> None:
        self.settings, self.url, self.keep_going = settings, url, keep_going
        self._connect()
        self.outcomes: list[FileOutcome] = []
        self.waiting: dict[str, list[_Member]] = {}

    def ingest(self, path: Path, original: str) -> None:
        try:
            self._ingest(path, original)
        except FileStillChanging as exc:
            self._wait_for(path, str(exc))
        except OSError as exc:  # the file could not be read or archived
            if not self.keep_going:
                raise
            self._fail(path, exc, only_current=True)
        except psycopg.Error as exc:
            if not self.keep_going:
                raise
            self._fail(path, exc, only_current=False)
            self.close()
            self._connect()

    def _connect(self) -> None:
        self._connection = ExitStack()
        self.conn = self._connection.enter_context(connect("loader", url=self.url))

    def close(self) -> None:
        self._connection.close()

    def _wait_for(self, path: Path, message: str) -> None:
        log.warning("%s", message)
        self.outcomes.append(FileOutcome(path, "waiting", message=message))

    def _ingest(self, path: Path, original: str) -> None:
        fetched = "://" in original  # a local copy of an object fetched whole from storage
        if not fetched and not _settled(path, self.settings.settle_seconds):
            self._wait_for(path, f"{path.name}: still being written (modified less than "
                                 f"{self.settings.settle_seconds:g} s ago for "
                                 f"{SETTLE_PATIENCE:g} s): left for the next run")
            return
        member = _receive(self.conn, path, original, self.settings)
        if isinstance(member, FileOutcome):
            self.outcomes.append(member)
            return
        self.outcomes.append(member.outcome)
        if not member.fresh:
            _duplicate(self.conn, member)
            return
        try:
            member.open()
        except FileRejected as exc:
            _reject(self.conn, member, str(exc))
            return
        if member.read is None:
            _load_alone(self.conn, member)
            return
        group = self.waiting.setdefault(member.source.id, [])
        group.append(member)
        if sum(len(rows) for m in group for rows, _ in m.read) >= GROUP_ROWS:
            _load_group(self.conn, self.waiting.pop(member.source.id))

    def finish(self) -> None:
        """Load what still waits."""
        try:
            while self.waiting:
                _load_group(self.conn, self.waiting.popitem()[1])
        except psycopg.Error as exc:
            if not self.keep_going:
                raise
            self._fail(None, exc, only_current=False)

    def _fail(self, path: Path | None, exc: Exception, *, only_current: bool) -> None:
        """Mark the current file (or every unfinished one) as not ingested."""
        message = f"{type(exc).__name__}: {exc}"
        log.error("%s: not ingested: %s", path or "waiting files", message)
        if path is not None and (not self.outcomes or self.outcomes[-1].path != path):
            self.outcomes.append(FileOutcome(path, "error", message=message))
        unfinished = self.outcomes[-1:] if only_current else self.outcomes
        for outcome in unfinished:
            if outcome.status == "received":
                outcome.status, outcome.message = "error", message
        if not only_current:
            self.waiting.clear()
        else:
            for group in self.waiting.values():
                group[:] = [m for m in group if m.outcome.status != "error"]


def ingest_files(paths: Sequence[Path], settings: Settings | None = None,
                 url: str | None = None, originals: Sequence[str] | None = None,
                 *, keep_going: bool = False) -> list[FileOutcome]:
    """Ingest files, outcomes in the order of ``paths``; a bad file never raises.

    A broken warehouse raises, unless ``keep_going``: then the files it
    stopped are reported as ``error`` and the run goes on with a new
    connection. ``originals`` names where each file was delivered when
    ``paths`` are local copies (files fetched from object storage).
    """
    settings = settings or get_settings()
    run = _Run(settings, url or warehouse_url(settings), keep_going)
    try:
        for path, original in zip(paths, originals or [str(p.resolve()) for p in paths],
                                  strict=True):
            run.ingest(path, original)
        run.finish()
    finally:
        run.close()
    return run.outcomes


def ingest_file(path: Path, settings: Settings | None = None, url: str | None = None,
                original: str | None = None) -> FileOutcome:
    """Ingest one delivered file (see :func:`ingest_files`)."""
    return ingest_files([path], settings, url, [original] if original else None)[0]


def _reject(conn: psycopg.Connection, member: _Member, reason: str) -> None:
    """Undo everything loaded from the file, then record why it was rejected."""
    conn.rollback()
    registry.mark_rejected(conn, member.batch_id, reason)
    registry.record_delivery(conn, sha256=member.archived.sha256,
                             original_path=member.original, outcome="rejected",
                             batch_id=member.batch_id, message=reason)
    conn.commit()
    log.warning("rejected %s", reason)
    member.outcome.status, member.outcome.message = "rejected", reason


def _duplicate(conn: psycopg.Connection, member: _Member) -> None:
    conn.rollback()
    status, name = conn.execute(
        "SELECT status, original_name FROM audit.batch WHERE batch_id = %s",
        (member.batch_id,)).fetchone()
    message = f"same bytes as batch {member.batch_id} ({name}, {status})"
    registry.record_delivery(conn, sha256=member.archived.sha256,
                             original_path=member.original, outcome="duplicate",
                             batch_id=member.batch_id, message=message)
    conn.commit()
    member.outcome.status, member.outcome.message = "duplicate", message


def ingest_paths(paths: Iterable[Path], settings: Settings | None = None) -> list[FileOutcome]:
    """Ingest every file under ``paths``; a warehouse failure is reported, not raised."""
    return ingest_files(list(discover(paths)), settings, keep_going=True)

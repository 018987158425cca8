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

Files of a source are loaded in groups of about :data:`GROUP_BYTES`: read,
normalised in one pass and COPYed in one statement per table, in one
transaction, each file still its own batch. The reading and normalising of a
group (:mod:`pantau.ingest.prepare`) runs in ``settings.ingest_workers``
worker processes while this process COPYs the group before it, so the
client's work and PostgreSQL's overlap on the cores instead of taking turns.
A file larger than :data:`STREAM_BYTES` streams alone, chunk by chunk, in this
process. Should the warehouse refuse a value of a group, the group is rolled
back and its files are loaded one by one, so only the offending file is
rejected.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import time
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psycopg

from pantau.config import Settings, get_settings
from pantau.ingest import registry
from pantau.ingest.archive import Archived, FileStillChanging, archive_file
from pantau.ingest.prepare import (
    FileRead,
    FileToRead,
    OpenedFile,
    Prepared,
    prepare_files,
    stage,
    tagged,
)
from pantau.normalise.regions import region_index
from pantau.sources.pickup import Pickup, UnrecognisedFile, discover, identify
from pantau.sources.readers import FileRejected
from pantau.sources.spec import Source
from pantau.warehouse.connection import connect, warehouse_url
from pantau.warehouse.copy import write_payload

log = logging.getLogger(__name__)

GROUP_BYTES = 8 << 20  # file bytes gathered per group (~50,000 rows of a typical export)
MIN_GROUP_BYTES = 2 << 20  # groups are made smaller for a small ingest, down to this
STREAM_BYTES = 64 << 20  # a larger file is read chunk by chunk in this process, alone
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
    outcome: FileOutcome  # status "received" until the file is finished; batch once registered

    @property
    def source(self) -> Source:
        return self.delivery.source

    @property
    def batch_id(self) -> int:
        return self.outcome.batch_id

    def to_read(self) -> FileToRead:
        return FileToRead(self.batch_id, self.source.id, self.archived.path, self.path.name,
                          self.delivery.scope)


@dataclass
class _Group:
    """Files of one source prepared together (in a worker, or here), waiting to be written."""

    members: list[_Member]  # as delivered, with any repeat of the same bytes
    ours: list[_Member]  # one per batch: the files whose rows the group holds
    prepared: Future | Prepared

    def result(self) -> Prepared:
        return self.prepared.result() if isinstance(self.prepared, Future) else self.prepared


def _facts(member: _Member, read: FileRead) -> dict:
    """What ``audit.batch`` records about a loaded file."""
    notes = []
    if read.extra:
        notes.append(f"unknown extra columns kept in raw.extra_field: {', '.join(read.extra)}")
    if read.optional_missing:
        notes.append(f"optional columns absent: {', '.join(read.optional_missing)}")
    if member.delivery.snapshot_date is None:
        notes.append("no valid _YYYYMMDD in the file name: snapshot date is the delivery date")
    if read.rows == 0:
        notes.append("the file has a header but no data rows")
    return {
        "encoding": read.encoding,
        "delimiter": read.delimiter,
        "sheet_name": read.sheet_name,
        "header_row": read.header_row,
        "row_count": read.rows,
        "problem_count": read.problems,
        "extra_columns": read.extra,
        "missing_optional_columns": read.optional_missing,
        "message": "; ".join(notes) or None,
    }


def _finish(conn: psycopg.Connection, member: _Member, read: FileRead) -> None:
    """Record the file as loaded (the caller commits)."""
    facts = _facts(member, read)
    registry.mark_loaded(conn, member.batch_id, **facts)
    registry.record_delivery(conn, sha256=member.archived.sha256,
                             original_path=member.original, outcome="loaded",
                             batch_id=member.batch_id)
    outcome = member.outcome
    outcome.status, outcome.rows, outcome.problems = "loaded", read.rows, read.problems
    outcome.extra_columns, outcome.message = facts["extra_columns"], facts["message"]


def _refused(member: _Member, exc: psycopg.errors.DataError) -> str:
    # Only the message head: PostgreSQL quotes the offending value after the
    # colon, and that value may be personal data.
    head = (exc.diag.message_primary or "").split(":", 1)[0]
    return f"{member.path.name}: the warehouse refused a value ({head})"


def _not_read(member: _Member, message: str) -> None:
    """The archived copy could not be read: the batch stays received for the next run."""
    log.error("%s: not ingested: %s", member.path, message)
    member.outcome.status, member.outcome.message = "error", message


def _stream_alone(conn: psycopg.Connection, member: _Member) -> None:
    """Load one large file chunk by chunk in its own transaction, in this process."""
    try:
        opened = OpenedFile(member.to_read())
    except FileRejected as exc:
        _reject(conn, member, str(exc))
        return
    if not registry.lock_for_loading(conn, member.batch_id):
        _duplicate(conn, member)
        return
    read = opened.read()
    item = opened.item
    try:
        for known, extra in opened.chunks():
            payloads, rows, problems = stage(member.source, tagged([(known, item)]), [extra])
            for payload in payloads:
                write_payload(conn, payload)
            read.rows += rows[member.batch_id]
            read.problems += problems[member.batch_id]
        issues = opened.issues_payload()
        if issues is not None:
            read.problems += write_payload(conn, issues)
    except FileRejected as exc:
        _reject(conn, member, str(exc))
        return
    except psycopg.errors.DataError as exc:
        _reject(conn, member, _refused(member, exc))
        return
    _finish(conn, member, read)
    conn.commit()


def _load_group(conn: psycopg.Connection, group: _Group) -> None:
    """Write a prepared group in one transaction; on a refused value, file by file."""
    prepared = group.result()
    reads = {read.batch_id: read for read in prepared.files}
    status = dict(conn.execute(
        "SELECT batch_id, status FROM audit.batch WHERE batch_id = ANY(%s) "
        "ORDER BY batch_id FOR UPDATE", ([m.batch_id for m in group.ours],)).fetchall())
    loadable = [m for m in group.ours
                if not (reads[m.batch_id].rejected or reads[m.batch_id].failed)]
    taken = [m for m in loadable if status[m.batch_id] != "received"]
    try:
        if taken:  # another run loaded some of these meanwhile: theirs stand
            raise _Regroup
        for payload in prepared.payloads:
            write_payload(conn, payload)
    except (psycopg.errors.DataError, _Regroup) as exc:
        conn.rollback()
        _after_refusal(conn, group, exc, bool(taken))
    else:
        for member in loadable:
            _finish(conn, member, reads[member.batch_id])
        conn.commit()
        _unusable(conn, group.ours, reads)
    loaded_here = {id(member) for member in group.ours}
    for member in group.members:
        if id(member) not in loaded_here and member.outcome.status == "received":
            _duplicate(conn, member)


def _after_refusal(conn: psycopg.Connection, group: _Group, exc: Exception,
                   taken: bool) -> None:
    """A group not written as prepared: a lone file is finished, a group retried file by file."""
    if len(group.ours) == 1:
        member = group.ours[0]
        if taken:
            _duplicate(conn, member)
        else:
            _reject(conn, member, _refused(member, exc))
        return
    log.info("group of %d files not loaded together (%s): loading them one by one",
             len(group.ours), "some loaded elsewhere" if taken else "a value refused")
    for member in group.ours:
        _load_group(conn, _Group([member], [member], prepare_files([member.to_read()])))


def _unusable(conn: psycopg.Connection, members: list[_Member],
              reads: dict[int, FileRead]) -> None:
    """Finish the files reading refused (rejected) or could not read (left for a rerun)."""
    for member in members:
        read = reads[member.batch_id]
        if read.rejected:
            _reject(conn, member, read.rejected)
        elif read.failed:
            _not_read(member, read.failed)


class _Regroup(Exception):
    """The group cannot be written as prepared (see :func:`_load_group`)."""


def _receive(conn: psycopg.Connection, path: Path, original: str,
             settings: Settings) -> _Member | FileOutcome:
    """Archive a file and name its source (registered later, with its group); an
    unrecognised one is finished here."""
    archived = archive_file(path, settings.archive_dir)
    try:
        delivery = identify(path)
    except UnrecognisedFile as exc:
        registry.record_delivery(conn, sha256=archived.sha256, original_path=original,
                                 outcome="unrecognised", message=str(exc))
        conn.commit()
        return FileOutcome(path, "unrecognised", message=str(exc))
    return _Member(path, original, archived, delivery,
                   FileOutcome(path, "received", source=delivery.source.id))


def _register(conn: psycopg.Connection, members: list[_Member]) -> list[_Member]:
    """Register the files' batches in one commit; return those still to load (fresh).

    A file whose bytes were loaded or rejected before is a duplicate, finished here.
    """
    registrations = registry.register_many(conn, [registry.Delivered(
        source=m.source.id, archived=m.archived, original_path=m.original,
        original_name=m.path.name, scope=m.delivery.scope,
        snapshot_date=m.delivery.snapshot_date or date.today(),
        snapshot_date_from="file_name" if m.delivery.snapshot_date else "delivery",
    ) for m in members])
    fresh = []
    for member, registration in zip(members, registrations, strict=True):
        member.outcome.batch_id = registration.batch_id
        if registration.status == "received":
            fresh.append(member)
        else:
            _duplicate(conn, member)
    return fresh


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
    """One connection, the outcomes so far, files waiting per source, groups in flight.

    Files wait until their source has a group's bytes, then the group is
    prepared (by a worker when there is a pool) and queued; up to
    ``workers + 1`` groups are in flight while the oldest is written.
    """

    def __init__(self, settings: Settings, url: str, keep_going: bool, total_bytes: int) -> None:
        self.settings, self.url, self.keep_going = settings, url, keep_going
        self._connect()
        self.outcomes: list[FileOutcome] = []
        self.waiting: dict[str, list[_Member]] = {}
        self.in_flight: deque[_Group] = deque()
        workers = settings.ingest_workers if _may_fork() else 0
        # Small ingests get smaller groups, so that the workers have several to share.
        self.group_bytes = max(MIN_GROUP_BYTES, min(GROUP_BYTES,
                                                    total_bytes // (4 * max(workers, 1))))
        self.workers = workers if total_bytes > 2 * self.group_bytes else 0

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

    def shutdown(self) -> None:
        for group in self.in_flight:  # left by an error: nothing will write them
            if isinstance(group.prepared, Future):
                group.prepared.cancel()
        self.close()

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
        if member.archived.size_bytes > STREAM_BYTES:
            if _register(self.conn, [member]):
                _stream_alone(self.conn, member)
            return
        group = self.waiting.setdefault(member.source.id, [])
        group.append(member)
        if sum(m.archived.size_bytes for m in group) >= self.group_bytes:
            self._submit(self.waiting.pop(member.source.id))

    def _submit(self, members: list[_Member]) -> None:
        """Register a group, prepare it (in a worker, if there are any) and write the oldest
        groups due."""
        members = _register(self.conn, members)
        if not members:
            return
        # Two files with the same bytes share one batch: the first loads it, the others
        # are duplicates like any file delivered again.
        first: dict[int, _Member] = {}
        for member in members:
            first.setdefault(member.batch_id, member)
        ours = list(first.values())
        items = [member.to_read() for member in ours]
        if self.workers:
            prepared: Future | Prepared = _pool(self.workers).submit(prepare_files, items)
        else:
            prepared = prepare_files(items)
        self.in_flight.append(_Group(members, ours, prepared))
        while len(self.in_flight) > self.workers:
            _load_group(self.conn, self.in_flight.popleft())

    def finish(self) -> None:
        """Load what still waits."""
        try:
            while self.waiting:
                self._submit(self.waiting.popitem()[1])
            while self.in_flight:
                _load_group(self.conn, self.in_flight.popleft())
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
            for group in self.in_flight:
                if isinstance(group.prepared, Future):
                    group.prepared.cancel()
            self.in_flight.clear()
        else:
            for group in self.waiting.values():
                group[:] = [m for m in group if m.outcome.status != "error"]


_workers: dict[int, ProcessPoolExecutor] = {}


def _pool(size: int) -> ProcessPoolExecutor:
    """This process's pool of ``size`` preparing workers, started once and kept.

    Kept for the life of the process, the workers remember the normalised
    answers of repeating texts (:mod:`pantau.sources.staging`) from one ingest
    to the next. They fork from a fork server that imported the preparing code
    once: forking this process itself could copy a lock another of its threads
    (a scheduler's, a test runner's) held at that moment.
    """
    pool = _workers.get(size)
    if pool is None or getattr(pool, "_broken", False):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["pantau.ingest.prepare"])
        pool = ProcessPoolExecutor(size, mp_context=context, initializer=region_index)
        _workers[size] = pool
    return pool


def worker_pids() -> list[int]:
    """The process ids of the kept workers (what a memory measurement must include)."""
    # ProcessPoolExecutor keeps its processes by pid in ``_processes`` (CPython 3.8+).
    return [pid for pool in _workers.values() for pid in (pool._processes or {})]


@atexit.register
def _stop_workers() -> None:
    for pool in _workers.values():
        pool.shutdown(wait=False, cancel_futures=True)


def _may_fork() -> bool:
    """Worker processes are possible here (a daemonic process may not have children)."""
    return not multiprocessing.current_process().daemon


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
    run = _Run(settings, url or warehouse_url(settings), keep_going, _total_bytes(paths))
    try:
        for path, original in zip(paths, originals or [str(p.resolve()) for p in paths],
                                  strict=True):
            run.ingest(path, original)
        run.finish()
    finally:
        run.shutdown()
    return run.outcomes


def _total_bytes(paths: Iterable[Path]) -> int:
    total = 0
    for path in paths:
        try:
            total += path.stat().st_size
        except OSError:  # gone already: its ingest says so
            continue
    return total


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

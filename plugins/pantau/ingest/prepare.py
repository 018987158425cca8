"""The client's share of an ingest: read archived files, normalise them, serialise for COPY.

Nothing here touches the warehouse, so it runs as well in a worker process as
in the ingest's own. :mod:`pantau.ingest.pipeline` hands groups of files to
worker processes and COPYs one group while the next ones are prepared: reading
and normalising (the client) then overlap with PostgreSQL writing (the server)
on the machine's cores, instead of taking turns.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pantau.sources.catalog import SOURCES
from pantau.sources.readers import ROW_NUMBER, FileRejected, RawTable, open_table
from pantau.sources.spec import Source
from pantau.sources.staging import BATCH_ID, PROBLEM_COLUMNS, PROVINCE, Context, to_staging
from pantau.warehouse.copy import CopyPayload, copy_payload


@dataclass(frozen=True)
class FileToRead:
    """A registered file, as a worker needs it: where its archived copy is, whose it is."""

    batch_id: int
    source_id: str
    path: Path  # the archived copy
    name: str  # the delivered file name, for messages
    scope: str | None

    @property
    def source(self) -> Source:
        return SOURCES[self.source_id]


@dataclass
class FileRead:
    """What reading one file found: its shape for ``audit.batch``, or why it was refused."""

    batch_id: int
    rows: int = 0
    problems: int = 0
    encoding: str | None = None
    delimiter: str | None = None
    sheet_name: str | None = None
    header_row: int = 1
    extra: list[str] = field(default_factory=list)
    optional_missing: list[str] = field(default_factory=list)
    rejected: str | None = None  # the file is unusable (FileRejected): why
    failed: str | None = None  # the archived copy could not be read (OSError): left for a rerun


@dataclass
class Prepared:
    """A group's files as read, and their rows ready to COPY, table by table."""

    files: list[FileRead]
    payloads: list[CopyPayload]


def check_headers(table: RawTable, source: Source, file: str) -> tuple[list[str], list[str]]:
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


class OpenedFile:
    """One file opened: its header checked, its chunks cut to the columns Pantau knows."""

    def __init__(self, item: FileToRead) -> None:
        self.item = item
        self.table = open_table(item.path, item.source, display_name=item.name)
        self.extra, self.optional_missing = check_headers(self.table, item.source, item.name)
        self.known = [ROW_NUMBER] + [c.header for c in item.source.columns
                                     if c.header in self.table.headers]

    def chunks(self) -> Iterator[tuple[pd.DataFrame, pd.DataFrame]]:
        """(known columns, unknown cells in long form) per chunk of the file."""
        for chunk in self.table.chunks:
            yield chunk[self.known], _extra_fields(chunk, self.extra, self.item.batch_id)

    def read(self) -> FileRead:
        """The file's facts so far (rows and problems are counted by the caller)."""
        table = self.table
        return FileRead(self.item.batch_id, encoding=table.encoding, delimiter=table.delimiter,
                        sheet_name=table.sheet_name, header_row=table.header_row,
                        extra=self.extra, optional_missing=self.optional_missing)

    def issues_payload(self) -> CopyPayload | None:
        """The structural row issues the reader noted (complete once the file is read)."""
        if not self.table.issues:
            return None
        issues = pd.DataFrame(
            [(self.item.batch_id, i.row_number, i.column, i.problem, i.detail)
             for i in self.table.issues],
            columns=PROBLEM_COLUMNS,
        )
        return copy_payload("audit.parse_problem", issues)


def tagged(parts: Sequence[tuple[pd.DataFrame, FileToRead]]) -> pd.DataFrame:
    """The known columns of many files' chunks in one frame, each row with its batch and the
    province its file name gives (what :func:`to_staging` reads), tagged in one pass."""
    rows = pd.concat([frame for frame, _ in parts], ignore_index=True)
    lengths = [len(frame) for frame, _ in parts]
    rows[BATCH_ID] = np.repeat(np.array([item.batch_id for _, item in parts], dtype="int64"),
                               lengths)
    provinces = [Context.for_scope(item.scope).province for _, item in parts]
    rows[PROVINCE] = pd.array(np.repeat(np.array(provinces, dtype=object), lengths),
                              dtype="string")
    return rows


def _raw_frame(rows: pd.DataFrame, source: Source) -> pd.DataFrame:
    known = [column for column in source.columns if column.header in rows]
    return rows[[BATCH_ID, ROW_NUMBER] + [column.header for column in known]].rename(
        columns={BATCH_ID: "batch_id", ROW_NUMBER: "row_number",
                 **{c.header: c.raw_name for c in known}}
    )


def stage(source: Source, rows: pd.DataFrame,
          extras: Sequence[pd.DataFrame]) -> tuple[list[CopyPayload], Counter, Counter]:
    """Rows for raw, extra fields, staging and parse problems, from tagged rows, in one pass.

    Returns (payloads, rows per batch, problems per batch).
    """
    extras = [found for found in extras if not found.empty]
    frames = [(f"raw.{source.id}", _raw_frame(rows, source))]
    if extras:
        frames.append(("raw.extra_field", pd.concat(extras, ignore_index=True)))
    staged = to_staging(source, rows)
    frames += [(f"staging.{name}", frame) for name, frame in staged.tables.items()]
    frames.append(("audit.parse_problem", staged.problems))
    payloads = [payload for table, frame in frames
                if (payload := copy_payload(table, frame)) is not None]
    return (payloads, Counter(rows[BATCH_ID].tolist()),
            Counter(staged.problems["batch_id"].tolist()))


def prepare_files(items: Sequence[FileToRead]) -> Prepared:
    """Read whole files of one source and prepare their rows together, in one pass.

    pandas costs tens of milliseconds per call whatever the size, so a
    regency's 200-row export normalised alone would spend almost all its time
    on that fixed cost. A refused or unreadable file is noted and left out;
    the others go on.
    """
    files, parts, extras, issues = [], [], [], []
    for item in items:
        try:
            opened = OpenedFile(item)
            own = list(opened.chunks())
        except FileRejected as exc:
            files.append(FileRead(item.batch_id, rejected=str(exc)))
            continue
        except OSError as exc:
            files.append(FileRead(item.batch_id, failed=f"{type(exc).__name__}: {exc}"))
            continue
        read = opened.read()
        issue_payload = opened.issues_payload()
        if issue_payload is not None:
            issues.append(issue_payload)
            read.problems += issue_payload.rows
        files.append(read)
        parts += [(known, item) for known, _ in own]
        extras += [found for _, found in own]
    if not parts:
        return Prepared(files, issues)
    payloads, rows, problems = stage(items[0].source, tagged(parts), extras)
    for read in files:
        read.rows += rows[read.batch_id]
        read.problems += problems[read.batch_id]
    return Prepared(files, payloads + issues)


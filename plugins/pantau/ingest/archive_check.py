"""``pantau archive verify``: every archived export still hashes to the SHA-256 it was filed under.

``--batch ID`` re-hashes one file, so an auditor can confirm one SHA-256
printed in the audit pack without checking the whole archive.

The archive is the auditors' way back from a figure to the bytes an agency
delivered; a copy that no longer matches its hash breaks that trail, so it is
reported by batch. Redelivering the original file repairs the copy (see
:func:`pantau.ingest.archive.archive_file`).
"""

from __future__ import annotations

from dataclasses import dataclass

from pantau.config import Settings, get_settings
from pantau.ingest.archive import archive_path, sha256_of
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect


@dataclass(frozen=True)
class ArchiveProblem:
    batch_id: int
    original_name: str
    sha256: str
    problem: str  # "missing" or "damaged: hashes to <sha>"

    def describe(self) -> str:
        return f"batch {self.batch_id} ({self.original_name}), {self.sha256}: {self.problem}"


def verify_archive(settings: Settings | None = None,
                   url: str | None = None) -> tuple[int, list[ArchiveProblem]]:
    """(archived files checked, problems) over every batch whose bytes should be archived.

    Files removed on purpose by a retention policy (logged in
    ``audit.retention_action``) are not expected.
    """
    settings = settings or get_settings()
    with connect("auditor", url=url) as conn:
        batches = conn.execute(
            sql_files.render("ingest/archived_batches.sql", settings)).fetchall()
    problems, checked = [], 0
    for batch_id, name, padded in batches:
        sha = padded.strip()
        stored = archive_path(settings.archive_dir, sha)
        if not stored.exists():
            problems.append(ArchiveProblem(batch_id, name, sha, "missing"))
            continue
        checked += 1
        actual = sha256_of(stored)
        if actual != sha:
            problems.append(ArchiveProblem(batch_id, name, sha, f"damaged: hashes to {actual}"))
    return checked, problems


class UnknownBatch(LookupError):
    """The batch id names no delivered batch."""


@dataclass(frozen=True)
class BatchCheck:
    """One archived file re-hashed, for an auditor confirming a SHA-256 printed in the pack."""

    batch_id: int
    original_name: str
    sha256: str
    actual: str | None  # the file's SHA-256 now; None when there is no file to hash
    problem: str | None  # None when intact; "missing", "removed by retention", "damaged: ..."

    def describe(self) -> str:
        if self.problem is None:
            return f"batch {self.batch_id} ({self.original_name}): intact, SHA-256 {self.sha256}"
        return f"batch {self.batch_id} ({self.original_name}), {self.sha256}: {self.problem}"


def verify_batch(batch_id: int, settings: Settings | None = None,
                 url: str | None = None) -> BatchCheck:
    """Re-hash the archived file of one batch; :class:`UnknownBatch` when there is no such batch.

    A file a retention policy removed on purpose is reported as such, not as
    missing, so the auditor knows why there is nothing to hash.
    """
    settings = settings or get_settings()
    with connect("auditor", url=url) as conn:
        row = conn.execute(sql_files.render("ingest/archived_batch.sql", settings),
                           {"batch_id": batch_id}).fetchone()
    if row is None:
        raise UnknownBatch(f"no batch {batch_id} in audit.batch")
    _, name, padded, removed = row
    sha = padded.strip()
    stored = archive_path(settings.archive_dir, sha)
    if not stored.exists():
        problem = "removed by retention" if removed else "missing"
        return BatchCheck(batch_id, name, sha, None, problem)
    actual = sha256_of(stored)
    problem = None if actual == sha else f"damaged: hashes to {actual}"
    return BatchCheck(batch_id, name, sha, actual, problem)

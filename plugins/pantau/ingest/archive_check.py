"""``pantau archive verify``: every archived export still hashes to the SHA-256 it was filed under.

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

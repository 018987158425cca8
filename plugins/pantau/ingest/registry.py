"""The batch registry in ``audit``: one batch per distinct file, every delivery logged."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import psycopg

from pantau.ingest.archive import Archived
from pantau.warehouse import sql_files


def _sql(name: str) -> str:
    """A registry statement, from ``sql/ingest/<name>.sql``."""
    return sql_files.render(f"ingest/{name}.sql")


@dataclass(frozen=True)
class Registration:
    batch_id: int
    status: str  # received (ours to load) | loaded | rejected (a duplicate)
    original_name: str
    is_new: bool


@dataclass(frozen=True)
class Delivered:
    """A delivered, archived file, about to be registered."""

    source: str
    archived: Archived
    original_path: str
    original_name: str
    scope: str | None
    snapshot_date: date
    snapshot_date_from: str


def register_many(conn: psycopg.Connection, files: list[Delivered]) -> list[Registration]:
    """Create the batch of each file's bytes, or find the one that already exists.

    One statement and one commit for all the files, in their order.
    """
    new = dict(conn.execute(_sql("register_batches"), {
        "source": [f.source for f in files], "sha256": [f.archived.sha256 for f in files],
        "original_name": [f.original_name for f in files],
        "original_path": [f.original_path for f in files],
        "archive_path": [str(f.archived.path) for f in files],
        "size_bytes": [f.archived.size_bytes for f in files],
        "file_scope": [f.scope for f in files],
        "snapshot_date": [f.snapshot_date for f in files],
        "snapshot_date_from": [f.snapshot_date_from for f in files],
    }).fetchall())
    known = {sha: (batch_id, status, name) for sha, batch_id, status, name in conn.execute(
        "SELECT sha256, batch_id, status, original_name FROM audit.batch WHERE sha256 = ANY(%s)",
        ([f.archived.sha256 for f in files],)).fetchall()}
    conn.commit()
    registrations = []
    for position, file in enumerate(files, start=1):
        batch_id, status, name = known[file.archived.sha256]
        is_new = new.get(position) == batch_id
        registrations.append(Registration(batch_id, status, file.original_name if is_new
                                          else name, is_new=is_new))
    return registrations


def lock_for_loading(conn: psycopg.Connection, batch_id: int) -> bool:
    """Take the batch row for this transaction; False if another run already finished it."""
    status = conn.execute(
        "SELECT status FROM audit.batch WHERE batch_id = %s FOR UPDATE", (batch_id,)
    ).fetchone()[0]
    return status == "received"


def mark_loaded(conn: psycopg.Connection, batch_id: int, **facts) -> None:
    conn.execute(_sql("mark_loaded"), {"batch_id": batch_id, **facts})


def mark_rejected(conn: psycopg.Connection, batch_id: int, message: str) -> None:
    conn.execute(
        "UPDATE audit.batch SET status = 'rejected', message = %s WHERE batch_id = %s",
        (message, batch_id),
    )


def record_delivery(
    conn: psycopg.Connection,
    *,
    sha256: str,
    original_path: str,
    outcome: str,
    batch_id: int | None = None,
    message: str | None = None,
) -> None:
    conn.execute(_sql("record_receipt"), {
        "batch_id": batch_id, "sha256": sha256, "original_path": original_path,
        "outcome": outcome, "message": message})

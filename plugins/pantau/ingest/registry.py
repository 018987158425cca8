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


def register(
    conn: psycopg.Connection,
    *,
    source: str,
    archived: Archived,
    original_path: str,
    original_name: str,
    scope: str | None,
    snapshot_date: date,
    snapshot_date_from: str,
) -> Registration:
    """Create the batch for these bytes, or find the one that already exists."""
    row = conn.execute(_sql("register_batch"), {
        "source": source, "sha256": archived.sha256, "original_name": original_name,
        "original_path": original_path, "archive_path": str(archived.path),
        "size_bytes": archived.size_bytes, "file_scope": scope, "snapshot_date": snapshot_date,
        "snapshot_date_from": snapshot_date_from,
    }).fetchone()
    conn.commit()
    if row:
        return Registration(row[0], "received", original_name, is_new=True)
    batch_id, status, name = conn.execute(
        "SELECT batch_id, status, original_name FROM audit.batch WHERE sha256 = %s",
        (archived.sha256,),
    ).fetchone()
    conn.commit()
    return Registration(batch_id, status, name, is_new=False)


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

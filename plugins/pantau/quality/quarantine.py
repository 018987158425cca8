"""Data engineers' decisions on held rows: release (optionally corrected) or discard.

Nothing is deleted. A release may correct staging values (the delivered text
stays in raw; old and new typed values go into the decision), after which the
row is checked again with its source's suite; a row that still fails is only
released with ``force``, and the decision says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import psycopg
from psycopg.types.json import Jsonb

from pantau.sources.catalog import SOURCES
from pantau.sources.spec import Column
from pantau.sources.staging import (
    ORIGIN_COLUMNS,
    ORIGIN_INPUTS,
    ORIGIN_SOURCES,
    Context,
    normalise_column,
    origin,
)
from pantau.warehouse import sql_files
from pantau.warehouse.masking import mask

# Columns whose staging values are derived (SIAK codes to a regency, RPTKA
# work locations to rows of their own): a correction there must come as a
# corrected delivery, not as an edit of one column.
DERIVED = {"NO_PROP", "NO_KAB", "NO_KEC", "LOKASI_KERJA"}
STATUSES = ("held", "released", "discarded")


def _sql(name: str) -> str:
    """A quarantine statement, from ``sql/quality/quarantine_<name>.sql``."""
    return sql_files.render(f"quality/quarantine_{name}.sql")


class DecisionRefused(ValueError):
    """The decision cannot be taken as asked; the message says why."""


@dataclass(frozen=True)
class RowKey:
    batch_id: int
    row_number: int

    @classmethod
    def parse(cls, text: str) -> RowKey:
        """``BATCH:ROW`` as the list prints it."""
        try:
            batch, row = text.split(":")
            return cls(int(batch), int(row))
        except ValueError:
            raise DecisionRefused(f"{text!r}: expected BATCH:ROW, e.g. 212:1262") from None

    def __str__(self) -> str:
        return f"{self.batch_id}:{self.row_number}"


def list_rows(conn: psycopg.Connection, *, source: str | None = None, batch: int | None = None,
              status: str | None = "held", rule: str | None = None,
              limit: int = 50) -> pd.DataFrame:
    """Held rows with their file and failed rules, newest batches first."""
    if status is not None and status not in STATUSES:
        raise DecisionRefused(f"status {status!r}: one of {', '.join(STATUSES)} or all")
    if source is not None and source not in SOURCES:
        raise DecisionRefused(f"no source {source!r} (sources: {', '.join(SOURCES)})")
    rows = conn.execute(
        _sql("list"),
        {"source": source, "batch": batch, "status": status, "rule": rule, "limit": limit},
    ).fetchall()
    return pd.DataFrame(rows, columns=["row", "source", "file", "status", "rules", "columns"])


def list_notes(conn: psycopg.Connection, *, source: str | None = None, batch: int | None = None,
               rule: str | None = None, limit: int = 50) -> pd.DataFrame:
    """Noted rows (counted, never held) with their rule and masked value, newest first."""
    if source is not None and source not in SOURCES:
        raise DecisionRefused(f"no source {source!r} (sources: {', '.join(SOURCES)})")
    rows = conn.execute(_sql("notes"), {"source": source, "batch": batch, "rule": rule,
                                        "limit": limit}).fetchall()
    return pd.DataFrame(rows, columns=["row", "source", "file", "rule", "column", "seen",
                                       "alasan"])


def _held(conn: psycopg.Connection, key: RowKey, lock: bool = False) -> tuple[str, str]:
    """(source, status) of a held row; ``lock`` keeps a second decision waiting."""
    row = conn.execute(
        "SELECT source, status FROM quarantine.held_row WHERE batch_id = %s AND row_number = %s"
        + (" FOR UPDATE" if lock else ""),
        (key.batch_id, key.row_number),
    ).fetchone()
    if row is None:
        raise DecisionRefused(f"row {key} is not in the quarantine")
    return row


def show_row(conn: psycopg.Connection, key: RowKey) -> dict:
    """Everything about one held row an engineer needs; personal values masked."""
    source_id, status = _held(conn, key)
    source = SOURCES[source_id]
    batch = conn.execute(
        "SELECT original_name, sha256, snapshot_date, status FROM audit.batch WHERE batch_id = %s",
        (key.batch_id,),
    ).fetchone()
    # A one-row lookup; its table and column names come from the source catalog.
    values = ", ".join(
        (f"core.masked({c.raw_name})" if c.personal else c.raw_name) + f" AS {c.raw_name}"
        for c in source.columns
    )
    raw = conn.execute(
        f"SELECT {values} FROM raw.{source.id} WHERE batch_id = %s AND row_number = %s",
        (key.batch_id, key.row_number),
    ).fetchone()
    where = {"batch_id": key.batch_id, "row_number": key.row_number}
    reasons = conn.execute(_sql("row_reasons"), where).fetchall()
    decisions = conn.execute(_sql("row_decisions"), where).fetchall()
    return {
        "row": str(key), "source": source_id, "status": status,
        "file": batch[0], "sha256": batch[1], "snapshot_date": batch[2], "batch_status": batch[3],
        "values": dict(zip([c.header for c in source.columns], raw or (), strict=False)),
        "reasons": reasons, "decisions": decisions,
    }


def _column(source_id: str, header: str) -> Column:
    source = SOURCES[source_id]
    try:
        return source.column(header.upper())
    except StopIteration:
        known = ", ".join(source.headers)
        raise DecisionRefused(f"{source_id} has no column {header!r} (columns: {known})") from None


def _apply_corrections(conn: psycopg.Connection, key: RowKey, source_id: str,
                       corrections: dict[str, str]) -> dict:
    """Normalise each corrected value as ingest would and write it to staging."""
    applied = {}
    (scope,) = conn.execute("SELECT file_scope FROM audit.batch WHERE batch_id = %s",
                            (key.batch_id,)).fetchone()
    context = Context.for_scope(scope)
    for header, text in corrections.items():
        column = _column(source_id, header)
        if column.header in DERIVED:
            raise DecisionRefused(f"{column.header} feeds derived region columns: ask the "
                                  "agency for a corrected file instead")
        result = normalise_column(column, pd.Series([text], dtype="string"), context)
        if result.problem.notna().any():
            raise DecisionRefused(f"{column.header}: the corrected value cannot be read "
                                  f"({result.problem.iloc[0]})")
        new = result.values.iloc[0]
        new = None if pd.isna(new) else str(new)
        # One-row lookup and update; the names come from the source catalog.
        old = conn.execute(
            f"SELECT {column.target}::text FROM staging.{source_id} "
            "WHERE batch_id = %s AND row_number = %s", (key.batch_id, key.row_number),
        ).fetchone()[0]
        conn.execute(
            f"UPDATE staging.{source_id} SET {column.target} = %s "
            "WHERE batch_id = %s AND row_number = %s", (new, key.batch_id, key.row_number),
        )
        shown = mask if column.personal else (lambda value: value)
        applied[column.header] = {"staging_column": column.target, "old": shown(old),
                                  "new": shown(new)}
    if source_id in ORIGIN_SOURCES and {c["staging_column"] for c in applied.values()} & set(
            ORIGIN_INPUTS):
        _derive_origin_again(conn, key, source_id)
    return applied


def _derive_origin_again(conn: psycopg.Connection, key: RowKey, source_id: str) -> None:
    """A corrected NIK, birth date, sex or stated regency changes the PMI origin: derive it."""
    # One-row lookup and update; the names come from the catalog and staging.ORIGIN_*.
    row = conn.execute(
        f"SELECT {', '.join(ORIGIN_INPUTS)} FROM staging.{source_id} "
        "WHERE batch_id = %s AND row_number = %s", (key.batch_id, key.row_number)).fetchone()
    niks, born, sexes, stated = row
    derived = origin(pd.Series([niks], dtype="string"), pd.Series([born], dtype=object),
                     pd.Series([sexes], dtype="string"), pd.Series([stated], dtype="string"))
    values = [None if pd.isna(v) else (bool(v) if name == "nik_valid" else str(v))
              for name, v in zip(ORIGIN_COLUMNS, derived.iloc[0].tolist(), strict=True)]
    conn.execute(
        f"UPDATE staging.{source_id} SET {', '.join(f'{c} = %s' for c in ORIGIN_COLUMNS)} "
        "WHERE batch_id = %s AND row_number = %s", (*values, key.batch_id, key.row_number))


def _require_who_and_why(by: str, why: str) -> None:
    if not by.strip() or not why.strip():
        raise DecisionRefused("say who decides (--by) and why (--why)")


def _record(conn: psycopg.Connection, key: RowKey, decision: str, by: str, why: str,
            corrections: dict, status: str) -> None:
    _require_who_and_why(by, why)
    conn.execute(_sql("record_decision"), {
        "batch_id": key.batch_id, "row_number": key.row_number, "decision": decision,
        "decided_by": by.strip(), "why": why.strip(), "corrections": Jsonb(corrections)})
    conn.execute("UPDATE quarantine.held_row SET status = %s "
                 "WHERE batch_id = %s AND row_number = %s",
                 (status, key.batch_id, key.row_number))


def discard(conn: psycopg.Connection, key: RowKey, by: str, why: str) -> None:
    """Keep the row out for good (a released row can still be discarded later)."""
    _require_who_and_why(by, why)
    _source, status = _held(conn, key, lock=True)
    if status == "discarded":
        raise DecisionRefused(f"row {key} is already discarded")
    _record(conn, key, "discard", by, why, {}, "discarded")


def release(conn: psycopg.Connection, key: RowKey, by: str, why: str,
            corrections: dict[str, str] | None = None, force: bool = False,
            recheck=None) -> list[str]:
    """Release the row (after corrections); return the checks it still fails.

    ``recheck(source, key)`` runs the source's row checks on the row as it now
    stands and returns the failing rules; without ``force`` a failing row stays held.
    """
    _require_who_and_why(by, why)
    source_id, status = _held(conn, key, lock=True)
    if status != "held":
        raise DecisionRefused(f"row {key} is already {status}")
    batch_status, purged_at = conn.execute(
        "SELECT status, pii_purged_at FROM audit.batch WHERE batch_id = %s",
        (key.batch_id,)).fetchone()
    if batch_status != "validated":
        raise DecisionRefused(f"batch {key.batch_id} is {batch_status}: only rows of a "
                              "validated batch can go on")
    if purged_at is not None:
        raise DecisionRefused(f"batch {key.batch_id}: its personal data was purged on "
                              f"{purged_at:%Y-%m-%d} under the retention policy; the row "
                              "can no longer be corrected or released")
    applied = _apply_corrections(conn, key, source_id, corrections or {})
    still = recheck(conn, source_id, key, set(applied)) if recheck else []
    if still and not force:
        raise DecisionRefused(f"row {key} still fails {', '.join(still)}: correct it further, "
                              "discard it, or release with --force")
    record = dict(applied)
    if still:
        record["_forced_despite"] = still
    _record(conn, key, "release", by, why, record, "released")
    return still

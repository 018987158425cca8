"""Rotate the person-key secret: re-key the warehouse in one transaction, then store the key.

Every column holding a keyed hash of the secret (:data:`KEYED_COLUMNS`) is
remapped through one old -> new map per kind of key, so joins between tables
keep holding. A key whose plain text is still known (``pii.person``,
``pii.stay_permit``, the staging rows of unpurged batches) is recomputed with
the new secret, exactly as a build would compute it; a key whose personal
data retention purged is re-derived from the old key alone,
``HMAC(new, 'rekey|' || old key)``: still pseudonymous and stable, but a
person purged and seen again after the rotation starts a new history.

Order, and what a crash leaves (file-held secret):

1. the new secret is written to ``var/person.key.pending`` (mode 600, fsync);
2. one transaction under the build lock: check the warehouse's fingerprint is
   the current secret's, remap every keyed column, replace the fingerprint,
   log the rotation in ``audit.person_key_rotation``; commit;
3. the old secret is copied to ``var/person.key.<UTC time>`` (recovery) and
   the pending file renamed over ``var/person.key`` (atomic).

Dying before the commit changes nothing in the warehouse (the pending file is
stale and a rerun replaces it). Dying after the commit but before step 3
leaves the warehouse on the pending secret: builds stop with ``KeyMismatch``
(never a silent re-keying), and rerunning ``pantau person-key rotate`` sees
the fingerprint equals the pending secret's and only finishes step 3. With
``PANTAU_PERSON_KEY`` (a secret store) no file is written: the operator puts
the new secret in the store after the commit; a rerun with the new secret
finds nothing to do.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import psycopg

from pantau.build.integrity import check_references
from pantau.config import Settings, get_settings
from pantau.warehouse import person_key, sql_files
from pantau.warehouse.connection import connect
from pantau.warehouse.locks import BUILD_LOCK
from pantau.warehouse.person_key import interrupted_hint, pending_file

log = logging.getLogger(__name__)

NEW_ENV = "PANTAU_PERSON_KEY_NEW"
REKEY_PREFIX = "rekey|"

# Every column holding a keyed hash of the secret, by kind of key.
KEYED_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "person": (("pii.person", "person_key"), ("core.dim_person", "person_key"),
               ("core.fact_stay_permit", "person_key"), ("core.fact_admin_action", "person_key"),
               ("core.fact_population_document", "person_key"),
               ("core.fact_rptka_position", "person_key"),
               ("core.fact_person_status", "person_key"),
               ("core.fact_discrepancy", "person_key"), ("core.document_link", "person_key"),
               ("mart.followup", "person_key"), ("mart.target_worker", "person_key")),
    "permit": (("pii.stay_permit", "permit_key"), ("core.fact_stay_permit", "permit_key"),
               ("core.fact_population_document", "permit_key")),
    "position": (("core.fact_rptka_position", "position_key"),),
    # Indonesians of the PMI exports: keyed NIKs, passports and name + birth date + origin.
    "pmi": (("pii.pmi_identity", "identity_key"), ("core.dim_pmi_person", "person_key"),
            ("core.pmi_identity_map", "identity_key"), ("core.pmi_identity_map", "person_key"),
            *((f"core.{fact}", column)
              for fact in ("fact_pmi_placement", "fact_passport_application",
                           "fact_departure_postponement", "fact_pmi_return")
              for column in ("nik_key", "passport_key", "name_key")),
            ("core.fact_pmi_indication", "person_key"), ("mart.pmi_followup", "person_key")),
}
KEY_COLUMN_NAMES = ("person_key", "permit_key", "position_key", "identity_key", "nik_key",
                    "passport_key", "name_key")


class RotationError(RuntimeError):
    """The rotation cannot start: wrong current secret, no new one, an unknown keyed column."""


@dataclass
class RotationResult:
    """What a run did: ``rotated``, ``finished`` (an interrupted run's last step) or ``nothing``."""

    outcome: str
    old_fingerprint: str
    new_fingerprint: str
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    backup: Path | None = None
    from_environment: bool = False


def unknown_keyed_columns(conn: psycopg.Connection) -> list[str]:
    """Keyed-looking columns of the warehouse that :data:`KEYED_COLUMNS` does not remap
    (``rotation/keyed_looking_columns.sql``)."""
    known = {f"{table}.{column}" for columns in KEYED_COLUMNS.values()
             for table, column in columns}
    rows = conn.execute(sql_files.render("rotation/keyed_looking_columns.sql"),
                        {"names": list(KEY_COLUMN_NAMES)}).fetchall()
    return [name for (name,) in rows if name not in known]


def _key_map(conn: psycopg.Connection, kind: str) -> dict[str, int]:
    """Temp table rk_<kind>(old_key, new_key): every key of ``kind`` in the warehouse
    (``rotation/key_map.sql``; where plain text is still read: ``rotation/plain_text.sql``)."""
    conn.execute(sql_files.render("rotation/key_map.sql", kind=kind,
                                  columns=KEYED_COLUMNS[kind], rekey_prefix=REKEY_PREFIX))
    rederived, total = conn.execute(
        f"SELECT count(*) FILTER (WHERE rederived), count(*) FROM rk_{kind}").fetchone()
    return {"recomputed": total - rederived, "rederived": rederived}


def rekey(conn: psycopg.Connection, old: bytes, new: bytes) -> dict[str, dict[str, int]]:
    """Remap every keyed column from ``old`` to ``new`` in the caller's transaction.

    The caller holds the build lock and has checked the fingerprint. The key
    pads are bound server-side into a temp table (``rotation/pads.sql``), never
    written into SQL text.
    """
    unknown = unknown_keyed_columns(conn)
    if unknown:
        raise RotationError(f"columns {', '.join(unknown)} look keyed but the rotation does "
                            "not remap them: add them to key_rotation.KEYED_COLUMNS")
    old_pads, new_pads = person_key.pads(old), person_key.pads(new)
    conn.execute(sql_files.render("rotation/pads.sql"))
    conn.execute("INSERT INTO rotation_pads (old_inner, old_outer, new_inner, new_outer) "
                 "VALUES (%s, %s, %s, %s)",
                 (old_pads.inner, old_pads.outer, new_pads.inner, new_pads.outer))
    counts = {}
    for kind, columns in KEYED_COLUMNS.items():
        counts[kind] = _key_map(conn, kind)
        for table, column in columns:
            updated = conn.execute(sql_files.render(
                "rotation/remap.sql", table=table, column=column, kind=kind)).rowcount
            counts[kind][f"{table}.{column}"] = updated
    check_references(conn)  # every fact still finds its person (the keys are not enforced)
    conn.execute("DELETE FROM core.person_key_check")
    conn.execute("INSERT INTO core.person_key_check (fingerprint) VALUES (%s)",
                 (person_key.fingerprint(new),))
    conn.execute(sql_files.render("rotation/record_rotation.sql"), {
        "old_fingerprint": person_key.fingerprint(old),
        "new_fingerprint": person_key.fingerprint(new), "detail": json.dumps(counts)})
    return counts


def _install(settings: Settings, current: bytes, pending: Path) -> Path:
    """Step 3: keep the old secret for recovery, then put the pending one in place."""
    path = person_key.key_file(settings)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    backup = path.with_name(f"{person_key.FILE_NAME}.{stamp}")
    person_key.write_key_file(backup, current)
    pending.replace(path)  # atomic: var/person.key is the old secret or the new, never neither
    person_key.sync_folder(path.parent)
    return backup


def rotate(new_secret: bytes | None = None, settings: Settings | None = None,
           url: str | None = None) -> RotationResult:
    """Re-key the warehouse to a new secret and store it (see the module doc for the order).

    ``new_secret``: required when the secret comes from ``PANTAU_PERSON_KEY``;
    otherwise optional (default: 32 random bytes, as hex).
    """
    settings = settings or get_settings()
    from_env = person_key.from_environment()
    current = person_key.secret(settings)
    pending = pending_file(settings)
    if from_env and not new_secret:
        raise RotationError(f"{person_key.ENV} is set: give the new secret in {NEW_ENV} "
                            "(or --new-secret-env), then put it in your secret store")
    with connect(None, url=url) as conn:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (BUILD_LOCK,))
        row = conn.execute("SELECT fingerprint FROM core.person_key_check").fetchone()
        known = row[0] if row else None
        if not from_env and pending.exists():
            waiting = person_key.read_key_file(pending)
            if known == person_key.fingerprint(waiting):  # committed, file step not done
                conn.rollback()
                backup = _install(settings, current, pending)
                return RotationResult("finished", person_key.fingerprint(current),
                                      known, backup=backup)
            pending.unlink()  # a run that died before its commit: start again
        new = new_secret or person_key.new_secret()
        if known is not None and known == person_key.fingerprint(new):  # done already
            return RotationResult("nothing", person_key.fingerprint(current), known,
                                  from_environment=from_env)
        if new == current:
            raise RotationError("the new secret is the current one")
        if known is not None and known != person_key.fingerprint(current):
            raise RotationError(
                f"the current secret ({person_key.ENV} or var/person.key) is not the one this "
                "warehouse was built with: restore it before rotating" + interrupted_hint())
        if not from_env:
            person_key.write_key_file(pending, new)
        counts = rekey(conn, current, new) if known is not None else {}
        conn.commit()
    log.info("person keys re-keyed: %s", counts)
    backup = None if from_env else _install(settings, current, pending)
    return RotationResult("rotated", person_key.fingerprint(current),
                          person_key.fingerprint(new), counts, backup, from_env)

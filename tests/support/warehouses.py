"""Databases of their own on the session's server: empty, cloned from a template, or a snapshot.

Migrating a database takes seconds; copying one takes a fraction of that. So
the session migrates one template database, and every test (or module) that
needs a warehouse at head gets a copy of it (``CREATE DATABASE ... TEMPLATE``).
Heavier states (a built demo) are made once the same way: built in a database
that then becomes a template, with the files it refers to kept beside it.
Grants live on the copied objects and roles are cluster-wide, so a copy holds
the same rights as the database it was made from.
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

# WAL_LOG (PostgreSQL's default) copies block by block through the WAL; FILE_COPY
# copies the files after a checkpoint. For a migrated warehouse of a few MB the
# WAL copy measured faster on the embedded server (no checkpoint per clone).
CLONE_STRATEGY = "WAL_LOG"


@dataclass(frozen=True)
class Snapshot:
    """A template database and the archive of delivered files its batches point at."""

    template: str
    archive: Path


@dataclass(frozen=True)
class Gated:
    """The demo month ingested in one go and through the gate once: the state and what
    the ingest and the gate said."""

    snapshot: Snapshot
    outcomes: list  # pantau.ingest.pipeline.FileOutcome, one per file
    report: object  # pantau.quality.gate.GateReport


def database_url(server_url: str, name: str) -> str:
    from pantau.warehouse.connection import _with_database

    return _with_database(server_url, name)


def _new_name(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex[:12]}"


def create_database(server_url: str, prefix: str = "test", template: str | None = None) -> str:
    """A new database, empty or a copy of ``template``; its name is returned."""
    name = _new_name(prefix)
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template is not None:
        statement = sql.SQL("CREATE DATABASE {} TEMPLATE {} STRATEGY {}").format(
            sql.Identifier(name), sql.Identifier(template), sql.SQL(CLONE_STRATEGY))
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(statement)
    return name


def drop_database(server_url: str, name: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} WITH IS_TEMPLATE false").format(
            sql.Identifier(name)))
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def temporary_database(server_url: str, prefix: str = "test",
                       template: str | None = None) -> Iterator[str]:
    """A new database (empty, or a copy of ``template``); dropped when the block ends."""
    name = create_database(server_url, prefix, template)
    try:
        yield database_url(server_url, name)
    finally:
        drop_database(server_url, name)


def freeze_as_template(server_url: str, name: str) -> None:
    """Make ``name`` a template nobody can connect to any more.

    A copy needs the source database to have no session; whatever the build left
    open (a pooled engine) is ended here, and refusing new connections makes a
    later stray one fail loudly instead of blocking every copy.
    """
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false IS_TEMPLATE true")
                     .format(sql.Identifier(name)))
        conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                     "WHERE datname = %s AND pid <> pg_backend_pid()", (name,))


@contextmanager
def using_warehouse(url: str, archive_dir: Path | str) -> Iterator[str]:
    """Pantau's own code uses ``url`` and ``archive_dir`` until the block ends."""
    from pantau.config import get_settings

    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PANTAU_WAREHOUSE_URL", url)
            patch.setenv("PANTAU_ARCHIVE_DIR", str(archive_dir))
            get_settings.cache_clear()
            yield url
    finally:
        get_settings.cache_clear()


@contextmanager
def template_at_head(server_url: str) -> Iterator[str]:
    """A database migrated to head, frozen as a template; dropped when the block ends."""
    from pantau.warehouse import migrate

    name = create_database(server_url, "template_head")
    try:
        migrate.upgrade(database_url(server_url, name))
        freeze_as_template(server_url, name)
        yield name
    finally:
        drop_database(server_url, name)


@contextmanager
def warehouse_copy(server_url: str, source: str | Snapshot, archive_dir: Path | str,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A copy of ``source`` that Pantau's code uses through ``monkeypatch``; dropped after.

    ``source`` is the migrated template's name, or a :class:`Snapshot`, whose
    archive is copied into ``archive_dir`` so that the copy finds every file its
    batches name and may change them without touching the snapshot.
    """
    from pantau.config import get_settings

    template = source.template if isinstance(source, Snapshot) else source
    if isinstance(source, Snapshot):
        shutil.copytree(source.archive, archive_dir, dirs_exist_ok=True)
    with temporary_database(server_url, "test", template) as url:
        monkeypatch.setenv("PANTAU_WAREHOUSE_URL", url)
        monkeypatch.setenv("PANTAU_ARCHIVE_DIR", str(archive_dir))
        get_settings.cache_clear()
        try:
            yield url
        finally:
            get_settings.cache_clear()


@contextmanager
def module_warehouse(server_url: str, archive_dir: Path | str,
                     source: str | Snapshot) -> Iterator[str]:
    """:func:`warehouse_copy` for a whole module, with a monkeypatch of its own."""
    with pytest.MonkeyPatch.context() as patch, \
            warehouse_copy(server_url, source, archive_dir, patch) as url:
        yield url


def build_snapshot(server_url: str, template: str, prefix: str, archive_dir: Path,
                   build: Callable[[str], object]) -> Snapshot:
    """Build a state once: ``build(url)`` on a copy of ``template`` that Pantau's code uses,
    archiving into ``archive_dir``; the copy is then frozen as a template (drop it after)."""
    name = create_database(server_url, prefix, template)
    try:
        with using_warehouse(database_url(server_url, name), archive_dir) as url:
            build(url)
        freeze_as_template(server_url, name)
    except BaseException:
        drop_database(server_url, name)
        raise
    return Snapshot(name, archive_dir)

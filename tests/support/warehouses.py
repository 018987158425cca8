"""Databases of their own on the session's server: one per test, or one for a whole module."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import sql


@contextmanager
def temporary_database(server_url: str, prefix: str = "test") -> Iterator[str]:
    """A new, empty database on the server; dropped when the block ends."""
    from pantau.warehouse.connection import _with_database

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield _with_database(server_url, name)
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@contextmanager
def module_warehouse(server_url: str, archive_dir: str) -> Iterator[str]:
    """A migrated database that Pantau's code uses until the block ends; dropped after."""
    from pantau.config import get_settings
    from pantau.warehouse import migrate

    with temporary_database(server_url, "test_m") as url:
        try:
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("PANTAU_WAREHOUSE_URL", url)
                patch.setenv("PANTAU_ARCHIVE_DIR", archive_dir)
                get_settings.cache_clear()
                migrate.upgrade(url)
                yield url
        finally:
            get_settings.cache_clear()

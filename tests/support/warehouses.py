"""A warehouse database of its own for a whole test module (fixtures set it up once)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
from psycopg import sql


@contextmanager
def module_warehouse(server_url: str, archive_dir: str) -> Iterator[str]:
    """A migrated database that Pantau's code uses until the block ends; dropped after."""
    from pantau.config import get_settings
    from pantau.warehouse import migrate

    name = f"test_m_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = server_url.replace("/postgres?", f"/{name}?")
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("PANTAU_WAREHOUSE_URL", url)
            patch.setenv("PANTAU_ARCHIVE_DIR", archive_dir)
            get_settings.cache_clear()
            migrate.upgrade(url)
            yield url
    finally:
        get_settings.cache_clear()
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))

"""One way to reach the warehouse, whichever PostgreSQL it is.

``PANTAU_WAREHOUSE_URL`` names any PostgreSQL; without it the embedded server
is started on demand and its ``pantau`` database created. The URL may be a
Unix-socket one (``postgresql://user:@/db?host=/path``): libpq, psycopg and
SQLAlchemy's psycopg dialect all accept it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

from pantau.config import Settings, get_settings
from pantau.warehouse import embedded

ROLES = {
    "loader": "pantau_loader",
    "reporter": "pantau_reporter",
    "auditor": "pantau_auditor",
}

# Reloadable server settings for the embedded warehouse: bulk COPY and
# set-based transforms want large maintenance memory and rare checkpoints.
_EMBEDDED_TUNING = {
    "max_wal_size": "4GB",
    "work_mem": "64MB",
    "maintenance_work_mem": "512MB",
}


class WarehouseError(RuntimeError):
    """The warehouse cannot be reached or is not ready; the message says what to do."""


class WarehouseUnreachable(WarehouseError):
    """The connection failed: the server is down, restarting or out of connections."""


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{database}"))


def _ensure_embedded_database(server_url: str, database: str) -> None:
    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (database,)
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))
        for name, value in _EMBEDDED_TUNING.items():
            current = conn.execute("SELECT current_setting(%s)", (name,)).fetchone()
            if current and current[0] != value:
                conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(
                    sql.Identifier(name), sql.Literal(value)))
                conn.execute("SELECT pg_reload_conf()")


def warehouse_url(settings: Settings | None = None) -> str:
    """The libpq URL of the warehouse database, starting the embedded one if needed."""
    settings = settings or get_settings()
    if settings.warehouse_url:
        return settings.warehouse_url
    server_url = embedded.start(settings.pgdata)
    _ensure_embedded_database(server_url, settings.database)
    return _with_database(server_url, settings.database)


def sqlalchemy_url(url: str) -> str:
    """The same URL for SQLAlchemy's psycopg 3 dialect."""
    scheme, rest = url.split("://", 1)
    if scheme in {"postgres", "postgresql"}:
        scheme = "postgresql+psycopg"
    return f"{scheme}://{rest}"


def redact(url: str) -> str:
    """The URL with any password replaced, safe for logs and terminal output."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


@contextmanager
def connect(
    role: str | None = "loader",
    *,
    url: str | None = None,
    autocommit: bool = False,
) -> Iterator[psycopg.Connection]:
    """A psycopg connection acting as one of Pantau's roles (``None``: the login user).

    Taking the role with ``SET ROLE`` makes every command run with exactly the
    privileges that role was granted, so a missing grant fails in tests, not
    in production.
    """
    url = url or warehouse_url()
    try:
        conn = psycopg.connect(url, autocommit=autocommit)
    except psycopg.OperationalError as exc:
        raise WarehouseUnreachable(
            f"cannot connect to the warehouse at {redact(url)}: {exc}") from exc
    try:
        if role is not None:
            try:
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(ROLES[role])))
            except psycopg.errors.InvalidParameterValue as exc:
                raise WarehouseError(
                    f"role {ROLES[role]} does not exist: run `pantau warehouse migrate`"
                ) from exc
            if not autocommit:
                conn.commit()
        yield conn
    finally:
        conn.close()

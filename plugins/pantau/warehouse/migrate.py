"""Schema migrations: Alembic keeps the version, each revision's SQL lies beside it.

Each revision in ``migrations/versions`` lists the SQL files it applies, in
order, from its own folder (``0003_star_schema.py`` runs files from
``0003_star_schema/``). Those files are history, frozen: a database migrated
years ago and one migrated today went through the same statements. How the
schema stands today, one file per table, is in ``sql/`` (its layer folders and
``sql/schema.sql``); a test proves that the two agree.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command, op
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from pantau.warehouse.connection import sqlalchemy_url, warehouse_url

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def run_sql_files(folder: Path, relative_paths: list[str]) -> None:
    """Execute a revision's SQL files, paths relative to its ``folder``, on its connection.

    Files run through psycopg's simple-query path (no parameters) so that one
    file may hold several statements and ``DO`` blocks. The folder ships inside
    the package, so an installed (non-editable) Pantau migrates without a checkout.
    """
    dbapi = op.get_bind().connection.dbapi_connection
    for relative in relative_paths:
        dbapi.execute((folder / relative).read_text(encoding="utf-8"))


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head() -> str:
    """The newest revision this code knows."""
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def _run(action, url: str | None, revision: str) -> None:
    engine = create_engine(sqlalchemy_url(url or warehouse_url()), poolclass=NullPool)
    try:
        with engine.begin() as connection:
            config = _config()
            config.attributes["connection"] = connection
            action(config, revision)
    finally:
        engine.dispose()


def upgrade(url: str | None = None, revision: str = "head") -> None:
    """Bring the warehouse schema forward (idempotent: nothing to do at head)."""
    _run(command.upgrade, url, revision)


def downgrade(url: str | None = None, revision: str = "base") -> None:
    _run(command.downgrade, url, revision)


def current(url: str | None = None) -> str | None:
    """The revision the warehouse is at (None: never migrated)."""
    engine = create_engine(sqlalchemy_url(url or warehouse_url()), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()

"""``sql/schema.sql``: the whole warehouse schema in one file, as ``pg_dump`` prints it.

The migrations are history and ``sql/``'s layer folders are one file per table;
this is the third view, the one a reviewer diffs: what a database migrated to
head holds. ``make schema`` rewrites it (``python -m pantau.warehouse.schema_dump
sql/schema.sql``); a test fails while the committed file is stale.

The dump is made deterministic:

* a fresh PostgreSQL cluster of the embedded wheel's version (the one the tests
  run), its superuser ``postgres`` migrating, so the default privileges read
  ``FOR ROLE postgres`` whoever runs the command;
* ``--no-owner``: who owns the tables depends on who migrates a deployment;
* Alembic's ``public.alembic_version`` left out: it is bookkeeping, not schema;
* a fixed ``\\restrict`` key (pg_dump picks a random one per run otherwise).

Privileges stay in: who may read what is part of the schema.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
from psycopg import sql

from pantau.warehouse import embedded, migrate
from pantau.warehouse.connection import _with_database

# psql's \restrict key guards a restore against meta-commands a hostile server
# could smuggle into a dump; this file is written from a cluster of our own.
RESTRICT_KEY = "pantauschema"
_DATABASE = "pantau_schema"


def dump_schema(url: str) -> str:
    """The schema of the database at ``url`` as ``sql/schema.sql`` holds it."""
    completed = subprocess.run(
        [str(embedded.binary("pg_dump")), "--schema-only", "--no-owner",
         "--exclude-table=public.alembic_version", f"--restrict-key={RESTRICT_KEY}",
         f"--dbname={url}"],
        capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"pg_dump failed: {completed.stderr.strip()}")
    return completed.stdout


def migrated_schema() -> str:
    """Migrate a new database in a throwaway cluster to head and dump its schema."""
    scratch = Path(tempfile.mkdtemp(prefix="pantau-schema-"))
    pgdata = scratch / "pgdata"
    try:
        server_url = embedded.start(pgdata)
        try:
            with psycopg.connect(server_url, autocommit=True) as conn:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(_DATABASE)))
            url = _with_database(server_url, _DATABASE)
            migrate.upgrade(url)
            return dump_schema(url)
        finally:
            embedded.stop(pgdata)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Write the dump to the file given, or with ``--check`` exit 1 when the file is stale."""
    args = sys.argv[1:] if argv is None else argv
    check = "--check" in args
    paths = [arg for arg in args if arg != "--check"]
    if len(paths) != 1:
        print("usage: python -m pantau.warehouse.schema_dump [--check] sql/schema.sql",
              file=sys.stderr)
        return 2
    target = Path(paths[0])
    dumped = migrated_schema()
    if check:
        if target.exists() and target.read_text(encoding="utf-8") == dumped:
            print(f"{target} is up to date")
            return 0
        print(f"{target} is stale: run `make schema` and commit it", file=sys.stderr)
        return 1
    target.write_text(dumped, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``pantau warehouse ...``: start, stop, inspect and migrate the warehouse."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from pantau.config import get_settings
from pantau.terminal import console

warehouse_app = typer.Typer(help="The PostgreSQL warehouse (embedded by default).",
                            no_args_is_help=True)


@warehouse_app.command("start")
def warehouse_start() -> None:
    """Start the embedded warehouse (no-op when PANTAU_WAREHOUSE_URL is set) and migrate it."""
    from pantau.warehouse import migrate
    from pantau.warehouse.connection import redact, warehouse_url

    url = warehouse_url()
    migrate.upgrade(url)
    console.print(f"warehouse ready at [bold]{redact(url)}[/] (schema {migrate.current(url)})")


@warehouse_app.command("stop")
def warehouse_stop() -> None:
    """Stop the embedded warehouse."""
    from pantau.warehouse import embedded

    settings = get_settings()
    if not settings.uses_embedded_warehouse:
        console.print("PANTAU_WAREHOUSE_URL is set: the external warehouse is not Pantau's to stop")
        return
    stopped = embedded.stop(settings.pgdata)
    console.print("warehouse stopped" if stopped else "warehouse was not running")


@warehouse_app.command("status")
def warehouse_status() -> None:
    """Say whether the warehouse runs and which schema revision it is at."""
    from pantau.warehouse import embedded, migrate
    from pantau.warehouse.connection import redact

    settings = get_settings()
    if not settings.uses_embedded_warehouse:
        url = settings.warehouse_url or ""
        console.print(f"external warehouse {redact(url)}; schema {migrate.current(url)} "
                      f"(code at {migrate.head()})")
        return
    state = embedded.status(settings.pgdata)
    if not state.running:
        note = "initialised" if state.initialised else "not initialised"
        console.print(f"embedded warehouse stopped ({note}; data in {state.pgdata})")
        raise typer.Exit(3)
    from pantau.warehouse.connection import warehouse_url

    url = warehouse_url(settings)
    console.print(f"embedded warehouse running, pid {state.pid}, data in {state.pgdata}")
    console.print(f"url {redact(url)}; schema {migrate.current(url)} (code at {migrate.head()})")


@warehouse_app.command("url")
def warehouse_url_command() -> None:
    """Print the warehouse URL (starting the embedded server if needed)."""
    from pantau.warehouse.connection import warehouse_url

    print(warehouse_url())


@warehouse_app.command("psql", context_settings={"allow_extra_args": True,
                                                 "ignore_unknown_options": True})
def warehouse_psql(ctx: typer.Context) -> None:
    """Open psql on the warehouse; extra arguments go to psql (e.g. -c 'SELECT 1')."""
    from pantau.warehouse import embedded
    from pantau.warehouse.connection import warehouse_url

    psql = embedded.binary("psql")
    os.execv(psql, [str(psql), warehouse_url(), *ctx.args])


@warehouse_app.command("migrate")
def warehouse_migrate(
    revision: Annotated[str, typer.Argument(help="target revision")] = "head",
) -> None:
    """Apply the schema migrations (sql/ through Alembic) up to REVISION."""
    from pantau.warehouse import migrate

    migrate.upgrade(revision=revision)
    console.print(f"warehouse schema at {migrate.current()}")

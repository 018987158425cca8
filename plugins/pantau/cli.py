"""The ``pantau`` command: the same functions the Airflow tasks call."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from pantau.config import get_settings

app = typer.Typer(
    help="Pantau: monitoring data on foreign nationals and foreign workers (TKA).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
warehouse_app = typer.Typer(help="The PostgreSQL warehouse (embedded by default).",
                            no_args_is_help=True)
app.add_typer(warehouse_app, name="warehouse")
# Outside a terminal (make, CI, Airflow logs) rich would wrap at 80 columns.
console = Console(width=None if sys.stdout.isatty() else 160)


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


# ------------------------------------------------------------------ warehouse


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


# --------------------------------------------------------------------- ingest


def _summary_table(outcomes) -> Table:
    table = Table(title="Ingest summary", show_lines=False)
    for name, justify in (("file", "left"), ("source", "left"), ("status", "left"),
                          ("batch", "right"), ("rows", "right"), ("problems", "right"),
                          ("note", "left")):
        table.add_column(name, justify=justify, overflow="fold")
    colours = {"loaded": "green", "duplicate": "yellow", "rejected": "red",
               "unrecognised": "red", "error": "red"}
    for outcome in outcomes:
        table.add_row(
            outcome.path.name,
            outcome.source or "-",
            f"[{colours.get(outcome.status, 'white')}]{outcome.status}[/]",
            str(outcome.batch_id or "-"),
            f"{outcome.rows:,}",
            f"{outcome.problems:,}",
            outcome.message or "",
        )
    return table


def _print_totals(outcomes) -> None:
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
    rows = sum(o.rows for o in outcomes)
    parts = [f"{n} {status}" for status, n in sorted(counts.items())]
    console.print(f"{len(outcomes)} files: {', '.join(parts) or 'none'}; {rows:,} rows loaded")


def run_ingest(paths: list[Path]) -> int:
    """Ingest ``paths``, print the summary, return the exit code."""
    from pantau.ingest.pipeline import ingest_paths
    from pantau.warehouse import migrate

    settings = get_settings()
    if settings.uses_embedded_warehouse:
        migrate.upgrade()
    outcomes = ingest_paths(paths, settings)
    console.print(_summary_table(outcomes))
    _print_totals(outcomes)
    failed = [o for o in outcomes if o.status in {"rejected", "unrecognised", "error"}]
    return 1 if failed else 0


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or landing folders", exists=True)],
) -> None:
    """Ingest agency exports: archive, register, load raw and staging. Exit 1 if any file failed."""
    raise typer.Exit(run_ingest(paths))


# ----------------------------------------------------------------------- demo


@app.command()
def demo(
    landing: Annotated[Path | None, typer.Option(help="landing folder to ingest")] = None,
) -> None:
    """The main job on the embedded default: start the warehouse, migrate, ingest the samples."""
    from pantau.reporting.warehouse_summary import print_warehouse_summary
    from pantau.warehouse import migrate
    from pantau.warehouse.connection import redact, warehouse_url

    settings = get_settings()
    landing = landing or settings.home / "tests" / "data" / "landing"
    url = warehouse_url(settings)
    migrate.upgrade(url)
    console.print(f"warehouse: {redact(url)} (schema {migrate.current(url)})")
    console.print(f"ingesting sample exports from {landing}")
    code = run_ingest([landing])
    print_warehouse_summary(console, url)
    console.print(f"raw files archived under {settings.archive_dir}")
    console.print("explore: [bold].venv/bin/pantau warehouse psql[/]")
    raise typer.Exit(code)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

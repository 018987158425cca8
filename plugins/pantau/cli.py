"""The ``pantau`` command: the same functions the Airflow tasks call."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.bench.cli import bench
from pantau.chaos.cli import chaos
from pantau.config import get_settings
from pantau.ingest.cli import archive_app
from pantau.orchestration.cli import airflow_app, demo, run
from pantau.quality.cli import quality_app, quarantine_app, run_validation, validate
from pantau.terminal import console

app = typer.Typer(
    help="Pantau: monitoring data on foreign nationals and foreign workers (TKA).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
warehouse_app = typer.Typer(help="The PostgreSQL warehouse (embedded by default).",
                            no_args_is_help=True)
app.add_typer(warehouse_app, name="warehouse")
app.add_typer(quality_app, name="quality")
app.add_typer(quarantine_app, name="quarantine")
app.add_typer(airflow_app, name="airflow")
app.add_typer(archive_app, name="archive")
person_key_app = typer.Typer(help="The secret behind the pseudonymous person, permit and "
                             "position keys.", no_args_is_help=True)
app.add_typer(person_key_app, name="person-key")
app.command()(validate)
app.command()(run)
app.command()(demo)
app.command()(bench)
app.command()(chaos)


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


MAX_LISTED_FILES = 40


def _grouped_table(outcomes) -> Table:
    """One line per source and status when there are too many files to list."""
    table = Table(title="Ingest summary (per source; files not loaded are listed below)")
    for name, justify in (("source", "left"), ("status", "left"), ("files", "right"),
                          ("rows", "right"), ("problems", "right")):
        table.add_column(name, justify=justify)
    groups: dict[tuple[str, str], list] = {}
    for outcome in outcomes:
        groups.setdefault((outcome.source or "-", outcome.status), []).append(outcome)
    for (source, status), members in sorted(groups.items()):
        table.add_row(source, status, f"{len(members):,}", f"{sum(o.rows for o in members):,}",
                      f"{sum(o.problems for o in members):,}")
    return table


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


def run_ingest(paths: list[Path], validate: bool = True) -> int:
    """Ingest ``paths`` and validate what was loaded; print both; return the exit code."""
    from pantau.ingest.pipeline import ingest_paths
    from pantau.warehouse import migrate

    settings = get_settings()
    if settings.uses_embedded_warehouse:
        migrate.upgrade()
    outcomes = ingest_paths(paths, settings)
    if len(outcomes) > MAX_LISTED_FILES:
        console.print(_grouped_table(outcomes))
        not_loaded = [o for o in outcomes if o.status not in {"loaded", "duplicate"}]
        if not_loaded:
            console.print(_summary_table(not_loaded))
    else:
        console.print(_summary_table(outcomes))
    _print_totals(outcomes)
    failed = [o for o in outcomes if o.status in {"rejected", "unrecognised", "error"}]
    # The gate judges the batches this run loaded; older waiting ones are `pantau validate`'s.
    loaded = [o.batch_id for o in outcomes if o.status == "loaded"]
    gate = run_validation(batch_ids=loaded) if validate and loaded else 0
    return 1 if failed or gate else 0


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or landing folders", exists=True)],
    validate: Annotated[bool, typer.Option(
        help="run the quality gate on the loaded batches (else: `pantau validate` later)")]
        = True,
) -> None:
    """Ingest agency exports: archive, register, load raw and staging, validate.

    Exit 1 if any file was rejected, at ingest or by the quality gate.
    """
    raise typer.Exit(run_ingest(paths, validate))


# ---------------------------------------------------------------------- build


def run_build(periods: list[str]) -> int:
    """Build each period, print what it found; exit code 2 for a bad period."""
    from pantau.periods import Period
    from pantau.reconcile.build import RULE_CODES, build_period

    try:
        parsed = [Period.parse(p) for p in periods]
    except ValueError as exc:
        console.print(f"[red]build: {exc}[/]")
        return 2
    table = Table(title="Reconciliation: persons per rule")
    table.add_column("period")
    table.add_column("batches loaded", justify="right")
    table.add_column("snapshots used", justify="right")
    for code in RULE_CODES:
        table.add_column(code.replace("_", " ").lower(), justify="right")
    table.add_column("seconds", justify="right")
    for period in parsed:
        result = build_period(period)
        table.add_row(result.period, f"{result.batches_loaded:,}", f"{result.batches_used:,}",
                      *[f"{result.discrepancies[c]:,}" for c in RULE_CODES],
                      f"{result.seconds:.1f}")
    console.print(table)
    return 0


@app.command()
def build(
    period: Annotated[list[str] | None, typer.Option(
        help="YYYY-MM, YYYY-Qn or YYYY-Sn (repeatable)")] = None,
    stale: Annotated[bool, typer.Option(
        help="rebuild every built period whose snapshots changed since (late files, "
             "decisions)")] = False,
) -> None:
    """Build core and marts for periods: latest snapshot per source on or before the date."""
    from pantau.reconcile.build import stale_periods
    from pantau.warehouse import migrate

    if get_settings().uses_embedded_warehouse:
        migrate.upgrade()
    periods = list(period or [])
    if stale:
        changed = stale_periods()
        console.print(f"stale periods: {', '.join(changed) or 'none'}")
        periods += [p for p in changed if p not in periods]
    if not periods:
        console.print("[red]build: give --period (or --stale)[/]")
        raise typer.Exit(2)
    raise typer.Exit(run_build(periods))


# --------------------------------------------------------------------- report


def run_report(period_text: str, output: Path, regions: list[str] | None) -> int:
    """Render a built period's reports, print where they are; exit 2 if not built."""
    from pantau.periods import Period
    from pantau.reports.context import NotBuilt
    from pantau.reports.render import render_period

    try:
        period = Period.parse(period_text)
        rendered = render_period(period, output, regions)
    except (ValueError, NotBuilt) as exc:
        console.print(f"[red]report: {exc}[/]")
        return 2
    table = Table(title=f"Reports for {period}")
    for name in ("region", "directory", "content sha256"):
        table.add_column(name, overflow="fold")
    for item in rendered:
        table.add_row(item.region_code, str(item.directory), item.content_sha256[:16])
    console.print(table)
    return 0


@app.command()
def report(
    period: Annotated[str, typer.Option(help="YYYY-Qn (regencies), YYYY-Sn (provinces), YYYY-MM")],
    output: Annotated[Path, typer.Option(help="output directory (default var/reports)")]
        = Path("var/reports"),
    region: Annotated[list[str] | None, typer.Option(
        help="region code (62.71 or 62), repeatable; default every region with data")] = None,
) -> None:
    """Render monitoring reports (HTML, PDF, XLSX, figures.json, manifest) from the marts."""
    raise typer.Exit(run_report(period, output, region or None))


@app.command()
def deliver(
    period: Annotated[str, typer.Option(help="the period whose rendered reports go out")],
) -> None:
    """Queue rendered reports in each recipient's outbox; mail them when SMTP is configured.

    A report goes to a recipient once per content; failed sends are retried on the next run.
    """
    from pantau.reports.delivery import deliver as deliver_reports

    result = deliver_reports(period)
    console.print(f"{result.queued} queued in var/outbox, {result.sent} sent"
                  + (f", [red]{len(result.failed)} failed[/]: {'; '.join(result.failed)}"
                     if result.failed else ""))
    raise typer.Exit(1 if result.failed else 0)


# ------------------------------------------------------- person key, retention


@person_key_app.command("rotate")
def person_key_rotate(
    new_secret_env: Annotated[str, typer.Option(
        help="environment variable holding the new secret (required, and only read, when "
             "PANTAU_PERSON_KEY is set)")] = "PANTAU_PERSON_KEY_NEW",
) -> None:
    """Re-key the warehouse to a new person-key secret, then store the secret.

    \b
    Procedure (README "Rotating the person-key secret"):
    1. pause the Pantau DAGs (or stop the scheduler) and back up the warehouse;
    2. run this command. In one transaction under the build lock every keyed
       column (persons, stay permits, RPTKA positions; pii, core, marts) is
       remapped and the warehouse's key fingerprint replaced. Keys whose
       personal data retention purged become HMAC(new, 'rekey|' || old key);
    3. with var/person.key: the new secret is written to
       var/person.key.pending before the transaction, and after the commit
       the old one is kept as var/person.key.<UTC time> and the new one
       renamed into var/person.key (mode 600). Interrupted? Run it again:
       it finishes or starts over, whichever the warehouse says;
       with PANTAU_PERSON_KEY: put the new secret (from --new-secret-env) in
       your secret store, replace PANTAU_PERSON_KEY everywhere, restart the
       workers;
    4. unpause; builds with the old secret now stop with KeyMismatch.
    """
    from pantau.warehouse import key_rotation, migrate, person_key

    settings = get_settings()
    if settings.uses_embedded_warehouse:
        migrate.upgrade()
    new = (os.environ.get(new_secret_env, "").encode("utf-8") or None
           if person_key.from_environment() else None)  # else: a random one
    try:
        result = key_rotation.rotate(new, settings)
    except key_rotation.RotationError as exc:
        console.print(f"[red]person-key rotate: {exc}[/]")
        raise typer.Exit(2) from None
    if result.outcome == "nothing":
        console.print("the warehouse already uses the new secret: nothing to re-key")
    elif result.outcome == "finished":
        console.print(f"an interrupted rotation finished: var/person.key holds the new secret "
                      f"(old one kept in {result.backup})")
    else:
        for kind, counts in result.counts.items():
            console.print(f"{kind} keys: {counts['recomputed']:,} recomputed, "
                          f"{counts['rederived']:,} re-derived from the old key (purged)")
        if result.backup:
            console.print(f"new secret in var/person.key; old one kept in {result.backup}")
    if result.from_environment:
        console.print(f"[yellow]now put the new secret ({new_secret_env}) in your secret store "
                      f"as {person_key.ENV} and restart the workers: builds with the old one "
                      "stop with KeyMismatch[/]")


@app.command()
def retention(
    dry_run: Annotated[bool, typer.Option(
        help="count what would go, change nothing")] = False,
) -> None:
    """Apply the retention policy of dags/schedule.toml now (what the maintenance DAG does).

    Personal data (pii_days) goes for batches whose snapshot is older and that
    are in core; facts, dimensions and marts stay. Every pass is recorded in
    audit.retention_action.
    """
    from pantau.orchestration.maintenance import apply_retention
    from pantau.orchestration.schedule import ScheduleError, load_plan
    from pantau.warehouse import migrate

    try:
        policy = load_plan().retention
    except ScheduleError as exc:
        console.print(f"[red]retention: {exc}[/]")
        raise typer.Exit(2) from None
    if get_settings().uses_embedded_warehouse:
        migrate.upgrade()
    removed = apply_retention(policy, dry_run=dry_run)
    if not removed:
        console.print("no retention policy in dags/schedule.toml: nothing removed")
        return
    table = Table(title="Retention" + (" (dry run: nothing removed)" if dry_run else ""))
    table.add_column("item")
    table.add_column("would go" if dry_run else "removed", justify="right")
    for item, count in removed.items():
        table.add_row(item, f"{count:,}")
    console.print(table)


# ----------------------------------------------------------------------- demo


@app.command("demo-data")
def demo_data(
    period: Annotated[str, typer.Option(help="YYYY-MM, YYYY-Qn or YYYY-Sn")],
    out: Annotated[Path, typer.Option(help="output directory (landing/ and truth/)")],
    scope: Annotated[list[str], typer.Option(
        help="province (62) or regency (14.72) codes, or 'national'; repeat or quote a list")]
        = ["62 19 14"],  # noqa: B006  (typer reads the default, never mutates it)
    seed: Annotated[int, typer.Option(help="same seed, same bytes")] = 1,
    workers: Annotated[int, typer.Option(help="processes writing XLSX workbooks")] = 2,
) -> None:
    """Write synthetic agency exports with planted ground truth (see README, truth/)."""
    generate_demo_data(scope, period, seed, out, workers)


def generate_demo_data(scope: list[str], period: str, seed: int, out: Path,
                        workers: int = 2) -> Path:
    import time

    from pantau.demo.generate import OutputNotOurs, generate
    from pantau.sources.catalog import SOURCES

    started = time.monotonic()
    try:
        result = generate(scope, period, seed, out, workers=workers,
                          progress=lambda line: console.print(f"  {line}"))
    except (ValueError, OutputNotOurs) as exc:
        console.print(f"[red]demo-data: {exc}[/]")
        raise typer.Exit(2) from None
    table = Table(title=f"Synthetic exports for {period} and the period before (seed {seed})")
    for name, justify in (("source", "left"), ("files", "right"), ("rows", "right")):
        table.add_column(name, justify=justify)
    for source in SOURCES:
        rows = sum(f["rows"] for f in result.files if f["source"] == source)
        table.add_row(source, f"{result.count(source):,}", f"{rows:,}")
    console.print(table)
    console.print(f"{len(result.quarantine):,} rows made invalid or duplicated on purpose "
                  f"(truth/quarantine.csv); figures for {len(result.figures)} periods")
    console.print(f"landing: {out / 'landing'}\ntruth:   {out / 'truth'} "
                  f"({time.monotonic() - started:.1f} s)")
    return out / "landing"


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

"""``pantau validate``, ``pantau quality report`` and ``pantau quarantine ...``."""

from __future__ import annotations

import getpass
from typing import Annotated

import pandas as pd
import typer
from rich.console import Console
from rich.table import Table

from pantau.terminal import console, data_text

quality_app = typer.Typer(help="Validation results of the quality gate (GX).",
                          no_args_is_help=True)
quarantine_app = typer.Typer(help="Rows the quality gate held back: list, show, release, discard.",
                             no_args_is_help=True)


def _table(title: str, frame, columns: list[str] | None = None) -> Table:
    table = Table(title=title)
    columns = columns or list(frame.columns)
    for name in columns:
        table.add_column(name, overflow="fold")
    for record in frame[columns].astype(object).itertuples(index=False):
        table.add_row(*[data_text(None if pd.isna(value) else value) for value in record])
    return table


def print_gate_report(console: Console, report) -> None:
    """One line per source, then each rejected batch and where the Data Docs are."""
    if report.verdicts:
        table = Table(title="Quality gate (GX suites from expectations/)")
        for name, justify in (("source", "left"), ("batches", "right"),
                              ("validated", "right"), ("rejected", "right"),
                              ("rows checked", "right"), ("rows quarantined", "right"),
                              ("failed row checks", "left")):
            table.add_column(name, justify=justify, overflow="fold")
        for v in report.verdicts:
            rules = ", ".join(f"{rule} {n:,}" for rule, n in sorted(v.failed_rules.items()))
            table.add_row(v.source, f"{len(v.validated) + len(v.rejected):,}",
                          f"{len(v.validated):,}",
                          f"[red]{len(v.rejected):,}[/]" if v.rejected else "0",
                          f"{v.rows_checked:,}", f"{v.rows_quarantined:,}",
                          f"[red]{v.error}[/]" if v.error else rules)
        console.print(table)
    else:
        console.print("quality gate: no batch waiting for validation")
    for batch_id, reasons in sorted(report.rejected.items()):
        console.print(f"[red]batch {batch_id} rejected[/]: {'; '.join(reasons)}")
    if report.docs_index:
        console.print(f"data docs: [bold]{report.docs_index.as_uri()}[/]")


def run_validation(sources: list[str] | None = None, batch_ids: list[int] | None = None) -> int:
    """Validate waiting batches, print the verdict; exit code 1 if a batch was rejected."""
    from pantau.quality.gate import run_gate
    from pantau.sources.catalog import SOURCES

    unknown = sorted(set(sources or []) - set(SOURCES))
    if unknown:
        console.print(f"[red]no source {', '.join(unknown)} "
                         f"(sources: {', '.join(SOURCES)})[/]")
        return 2
    report = run_gate(sources=sources, batch_ids=batch_ids)
    print_gate_report(console, report)
    return 1 if report.rejected or report.errors else 0


def validate(
    source: Annotated[list[str] | None, typer.Option(help="only this source (repeatable)")] = None,
    batch: Annotated[list[int] | None, typer.Option(help="only this batch id (repeatable)")]
        = None,
) -> None:
    """Validate loaded batches with the GX suites; exit 1 if any batch is rejected."""
    raise typer.Exit(run_validation(source or None, batch or None))


@quality_app.command("report")
def quality_report(
    batch: Annotated[int | None, typer.Option(help="every check of one batch")] = None,
    source: Annotated[str | None, typer.Option(help="only this source")] = None,
    limit: Annotated[int, typer.Option(help="batches to list")] = 40,
) -> None:
    """Summarise validation results: per batch (--batch) or per source and rule."""
    from pantau.quality import report
    from pantau.quality.gx_project import docs_index
    from pantau.warehouse.connection import connect

    with connect("auditor") as conn:
        if batch is not None:
            header = report.batch_header(conn, batch)
            if header is None:
                console.print(f"[red]no batch {batch}[/]")
                raise typer.Exit(2)
            console.print(" · ".join(f"{k}: {v}" for k, v in header.items() if v is not None))
            console.print(_table(f"Checks of batch {batch}", report.batch_results(conn, batch)))
        else:
            console.print(_table("Checks per rule", report.rules(conn, source)))
            console.print(_table(f"Latest {limit} batches", report.batches(conn, source, limit)))
    index = docs_index()
    if index.exists():
        console.print(f"data docs: [bold]{index.as_uri()}[/]")


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


ByOption = Annotated[str, typer.Option("--by", help="who decides (default: the OS user)")]
WhyOption = Annotated[str, typer.Option("--why", help="why: recorded with the decision")]


@quarantine_app.command("list")
def quarantine_list(
    source: Annotated[str | None, typer.Option()] = None,
    batch: Annotated[int | None, typer.Option()] = None,
    status: Annotated[str, typer.Option(help="held, released, discarded or all")] = "held",
    rule: Annotated[str | None, typer.Option(help="only rows failing this rule")] = None,
    limit: Annotated[int, typer.Option()] = 50,
) -> None:
    """List quarantined rows (BATCH:ROW, file, failed rules)."""
    from pantau.quality.quarantine import DecisionRefused, list_rows
    from pantau.warehouse.connection import connect

    try:
        with connect("auditor") as conn:
            frame = list_rows(conn, source=source, batch=batch,
                              status=None if status == "all" else status, rule=rule, limit=limit)
    except DecisionRefused as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    console.print(_table(f"Quarantine ({status}, at most {limit})", frame))


@quarantine_app.command("notes")
def quarantine_notes(
    source: Annotated[str | None, typer.Option()] = None,
    batch: Annotated[int | None, typer.Option()] = None,
    rule: Annotated[str | None, typer.Option(help="only notes of this rule")] = None,
    limit: Annotated[int, typer.Option()] = 50,
) -> None:
    """List noted rows: counted in the figures, not held, but flagged for the auditor
    (a passport missing or malformed; personal values masked)."""
    from pantau.quality.quarantine import DecisionRefused, list_notes
    from pantau.warehouse.connection import connect

    try:
        with connect("auditor") as conn:
            frame = list_notes(conn, source=source, batch=batch, rule=rule, limit=limit)
    except DecisionRefused as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    console.print(_table(f"Notes (rows counted, not held; at most {limit})", frame))


@quarantine_app.command("show")
def quarantine_show(row: Annotated[str, typer.Argument(help="BATCH:ROW")]) -> None:
    """One held row: its file, values (personal ones masked), reasons and decisions."""
    from pantau.quality.quarantine import DecisionRefused, RowKey, show_row
    from pantau.warehouse.connection import connect

    try:
        with connect("loader") as conn:
            shown = show_row(conn, RowKey.parse(row))
    except DecisionRefused as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    console.print(data_text(
        f"row {shown['row']} of {shown['file']} ({shown['source']}, snapshot "
        f"{shown['snapshot_date']}, sha256 {shown['sha256'][:12]}…, batch "
        f"{shown['batch_status']}): {shown['status']}"))
    values = Table(title="values as delivered (personal data masked)")
    values.add_column("column")
    values.add_column("value", overflow="fold")
    for header, value in shown["values"].items():
        values.add_row(data_text(header), data_text(value))
    console.print(values)
    reasons = Table(title="reasons")
    for name in ("rule", "column", "observed", "alasan", "reason", "run"):
        reasons.add_column(name, overflow="fold")
    for record in shown["reasons"]:
        reasons.add_row(*[data_text(v) for v in record])
    console.print(reasons)
    for decision, by, why, corrections, at in shown["decisions"]:
        console.print(data_text(f"{at:%Y-%m-%d %H:%M} {decision} by {by}: {why} "
                                f"{corrections or ''}"))


def _decide(action, row: str, **kwargs) -> tuple:
    """Take a decision in one transaction; a refusal prints why and exits 1."""
    from pantau.quality.quarantine import DecisionRefused, RowKey
    from pantau.warehouse.connection import connect

    try:
        key = RowKey.parse(row)
        with connect("loader") as conn:
            result = action(conn, key, **kwargs)
            conn.commit()
    except DecisionRefused as exc:
        console.print(f"[red]{exc}[/]")
        raise typer.Exit(1) from None
    return key, result


@quarantine_app.command("release")
def quarantine_release(
    row: Annotated[str, typer.Argument(help="BATCH:ROW")],
    why: WhyOption,
    by: ByOption = "",
    set_: Annotated[list[str] | None, typer.Option(
        "--set", help="COLUMN=VALUE correction, export column name (repeatable)")] = None,
    force: Annotated[bool, typer.Option(help="release even if checks still fail")] = False,
) -> None:
    """Release a row back into the pipeline, optionally corrected; it is checked again."""
    from pantau.quality.gate import recheck_row
    from pantau.quality.quarantine import release

    corrections = {}
    for item in set_ or []:
        column, sep, value = item.partition("=")
        if not sep:
            console.print(f"[red]--set {item!r}: expected COLUMN=VALUE[/]")
            raise typer.Exit(2)
        corrections[column.strip()] = value
    key, still = _decide(release, row, by=by or _user(), why=why, corrections=corrections,
                         force=force, recheck=recheck_row)
    note = f" (forced; still fails {', '.join(still)})" if still else ""
    console.print(f"row {key} released{note}; the next build of its period includes it")


@quarantine_app.command("discard")
def quarantine_discard(
    row: Annotated[str, typer.Argument(help="BATCH:ROW")],
    why: WhyOption,
    by: ByOption = "",
) -> None:
    """Discard a held row for good (it stays in raw and in the quarantine, marked)."""
    from pantau.quality.quarantine import discard

    key, _ = _decide(discard, row, by=by or _user(), why=why)
    console.print(f"row {key} discarded")

"""``pantau build``: core and marts for periods, and the persons each rule flags."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from pantau.config import get_settings
from pantau.terminal import console


def _rule_table(title: str, codes: tuple[str, ...], results: list) -> Table:
    table = Table(title=title)
    table.add_column("period")
    table.add_column("batches loaded", justify="right")
    table.add_column("snapshots used", justify="right")
    for code in codes:
        table.add_column(code.removeprefix("PMI_").replace("_", " ").lower(), justify="right")
    table.add_column("seconds", justify="right")
    for result in results:
        table.add_row(result.period, f"{result.batches_loaded:,}", f"{result.batches_used:,}",
                      *[f"{result.discrepancies[c]:,}" for c in codes], f"{result.seconds:.1f}")
    return table


def _rebuilt_table(rebuilt: list) -> Table:
    table = Table(title="Stale periods rebuilt")
    for column in ("period", "rebuilt", "regencies recomputed", "reports to render again"):
        table.add_column(column)
    for item in rebuilt:
        render = "all" if item.render is None else ", ".join(item.render) or "none"
        table.add_row(item.period, "partially" if item.partial else f"whole: {item.reason}",
                      ", ".join(item.reached) or "-", render)
    return table


def run_build(periods: list[str], stale: bool = False) -> int:
    """Rebuild the stale periods where their changes reach (``stale``), build each other
    period whole, print what they found; exit code 2 for a bad period."""
    from pantau.build.partial import rebuild_stale
    from pantau.build.period import PMI_RULE_CODES, RULE_CODES, build_period
    from pantau.periods import Period

    try:
        parsed = [Period.parse(p) for p in periods]
    except ValueError as exc:
        console.print(f"[red]build: {exc}[/]")
        return 2
    rebuilt = rebuild_stale() if stale else []
    if stale:
        console.print(_rebuilt_table(rebuilt) if rebuilt else "stale periods: none")
    done = {item.period for item in rebuilt}
    results = [item.result for item in rebuilt] + [
        build_period(period) for period in parsed if period.label not in done]
    if not results:
        return 0
    console.print(_rule_table("Reconciliation: persons per rule", RULE_CODES, results))
    console.print(_rule_table("Indonesians working abroad (PMI): persons per rule",
                              PMI_RULE_CODES, results))
    return 0


def build(
    period: Annotated[list[str] | None, typer.Option(
        help="YYYY-MM, YYYY-Qn or YYYY-Sn (repeatable)")] = None,
    stale: Annotated[bool, typer.Option(
        help="rebuild every built period whose snapshots changed since (late files, "
             "decisions), each only in the regions its change reaches")] = False,
) -> None:
    """Build core and marts for periods: latest snapshot per source on or before the date."""
    from pantau.warehouse import migrate

    if get_settings().uses_embedded_warehouse:
        migrate.upgrade()
    periods = list(period or [])
    if not periods and not stale:
        console.print("[red]build: give --period (or --stale)[/]")
        raise typer.Exit(2)
    raise typer.Exit(run_build(periods, stale))

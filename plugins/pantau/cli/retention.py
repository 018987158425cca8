"""``pantau retention``: apply the personal-data retention policy now."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from pantau.config import get_settings
from pantau.terminal import console


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

"""``pantau report`` and ``pantau deliver``: render reports, send them to recipients."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.terminal import console


def run_report(period_text: str, output: Path | None, regions: list[str] | None) -> int:
    """Render a built period's reports, print where they are; exit 2 if not built.

    Without ``output`` the reports go to the configured reports directory
    (``PANTAU_REPORTS_DIR``, else ``reports/`` in the var directory),
    wherever the command runs from.
    """
    from pantau.config import get_settings
    from pantau.periods import Period
    from pantau.reports.context import NotBuilt
    from pantau.reports.render import render_period

    try:
        period = Period.parse(period_text)
        rendered = render_period(period, output or get_settings().reports_dir, regions)
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


def report(
    period: Annotated[str, typer.Option(help="YYYY-Qn (regencies), YYYY-Sn (provinces), YYYY-MM")],
    output: Annotated[Path | None, typer.Option(
        help="output directory; default the configured reports directory (PANTAU_REPORTS_DIR, "
             "else reports/ in the var directory)")] = None,
    region: Annotated[list[str] | None, typer.Option(
        help="region code (62.71 or 62), repeatable; default every region with data")] = None,
) -> None:
    """Render monitoring reports (HTML, PDF, XLSX, figures.json, manifest) from the marts."""
    raise typer.Exit(run_report(period, output, region or None))


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

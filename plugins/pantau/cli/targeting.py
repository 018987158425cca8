"""``pantau targeting``: the ranked operation sites, and their evaluation on the demo truth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.terminal import console, data_text

targeting_app = typer.Typer(help="Where a TIMPORA joint operation should go (docs/targeting.md).",
                            no_args_is_help=True)


@targeting_app.command("show")
def show(
    period: Annotated[str, typer.Argument(help="a built period, e.g. 2025-12 or 2024-Q4")],
    region: Annotated[str, typer.Argument(help="a regency or province code, e.g. 62.71")],
    top: Annotated[int, typer.Option(help="how many sites")] = 20,
) -> None:
    """Print the region's ranked sites with each score's contributions."""
    from pantau.periods import Period
    from pantau.reports.targeting_view import target_sites
    from pantau.warehouse.connection import connect

    label = Period.parse(period).label
    with connect("reporter") as conn:
        sites = target_sites(conn, label, region, limit=top)
    if not sites:
        console.print(f"no ranking for {data_text(region)} in {data_text(label)}: build it first")
        raise typer.Exit(1)
    table = Table(title=f"Operation sites {data_text(region)} {data_text(label)} "
                        f"(weights {sites[0].weights_sha256[:12]})")
    for column in ("rank", "site", "NIB", "regency", "workers", "score", "contributions"):
        table.add_column(column)
    for site in sites:
        parts = ", ".join(f"{data_text(c['factor'])} {c['points']:+}" for c in site.contributions)
        table.add_row(str(site.rank), data_text(site.site_name or ""), data_text(site.nib or "-"),
                      data_text(site.regency_code), str(site.workers), f"{site.score}", parts)
    console.print(table)


def print_evaluation(period: str, truth_dir: Path, k: int = 10) -> None:
    """The evaluation table: per demo province and overall (the provinces' mean)."""
    from pantau.periods import Period
    from pantau.reports.targeting_eval import evaluate as judge
    from pantau.tools.demo.scope import DEMO_SCOPE
    from pantau.warehouse.connection import connect

    with connect("reporter") as conn:
        results = judge(conn, Period.parse(period).label, list(DEMO_SCOPE), truth_dir, k)
    table = Table(title=f"precision@{k}, {data_text(period)}: Pantau vs largest employers first")
    for column in ("province", "employers", "hiding", "Pantau", "largest first",
                   "best possible"):
        table.add_column(column, justify="right")
    rows = [(data_text(r.region_code), r.employers, r.hiding, r.pantau, r.baseline,
             r.attainable) for r in results]
    if results:
        rows.append(("overall", sum(r.employers for r in results),
                     sum(r.hiding for r in results),
                     *(sum(getattr(r, name) for r in results) / len(results)
                       for name in ("pantau", "baseline", "attainable"))))
    for region, employers, hiding, *shares in rows:
        table.add_row(region, str(employers), str(hiding), *(f"{v:.2f}" for v in shares))
    console.print(table)
    console.print("hiding: employers truth/employers.csv calls non-compliant; best possible: "
                  f"min({k}, hiding) / {k}, what ranking every one of them first would reach")


@targeting_app.command("evaluate")
def evaluate(
    demo: Annotated[Path | None, typer.Option(
        help="the demo data folder (with truth/employers.csv); default var/demo")] = None,
    period: Annotated[str, typer.Option(help="the built period to judge")] = "2024-Q4",
    k: Annotated[int, typer.Option(help="precision at k")] = 10,
) -> None:
    """precision@k of Pantau's ranking and of "largest employers first", per demo province."""
    from pantau.config import get_settings

    folder = demo or get_settings().var_dir / "demo"
    print_evaluation(period, folder / "truth", k)

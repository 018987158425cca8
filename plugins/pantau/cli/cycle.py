"""``pantau run`` and ``pantau demo``: whole cycles from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pantau.config import get_settings
from pantau.terminal import console


def _print_cycle(result) -> None:
    """The one-screen summary of a cycle."""
    status = "[green]ok[/]" if result.ok else "[red]FAILED[/]"
    console.rule(f"Pantau cycle {result.period}: {status}")
    console.print(f"landing {result.landing}  →  reports {result.output}")
    tally = result.ingest
    if tally is not None:
        files = ", ".join(f"{n} {s}" for s, n in sorted(tally.files.items())) or "no files"
        console.print(f"[bold]ingest[/]    {sum(tally.files.values())} files ({files}); "
                      f"{tally.rows:,} rows loaded")
        console.print("          " + "; ".join(
            f"{source} {n['files']} files, {n['rows']:,} rows"
            for source, n in sorted(tally.per_source.items())))
    if result.gate is not None:
        gate = result.gate
        console.print(f"[bold]validate[/]  {len(gate['validated'])} batches validated, "
                      f"{len(gate['rejected'])} rejected; {gate['quarantined_rows']:,} rows "
                      f"quarantined; Data Docs {gate['data_docs'] or '-'}")
    if result.built:
        table = Table(show_edge=False, box=None, pad_edge=False)
        table.add_column("[bold]build[/]    period")
        table.add_column("snapshots", justify="right")
        table.add_column("persons flagged per rule", overflow="fold")
        for item in result.built:
            flagged = ", ".join(f"{code} {n:,}" for code, n in item["discrepancies"].items() if n)
            table.add_row(f"          {item['period']}", str(item["batches_used"]),
                          flagged or "none")
        console.print(table)
    for period, folders in result.reports.items():
        console.print(f"[bold]reports[/]   {period}: {len(folders)} regions "
                      "(report.html, .pdf, .xlsx, figures.json, manifest.json each)")
    for problem in result.problems[:12]:
        console.print(f"[red]problem[/]   {problem}")
    if len(result.problems) > 12:
        console.print(f"[red]problem[/]   ... and {len(result.problems) - 12} more "
                      "(`pantau quality report`, audit.batch)")
    if result.stopped_at:
        console.print(f"[red]stopped at {result.stopped_at}[/]: later stages did not run")


def run(
    landing: Annotated[Path, typer.Option(help="landing folder (one sub-folder per source)",
                                          exists=True, file_okay=False)],
    period: Annotated[str, typer.Option(help="YYYY-MM, YYYY-Qn or YYYY-Sn")],
    output: Annotated[Path, typer.Option(help="where the reports go")],
    region: Annotated[list[str] | None, typer.Option(
        help="only these regions (62 or 62.71), repeatable; default: all with data")] = None,
) -> None:
    """One whole cycle for PERIOD: ingest, validate, build, render every report ending on its
    last day (2024-Q4: regency 2024-Q4 and provincial 2024-S2). Exit 1 if anything failed."""
    from pantau.orchestration.cycle import run_cycle

    try:
        result = run_cycle(landing, period, output, region or None)
    except ValueError as exc:
        console.print(f"[red]run: {exc}[/]")
        raise typer.Exit(2) from None
    _print_cycle(result)
    raise typer.Exit(0 if result.ok else 1)


def demo(
    landing: Annotated[Path | None, typer.Option(
        help="use this landing folder instead of generating the demo exports")] = None,
) -> None:
    """The main job: demo exports for provinces 62, 19, 14 → the whole cycle through Airflow."""
    from pantau.cli.summary import print_warehouse_summary
    from pantau.orchestration.local_airflow import runs_dir
    from pantau.tools.demo.scope import DEMO_PERIOD
    from pantau.warehouse.connection import warehouse_url

    settings = get_settings()
    ok = demo_cycle(landing)
    print_warehouse_summary(console, warehouse_url(settings))
    from pantau.quality.gx_project import docs_index

    console.print(f"reports:   [bold]{settings.reports_dir}[/] (<period>/<province>/[<regency>/]"
                  "report.html, .pdf, .xlsx, figures.json, manifest.json)")
    console.print(f"Data Docs: [bold]{docs_index(settings)}[/]")
    console.print(f"Airflow:   run logs in {runs_dir(settings)}; "
                  "UI with [bold]make airflow[/]")
    console.print("explore:   [bold].venv/bin/pantau warehouse psql[/]")
    _print_layout_checks(settings)
    truth = settings.var_dir / "demo" / "truth"
    if ok and (truth / "employers.csv").exists():
        from pantau.cli.targeting import print_evaluation

        print_evaluation(DEMO_PERIOD, truth)  # the operation sites judged on the planted truth
    raise typer.Exit(0 if ok else 1)


def demo_landing() -> Path:
    """Where `make demo` writes the demo exports."""
    return get_settings().var_dir / "demo" / "landing"


def demo_cycle(landing: Path | None = None) -> bool:
    """`make demo`'s work: the demo exports (unless ``landing`` is given), then the cycle's
    DAGs as `airflow dags test` runs them; whether every run succeeded."""
    from pantau.cli.airflow import run_dag_chain
    from pantau.cli.demo_data import generate_demo_data
    from pantau.tools.demo.scope import DEMO_PERIOD, DEMO_SCOPE, DEMO_SEED

    if landing is None:
        console.print(f"generating demo exports: provinces {' '.join(DEMO_SCOPE)}, "
                      f"{DEMO_PERIOD} and the quarter before, seed {DEMO_SEED}")
        landing = generate_demo_data([" ".join(DEMO_SCOPE)], DEMO_PERIOD, DEMO_SEED,
                                     demo_landing().parent)
    return run_dag_chain(DEMO_PERIOD, landing)


def _print_layout_checks(settings) -> None:
    """How many PDFs the renderer's layout check saw and what it found (var/layout-checks)."""
    import json

    from pantau.reports.render import layout_checks_dir

    checked, problems = 0, []
    for path in sorted(layout_checks_dir(settings.reports_dir).rglob("*.json")):
        for name, found in json.loads(path.read_text("utf-8")).items():
            checked += 1
            problems += [f"{path.parent.name} {path.stem} {name}: {p}" for p in found]
    colour = "red" if problems else "green"
    console.print(f"layout:    [{colour}]{checked} PDF(s) checked, {len(problems)} problem(s)[/]"
                  f" ({layout_checks_dir(settings.reports_dir)})")
    for problem in problems[:20]:
        console.print(f"  {problem}")

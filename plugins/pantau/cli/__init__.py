"""The ``pantau`` command: one module per command group, the functions the Airflow tasks call."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from pantau.cli.airflow import airflow_app
from pantau.cli.archive import archive_app
from pantau.cli.bench import bench
from pantau.cli.build import build
from pantau.cli.chaos import chaos
from pantau.cli.cycle import demo, run
from pantau.cli.demo_data import demo_data
from pantau.cli.ingest import ingest
from pantau.cli.person_key import person_key_app
from pantau.cli.quality import quality_app, quarantine_app, validate
from pantau.cli.report import deliver, report
from pantau.cli.retention import retention
from pantau.cli.targeting import targeting_app
from pantau.cli.trace import trace
from pantau.cli.warehouse import warehouse_app

app = typer.Typer(
    help="Pantau: monitoring data on foreign nationals and foreign workers (TKA).",
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)
for group, name in ((warehouse_app, "warehouse"), (quality_app, "quality"),
                    (quarantine_app, "quarantine"), (airflow_app, "airflow"),
                    (archive_app, "archive"), (person_key_app, "person-key"),
                    (targeting_app, "targeting")):
    app.add_typer(group, name=name)
for command in (ingest, validate, build, report, deliver, run, demo, bench, chaos, retention,
                trace):
    app.command()(command)
app.command("demo-data")(demo_data)


@app.callback()
def _setup(verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)

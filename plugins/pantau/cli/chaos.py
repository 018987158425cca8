"""``pantau chaos``: the fault-injection suite (``make chaos``): a line per fault, a summary."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from pantau.config import get_settings
from pantau.terminal import console


def chaos(
    seed: Annotated[int, typer.Option(help="fixes the SIGKILL moments, to replay a failure")] = 10,
    kills: Annotated[int, typer.Option(help="SIGKILLs at seeded moments of a cycle")] = 20,
) -> None:
    """Crash the warehouse and kill the pipeline at many points; every rerun must equal a clean run.

    Runs in var/chaos/ (its own embedded PostgreSQL, exports, archives and
    reports); exit 1 unless every fault was survived.
    """
    from pantau.tools.chaos.run import run_chaos, summary

    started = time.monotonic()
    results = run_chaos(get_settings().var_dir / "chaos", seed, kills,
                        say=lambda line: console.print(line, markup=False, highlight=False))
    for line in summary(results, time.monotonic() - started):
        console.print(line, markup=False, highlight=False)
    if not all(result.survived for result in results):
        raise typer.Exit(1)

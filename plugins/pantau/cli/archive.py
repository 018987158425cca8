"""``pantau archive``: the auditors' check that archived exports are intact."""

from __future__ import annotations

from typing import Annotated

import typer

from pantau.terminal import console

archive_app = typer.Typer(help="The archive of delivered exports.", no_args_is_help=True)


@archive_app.command("verify")
def verify(batch: Annotated[int | None, typer.Option(
        help="re-hash only this batch's archived file (its batch id)")] = None) -> None:
    """Re-hash every archived export (or one batch's) against its SHA-256; exit 1 on any damage."""
    from pantau.ingest.archive_check import UnknownBatch, verify_archive, verify_batch

    if batch is not None:
        try:
            check = verify_batch(batch)
        except UnknownBatch as unknown:
            console.print(f"[red]{unknown}[/]; `pantau quality report` lists the batches",
                          highlight=False)
            raise typer.Exit(1) from None
        colour = "green" if check.problem is None else "red"
        console.print(f"[{colour}]{check.describe()}[/]", highlight=False)
        if check.problem is not None:
            raise typer.Exit(1)
        return

    checked, problems = verify_archive()
    for problem in problems:
        console.print(f"[red]{problem.describe()}[/]", highlight=False)
    console.print(f"{checked:,} archived files checked, {len(problems)} problems"
                  + ("; redeliver the original file to repair a damaged copy" if problems else ""))
    if problems:
        raise typer.Exit(1)

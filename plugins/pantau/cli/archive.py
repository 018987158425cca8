"""``pantau archive``: the auditors' check that archived exports are intact."""

from __future__ import annotations

import typer

from pantau.terminal import console

archive_app = typer.Typer(help="The archive of delivered exports.", no_args_is_help=True)


@archive_app.command("verify")
def verify() -> None:
    """Re-hash every archived export against its batch's SHA-256; exit 1 on any damage."""
    from pantau.ingest.archive_check import verify_archive

    checked, problems = verify_archive()
    for problem in problems:
        console.print(f"[red]{problem.describe()}[/]", highlight=False)
    console.print(f"{checked:,} archived files checked, {len(problems)} problems"
                  + ("; redeliver the original file to repair a damaged copy" if problems else ""))
    if problems:
        raise typer.Exit(1)

"""``pantau person-key rotate``: move the warehouse to a new person-key secret."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from pantau.config import get_settings
from pantau.terminal import console

person_key_app = typer.Typer(help="The secret behind the pseudonymous person, permit and "
                             "position keys.", no_args_is_help=True)


@person_key_app.command("rotate")
def person_key_rotate(
    new_secret_env: Annotated[str, typer.Option(
        help="environment variable holding the new secret (required, and only read, when "
             "PANTAU_PERSON_KEY is set)")] = "PANTAU_PERSON_KEY_NEW",
) -> None:
    """Re-key the warehouse to a new person-key secret, then store the secret.

    \b
    Procedure (docs/operations.md "Rotating the person-key secret"):
    1. pause the Pantau DAGs (or stop the scheduler) and back up the warehouse;
    2. run this command. In one transaction under the build lock every keyed
       column (persons, stay permits, RPTKA positions; pii, core, marts) is
       remapped and the warehouse's key fingerprint replaced. Keys whose
       personal data retention purged become HMAC(new, 'rekey|' || old key);
    3. with var/person.key: the new secret is written to
       var/person.key.pending before the transaction, and after the commit
       the old one is kept as var/person.key.<UTC time> and the new one
       renamed into var/person.key (mode 600). Interrupted? Run it again:
       it finishes or starts over, whichever the warehouse says;
       with PANTAU_PERSON_KEY: put the new secret (from --new-secret-env) in
       your secret store, replace PANTAU_PERSON_KEY everywhere, restart the
       workers;
    4. unpause; builds with the old secret now stop with KeyMismatch.
    """
    from pantau.build import key_rotation
    from pantau.warehouse import migrate, person_key

    settings = get_settings()
    if settings.uses_embedded_warehouse:
        migrate.upgrade()
    new = (os.environ.get(new_secret_env, "").encode("utf-8") or None
           if person_key.from_environment() else None)  # else: a random one
    try:
        result = key_rotation.rotate(new, settings)
    except key_rotation.RotationError as exc:
        console.print(f"[red]person-key rotate: {exc}[/]")
        raise typer.Exit(2) from None
    if result.outcome == "nothing":
        console.print("the warehouse already uses the new secret: nothing to re-key")
    elif result.outcome == "finished":
        console.print(f"an interrupted rotation finished: var/person.key holds the new secret "
                      f"(old one kept in {result.backup})")
    else:
        for kind, counts in result.counts.items():
            console.print(f"{kind} keys: {counts['recomputed']:,} recomputed, "
                          f"{counts['rederived']:,} re-derived from the old key (purged)")
        if result.backup:
            console.print(f"new secret in var/person.key; old one kept in {result.backup}")
    if result.from_environment:
        console.print(f"[yellow]now put the new secret ({new_secret_env}) in your secret store "
                      f"as {person_key.ENV} and restart the workers: builds with the old one "
                      "stop with KeyMismatch[/]")

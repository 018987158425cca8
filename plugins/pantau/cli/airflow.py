"""``pantau airflow ...``: the local Airflow with Pantau's DAGs (cycle, standalone UI, env)."""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from time import perf_counter
from typing import Annotated

import typer

from pantau.config import get_settings
from pantau.terminal import console

airflow_app = typer.Typer(help="The local Airflow (metadata under var/airflow, DAGs in dags/).",
                          no_args_is_help=True)


def run_dag_chain(period: str, landing: Path | None = None) -> bool:
    """The cycle's DAGs in dependency order, one process running each as ``airflow dags test``
    does; stop at a failure."""
    from pantau.orchestration import local_airflow
    from pantau.orchestration.schedule import load_plan

    settings = get_settings()
    plan = load_plan(settings)
    console.print(f"Airflow: metadata in {local_airflow.airflow_home(settings)}, "
                  f"DAGs in {settings.home / 'dags'}")
    local_airflow.prepare(settings, plan)
    extra = {"PANTAU_LANDING_DIR": str(landing)} if landing else {}
    order = local_airflow.cycle_order(period, plan)
    when_of = dict(order)
    for run in local_airflow.run_dags(order, settings, **extra):
        when = when_of[run.dag_id]
        on = f" for {when:%Y-%m-%d %H:%M %Z}" if when else ""
        mark = "[green]success[/]" if run.ok else "[red]failed[/]"
        console.print(f"  airflow dags test {run.dag_id}{on}: {mark} ({run.seconds:.0f} s)")
        if not run.ok:
            tail = run.log.read_text(encoding="utf-8", errors="replace").splitlines()[-25:]
            console.print("\n".join(tail), markup=False, highlight=False)
            console.print(f"[red]{run.dag_id} failed[/]: whole log in {run.log}")
            return False
    return True


@airflow_app.command("cycle")
def airflow_cycle(
    period: Annotated[str, typer.Option(help="the period whose reports the cycle ends with")],
    landing: Annotated[Path | None, typer.Option(help="landing folder (default from settings)")]
        = None,
) -> None:
    """Run ingest → build → reports → maintenance for PERIOD, as `airflow dags test` runs each."""
    raise typer.Exit(0 if run_dag_chain(period, landing) else 1)


@airflow_app.command("pool-slots")
def airflow_pool_slots() -> None:
    """Print the size of the pantau_warehouse pool that dags/schedule.toml asks for."""
    from pantau.orchestration.schedule import load_plan

    print(load_plan().pool_slots)


@airflow_app.command("env")
def airflow_env() -> None:
    """Print `export` lines that point the `airflow` command at Pantau's local Airflow."""
    from pantau.orchestration.local_airflow import environment

    for key, value in sorted(environment().items()):
        if key.startswith(("AIRFLOW", "PANTAU_")):
            print(f"export {key}={json.dumps(value)}")


def _login(home: Path) -> tuple[str, str]:
    """The UI login: user admin, a password generated once and kept in var/airflow."""
    passwords = home / "simple_auth_manager_passwords.json.generated"
    if not passwords.exists():
        home.mkdir(parents=True, exist_ok=True)
        passwords.write_text(json.dumps({"admin": secrets.token_urlsafe(12)}))
        passwords.chmod(0o600)
    return "admin", json.loads(passwords.read_text())["admin"]


@airflow_app.command("standalone")
def airflow_standalone(
    port: Annotated[int, typer.Option(help="port of the Airflow UI")] = 8080,
) -> None:
    """Airflow standalone (scheduler, dag-processor, triggerer, UI) with Pantau's DAGs."""
    from pantau.orchestration import local_airflow

    settings = get_settings()
    local_airflow.prepare(settings)
    home = local_airflow.airflow_home(settings)
    user, password = _login(home)
    env = local_airflow.environment(
        settings,
        AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=f"{user}:admin",
        AIRFLOW__API__PORT=str(port),
    )
    console.print(f"Airflow UI: [bold]http://localhost:{port}[/]  login [bold]{user}[/] / "
                  f"[bold]{password}[/] (kept in {home}/simple_auth_manager_passwords"
                  ".json.generated); Ctrl-C stops it")
    binary = local_airflow.airflow_binary()
    os.execve(binary, [binary, "standalone"], env)


cluster_app = typer.Typer(help="A CeleryExecutor Airflow on this machine (docs/operations.md).",
                          no_args_is_help=True)
airflow_app.add_typer(cluster_app, name="cluster")


@cluster_app.command("start")
def cluster_start() -> None:
    """Redis, the metadata database, API server, scheduler, dag-processor, triggerer and two
    Celery workers; waits until the scheduler and triggerer report healthy."""
    from pantau.orchestration import cluster

    started = perf_counter()
    try:
        up = cluster.start()
    except cluster.ClusterError as exc:
        console.print(f"[red]cluster: {exc}[/]")
        raise typer.Exit(1) from None
    user, password = up["login"]
    console.print(f"CeleryExecutor cluster up in {perf_counter() - started:.0f} s: "
                  f"[bold]{up['api']}[/] login [bold]{user}[/] / [bold]{password}[/]")
    _print_components(up["pids"])


@cluster_app.command("stop")
def cluster_stop() -> None:
    """Stop every component (SIGTERM to each process group, SIGKILL after a minute)."""
    from pantau.orchestration import cluster

    stopped = cluster.stop()
    left = cluster.running()
    console.print(f"stopped: {', '.join(stopped) or 'nothing was running'}")
    if left:
        console.print(f"[red]still running: {', '.join(left)}[/]")
        raise typer.Exit(1)


@cluster_app.command("status")
def cluster_status() -> None:
    """Each component and its pid, and the API server's health report; exit 1 if any is down."""
    from pantau.orchestration import cluster

    alive = cluster.running()
    _print_components(alive)
    health = cluster.health()
    console.print(f"health: {json.dumps(health) if health else 'API server not answering'}")
    raise typer.Exit(0 if set(cluster.NAMES) <= set(alive) else 1)


@cluster_app.command("check")
def cluster_check(
    keep: Annotated[bool, typer.Option(help="leave the check's cluster running to look at its "
                                            "UI; stop it with PANTAU_VAR_DIR=var/cluster-check "
                                            "pantau airflow cluster stop")] = False,
) -> None:
    """`make cluster-check`: the demo cycle under the scheduler on a CeleryExecutor cluster of
    its own, a worker SIGKILLed while it renders a province; the reports must equal
    `make demo`'s (run first when its reports are missing). Exit 1 unless all holds."""
    from pantau.cli.cycle import demo_cycle, demo_landing
    from pantau.orchestration.schedule import load_plan
    from pantau.orchestration.steps import report_periods
    from pantau.tools import cluster_check as check
    from pantau.tools.demo.scope import DEMO_PERIOD

    settings = get_settings()
    reference, landing = settings.reports_dir, demo_landing()
    wanted = report_periods(DEMO_PERIOD, load_plan(settings).report_kinds).values()
    if not landing.is_dir() or not all((reference / p).is_dir() for p in wanted):
        console.print(f"no `make demo` reports for {', '.join(wanted)} in {reference}: "
                      "running make demo's cycle first")
        if not demo_cycle():
            raise typer.Exit(1)
    console.rule("CeleryExecutor cluster check")
    try:
        result = check.run(reference, landing, DEMO_PERIOD, say=console.print, keep=keep)
    except check.CheckFailed as exc:
        console.print(f"[red]cluster-check: {exc}[/]")
        raise typer.Exit(1) from None
    _print_check(result)
    raise typer.Exit(0 if result.ok else 1)


def _print_check(result) -> None:
    """The evidence: executor, who ran what, the kill and its retry, the comparison."""
    tries = result.tries
    console.print(f"executor:  [bold]{result.executor or 'not Celery'}[/]: "
                  f"{sum(1 for t in tries if t['celery_status'])} of {len(tries)} tries of "
                  f"{len(result.tasks)} task instances were Celery tasks (result backend)")
    for worker, count in sorted(result.by_worker.items()):
        dags = sorted({t["dag_id"].removeprefix("pantau_") for t in result.tasks
                       if t["hostname"] == worker})
        console.print(f"  {worker}: {count} task instances ({', '.join(dags)})")
    if result.kill:
        kill = result.kill
        console.print(f"kill:      SIGKILL {kill.worker} rendering province {kill.province}; "
                      "tries: " + ", ".join(
                          f"{t['try_number']} {t['state']} on {t['hostname']} (Celery "
                          f"{t['celery_status']})" for t in kill.tries)
                      + f"; retried on {kill.retried_on or 'no worker'}")
    console.print(f"reports:   {result.reports_compared} regions compared with make demo's: "
                  f"{len(result.differences)} differences (figures.json bytes, HTML, PDF "
                  "and XLSX text, audit trails but their batch ids)")
    console.print("seconds:   " + ", ".join(f"{name} {value:.0f}"
                                            for name, value in result.seconds.items()))
    for problem in result.problems:
        console.print(f"[red]problem[/]   {problem}")
    console.print("[green]cluster check passed[/]" if result.ok
                  else "[red]cluster check FAILED[/]")


def _print_components(pids: dict[str, int]) -> None:
    from pantau.orchestration import cluster

    for name in cluster.NAMES:
        pid = pids.get(name)
        console.print(f"  {name:<14} {'pid ' + str(pid) if pid else '[red]down[/]'}")

"""A local Airflow for ``make demo``, ``make airflow`` and the DAG tests.

Its metadata database (SQLite) and logs live under ``var/airflow``; the DAGs
are the project's ``dags/``; the warehouse is whatever Pantau's settings
name (the embedded one by default). Every command runs as a subprocess with
that environment, so the project's own Airflow installation is exercised
exactly as an operator would run it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pantau.config import Settings, get_settings
from pantau.orchestration.schedule import POOL, Plan, load_plan


@dataclass(frozen=True)
class DagRun:
    dag_id: str
    ok: bool
    seconds: float
    log: Path


def airflow_home(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).var_dir / "airflow"


def runs_dir(settings: Settings | None = None) -> Path:
    """Where each ``airflow dags test`` run's output is kept, one log per DAG."""
    return airflow_home(settings) / "runs"


def environment(settings: Settings | None = None, **extra: str) -> dict[str, str]:
    """The process environment for Airflow commands: Airflow's home, Pantau's DAGs and paths."""
    settings = settings or get_settings()
    env = dict(os.environ)
    env.update({
        "AIRFLOW_HOME": str(airflow_home(settings)),
        "AIRFLOW__CORE__DAGS_FOLDER": str(settings.home / "dags"),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__DEFAULT_TIMEZONE": "Asia/Jakarta",
        "PANTAU_HOME": str(settings.home),
        "PANTAU_VAR_DIR": str(settings.var_dir),
        "PANTAU_PGDATA": str(settings.pgdata),
        "PANTAU_ARCHIVE_DIR": str(settings.archive_dir),
        "PANTAU_GX_DIR": str(settings.gx_dir),
        "PANTAU_DATA_DOCS_DIR": str(settings.data_docs_dir),
        "PANTAU_LANDING_DIR": str(settings.landing_dir),
        "PANTAU_REPORTS_DIR": str(settings.reports_dir),
        "PANTAU_SCHEDULE_FILE": str(settings.schedule_file),
        "PANTAU_DATABASE": settings.database,
    })
    if settings.warehouse_url:
        env["PANTAU_WAREHOUSE_URL"] = settings.warehouse_url
    env.update(extra)
    return env


def airflow_binary() -> str:
    beside = Path(sys.executable).with_name("airflow")
    return str(beside) if beside.exists() else "airflow"


def airflow(args: list[str], settings: Settings | None = None, log: Path | None = None,
            **extra: str) -> subprocess.CompletedProcess:
    """Run ``airflow ARGS`` in the local environment; output to ``log`` when given."""
    env = environment(settings, **extra)
    command = [airflow_binary(), *args]
    if log is None:
        return subprocess.run(command, env=env, check=False, capture_output=True, text=True)
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w", encoding="utf-8") as out:
        return subprocess.run(command, env=env, check=False, stdout=out,
                              stderr=subprocess.STDOUT, text=True)


class AirflowCommandFailed(RuntimeError):
    pass


def _checked(args: list[str], settings: Settings | None) -> str:
    done = airflow(args, settings)
    if done.returncode != 0:
        raise AirflowCommandFailed(f"airflow {' '.join(args)} failed:\n"
                                   f"{(done.stdout + done.stderr)[-3000:]}")
    return done.stdout


def prepare(settings: Settings | None = None, plan: Plan | None = None) -> None:
    """Migrate the warehouse and Airflow's metadata database, create the pool (idempotent)."""
    from pantau.warehouse import migrate

    settings = settings or get_settings()
    migrate.upgrade()
    plan = plan or load_plan(settings)
    airflow_home(settings).mkdir(parents=True, exist_ok=True)
    _checked(["db", "migrate"], settings)
    _checked(["pools", "set", POOL, str(plan.pool_slots),
              "Pantau: concurrent warehouse connections"], settings)


def dags_test(dag_id: str, logical_date: datetime | None = None,
              settings: Settings | None = None, **extra: str) -> DagRun:
    """``airflow dags test`` one DAG (a real run, in process); its output to var/airflow/runs/."""
    import time

    settings = settings or get_settings()
    args = ["dags", "test", dag_id]
    if logical_date is not None:
        args.append(logical_date.isoformat())
    log = runs_dir(settings) / f"{dag_id}.log"
    started = time.monotonic()
    done = airflow(args, settings, log=log, **extra)
    text = log.read_text(encoding="utf-8", errors="replace")
    ok = done.returncode == 0 and "state=failed" not in text.split("Dag run finished")[-1]
    return DagRun(dag_id, ok, time.monotonic() - started, log)


def cycle_order(period: str, plan: Plan) -> list[tuple[str, datetime | None]]:
    """The DAGs of one whole cycle in dependency order, with the logical date of each.

    Ingest (every source) → build → each report level on the date its cron
    first fires after the level's period containing ``period``'s end has
    closed → maintenance.
    """
    from pantau.orchestration.steps import first_run_after, report_periods
    from pantau.sources.catalog import SOURCES

    order: list[tuple[str, datetime | None]] = [(f"pantau_ingest_{s}", None) for s in SOURCES]
    order.append(("pantau_build", None))
    ending = report_periods(period, plan.report_kinds)
    for name, level_period in ending.items():
        schedule = plan.reports[name].schedule
        order.append((f"pantau_report_{name}",
                      first_run_after(schedule, level_period, plan.timezone)))
    order.append(("pantau_maintenance", None))
    return order

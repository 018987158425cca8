"""A local Airflow for ``make demo``, ``make airflow`` and the DAG tests.

Its metadata database (SQLite) and logs live under ``var/airflow``; the DAGs
are the project's ``dags/``; the warehouse is whatever Pantau's settings
name (the embedded one by default). Airflow commands run as subprocesses
with that environment, so the project's own Airflow installation is
exercised as an operator would run it. DAG runs go through one
:mod:`pantau.orchestration.dag_runner` process per series (:class:`DagRunner`),
which runs each DAG as ``airflow dags test`` does but imports Airflow and
the DAGs' libraries once instead of once per DAG.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

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
    """Where each DAG run's output is kept, one log per DAG (the last run of it)."""
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
    # `airflow standalone` starts its components as `airflow ...` by name: the
    # virtualenv's bin must be on PATH even when the shell never activated it.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
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


class DagRunner:
    """One :mod:`~pantau.orchestration.dag_runner` process for a series of DAG runs.

    ``with DagRunner(settings) as runner: runner.run("pantau_build")``. ``extra``
    variables hold for the whole process; those given to :meth:`run` for that
    run alone (``PANTAU_*`` in the same process, anything else in a process of
    its own, since Airflow reads its configuration once). Should the process
    die, the run it had is failed and the next run starts a new one.
    """

    def __init__(self, settings: Settings | None = None, **extra: str) -> None:
        self.settings = settings or get_settings()
        self.extra = extra
        self.runs = runs_dir(self.settings)
        self._process: subprocess.Popen | None = None
        self._errors: IO[str] | None = None
        self._errors_from = 0
        self._busy = False

    def __enter__(self) -> DagRunner:
        return self

    def __exit__(self, *_exc: object) -> None:
        # Interrupted during a run (Ctrl-C): stop it as Ctrl-C stops `airflow dags test`.
        self.close(kill=self._busy)

    def _start(self) -> subprocess.Popen:
        self.runs.mkdir(parents=True, exist_ok=True)
        # The process's own output outside any run (start-up, warnings).
        self._errors = (self.runs / "dag_runner.log").open("a", encoding="utf-8")
        self._errors_from = self._errors.tell()
        return subprocess.Popen(
            [sys.executable, "-P", "-m", "pantau.orchestration.dag_runner", str(self.runs)],
            env=environment(self.settings, **self.extra), stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=self._errors, text=True, encoding="utf-8",
            bufsize=1)

    def close(self, kill: bool = False) -> None:
        """End the process: no more requests, then wait for it (it is idle between runs)."""
        process, self._process = self._process, None
        if process is not None:
            if kill:
                process.kill()
            with contextlib.suppress(BrokenPipeError):
                process.stdin.close()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            process.stdout.close()
        if self._errors is not None:
            self._errors.close()
            self._errors = None
        self._busy = False

    def run(self, dag_id: str, logical_date: datetime | None = None, **extra: str) -> DagRun:
        """Run ``dag_id`` (at ``logical_date``, default now) and wait for its end."""
        if any(not key.startswith("PANTAU_") for key in extra):
            with DagRunner(self.settings, **{**self.extra, **extra}) as alone:
                return alone.run(dag_id, logical_date)
        if self._process is None or self._process.poll() is not None:
            self.close()
            self._process = self._start()
        request = {"dag_id": dag_id, "env": extra,
                   "logical_date": logical_date.isoformat() if logical_date else None}
        started, since = time.monotonic(), time.time()
        self._busy = True
        try:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            line = self._process.stdout.readline()
        except BrokenPipeError:
            line = ""
        self._busy = False
        log = self.runs / f"{dag_id}.log"
        if not line:
            self._died(log, since)
            return DagRun(dag_id, False, time.monotonic() - started, log)
        reply = json.loads(line)
        return DagRun(dag_id, bool(reply["ok"]), float(reply["seconds"]),
                      Path(reply["log"]) if reply.get("log") else log)

    def _died(self, log: Path, since: float) -> None:
        """The process ended during a run: the run's log says so, with the process's last words."""
        code = self._process.wait()
        errors = self.runs / "dag_runner.log"
        self.close()
        with errors.open(encoding="utf-8", errors="replace") as handle:
            handle.seek(self._errors_from)
            last = handle.read().splitlines()[-40:]
        fresh = not log.exists() or log.stat().st_mtime < since  # not this run's: replace it
        with log.open("w" if fresh else "a", encoding="utf-8") as out:
            out.write("\n".join(["", *last, f"dag_runner exited with code {code} during this "
                                 f"run (its own output: {errors})", ""]))


def run_dags(requests: Iterable[tuple[str, datetime | None]], settings: Settings | None = None,
             **extra: str) -> Iterator[DagRun]:
    """Run the DAGs in order in one process, yielding each run; stop after a failed one."""
    with DagRunner(settings, **extra) as runner:
        for dag_id, logical_date in requests:
            run = runner.run(dag_id, logical_date)
            yield run
            if not run.ok:
                return


def dags_test(dag_id: str, logical_date: datetime | None = None,
              settings: Settings | None = None, **extra: str) -> DagRun:
    """One DAG run as ``airflow dags test`` makes it, in a process of its own; log in runs/."""
    with DagRunner(settings, **extra) as runner:
        return runner.run(dag_id, logical_date)


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

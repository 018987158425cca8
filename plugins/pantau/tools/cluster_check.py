"""``make cluster-check``: the demo cycle on a real CeleryExecutor cluster, then a worker killed.

`make demo` runs every DAG as ``airflow dags test`` does, in one process.
Production runs them under a scheduler that hands each task to a Celery
worker. This check starts the one-machine cluster (pantau.orchestration.
cluster) on a warehouse, folders and metadata database of its own, and:

1. unpauses the DAGs and triggers them through the REST API for the demo's
   dates, in the demo's order (every ingest DAG at once, then build, the
   regency and provincial reports, maintenance), waiting for each stage;
2. while the provincial reports render, SIGKILLs the worker rendering a
   province (its whole process group, as a lost machine): the scheduler
   fails the task after the heartbeat timeout and the retry must run on the
   other worker;
3. reads every try of every task instance from the cluster's metadata
   database: each was a Celery task (the executor's id for it is in Celery's
   result backend), which worker ran it (its hostname is the worker's Celery
   name), both workers worked, all ended in success but the killed try;
4. compares the reports with `make demo`'s: the same figures.json bytes, the
   same text in every HTML, PDF and XLSX (pantau.tools.report_diff).

The scheduler's own schedules are off in this cluster (``use_job_schedule``):
every run is one the check triggered, so what it compares is what it asked for.
"""

from __future__ import annotations

import os
import shutil
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from pantau.config import Settings, get_settings
from pantau.orchestration import cluster as clusters
from pantau.orchestration.airflow_api import FINISHED, AirflowApi, AirflowApiError
from pantau.orchestration.local_airflow import cycle_order
from pantau.orchestration.schedule import load_plan
from pantau.orchestration.steps import report_periods
from pantau.tools.report_diff import differences

DATABASE = "pantau_cluster_check"  # the check's warehouse database, dropped at each start
META = "airflow_check"  # its Airflow metadata database and role
PROVINCE_DAG = "pantau_report_province"
RENDER_TASK = "render"
NATION = "00"
OVERRIDES = (("AIRFLOW__SCHEDULER__USE_JOB_SCHEDULE", "False"),)
STAGE_TIMEOUT = 900.0
# Tasks that skip by design when nothing changed, so the Asset they feed stays as it was.
SKIPS_BY_DESIGN = frozenset({"publish", "announce_rebuilt"})


class CheckFailed(RuntimeError):
    pass


@dataclass
class Kill:
    worker: str
    province: str
    map_index: int
    run_id: str
    tries: list[dict] = field(default_factory=list)  # the killed task's tries, oldest first

    @property
    def retried_on(self) -> str | None:
        last = self.tries[-1] if self.tries else {}
        return last.get("hostname") if last.get("state") == "success" else None


@dataclass
class Result:
    seconds: dict[str, float] = field(default_factory=dict)  # stage -> wall seconds
    tries: list[dict] = field(default_factory=list)  # every try of the cycle's task instances
    reports_compared: int = 0
    differences: list[str] = field(default_factory=list)
    kill: Kill | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def tasks(self) -> list[dict]:
        """The task instances, each as its last try."""
        return [t for t in self.tries if t["is_last_try"]]

    @property
    def by_worker(self) -> Counter:
        return Counter(t["hostname"] for t in self.tasks)

    @property
    def executor(self) -> str | None:
        """CeleryExecutor when every try was a Celery task, else what is known of it."""
        if self.tries and all(t["celery_status"] for t in self.tries):
            return "CeleryExecutor"
        return None


def environment(base: Settings, landing: Path) -> dict[str, str]:
    """The check's Pantau settings: the embedded server of ``base``, a database and folders
    of its own under ``var/cluster-check``, the demo's exports as its landing."""
    return {
        "PANTAU_VAR_DIR": str(base.var_dir / "cluster-check"),
        "PANTAU_PGDATA": str(base.pgdata),
        "PANTAU_DATABASE": DATABASE,
        "PANTAU_LANDING_DIR": str(landing),
        "PANTAU_SCHEDULE_FILE": str(base.schedule_file),
    }


def _reset(settings: Settings) -> None:
    """Nothing left of a previous check: its folders, warehouse and metadata databases."""
    import psycopg
    from psycopg import sql

    from pantau.warehouse import embedded

    shutil.rmtree(settings.var_dir, ignore_errors=True)
    with psycopg.connect(embedded.start(settings.pgdata), autocommit=True) as conn:
        for name in (DATABASE, META):
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(name)))


def _same_person_key(base: Settings, settings: Settings) -> None:
    """The deployment's person key, `make demo`'s: the same pseudonyms, so the annexes list
    the same workers in the same order (``PANTAU_PERSON_KEY``, when set, is shared anyway)."""
    from pantau.warehouse import person_key

    source = person_key.key_file(base)
    if not person_key.from_environment() and source.exists():
        settings.var_dir.mkdir(parents=True, exist_ok=True)
        person_key.write_key_file(person_key.key_file(settings), source.read_bytes())


def run(reference: Path, landing: Path, period: str,
        say: Callable[[str], None] = print, keep: bool = False) -> Result:
    """The whole check; ``reference`` holds `make demo`'s reports of ``period``'s cycle.
    ``keep``: leave the cluster running (its UI shows the cycle) for
    ``PANTAU_VAR_DIR=var/cluster-check pantau airflow cluster stop``."""
    base = get_settings()
    if base.warehouse_url:
        raise CheckFailed("the cluster check runs on the embedded warehouse "
                          "(PANTAU_WAREHOUSE_URL is set)")
    if clusters.running(clusters.default()):
        raise CheckFailed("`make cluster` is running on the same ports: `make cluster-stop`")
    os.environ.update(environment(base, landing))
    get_settings.cache_clear()
    settings = get_settings()
    _reset(settings)
    _same_person_key(base, settings)
    cluster = clusters.Cluster(settings, meta=META, overrides=OVERRIDES)
    result = Result()
    started = time.monotonic()
    try:
        up = clusters.start(cluster)
        result.seconds["start"] = time.monotonic() - started
        say(f"cluster up in {result.seconds['start']:.0f} s: {up['api']} "
            f"({', '.join(up['pids'])})")
        with AirflowApi(up["api"], *up["login"]) as api:
            _check(api, cluster, reference, period, result, say)
    except (AirflowApiError, clusters.ClusterError, CheckFailed) as exc:
        result.problems.append(str(exc))
    finally:
        stopped = time.monotonic()
        if not keep:
            clusters.stop(cluster)
            result.seconds["stop"] = time.monotonic() - stopped
        result.seconds["total"] = time.monotonic() - started
    return result


def _check(api: AirflowApi, cluster: clusters.Cluster, reference: Path, period: str,
           result: Result, say: Callable[[str], None]) -> None:
    plan = load_plan(cluster.settings)
    order = cycle_order(period, plan)
    api.wait_for_dags([dag_id for dag_id, _ in order])
    for dag_id, _ in order:
        api.unpause(dag_id)
    runs = _run_cycle(api, cluster, order, result, say)
    result.tries = _tries(cluster, [run_id for _, run_id in runs])
    _judge_tasks(result)
    if result.kill is None:
        result.problems.append("no worker was killed: the provincial reports did not render")
    else:
        _judge_kill(result)
    periods = sorted(report_periods(period, plan.report_kinds).values())
    started = time.monotonic()
    result.reports_compared, result.differences = _compare(
        reference, cluster.settings.reports_dir, periods)
    result.seconds["compare"] = time.monotonic() - started
    if result.differences:
        result.problems.append(f"{len(result.differences)} report files differ from make "
                               f"demo's: {result.differences[:5]}")


def _tries(cluster: clusters.Cluster, run_ids: list[str]) -> list[dict]:
    """Every try of the runs' task instances, with Celery's state of it (metadata DB)."""
    import psycopg
    from psycopg.conninfo import make_conninfo
    from psycopg.rows import dict_row

    from pantau.warehouse import embedded, sql_files

    server = embedded.start(cluster.settings.pgdata)
    with psycopg.connect(make_conninfo(server, dbname=cluster.meta, user=cluster.meta),
                         row_factory=dict_row) as conn:
        return conn.execute(sql_files.render("tools/cluster_check_task_instances.sql"),
                            {"run_ids": run_ids}).fetchall()


def _run_cycle(api: AirflowApi, cluster: clusters.Cluster,
               order: list[tuple[str, datetime | None]], result: Result,
               say: Callable[[str], None]) -> list[tuple[str, str]]:
    """Trigger the cycle stage by stage (the ingest DAGs together), killing a worker during
    the provincial reports; the runs made."""
    stages: list[list[tuple[str, datetime | None]]] = []
    for dag_id, when in order:
        if stages and dag_id.startswith("pantau_ingest_") and \
                stages[-1][0][0].startswith("pantau_ingest_"):
            stages[-1].append((dag_id, when))
        else:
            stages.append([(dag_id, when)])
    runs: list[tuple[str, str]] = []
    for stage in stages:
        started = time.monotonic()
        triggered = [(dag_id, api.trigger(dag_id, when)) for dag_id, when in stage]
        if stage[0][0] == PROVINCE_DAG:
            result.kill = _kill_while_rendering(api, cluster, triggered[0][1], say)
        states = api.wait(triggered, STAGE_TIMEOUT)
        name = "ingest" if len(stage) > 1 else stage[0][0]
        result.seconds[name] = time.monotonic() - started
        runs += triggered
        failed = [key for key, state in states.items() if state != "success"]
        on = f" for {stage[0][1]:%Y-%m-%d %H:%M %Z}" if stage[0][1] else ""
        say(f"  {name}{on}: {len(stage)} run(s) "
            f"{'success' if not failed else 'FAILED'} ({result.seconds[name]:.0f} s)")
        if failed:
            raise CheckFailed(f"runs failed: {failed}: " + "; ".join(
                f"{ti['dag_id']}.{ti['task_id']}[{ti['map_index']}] {ti['state']}"
                for dag_id, run_id in failed for ti in api.task_instances(dag_id, run_id)
                if ti["state"] not in ("success", "skipped")))
    return runs


def _judge_tasks(result: Result) -> None:
    """Every try was a Celery task run by one of the cluster's workers; every task instance
    succeeded (or skipped by design); both workers worked."""
    workers = {clusters.worker_hostname(name) for name in clusters.WORKERS}
    for t in result.tries:
        where = f"{t['dag_id']}.{t['task_id']}[{t['map_index']}] try {t['try_number']}"
        if not t["celery_status"]:
            result.problems.append(f"{where} was not a Celery task (no result for "
                                   f"{t['external_executor_id']})")
        if t["hostname"] not in workers:
            result.problems.append(f"{where} ran on {t['hostname']}, not a Celery worker")
        ended_well = t["state"] == "success" or (
            t["state"] == "skipped" and t["task_id"] in SKIPS_BY_DESIGN)
        if t["is_last_try"] and not ended_well:
            result.problems.append(f"{where} ended {t['state']}")
    idle = sorted(workers - set(result.by_worker))
    if idle:
        result.problems.append(f"{', '.join(idle)} ran no task")


def _judge_kill(result: Result) -> None:
    """The killed render's first try was on the killed worker, its last succeeded on the
    other."""
    kill = result.kill
    kill.tries = [t for t in result.tries if t["dag_id"] == PROVINCE_DAG
                  and t["run_id"] == kill.run_id and t["task_id"] == RENDER_TASK
                  and t["map_index"] == kill.map_index]
    killed = clusters.worker_hostname(kill.worker)
    survivor = next(clusters.worker_hostname(name) for name in clusters.WORKERS
                    if name != kill.worker)
    if not kill.tries or kill.tries[0]["hostname"] != killed or len(kill.tries) < 2:
        result.problems.append(f"render[{kill.province}] has no try killed on {killed}: "
                               f"{kill.tries}")
    if kill.retried_on != survivor:
        result.problems.append(f"render[{kill.province}] was not retried on {survivor}")


def _compare(reference: Path, output: Path, periods: list[str]) -> tuple[int, list[str]]:
    """(regions compared, one line per file that differs) over the periods' report trees."""
    found: list[str] = []
    count = 0
    for period in periods:
        if not (reference / period).is_dir():
            found.append(f"{period}: make demo wrote no reports in {reference / period}")
            continue
        count += sum(1 for _ in (reference / period).rglob("figures.json"))
        found += [f"{period}/{line}" for line in
                  differences(reference / period, output / period, across_warehouses=True)]
    return count, found


def _kill_while_rendering(api: AirflowApi, cluster: clusters.Cluster, run_id: str,
                          say: Callable[[str], None]) -> Kill:
    """SIGKILL the worker seen rendering a province in the provincial run ``run_id``."""
    started = time.monotonic()
    victim = _rendering_a_province(api, run_id)
    kill = Kill(victim["hostname"].split("@")[0], victim["province"], victim["map_index"],
                run_id)
    clusters.kill(cluster, kill.worker)
    say(f"  SIGKILL {kill.worker} while it renders province {kill.province} "
        f"({time.monotonic() - started:.0f} s into {PROVINCE_DAG}); the scheduler fails its "
        f"tasks after {clusters.HEARTBEAT_TIMEOUT} s without a heartbeat")
    return kill


def _rendering_a_province(api: AirflowApi, run_id: str, timeout: float = 600) -> dict:
    """The first render task instance seen running a province (not the nation) for a
    couple of seconds on a worker, with its province."""
    deadline = time.monotonic() + timeout
    provinces: list[str] | None = None
    while time.monotonic() < deadline:
        tis = api.task_instances(PROVINCE_DAG, run_id)
        if provinces is None and any(ti["task_id"] == "provinces" and ti["state"] == "success"
                                     for ti in tis):
            provinces = api.xcom(PROVINCE_DAG, run_id, "provinces")
        for ti in tis:
            if ti["task_id"] != RENDER_TASK or ti["state"] != "running" \
                    or not ti["hostname"] or provinces is None or not ti["start_date"]:
                continue
            province = provinces[ti["map_index"]]
            running_for = (datetime.now(UTC)
                           - datetime.fromisoformat(ti["start_date"])).total_seconds()
            if province != NATION and running_for >= 2:
                return {**ti, "province": province}
        if api.run(PROVINCE_DAG, run_id)["state"] in FINISHED:
            break
        time.sleep(0.5)
    raise CheckFailed("no province render was seen running: nothing to kill")

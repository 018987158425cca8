"""Maintenance: Data Docs rebuild, retention policy, VACUUM ANALYZE.

Schedule: ``[maintenance]`` in dags/schedule.toml (Sundays 03:00). Retention
removes nothing unless ``[maintenance.retention]`` sets a policy; every pass
is recorded in audit.retention_action.
"""

from __future__ import annotations

import pendulum
from airflow.sdk import CronTriggerTimetable, dag, task

from pantau.orchestration import maintenance
from pantau.orchestration.alerts import on_task_failure
from pantau.orchestration.errors import task_defaults
from pantau.orchestration.schedule import POOL, load_plan

PLAN = load_plan()


@dag(
    dag_id="pantau_maintenance",
    schedule=CronTriggerTimetable(PLAN.maintenance_schedule, timezone=PLAN.timezone),
    start_date=pendulum.datetime(2024, 1, 1, tz=PLAN.timezone),
    catchup=False,
    max_active_runs=1,
    default_args=task_defaults(on_task_failure),
    tags=["pantau", "maintenance"],
    doc_md=__doc__,
)
def pantau_maintenance():
    @task(pool=POOL)
    def rebuild_data_docs() -> str:
        return maintenance.rebuild_data_docs()

    @task(pool=POOL)
    def apply_retention() -> dict:
        return maintenance.apply_retention(PLAN.retention)

    @task(pool=POOL)
    def vacuum_analyze() -> float:
        return maintenance.vacuum_analyze()

    rebuild_data_docs()
    apply_retention() >> vacuum_analyze()


pantau_maintenance()

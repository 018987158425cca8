"""Maintenance: Data Docs rebuild, retention policy, VACUUM ANALYZE.

Schedule: ``[maintenance]`` in dags/schedule.toml (Sundays 03:00). Retention
removes nothing unless ``[maintenance.retention]`` sets a policy (archived
files, audit logs, and with ``pii_days`` the personal data of old batches
already in core); every pass is recorded in audit.retention_action.
"""

from __future__ import annotations

from airflow.sdk import CronTriggerTimetable, dag, task

from pantau.orchestration import maintenance
from pantau.orchestration.dag_args import dag_args
from pantau.orchestration.schedule import POOL, load_plan

PLAN = load_plan()


@dag(
    dag_id="pantau_maintenance",
    schedule=CronTriggerTimetable(PLAN.maintenance_schedule, timezone=PLAN.timezone),
    max_active_runs=1,
    **dag_args("maintenance", __doc__, PLAN),
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

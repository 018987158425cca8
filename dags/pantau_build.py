"""Build: rebuild the periods whose picture changed, after any source's Asset update.

Schedule: any source Asset (new validated batches) or, as the spine that does
not depend on Asset events, ``[build].schedule`` in dags/schedule.toml. A run
first rebuilds every stale period only where its change reaches (a late file
for an old period rebuilds only that period, and in it only the regions the
file reaches: ``pantau.build.partial``), then builds the unbuilt quarters and
semesters new snapshots fall in; each period is one idempotent transaction.
"""

from __future__ import annotations

from airflow.sdk import AssetAny, AssetOrTimeSchedule, CronTriggerTimetable, dag, task
from airflow.sdk.exceptions import AirflowSkipException

from pantau.orchestration import steps
from pantau.orchestration.assets import MARTS, SOURCE_ASSETS
from pantau.orchestration.dag_args import dag_args
from pantau.orchestration.schedule import POOL, load_plan

PLAN = load_plan()


@dag(
    dag_id="pantau_build",
    schedule=AssetOrTimeSchedule(
        timetable=CronTriggerTimetable(PLAN.build_schedule, timezone=PLAN.timezone),
        assets=AssetAny(*SOURCE_ASSETS.values()),
    ),
    max_active_runs=1,
    **dag_args("build", __doc__, PLAN),
)
def pantau_build():
    # Every stale period in one task: what the loads change is kept once for them all.
    @task(pool=POOL, max_active_tis_per_dag=1)
    def rebuild_stale() -> list[dict]:
        return steps.rebuild_stale()

    # The marts Asset moves only when a stale period was rebuilt, as the ingest's does.
    @task(pool=POOL, outlets=[MARTS])
    def announce_rebuilt(rebuilt: list[dict]) -> None:
        if not rebuilt:
            raise AirflowSkipException("no stale period: the marts stay as they were")

    @task(pool=POOL)
    def periods_to_build() -> list[str]:
        return steps.periods_to_build(PLAN.build_kinds)

    # One build at a time: builds share the fact tables and take one lock anyway.
    @task(pool=POOL, outlets=[MARTS], max_active_tis_per_dag=1)
    def build_period(period: str) -> dict:
        return steps.build(period)

    rebuilt = rebuild_stale()
    announce_rebuilt(rebuilt)
    periods = periods_to_build()
    rebuilt >> periods
    build_period.expand(period=periods)


pantau_build()

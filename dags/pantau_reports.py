"""Reports, one DAG per region level: render the period that just closed.

Schedules: ``[reports.regency]`` (quarterly) and ``[reports.province]`` (per
semester) in dags/schedule.toml. A run works out the period that closed
before its date (or takes ``period`` from the run's params), builds it and
the period before it when missing or stale, fans rendering out over the
provinces with data (one task renders a province's regions), then queues
the reports for their recipients. Backfill any past period with
``airflow backfill create --dag-id pantau_report_regency --from-date ... --to-date ...``
(README, "Backfill").
"""

from __future__ import annotations

import pendulum
from airflow.sdk import CronTriggerTimetable, Param, dag, task

from pantau.config import get_settings
from pantau.orchestration import steps
from pantau.orchestration.alerts import on_task_failure
from pantau.orchestration.errors import task_defaults
from pantau.orchestration.schedule import POOL, ReportLevel, load_plan

PLAN = load_plan()


def report_dag(level: ReportLevel):
    @dag(
        dag_id=f"pantau_report_{level.level}",
        schedule=CronTriggerTimetable(level.schedule, timezone=PLAN.timezone),
        start_date=pendulum.datetime(2020, 1, 1, tz=PLAN.timezone),
        catchup=False,
        max_active_runs=2,
        default_args=task_defaults(on_task_failure),
        params={"period": Param(None, type=["null", "string"],
                                description=f"a {level.period_kind} to render instead of the "
                                            "one that just closed, e.g. 2024-Q4 or 2024-S2")},
        tags=["pantau", "report"],
        doc_md=__doc__,
    )
    def report():
        @task
        def closed_period(**context) -> str:
            chosen = context["params"].get("period")
            when = context.get("logical_date") or context["dag_run"].run_after
            return chosen or steps.closed_period(level.period_kind, when, PLAN.timezone)

        @task(pool=POOL)
        def build_if_needed(period: str) -> list[dict]:
            return steps.ensure_built(period)

        @task(pool=POOL)
        def provinces(period: str) -> list[str]:
            return steps.provinces_to_render(period, PLAN.report_regions)

        @task(pool=POOL)
        def render(province: str, period: str) -> list[str]:
            return steps.render_province(period, province, str(get_settings().reports_dir),
                                         PLAN.report_regions)

        @task(pool=POOL)
        def deliver(period: str, rendered: list[list[str]]) -> dict:
            return steps.deliver(period)

        period = closed_period()
        regions = provinces(period)
        build_if_needed(period) >> regions
        rendered = render.partial(period=period).expand(province=regions)
        if PLAN.deliver:
            deliver(period, rendered)

    return report()


for _level in PLAN.reports.values():
    globals()[f"pantau_report_{_level.level}"] = report_dag(_level)

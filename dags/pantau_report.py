"""Reports, one DAG per region level: render the period that just closed.

Schedules: ``[reports.regency]`` (quarterly) and ``[reports.province]`` (per
semester) in dags/schedule.toml. A run works out the period that closed
before its date (or takes ``period`` from the run's params), builds it and
the period before it when missing or stale, fans rendering out over the
provinces with data (one task renders a province's regions; in a semester
the nation, region 00, is one more such task), then queues
the reports for their recipients. Backfill any past period with
``airflow backfill create --dag-id pantau_report_regency --from-date ... --to-date ...``
(docs/operations.md, "Backfill").
"""

from __future__ import annotations

from datetime import date

from airflow.sdk import CronTriggerTimetable, Param, dag, task

from pantau.orchestration import steps
from pantau.orchestration.dag_args import dag_args
from pantau.orchestration.schedule import POOL, REPORTS_QUEUE, ReportLevel, load_plan

PLAN = load_plan()


def report_dag(level: ReportLevel):
    @dag(
        dag_id=f"pantau_report_{level.level}",
        schedule=CronTriggerTimetable(level.schedule, timezone=PLAN.timezone),
        max_active_runs=2,
        params={"period": Param(None, type=["null", "string"],
                                description=f"a {level.period_kind} to render instead of the "
                                            "one that just closed, e.g. 2024-Q4 or 2024-S2")},
        **dag_args("report", __doc__, PLAN, start=date(2020, 1, 1)),  # backfill from 2020
    )
    def report():
        @task
        def which_period(**context) -> str:
            when = context.get("logical_date") or context["dag_run"].run_after
            return steps.period_to_report(level.period_kind, context["params"].get("period"),
                                          when, PLAN.timezone)

        @task(pool=POOL)
        def build_if_needed(period: str) -> list[dict]:
            return steps.ensure_built(period)

        @task(pool=POOL)
        def provinces(period: str) -> list[str]:
            return steps.provinces_to_render(period, PLAN.report_regions)

        @task(pool=POOL, queue=REPORTS_QUEUE)  # a worker of the reports queue (CeleryExecutor)
        def render(province: str, period: str) -> list[str]:
            return steps.render_province(period, province, scope=PLAN.report_regions)

        @task(pool=POOL)
        def deliver(period: str, rendered: list[list[str]]) -> dict:
            return steps.deliver(period)

        period = which_period()
        regions = provinces(period)
        build_if_needed(period) >> regions
        rendered = render.partial(period=period).expand(province=regions)
        if PLAN.deliver:
            deliver(period, rendered)

    return report()


for _level in PLAN.reports.values():
    globals()[f"pantau_report_{_level.level}"] = report_dag(_level)

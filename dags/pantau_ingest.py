"""Ingest, one DAG per source: new exports in the landing location → warehouse → quality gate.

Schedule: ``[ingest]`` in dags/schedule.toml (every 30 minutes by default).
Each run lists the files whose bytes were never delivered, ingests them in
parallel groups (one warehouse connection each, bounded by the
``pantau_warehouse`` pool), validates every waiting batch of the source with
its GX suite, and updates the source's Asset when batches were validated.
A rejected file or batch fails the run at once (no retry), the reasons in the
task log and in audit.batch.
"""

from __future__ import annotations

from airflow.sdk import CronTriggerTimetable, Metadata, dag, task
from airflow.sdk.exceptions import AirflowSkipException

from pantau.orchestration import steps
from pantau.orchestration.assets import SOURCE_ASSETS
from pantau.orchestration.dag_args import dag_args
from pantau.orchestration.schedule import POOL, load_plan

PLAN = load_plan()


def ingest_dag(source: str):
    asset = SOURCE_ASSETS[source]

    @dag(
        dag_id=f"pantau_ingest_{source}",
        schedule=CronTriggerTimetable(PLAN.ingest_schedule, timezone=PLAN.timezone),
        max_active_runs=1,
        **dag_args("ingest", __doc__, PLAN),
    )
    def ingest():
        @task(pool=POOL)
        def find_new_files() -> list[list[dict]]:
            return steps.new_file_groups(PLAN.landing_for(source), PLAN.parallel_groups)

        @task(pool=POOL)
        def ingest_group(files: list[dict]) -> dict:
            return steps.ingest_files(files, source)

        @task(pool=POOL, trigger_rule="none_failed")
        def validate() -> dict:
            return steps.validate([source])

        @task(outlets=[asset])
        def publish(verdict: dict):
            if not verdict["validated"]:
                raise AirflowSkipException("no newly validated batch: the Asset stays as it was")
            yield Metadata(asset, {"batches": verdict["validated"]})

        @task(trigger_rule="none_failed")
        def check(tallies: list[dict], verdict: dict) -> None:
            steps.raise_if_rejected(source, list(tallies or []), verdict)

        tallies = ingest_group.expand(files=find_new_files())
        verdict = validate()
        tallies >> verdict
        publish(verdict)
        check(tallies, verdict)

    return ingest()


for _source in SOURCE_ASSETS:
    globals()[f"pantau_ingest_{_source}"] = ingest_dag(_source)

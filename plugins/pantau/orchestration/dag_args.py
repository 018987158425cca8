"""What every Pantau DAG shares: start, no catch-up, retries, the failure alert, owner, tags."""

from __future__ import annotations

from datetime import date

from pantau.orchestration.alerts import on_task_failure
from pantau.orchestration.errors import task_defaults
from pantau.orchestration.schedule import Plan

# The team that answers for the DAGs: Airflow shows it as every task's owner.
OWNER = "pantau-data-engineering"
# The closed list of kinds a DAG may be; its tags are "pantau" and its kind.
KINDS = ("ingest", "build", "report", "maintenance")


def dag_args(kind: str, doc: str | None, plan: Plan, start: date = date(2024, 1, 1)) -> dict:
    """Keyword arguments for ``@dag``: scheduled runs start now (no catch-up); the past is
    reached by backfill, which ``start`` bounds."""
    import pendulum

    if kind not in KINDS:
        raise ValueError(f"DAG kind {kind!r} is not one of {', '.join(KINDS)}")
    return {
        "start_date": pendulum.datetime(start.year, start.month, start.day, tz=plan.timezone),
        "catchup": False,
        "default_args": {**task_defaults(on_task_failure), "owner": OWNER},
        "tags": ["pantau", kind],
        "doc_md": doc,
    }

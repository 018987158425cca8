"""The DAG files parsed as Airflow's dag-processor parses them, with every way to a database cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.paths import DAGS_DIR


def parse_dags(monkeypatch: pytest.MonkeyPatch, schedule: Path | None = None):
    """Parse dags/ the way the dag-processor does, with every way to a database cut off."""
    import psycopg
    from airflow.dag_processing.dagbag import DagBag

    from pantau.config import get_settings
    from pantau.orchestration.schedule import POOL
    from pantau.warehouse import embedded

    def refuse(*args, **kwargs):
        raise AssertionError("a DAG file touched the warehouse while being parsed")

    monkeypatch.setattr(psycopg, "connect", refuse)
    monkeypatch.setattr(psycopg.Connection, "connect", refuse)
    monkeypatch.setattr(embedded, "start", refuse)
    monkeypatch.setenv("PANTAU_WAREHOUSE_URL", "postgresql://nobody@127.0.0.1:1/nowhere")
    if schedule is not None:
        monkeypatch.setenv("PANTAU_SCHEDULE_FILE", str(schedule))
    get_settings.cache_clear()
    try:
        return DagBag(dag_folder=DAGS_DIR, known_pools={POOL, "default_pool"})
    finally:
        get_settings.cache_clear()

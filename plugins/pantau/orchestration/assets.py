"""The Airflow Assets Pantau's DAGs update: one per source, one for the marts.

An ingest run updates its source's Asset when it validated new batches; the
build DAG is scheduled on those (and, as a spine, on a cron: Asset events are
the fast path, not the guarantee); a build updates the marts Asset, which
the UI shows as the reports' input.
"""

from __future__ import annotations

from airflow.sdk import Asset

from pantau.sources.catalog import SOURCES


def source_asset(source: str) -> Asset:
    return Asset(name=f"pantau_source_{source}", uri=f"pantau://warehouse/staging/{source}",
                 group="pantau_sources")


SOURCE_ASSETS = {source: source_asset(source) for source in SOURCES}
MARTS = Asset(name="pantau_marts", uri="pantau://warehouse/mart", group="pantau_marts")

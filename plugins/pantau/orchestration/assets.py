"""The Airflow Assets Pantau's DAGs update: one per source, one for the marts.

An ingest run updates its source's Asset when it validated new batches; the
build DAG is scheduled on those (and, as a spine, on a cron: Asset events are
the fast path, not the guarantee); a build updates the marts Asset, which
the UI shows as the reports' input.

The DAGs refer to the Assets by these objects and the tests by their names;
the URIs name the warehouse tables as OpenLineage does
(``postgres://host:port/database/schema/table``, pantau.lineage.naming), so
that lineage consumers and the Airflow UI agree on what a source's Asset is:
``staging.<source>``, and for the marts ``mart.region_figures``, the table
every report starts from. The OpenLineage provider turns a ``postgres://``
Asset into a dataset only with the postgres provider installed, which Pantau
does not need: the tables go out through pantau.lineage instead
(docs/lineage.md). A ``pantau://`` URI, as before, was dropped by both.
"""

from __future__ import annotations

from airflow.sdk import Asset

from pantau.lineage.naming import warehouse
from pantau.sources.catalog import SOURCES

MARTS_TABLE = "mart.region_figures"


def source_asset(source: str) -> Asset:
    return Asset(name=f"pantau_source_{source}", uri=warehouse().asset_uri(f"staging.{source}"),
                 group="pantau_sources")


SOURCE_ASSETS = {source: source_asset(source) for source in SOURCES}
MARTS = Asset(name="pantau_marts", uri=warehouse().asset_uri(MARTS_TABLE), group="pantau_marts")

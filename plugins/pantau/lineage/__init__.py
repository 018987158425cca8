"""OpenLineage for Pantau's tasks: what each one really read and wrote.

Pantau's tasks run their SQL through psycopg and COPY, which the OpenLineage
provider cannot see; left alone it would emit task events without a single
dataset. This package names the datasets of each step (landing files, the
warehouse's tables, the Data Docs and report files), attaches the quality
gate's results as ``dataQualityAssertions``, and hands them to the provider's
manual API from inside the running task (docs/lineage.md).

Nothing here may slow down or fail a task: without an OpenLineage transport,
or outside an Airflow task (``pantau run``), :func:`publish` returns before
collecting anything, and any error while collecting or emitting is logged
and swallowed. Modules: ``naming`` (dataset names, the Assets' URIs),
``sql_tables`` (the tables a SQL file reads and writes), ``assertions`` (the
gate's results as facets), ``datasets`` (each step's inputs and outputs),
``emit`` (the one door to the provider).
"""

from __future__ import annotations

from pantau.lineage.emit import active, publish

__all__ = ["active", "publish"]

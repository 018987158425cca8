"""Imported by each Celery worker at start (pantau.orchestration.celery_config): the
libraries Pantau's task processes would otherwise import one by one."""

from __future__ import annotations

import great_expectations  # noqa: F401  - the validation tasks
import matplotlib  # noqa: F401  - the rendering tasks' charts and maps
import pandas  # noqa: F401  - every stage
import psycopg  # noqa: F401
import sqlalchemy  # noqa: F401
import weasyprint  # noqa: F401  - the rendering tasks' PDFs

import pantau.ingest.pipeline
import pantau.orchestration.steps
import pantau.quality.gate
import pantau.reports.render  # noqa: F401

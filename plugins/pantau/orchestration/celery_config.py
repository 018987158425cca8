"""The Celery app of Pantau's workers (``[celery] celery_config_options``): Airflow's
defaults, plus the libraries Pantau's tasks use, imported once per worker.

Every task runs in a process forked from its worker. A task that validates
imports Great Expectations (about 5 s here), one that renders imports
WeasyPrint and matplotlib, every one pandas, SQLAlchemy and psycopg: paid
again by each of the cycle's hundred task processes unless the worker has
them already. Celery imports the modules named in ``imports`` when the worker
starts, before its pool forks (Airflow's own provider preloads its modules
the same way), so the task processes inherit them.
"""

from __future__ import annotations

from airflow.providers.celery.executors.default_celery import DEFAULT_CELERY_CONFIG

CELERY_CONFIG = {**DEFAULT_CELERY_CONFIG, "imports": ("pantau.orchestration.worker_preload",)}

"""Which failures are worth retrying: the warehouse going away, not a bad file.

A rejected file or a failed quality gate gives the same answer however often
it is retried, so those fail the task at once; a lost connection, a database
restarting or a deadlock usually does not recur, so those are retried with
exponential backoff.
"""

from __future__ import annotations

import importlib
from datetime import timedelta

# Dotted paths: the retry policy is serialised with the DAG by name.
# psycopg's OperationalError covers a lost connection, AdminShutdown,
# CannotConnectNow, serialization failures and deadlocks.
TRANSIENT = [
    "pantau.warehouse.connection.WarehouseUnreachable",
    "psycopg.OperationalError",
    "sqlalchemy.exc.OperationalError",
    "builtins.ConnectionError",
    "builtins.TimeoutError",
]
RETRIES = 4
RETRY_DELAY = timedelta(seconds=30)
BACKOFF = 2.0  # 30 s, 1 min, 2 min, 4 min
MAX_RETRY_DELAY = timedelta(minutes=15)


class CycleFailure(RuntimeError):
    """A failure retrying cannot fix; its message is the reason, shown in the task log."""


class FilesRejected(CycleFailure):
    """Files or batches were rejected (at ingest or by the quality gate); see audit.batch."""


class GateFailed(CycleFailure):
    """The quality gate could not run; the batches stay waiting for the next run."""


def _class(dotted: str) -> type[BaseException]:
    module, _, name = dotted.rpartition(".")
    return getattr(importlib.import_module(module), name)


def is_transient(exc: BaseException) -> bool:
    """True when ``exc`` is one of the :data:`TRANSIENT` kinds, exactly as the retry policy
    decides (it looks at the raised exception, not at what caused it)."""
    return isinstance(exc, tuple(_class(path) for path in TRANSIENT))


def describe(exc: BaseException) -> str:
    """``Type: message`` safe for logs, mail and audit: no value from a data row.

    PostgreSQL quotes the offending value after a colon and in its DETAIL
    (``Key (nomor_paspor)=(...)``), and that value may be personal data, so
    for database errors only the head of the primary message is kept.
    Pantau's own exceptions name file, row and column, never the value.
    """
    import psycopg

    database_error = getattr(exc, "orig", None) or exc  # SQLAlchemy wraps the driver's
    if isinstance(database_error, psycopg.Error):
        primary = database_error.diag.message_primary or type(database_error).__name__
        return f"{type(database_error).__name__}: {primary.split(':', 1)[0]}"
    return f"{type(exc).__name__}: {exc}"


def retry_policy():
    """Retry the transient kinds; fail everything else at once."""
    from airflow.sdk import ExceptionRetryPolicy, RetryAction, RetryRule

    return ExceptionRetryPolicy(
        rules=[RetryRule(exception=list(TRANSIENT), action=RetryAction.RETRY,
                         reason="transient warehouse or network failure: retrying")],
        default=RetryAction.FAIL,
    )


def task_defaults(on_failure) -> dict:
    """``default_args`` every Pantau DAG shares."""
    return {
        "retries": RETRIES,
        "retry_delay": RETRY_DELAY,
        "retry_exponential_backoff": BACKOFF,
        "max_retry_delay": MAX_RETRY_DELAY,
        "retry_policy": retry_policy(),
        "on_failure_callback": on_failure,
    }

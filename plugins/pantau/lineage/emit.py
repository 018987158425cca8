"""The one door to the OpenLineage provider: emit a task's datasets, or do nothing.

:func:`publish` takes a function that collects the datasets, not the
datasets: when lineage is off (no transport configured, the lineage extra
not installed, or not inside an Airflow task, as in ``pantau run``) nothing
is collected, no query runs, and the provider is not even imported, so users
without OpenLineage pay nothing. When it is on, the datasets go out through
the provider's manual API (``emit_dataset_lineage``): a RUNNING event of the
task's own run, which consumers merge with its START and COMPLETE events.
Neither collecting nor emitting may fail the task: errors are logged, never
raised (the provider's own helper swallows its errors too).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openlineage.client.event_v2 import InputDataset, OutputDataset

log = logging.getLogger(__name__)

Collected = tuple[Sequence["InputDataset"], Sequence["OutputDataset"]]


def active() -> bool:
    """True inside a running Airflow task with an OpenLineage transport configured."""
    if "airflow.sdk" not in sys.modules:  # no task runs in a process without Airflow
        return False
    try:
        from airflow.providers.openlineage import conf
    except ImportError:  # the lineage extra is not installed
        return False
    try:
        if conf.is_disabled():
            return False
        from airflow.sdk import get_current_context

        get_current_context()
    except Exception:  # no task context (a library call, a test) or a broken config
        return False
    return True


def publish(what: str, collect: Callable[[], Collected]) -> None:
    """Emit what ``collect()`` returns as the running task's inputs and outputs."""
    if not active():
        return
    try:
        inputs, outputs = collect()
        if not inputs and not outputs:
            return
        from airflow.providers.openlineage.api import emit_dataset_lineage

        emit_dataset_lineage(inputs=list(inputs), outputs=list(outputs))
        log.info("lineage of %s: %d input(s), %d output(s)", what, len(inputs), len(outputs))
    except Exception as exc:
        log.warning("lineage of %s not emitted (the task goes on): %s: %s", what,
                    type(exc).__name__, exc)

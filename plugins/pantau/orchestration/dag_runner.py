"""Run DAGs one after another in one process, each as ``airflow dags test`` runs it.

``airflow dags test DAG DATE`` imports Airflow, parses the DAG folder and runs
one DagRun in process; a cycle of twelve DAGs paid that start-up twelve times.
This process pays it once and then serves requests::

    python -P -m pantau.orchestration.dag_runner RUNS_DIR

with the environment of :func:`pantau.orchestration.local_airflow.environment`
(``DagRunner`` there starts and feeds it). Protocol, one JSON object a line:

* stdin, a request: ``{"dag_id": "pantau_build", "logical_date": "2025-01-04T23:00:00+00:00",
  "env": {"PANTAU_LANDING_DIR": "..."}}``; ``logical_date`` may be null or
  absent (now, as the command's default), ``env`` (``PANTAU_*`` only) holds
  for that run alone;
* stdout, the reply once the run has ended: ``{"dag_id": ..., "ok": true,
  "state": "success", "seconds": 41.2, "log": "RUNS_DIR/pantau_build.log",
  "error": null}``; ``ok`` is the DagRun's state being success.

Each run does what the command does: a fresh parse of the DAG folder with the
DAG synced to the metadata database (``get_bagged_dag``), then
``dag.test(logical_date=...)``. Fresh, because a run renders its operators'
templated fields in place: a DAG object must never serve two runs. The
import of Airflow, Pantau and the DAG files' libraries is what is shared.

Everything a run writes to stdout or stderr (Airflow's logging, the tasks'
own logging, prints, child processes) goes to ``RUNS_DIR/<dag_id>.log``,
nothing else; between runs the output goes to stderr. End of stdin ends the
process.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO


@dataclass(frozen=True)
class Request:
    dag_id: str
    logical_date: str | None = None
    env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, line: str) -> Request:
        data = json.loads(line)
        env = {str(k): str(v) for k, v in (data.get("env") or {}).items()}
        outside = sorted(k for k in env if not k.startswith("PANTAU_"))
        if outside:  # Airflow reads its configuration once per process
            raise ValueError(f"only PANTAU_* variables can change per run, not {outside}")
        return cls(str(data["dag_id"]), data.get("logical_date"), env)


def _flush() -> None:
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    for handler in logging.getLogger().handlers:
        handler.flush()


@contextmanager
def _output_to(path: Path) -> Iterator[None]:
    """File descriptors 1 and 2 (and so sys.stdout, sys.stderr, children) to ``path``."""
    _flush()
    saved = os.dup(2)
    with path.open("w", encoding="utf-8") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield
        finally:
            _flush()
            os.dup2(saved, 1)
            os.dup2(saved, 2)
            os.close(saved)


@contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """``env`` in os.environ and in Pantau's settings for one run, then as before."""
    from pantau.config import get_settings

    before = {key: os.environ.get(key) for key in env}
    os.environ.update(env)
    get_settings.cache_clear()
    try:
        yield
    finally:
        for key, value in before.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()


def start_airflow() -> None:
    """What the ``airflow`` command does before any sub-command (import airflow configured it)."""
    import airflow  # noqa: F401  - configures settings, logging and the ORM
    from airflow.configuration import write_default_airflow_configuration_if_needed
    from airflow.providers_manager import ProvidersManager

    write_default_airflow_configuration_if_needed()
    ProvidersManager().initialize_providers_configuration()


def run_one(request: Request) -> tuple[str, str | None]:
    """``airflow dags test`` in process: (the DagRun's state, an error if it did not run)."""
    from airflow import settings
    from airflow._shared.timezones import timezone
    from airflow.utils.cli import get_bagged_dag

    try:
        logical_date = (timezone.parse(request.logical_date) if request.logical_date
                        else timezone.utcnow())
        dag = get_bagged_dag(bundle_names=None, dag_id=request.dag_id)
        run = dag.test(logical_date=logical_date)
        state = str(getattr(run.state, "value", run.state))
        return state, None
    except Exception as exc:  # the run's log gets the trace; the parent gets the state
        traceback.print_exc()
        return "error", f"{type(exc).__name__}: {exc}"
    finally:
        settings.Session.remove()  # no ORM object of this run is seen by the next


def serve(runs: Path, requests: IO[str], replies: IO[str]) -> None:
    """Run each request's DAG, its output to ``runs/<dag_id>.log``, one reply line each."""
    for line in requests:
        if not line.strip():
            continue
        started = time.monotonic()
        try:
            request = Request.parse(line)
        except (ValueError, KeyError, TypeError) as exc:
            replies.write(json.dumps({"dag_id": None, "ok": False, "state": "error",
                                      "seconds": 0.0, "log": None,
                                      "error": f"bad request {line.strip()!r}: {exc}"}) + "\n")
            replies.flush()
            continue
        log = runs / f"{request.dag_id}.log"
        with _output_to(log), _environment(request.env):
            state, error = run_one(request)
        replies.write(json.dumps({
            "dag_id": request.dag_id, "ok": state == "success", "state": state,
            "seconds": round(time.monotonic() - started, 3), "log": str(log), "error": error,
        }) + "\n")
        replies.flush()


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -P -m pantau.orchestration.dag_runner RUNS_DIR", file=sys.stderr)
        return 2
    runs = Path(argv[0])
    runs.mkdir(parents=True, exist_ok=True)
    # Replies keep the real stdout; whatever else prints outside a run goes to stderr.
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    os.dup2(2, 1)
    start_airflow()
    serve(runs, sys.stdin, replies)
    return 0


def _leave(code: int) -> None:
    """Exit once the exit handlers have run (logging flushed, the ORM disposed), skipping the
    interpreter's teardown of every module: seconds of work for a process about to vanish."""
    import atexit

    atexit._run_exitfuncs()
    _flush()
    os._exit(code)


if __name__ == "__main__":
    _leave(main(sys.argv[1:]))

"""Airflow's REST API (v2), as an operator drives a running Airflow: log in, unpause,
trigger, wait, read what ran where.

Polling the API rather than parsing CLI output: ``airflow dags list-runs -o
json`` may print a warning line before its JSON, the API never does. The
token comes from ``POST /auth/token`` (SimpleAuthManager and the FAB manager
alike) and is renewed when it expires.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import httpx

FINISHED = {"success", "failed"}


class AirflowApiError(RuntimeError):
    pass


class AirflowApi:
    """``with AirflowApi(base, user, password) as api: api.trigger("pantau_build")``."""

    def __init__(self, base: str, user: str, password: str, timeout: float = 30) -> None:
        self.base = base.rstrip("/")
        self._login = {"username": user, "password": password}
        self._client = httpx.Client(base_url=self.base, timeout=timeout)
        self._token: str | None = None

    def __enter__(self) -> AirflowApi:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._client.close()

    @property
    def token(self) -> str:
        if self._token is None:
            response = self._client.post("/auth/token", json=self._login)
            self._check(response)
            self._token = response.json()["access_token"]
        return self._token

    def _check(self, response: httpx.Response) -> None:
        if response.is_error:
            raise AirflowApiError(f"{response.request.method} {response.request.url.path}: "
                                  f"HTTP {response.status_code} {response.text[:500]}")

    def request(self, method: str, path: str, **kwargs: Any) -> Any:
        """One call to ``/api/v2/<path>``; its JSON."""
        for attempt in (1, 2):
            response = self._client.request(
                method, f"/api/v2/{path.lstrip('/')}",
                headers={"Authorization": f"Bearer {self.token}"}, **kwargs)
            if response.status_code == 401 and attempt == 1:
                self._token = None  # expired: log in again
                continue
            self._check(response)
            return response.json() if response.content else None
        raise AssertionError("unreachable")

    def get(self, path: str, **params: Any) -> Any:
        return self.request("GET", path, params=params or None)

    def dag_ids(self) -> set[str]:
        return {dag["dag_id"] for dag in self.get("dags", limit=1000)["dags"]}

    def import_errors(self) -> list[dict]:
        return self.get("importErrors", limit=1000)["import_errors"]

    def wait_for_dags(self, wanted: Iterable[str], timeout: float = 180) -> None:
        """Until the dag-processor has listed every DAG of ``wanted`` (or reported an import
        error)."""
        wanted = set(wanted)
        deadline = time.monotonic() + timeout
        while not wanted <= self.dag_ids():
            errors = self.import_errors()
            if errors:
                raise AirflowApiError(f"import errors: {errors}")
            if time.monotonic() > deadline:
                raise AirflowApiError(f"not listed after {timeout:.0f} s: "
                                      f"{sorted(wanted - self.dag_ids())}")
            time.sleep(2)

    def unpause(self, dag_id: str) -> None:
        self.request("PATCH", f"dags/{dag_id}", json={"is_paused": False})

    def trigger(self, dag_id: str, logical_date: datetime | None = None,
                conf: dict | None = None) -> str:
        """A new run of ``dag_id`` (``logical_date`` None: a run for now); its run id."""
        body = {"logical_date": logical_date.isoformat() if logical_date else None,
                "conf": conf or {}}
        return self.request("POST", f"dags/{dag_id}/dagRuns", json=body)["dag_run_id"]

    def run(self, dag_id: str, run_id: str) -> dict:
        return self.get(f"dags/{dag_id}/dagRuns/{run_id}")

    def wait(self, runs: Iterable[tuple[str, str]], timeout: float, poll: float = 2) -> dict:
        """Wait until every (dag id, run id) has finished; {(dag, run): its state}."""
        pending = set(runs)
        states: dict[tuple[str, str], str] = {}
        deadline = time.monotonic() + timeout
        while pending:
            for key in sorted(pending):
                state = self.run(*key)["state"]
                if state in FINISHED:
                    states[key] = state
                    pending.discard(key)
            if pending and time.monotonic() > deadline:
                raise AirflowApiError(f"still running after {timeout:.0f} s: {sorted(pending)}")
            if pending:
                time.sleep(poll)
        return states

    def task_instances(self, dag_id: str, run_id: str) -> list[dict]:
        return self.get(f"dags/{dag_id}/dagRuns/{run_id}/taskInstances",
                        limit=1000)["task_instances"]

    def xcom(self, dag_id: str, run_id: str, task_id: str, key: str = "return_value") -> Any:
        return self.get(f"dags/{dag_id}/dagRuns/{run_id}/taskInstances/{task_id}/"
                        f"xcomEntries/{key}", deserialize=True)["value"]

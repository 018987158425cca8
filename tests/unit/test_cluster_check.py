"""What the cluster check calls a failure, on task instances as the REST API returns them."""

from __future__ import annotations

from pantau.orchestration import cluster
from pantau.tools.cluster_check import Kill, Result, _judge_tasks


def _ti(task: str, hostname: str | None, state: str = "success") -> dict:
    return {"dag_id": "pantau_build", "task_id": task, "map_index": -1, "state": state,
            "hostname": hostname}


def _judged(executor: str, *tis: dict) -> Result:
    result = Result(executor=executor, tasks=list(tis))
    _judge_tasks(result)
    return result


def test_both_workers_running_everything_under_celery_passes() -> None:
    result = _judged("CeleryExecutor", _ti("a", "worker-1@pantau"), _ti("b", "worker-2@pantau"),
                     _ti("c", "worker-2@pantau"))
    assert result.ok, result.problems
    assert result.by_worker == {"worker-1@pantau": 1, "worker-2@pantau": 2}


def test_another_executor_a_foreign_host_an_idle_worker_and_a_failure_are_each_named() -> None:
    result = _judged("LocalExecutor", _ti("a", "worker-1@pantau"), _ti("b", "somehost"),
                     _ti("c", "worker-1@pantau", state="failed"))
    assert len(result.problems) == 4, result.problems
    assert "LocalExecutor" in result.problems[0]
    assert any("somehost, not a Celery worker" in p for p in result.problems)
    assert any("ended failed" in p for p in result.problems)
    assert result.problems[-1] == "worker-2@pantau ran no task"


def test_a_kill_counts_as_retried_only_when_the_last_try_succeeded() -> None:
    kill = Kill("worker-1", "62", 0, tries=[
        {"try_number": 1, "state": "failed", "hostname": "worker-1@pantau"},
        {"try_number": 2, "state": "success", "hostname": "worker-2@pantau"}])
    assert kill.retried_on == "worker-2@pantau"
    kill.tries[-1]["state"] = "running"
    assert kill.retried_on is None


def test_a_task_records_its_workers_celery_name_as_its_hostname(monkeypatch) -> None:
    from airflow.sdk.api.client import get_hostname

    monkeypatch.setenv("AIRFLOW__CORE__HOSTNAME_CALLABLE",
                       "pantau.orchestration.worker_name.hostname")
    monkeypatch.setenv("PANTAU_CELERY_HOSTNAME", cluster.worker_hostname("worker-2"))
    assert get_hostname() == "worker-2@pantau"
    monkeypatch.delenv("PANTAU_CELERY_HOSTNAME")
    assert get_hostname() != "worker-2@pantau"  # elsewhere, the machine's name

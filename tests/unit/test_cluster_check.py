"""What the cluster check calls a failure, on task instances as the REST API returns them."""

from __future__ import annotations

from pantau.orchestration import cluster
from pantau.tools.cluster_check import Kill, Result, _judge_kill, _judge_tasks


def _try(task: str, hostname: str | None, state: str = "success", celery: str | None = "SUCCESS",
         number: int = 1, last: bool = True) -> dict:
    return {"dag_id": "pantau_report_province", "run_id": "r", "task_id": task, "map_index": 0,
            "try_number": number, "state": state, "hostname": hostname,
            "external_executor_id": "id", "is_last_try": last, "celery_status": celery}


def _judged(*tries: dict) -> Result:
    result = Result(tries=list(tries))
    _judge_tasks(result)
    return result


def test_both_workers_running_everything_under_celery_passes() -> None:
    result = _judged(_try("a", "worker-1@pantau"), _try("b", "worker-2@pantau"),
                     _try("c", "worker-2@pantau"))
    assert result.ok, result.problems
    assert result.executor == "CeleryExecutor"
    assert result.by_worker == {"worker-1@pantau": 1, "worker-2@pantau": 2}


def test_no_celery_task_a_foreign_host_an_idle_worker_and_a_failure_are_each_named() -> None:
    result = _judged(_try("a", "worker-1@pantau", celery=None), _try("b", "somehost"),
                     _try("c", "worker-1@pantau", state="failed"))
    assert result.executor is None
    assert len(result.problems) == 4, result.problems
    assert "was not a Celery task" in result.problems[0]
    assert any("somehost, not a Celery worker" in p for p in result.problems)
    assert any("ended failed" in p for p in result.problems)
    assert result.problems[-1] == "worker-2@pantau ran no task"


def test_a_skip_passes_only_where_the_task_skips_by_design() -> None:
    result = _judged(_try("announce_rebuilt", "worker-1@pantau", state="skipped"),
                     _try("publish", "worker-2@pantau", state="skipped"),
                     _try("render", "worker-2@pantau", state="skipped"))
    assert result.problems == [
        "pantau_report_province.render[0] try 1 ended skipped"], result.problems


def test_a_killed_try_counts_when_retried_on_the_other_worker() -> None:
    killed = _try("render", "worker-1@pantau", state="failed", celery="STARTED", last=False)
    retried = _try("render", "worker-2@pantau", number=2)
    result = Result(tries=[killed, retried, _try("x", "worker-1@pantau")],
                    kill=Kill("worker-1", "62", 0, "r"))
    _judge_tasks(result)
    _judge_kill(result)
    assert result.ok, result.problems
    assert result.kill.retried_on == "worker-2@pantau"
    result = Result(tries=[killed, {**retried, "hostname": "worker-1@pantau"}],
                    kill=Kill("worker-1", "62", 0, "r"))
    _judge_kill(result)
    assert result.problems == ["render[62] was not retried on worker-2@pantau"]


def test_a_kill_counts_as_retried_only_when_the_last_try_succeeded() -> None:
    kill = Kill("worker-1", "62", 0, "r", tries=[
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

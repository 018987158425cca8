"""Every DAG imports cleanly without touching a database and runs when schedule.toml says."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pantau.config import load_settings
from pantau.orchestration.alerts import on_task_failure
from pantau.orchestration.assets import MARTS, SOURCE_ASSETS
from pantau.orchestration.schedule import POOL, load_plan
from tests.support.dagbag import parse_dags as _bag
from tests.support.paths import DAGS_DIR

SOURCES = sorted(SOURCE_ASSETS)
EXPECTED = {*(f"pantau_ingest_{s}" for s in SOURCES), "pantau_build", "pantau_report_regency",
            "pantau_report_province", "pantau_maintenance"}
# Tasks that never open a warehouse connection need no pool slot.
POOL_FREE = {"which_period", "publish", "check"}


@pytest.fixture(scope="module")
def plan():
    return load_plan(load_settings({}), DAGS_DIR / "schedule.toml")


def test_every_dag_imports_without_errors_or_warehouse_access(bag) -> None:
    assert bag.import_errors == {}
    assert set(bag.dags) == EXPECTED


def test_no_dag_has_a_cycle(bag) -> None:
    for dag in bag.dags.values():
        dag.check_cycle()
        assert dag.tasks, dag.dag_id


def test_every_task_retries_transient_failures_only_and_alerts(bag) -> None:
    from airflow.sdk import ExceptionRetryPolicy

    for dag in bag.dags.values():
        assert not dag.catchup, dag.dag_id
        for task in dag.tasks:
            where = f"{dag.dag_id}.{task.task_id}"
            assert task.retries == 4, where
            assert task.retry_exponential_backoff == 2.0, where
            assert isinstance(task.retry_policy, ExceptionRetryPolicy), where
            assert task.retry_policy.default.value == "fail", where
            callbacks = task.on_failure_callback
            assert on_task_failure in (callbacks if isinstance(callbacks, list) else [callbacks])
            if task.task_id not in POOL_FREE:
                assert task.pool == POOL, where


def test_ingest_dags_map_file_groups_and_update_their_source_asset(bag, plan) -> None:
    for source in SOURCES:
        dag = bag.dags[f"pantau_ingest_{source}"]
        assert dag.timetable.expression == plan.ingest_schedule
        assert dag.max_active_runs == 1
        assert dag.get_task("ingest_group").is_mapped
        assert dag.get_task("publish").outlets == [SOURCE_ASSETS[source]]
        assert dag.get_task("validate").upstream_task_ids == {"ingest_group"}


def test_the_build_runs_on_any_source_asset_and_on_a_cron_spine(bag, plan) -> None:
    dag = bag.dags["pantau_build"]
    schedule = dag.timetable
    assert type(schedule).__name__ == "AssetOrTimeSchedule"
    assert set(schedule.asset_condition.objects) == set(SOURCE_ASSETS.values())
    assert schedule.timetable.expression == plan.build_schedule
    assert dag.get_task("build_period").is_mapped
    assert dag.get_task("build_period").outlets == [MARTS]
    # A stale rebuild moves the marts Asset only through the task that skips when none ran.
    assert dag.get_task("rebuild_stale").outlets == []
    assert dag.get_task("announce_rebuilt").outlets == [MARTS]
    assert dag.get_task("periods_to_build").upstream_task_ids == {"rebuild_stale"}


def test_report_dags_follow_the_calendar_of_their_level(bag, plan) -> None:
    for level in ("regency", "province"):
        dag = bag.dags[f"pantau_report_{level}"]
        assert dag.timetable.expression == plan.reports[level].schedule
        assert "Asia/Jakarta" in str(dag.timetable.timezone)
        assert dag.get_task("render").is_mapped
        assert "period" in dag.params
    assert bag.dags["pantau_maintenance"].timetable.expression == plan.maintenance_schedule


def test_changing_the_schedule_file_changes_the_dags(monkeypatch, tmp_path: Path) -> None:
    schedule = tmp_path / "schedule.toml"
    schedule.write_text((DAGS_DIR / "schedule.toml").read_text().replace(
        '"0 6 5 1,4,7,10 *"', '"0 7 1 * *"').replace('period = "quarter"', 'period = "month"'))
    bag = _bag(monkeypatch, schedule)
    assert bag.import_errors == {}
    assert bag.dags["pantau_report_regency"].timetable.expression == "0 7 1 * *"


def test_a_broken_schedule_file_is_an_import_error_naming_it(monkeypatch,
                                                            tmp_path: Path) -> None:
    schedule = tmp_path / "schedule.toml"
    schedule.write_text((DAGS_DIR / "schedule.toml").read_text().replace(
        'schedule = "0 2 * * *"', 'schedule = "nightly"'))
    bag = _bag(monkeypatch, schedule)
    assert bag.import_errors
    assert all("not a cron expression" in error for error in bag.import_errors.values())


@pytest.mark.parametrize("path", sorted(DAGS_DIR.glob("*.py")), ids=lambda p: p.name)
def test_dag_files_stay_thin(path: Path) -> None:
    """Schedules and wiring only: no SQL, no data libraries, each task one call into pantau."""
    tree = ast.parse(path.read_text())
    imported = {alias.name.split(".")[0] for node in ast.walk(tree)
                if isinstance(node, ast.Import) for alias in node.names}
    imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)}
    assert not imported & {"psycopg", "pandas", "sqlalchemy", "great_expectations"}
    assert "SELECT" not in path.read_text()


def _functions_raising_a_skip(node: ast.AST, enclosing: str | None = None) -> set[str]:
    """Names of the innermost functions of ``node`` that raise AirflowSkipException."""
    if isinstance(node, ast.FunctionDef):
        enclosing = node.name
    found = {enclosing} if (isinstance(node, ast.Raise) and enclosing
                            and "AirflowSkipException" in ast.unparse(node)) else set()
    for child in ast.iter_child_nodes(node):
        found |= _functions_raising_a_skip(child, enclosing)
    return found


def test_the_cluster_check_allows_a_skip_exactly_where_a_dag_task_raises_one(bag) -> None:
    from pantau.tools.cluster_check import SKIPS_BY_DESIGN

    skipping = set().union(*(_functions_raising_a_skip(ast.parse(path.read_text()))
                             for path in DAGS_DIR.glob("*.py")))
    tasks = {task.task_id for dag in bag.dags.values() for task in dag.tasks}
    assert skipping == SKIPS_BY_DESIGN
    assert tasks >= SKIPS_BY_DESIGN

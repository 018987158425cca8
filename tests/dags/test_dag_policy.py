"""What every DAG must have: a description, an owner, known tags, a findable id, thin tasks."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.support.paths import DAGS_DIR

OWNER = "pantau-data-engineering"
TAGS = {"pantau", "ingest", "build", "report", "maintenance"}  # the closed list
MAX_TASK_STATEMENTS = 3
DAG_FILES = sorted(DAGS_DIR.glob("*.py"))


def test_every_dag_has_a_description_an_owner_and_known_tags(bag) -> None:
    assert bag.dags
    for dag in bag.dags.values():
        assert dag.doc_md and dag.doc_md.strip(), dag.dag_id
        assert {task.owner for task in dag.tasks} == {OWNER}, dag.dag_id
        assert dag.tags and set(dag.tags) <= TAGS, (dag.dag_id, dag.tags)


def test_every_dag_id_starts_with_its_file_name(bag) -> None:
    """An operator who sees a DAG id in the UI finds its file by the id's start."""
    assert {Path(dag.fileloc).name for dag in bag.dags.values()} == {p.name for p in DAG_FILES}
    for dag in bag.dags.values():
        assert dag.dag_id.startswith(Path(dag.fileloc).stem), (dag.dag_id, dag.fileloc)


def _is_task(decorator: ast.expr) -> bool:
    """``@task``, ``@task(...)``, ``@task.anything`` or ``@task.anything(...)``."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    while isinstance(target, ast.Attribute):
        target = target.value
    return isinstance(target, ast.Name) and target.id == "task"


def _statements(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Every statement in the body, nested ones included; a docstring does not count."""
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) \
            and isinstance(body[0].value.value, str):
        body = body[1:]
    return sum(isinstance(node, ast.stmt) for statement in body for node in ast.walk(statement))


def _task_functions(path: Path) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and any(_is_task(d) for d in node.decorator_list)]


@pytest.mark.parametrize("path", DAG_FILES, ids=lambda p: p.name)
def test_task_bodies_are_at_most_three_statements(path: Path) -> None:
    """A task's logic lives in pantau.orchestration, where it is tested without Airflow."""
    tasks = _task_functions(path)
    assert tasks, f"{path.name} defines no @task function"
    long = {t.name: _statements(t) for t in tasks if _statements(t) > MAX_TASK_STATEMENTS}
    assert long == {}, f"{path.name}: task bodies over {MAX_TASK_STATEMENTS} statements"

"""The test suite's own rules: tiers by folder, helpers in tests/support, no silent skips."""

from __future__ import annotations

import ast

from tests.support.paths import TESTS_DIR

TIERS = {"unit", "integration", "dags", "e2e"}
SKIPS = {"skip", "skipif", "importorskip"}
PYTHON_FILES = sorted(p for p in TESTS_DIR.rglob("*.py") if "__pycache__" not in p.parts)


def _imported(tree: ast.Module) -> set[str]:
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
             for alias in node.names}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_every_test_module_sits_in_a_tier() -> None:
    modules = [p.relative_to(TESTS_DIR) for p in PYTHON_FILES if p.name.startswith("test_")]
    assert modules
    assert [str(m) for m in modules if len(m.parts) != 2 or m.parts[0] not in TIERS] == []


def test_no_module_imports_a_test_module_or_a_conftest() -> None:
    """Shared code lives in tests/support; a test module imported twice runs its tests twice."""
    found = []
    for path in PYTHON_FILES:
        for name in _imported(ast.parse(path.read_text())):
            parts = name.split(".")
            if parts[0] == "tests" and any(p.startswith("test_") or p == "conftest"
                                           for p in parts[1:]):
                found.append(f"{path.relative_to(TESTS_DIR)}: {name}")
    assert found == []


def test_no_test_is_skipped() -> None:
    """A skip can hide a broken precondition: a test asserts what it needs, or fails."""
    found = []
    for path in PYTHON_FILES:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in SKIPS:
                found.append(f"{path.relative_to(TESTS_DIR)}:{node.lineno}: {node.attr}")
    assert found == []

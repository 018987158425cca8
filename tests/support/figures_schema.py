"""The figures.json contract: every test that renders reports checks them with these.

``reports/figures.schema.json`` (JSON Schema 2020-12) says what each key of
figures.json holds; a rendered file that drifts from it fails the test that
rendered it, with every violation named.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "reports" / "figures.schema.json"


@cache
def validator() -> Draft202012Validator:
    """The schema checked as a schema first, then as a validator (formats such as dates too)."""
    schema = json.loads(SCHEMA_PATH.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def violations(figures: object) -> list[str]:
    """Where ``figures`` breaks the schema (path: message), none when it keeps to it."""
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator().iter_errors(figures), key=lambda e: e.json_path)]


def assert_figures_valid(path: Path) -> None:
    """One rendered figures.json keeps to the schema."""
    found = violations(json.loads(path.read_text("utf-8")))
    assert not found, f"{path} breaks reports/figures.schema.json:\n" + "\n".join(found)


def assert_every_figures_valid(root: Path) -> int:
    """Every figures.json under ``root`` keeps to the schema; how many there were (at least 1)."""
    paths = sorted(root.rglob("figures.json"))
    assert paths, f"no figures.json under {root}"
    for path in paths:
        assert_figures_valid(path)
    return len(paths)

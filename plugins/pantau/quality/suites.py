"""The reviewed GX suites of ``expectations/``, read as they are and checked for Pantau's meta.

A suite file is GX's own JSON; Pantau only adds to each expectation's ``meta``:
``rule`` (a stable name the quarantine and the audit tables use),
``severity`` (``row`` or ``batch``), ``reason_id`` / ``reason_en`` and, for
row queries that do not name a column in their kwargs, ``column`` (the export
column the check concerns).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pantau.config import get_settings
from pantau.sources.catalog import SOURCES

SEVERITIES = ("row", "batch")
VOLUME_SUITE = "snapshot_volume"
ROWS_EXPECTATION = "unexpected_rows_expectation"


class SuiteError(ValueError):
    """A suite file is not one Pantau can run; the message names the file and expectation."""


@dataclass(frozen=True)
class Rule:
    """One expectation of a suite with what Pantau needs to act on its result."""

    rule: str
    expectation_type: str
    severity: str
    reason_id: str
    reason_en: str
    staging_column: str | None  # the ``column`` kwarg, for column expectations
    export_column: str | None  # the file's header the check concerns, when one

    @property
    def is_row_query(self) -> bool:
        return self.expectation_type == ROWS_EXPECTATION


@dataclass(frozen=True)
class Suite:
    """A suite file: its GX JSON, its SHA-256 (which reviewed version ran) and its rules."""

    name: str
    path: Path
    document: dict
    sha256: str
    rules: tuple[Rule, ...]

    def rule(self, name: str) -> Rule:
        return next(rule for rule in self.rules if rule.rule == name)

    def to_gx(self):
        """A fresh ``gx.ExpectationSuite`` built from the JSON (never from code)."""
        import great_expectations as gx

        return gx.ExpectationSuite(**json.loads(json.dumps(self.document)))


def _export_column(source_id: str, staging_column: str | None) -> str | None:
    source = SOURCES.get(source_id)
    if source is None or staging_column is None:
        return None
    return next((c.header for c in source.columns if c.target == staging_column), None)


def _rule(path: Path, source_id: str, position: int, expectation: dict) -> Rule:
    meta = expectation.get("meta") or {}
    where = f"{path.name}: expectation {position} ({expectation.get('type')})"
    missing = [key for key in ("rule", "severity", "reason_id", "reason_en") if not meta.get(key)]
    if missing:
        raise SuiteError(f"{where}: meta lacks {', '.join(missing)}")
    if meta["severity"] not in SEVERITIES:
        raise SuiteError(f"{where}: meta.severity must be row or batch, not {meta['severity']!r}")
    staging_column = expectation.get("kwargs", {}).get("column")
    return Rule(
        rule=meta["rule"],
        expectation_type=expectation["type"],
        severity=meta["severity"],
        reason_id=meta["reason_id"].strip(),
        reason_en=meta["reason_en"].strip(),
        staging_column=staging_column,
        export_column=meta.get("column") or _export_column(source_id, staging_column),
    )


def load_suite(path: Path) -> Suite:
    """Read one suite file; raise :class:`SuiteError` naming what is wrong."""
    raw = path.read_bytes()
    try:
        document = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise SuiteError(f"{path.name}: not valid JSON ({exc})") from None
    name = document.get("name")
    if name != path.stem:
        raise SuiteError(f"{path.name}: suite name {name!r} must equal the file name")
    expectations = document.get("expectations", [])
    rules = tuple(_rule(path, name, i, e) for i, e in enumerate(expectations, 1))
    names = [rule.rule for rule in rules]
    if duplicates := sorted({n for n in names if names.count(n) > 1}):
        raise SuiteError(f"{path.name}: rule names used twice: {', '.join(duplicates)}")
    return Suite(name, path, document, hashlib.sha256(raw).hexdigest(), rules)


def load_suites(directory: Path | None = None) -> dict[str, Suite]:
    """Every suite in ``expectations/``, by name; one per source plus the volume checks."""
    directory = directory or get_settings().expectations_dir
    suites = {path.stem: load_suite(path) for path in sorted(directory.glob("*.json"))}
    missing = sorted((set(SOURCES) | {VOLUME_SUITE}) - set(suites))
    if missing:
        raise SuiteError(f"{directory}: no suite for {', '.join(missing)}")
    return suites

"""The reviewed GX suites of ``expectations/``, read as they are and checked for Pantau's meta.

A suite file is GX's own JSON; Pantau only adds to each expectation's ``meta``:
``rule`` (a stable name the quarantine and the audit tables use),
``severity`` (``row``: the failing rows are held; ``batch``: the batch is
rejected; ``note``: the failing rows are noted for the auditor and go on),
``reason_id`` / ``reason_en`` and, for
row queries that do not name a column in their kwargs, ``column`` (the export
column the check concerns) and, for a row query, ``sql_file``: the file under
``expectations/`` that holds it. The suite GX receives has that file's query
in ``kwargs.unexpected_rows_query``, as one line, and no ``sql_file``; the
suite's SHA-256 covers the files it names.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from pantau.config import get_settings
from pantau.sources.catalog import SOURCES

SEVERITIES = ("row", "batch", "note")
VOLUME_SUITE = "snapshot_volume"
ROWS_EXPECTATION = "unexpected_rows_expectation"
ROWS_QUERY = "unexpected_rows_query"
SQL_FILE = "sql_file"  # meta: the file holding a row query, relative to the suite's folder


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
    """A suite file as GX runs it, its SHA-256 (which reviewed version ran) and its rules.

    ``document`` is GX's JSON with each ``meta.sql_file`` read into the query it
    names; ``sha256`` covers the suite file and those files (:func:`suite_sha256`).
    """

    name: str
    path: Path
    document: dict
    sha256: str
    rules: tuple[Rule, ...]
    sql_files: tuple[Path, ...] = ()

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
        raise SuiteError(f"{where}: meta.severity must be row, batch or note, "
                         f"not {meta['severity']!r}")
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


def _one_line(sql: str, where: str) -> str:
    """A row rule's ``.sql`` file as GX receives it: comment lines dropped, one line.

    The other lines are stripped and joined by one space, so a file laid out
    for reading hands GX (its stored suites, its Data Docs) the one-line query
    a suite's JSON string held. A comment after code would swallow the rest of
    that line, so comments stand on lines of their own.
    """
    lines = [line.strip() for line in sql.splitlines()]
    code = [line for line in lines if line and not line.startswith("--")]
    if any("--" in line for line in code):
        raise SuiteError(f"{where}: a comment must stand on a line of its own")
    return " ".join(code)


def _read_sql_file(path: Path, position: int,
                   expectation: dict) -> tuple[dict, tuple[Path, bytes] | None]:
    """The expectation as GX takes it, and the file its ``meta.sql_file`` names with its bytes."""
    meta = expectation.get("meta") or {}
    if SQL_FILE not in meta:
        return expectation, None
    where = f"{path.name}: expectation {position} ({expectation.get('type')})"
    kwargs = expectation.get("kwargs") or {}
    if expectation.get("type") != ROWS_EXPECTATION or ROWS_QUERY in kwargs:
        raise SuiteError(f"{where}: meta.sql_file is for an {ROWS_EXPECTATION} "
                         f"without kwargs.{ROWS_QUERY}")
    folder = path.parent.resolve()
    sql_path = (folder / meta[SQL_FILE]).resolve()
    if not sql_path.is_relative_to(folder) or not sql_path.is_file():
        raise SuiteError(f"{where}: no file {meta[SQL_FILE]!r} in the suite's folder")
    sql = sql_path.read_bytes()
    query = _one_line(sql.decode("utf-8"), f"{where}: {meta[SQL_FILE]}")
    resolved = {**expectation, "kwargs": {ROWS_QUERY: query, **kwargs},
                "meta": {key: value for key, value in meta.items() if key != SQL_FILE}}
    return resolved, (sql_path.relative_to(folder), sql)


def suite_sha256(suite: bytes, sql_files: list[tuple[Path, bytes]]) -> str:
    """SHA-256 of the suite file, then one ``sha256sum`` line per SQL file it names.

    ``sql_files``: (path relative to the suite's folder, bytes), in the order
    the suite names them. A suite that names none hashes as its JSON alone; an
    auditor recomputes it in ``expectations/`` with
    ``{ cat S.json; sha256sum sql/F1.sql sql/F2.sql ...; } | sha256sum``.
    """
    digest = hashlib.sha256(suite)
    for relative, sql in sql_files:
        line = f"{hashlib.sha256(sql).hexdigest()}  {relative.as_posix()}\n"
        digest.update(line.encode("utf-8"))
    return digest.hexdigest()


def load_suite(path: Path) -> Suite:
    """Read one suite file and the SQL files it names; raise :class:`SuiteError` if wrong."""
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
    read = [_read_sql_file(path, i, e) for i, e in enumerate(expectations, 1)]
    sql_files = list({named[0]: named for _, named in read if named}.values())
    if sql_files:
        document = {**document, "expectations": [expectation for expectation, _ in read]}
    return Suite(name, path, document, suite_sha256(raw, sql_files), rules,
                 tuple(path.parent / relative for relative, _ in sql_files))


def load_suites(directory: Path | None = None) -> dict[str, Suite]:
    """Every suite in ``expectations/``, by name; one per source plus the volume checks."""
    directory = directory or get_settings().expectations_dir
    suites = {path.stem: load_suite(path) for path in sorted(directory.glob("*.json"))}
    missing = sorted((set(SOURCES) | {VOLUME_SUITE}) - set(suites))
    if missing:
        raise SuiteError(f"{directory}: no suite for {', '.join(missing)}")
    return suites

"""The warehouse tables a SQL file of ``sql/`` reads and writes, by parsing it.

The build and the reports run their statements through psycopg, so no hook
reports them; but every statement is a file, and the step knows which files
it ran. Parsing those files with the OpenLineage SQL parser (the one the
provider uses for the SQL its hooks see) gives the tables by construction,
not from a list kept by hand that would drift from the SQL.

Templates are rendered leniently: the parameters the caller knows (a source,
a rule) fill in, every other value becomes ``NULL`` (values do not change
which tables a statement names), bound placeholders too. Temp tables carry
no schema and are left out: only tables of Pantau's schemas count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import BaseLoader, Environment, FileSystemLoader, TemplateNotFound, Undefined

SCHEMAS = frozenset({"raw", "staging", "quarantine", "core", "mart", "audit", "pii"})
_PLACEHOLDER = re.compile(r"%\(\w+\)s|%s")
_STATEMENT_END = re.compile(r";\s*\n")


@dataclass(frozen=True)
class Tables:
    """``schema.table`` names a file reads and writes."""

    reads: frozenset[str] = frozenset()
    writes: frozenset[str] = frozenset()

    def __or__(self, other: Tables) -> Tables:
        return Tables(self.reads | other.reads, self.writes | other.writes)


class _Null(Undefined):
    """An unknown template value: ``NULL`` in the text, false in an ``{% if %}``."""

    def __str__(self) -> str:
        return "NULL"

    def __bool__(self) -> bool:
        return False


class _Lenient(BaseLoader):
    """The files of ``sql/``; an include whose name depends on an unknown value is a
    one-column SELECT, so that the statement around it still parses."""

    def __init__(self, sql_dir: Path) -> None:
        self.files = FileSystemLoader(sql_dir)

    def get_source(self, environment, template):
        try:
            return self.files.get_source(environment, template)
        except TemplateNotFound:
            return "SELECT NULL AS included", None, lambda: True


@cache
def _environment(sql_dir: Path) -> Environment:
    environment = Environment(loader=_Lenient(sql_dir), undefined=_Null, autoescape=False)
    environment.globals["param"] = lambda _name: "NULL"
    return environment


def _statements(text: str) -> list[str]:
    """One string per statement (a file with dollar quoting stays whole)."""
    text = _PLACEHOLDER.sub("NULL", text)
    if "$$" in text:
        return [text]
    return [part for part in _STATEMENT_END.split(text) if _has_code(part)]


def _has_code(part: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in part.splitlines())


def _names(tables) -> frozenset[str]:
    return frozenset(f"{t.schema}.{t.name}" for t in tables
                     if t.schema in SCHEMAS and t.name and t.name != "NULL")


@cache
def _parsed(sql_dir: Path, relative: str, params: tuple[tuple[str, str], ...]) -> Tables:
    from openlineage_sql import parse

    text = _environment(sql_dir).get_template(relative).render(**dict(params))
    meta = parse(_statements(text), dialect="postgres")
    return Tables(_names(meta.in_tables), _names(meta.out_tables))


def tables(sql_dir: Path, relative: str, **params: str) -> Tables:
    """What ``sql/<relative>`` reads and writes, with ``params`` filled in (cached)."""
    return _parsed(sql_dir, relative, tuple(sorted(params.items())))

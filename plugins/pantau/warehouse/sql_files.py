"""SQL that runs at run time, read from ``sql/`` and rendered with Jinja2 where a parameter varies.

Plain files render to themselves; templates name their parameters (a source,
batch ids, a rule's thresholds) and may include shared parts. Undefined
parameters are errors, never empty strings. A template that also takes values
bound by psycopg writes them ``{{ param("period") }}``, which renders to
``%(period)s``: the value stays a bound parameter, and the file stays one that
sqlfluff's Jinja templater can parse (it cannot parse a bare ``%(period)s``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from pantau.config import Settings, get_settings


def _param(name: str) -> str:
    """The psycopg placeholder of a bound value: its name, never its value."""
    return f"%({name})s"


@cache
def _environment(sql_dir: Path) -> Environment:
    environment = Environment(loader=FileSystemLoader(sql_dir), undefined=StrictUndefined,
                              keep_trailing_newline=True, autoescape=False)
    environment.globals["param"] = _param
    return environment


def render(relative: str, settings: Settings | None = None, **params) -> str:
    """The text of ``sql/<relative>`` with its Jinja2 parameters filled in."""
    settings = settings or get_settings()
    return _environment(settings.sql_dir).get_template(relative).render(**params)

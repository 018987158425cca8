"""The star schema's references, checked set-based before a build commits.

Core's foreign keys are declared ``NOT ENFORCED`` (migration 0010): enforced,
PostgreSQL fires one trigger per key for every fact row, which cost about
40% of a national month's build. Instead the build runs one anti-join per key
over the rows it wrote, and a dangling reference stops it before the commit,
so the guarantee is the one the triggers gave, paid once per key, not per row.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import sql

from pantau.warehouse import sql_files

# Facts rewritten per period, and the column naming it; every other core table
# with a batch_id is written per batch, and the rest (dimensions) in full.
_PERIOD_COLUMN = {"core.fact_person_status": "month", "core.fact_discrepancy": "period",
                  "core.period_batch": "period"}


class BrokenReference(RuntimeError):
    """Rows the build wrote refer to a dimension row that does not exist."""


@dataclass(frozen=True)
class Reference:
    name: str
    table: str
    columns: tuple[str, ...]
    target: str
    target_columns: tuple[str, ...]
    per_batch: bool  # the table has a batch_id: a build writes it batch by batch


@dataclass(frozen=True)
class Written:
    """What one build wrote: the batches it loaded and the period (and month) it built."""

    batch_ids: list[int]
    period: str
    month: str

    def rows(self, ref: Reference) -> tuple[sql.Composable, dict]:
        column = _PERIOD_COLUMN.get(ref.table)
        if column:
            value = self.month if column == "month" else self.period
            return sql.SQL("{} = %(value)s").format(sql.Identifier(column)), {"value": value}
        if ref.per_batch:
            return sql.SQL("batch_id = ANY(%(batch_ids)s)"), {"batch_ids": self.batch_ids}
        return sql.SQL("true"), {}


def unenforced_references(conn: psycopg.Connection) -> list[Reference]:
    """Every foreign key of ``core`` that PostgreSQL does not enforce itself
    (``build/unenforced_references.sql``)."""
    rows = conn.execute(sql_files.render("build/unenforced_references.sql")).fetchall()
    return [Reference(name, table, tuple(columns), target, tuple(target_columns), per_batch)
            for name, table, target, columns, target_columns, per_batch in rows]


def _dangling(conn: psycopg.Connection, ref: Reference, where: sql.Composable,
              params: dict) -> int:
    # Composed here, not in sql/: the query is nothing but the catalog's identifiers
    # (table, columns, target) around one anti-join, quoted by psycopg.sql.
    def qualified(name: str) -> sql.Composable:
        return sql.Identifier(*name.split(".", 1))

    present = sql.SQL(" AND ").join(
        sql.SQL("f.{} IS NOT NULL").format(sql.Identifier(c)) for c in ref.columns)
    matches = sql.SQL(" AND ").join(
        sql.SQL("t.{} = f.{}").format(sql.Identifier(t), sql.Identifier(c))
        for c, t in zip(ref.columns, ref.target_columns, strict=True))
    query = sql.SQL(
        "SELECT count(*) FROM {table} AS f WHERE ({where}) AND {present} "
        "AND NOT EXISTS (SELECT 1 FROM {target} AS t WHERE {matches})").format(
        table=qualified(ref.table), where=where, present=present,
        target=qualified(ref.target), matches=matches)
    return conn.execute(query, params).fetchone()[0]


def check_references(conn: psycopg.Connection, written: Written | None = None) -> int:
    """Raise :class:`BrokenReference` if a row refers to nothing; return the keys checked.

    With ``written``, only the rows the build wrote are checked (the rest was
    checked when it was written); without, every row of every core table.
    """
    references = unenforced_references(conn)
    broken = []
    for ref in references:
        if written is None:
            where, params = sql.SQL("true"), {}
        else:
            where, params = written.rows(ref)
        count = _dangling(conn, ref, where, params)
        if count:
            broken.append(f"{count} rows of {ref.table} ({', '.join(ref.columns)}) refer to "
                          f"no row of {ref.target} (foreign key {ref.name})")
    if broken:
        raise BrokenReference("; ".join(broken))
    return len(references)

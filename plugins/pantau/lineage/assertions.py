"""The quality gate's results as OpenLineage ``dataQualityAssertions`` facets.

GX 1.x has no working OpenLineage action, and the gate's results live in the
warehouse anyway (``audit.expectation_result``, one row per check per batch):
this reads them back for the batches a validate task judged and turns them
into one facet per source, to ride on that source's staging table as an
input facet of the validate job. One assertion per check: its GX type, the
export column, whether every batch passed, and counts (batches, rows
evaluated, rows failing). No observed value ever goes out: observed values
can be personal data, and counts are what a lineage consumer shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from pantau.config import Settings, get_settings
from pantau.warehouse import sql_files

if TYPE_CHECKING:
    from openlineage.client.facet_v2 import data_quality_assertions_dataset

# Pantau's severities in the spec's words: a failing batch check rejects the
# file, a failing row check holds the rows (both stop data); a note lets it pass.
SEVERITY = {"batch": "error", "row": "error", "note": "warn"}


@dataclass(frozen=True)
class Check:
    """One check of a source over the batches of one validate run (counts only)."""

    source: str
    rule: str
    expectation_type: str
    column: str | None
    severity: str
    success: bool
    batches: int
    rows: int | None
    failing: int | None


def checks(batch_ids: list[int], settings: Settings | None = None,
           url: str | None = None) -> list[Check]:
    """Every check the gate recorded for ``batch_ids`` (the latest result per batch)."""
    from pantau.warehouse.connection import connect

    if not batch_ids:
        return []
    settings = settings or get_settings()
    with connect("auditor", url=url) as conn:
        rows = conn.execute(sql_files.render("lineage/validation_assertions.sql", settings),
                            {"batch_ids": batch_ids}).fetchall()
    return [Check(source, rule, kind, column, severity, bool(success), int(batches),
                  None if rows_ is None else int(rows_),
                  None if failing is None else int(failing))
            for source, rule, kind, column, severity, success, batches, rows_, failing in rows]


def facet(found: list[Check]) -> data_quality_assertions_dataset.DataQualityAssertionsDatasetFacet:
    """The ``dataQualityAssertions`` facet of one source's checks."""
    from openlineage.client.facet_v2 import data_quality_assertions_dataset as dq

    return dq.DataQualityAssertionsDatasetFacet(assertions=[
        dq.Assertion(
            assertion=check.expectation_type, success=check.success, column=check.column,
            severity=SEVERITY.get(check.severity, check.severity), name=check.rule,
            params={"pantau_severity": check.severity, "batches": check.batches,
                    "rows_evaluated": check.rows, "rows_failing": check.failing})
        for check in found])

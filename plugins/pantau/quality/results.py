"""Turn one GX suite result into failing rows and per-batch expectation results.

GX validates all batches of a run in one query per expectation; Pantau needs
the answer per batch (which file failed what) and per row (what to hold
back). Failing row identifiers come from GX itself: ``unexpected_index_list``
for column expectations (``unexpected_index_column_names`` = batch_id,
row_number) and the rows of an ``unexpected_rows_expectation`` query, fetched
in full when GX's 200-row cap cut them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from pantau.quality.suites import Rule, Suite

INDEX_COLUMNS = ["batch_id", "row_number"]
ROW_SEVERITIES = ("row", "note")  # checks judged row by row (counted in rows)
FAILURE_COLUMNS = ["batch_id", "row_number", "rule", "column_name", "observed_value"]
RESULT_FORMAT = {
    "result_format": "COMPLETE",
    "unexpected_index_column_names": INDEX_COLUMNS,
    "exclude_unexpected_values": True,  # row ids only: no personal value in any result
    "partial_unexpected_count": 2**31 - 1,  # lift GX's default cap of 20 ids
}
DOCS_ID_SAMPLE = 20  # failing ids kept in the stored result the Data Docs render


@dataclass
class RuleOutcome:
    """What one expectation said about the whole run."""

    rule: Rule
    success: bool
    failures: pd.DataFrame  # FAILURE_COLUMNS, one row per failing (batch, row[, column])
    whole_run_failed: bool = False  # a table-level expectation failed: every batch fails it
    observed_value: str | None = None
    exception: str | None = None


def _frame(rows: pd.DataFrame, rule: Rule) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=FAILURE_COLUMNS)
    if "batch_id" not in rows:
        raise ValueError(f"rule {rule.rule}: its query must select batch_id")
    out = pd.DataFrame({
        "batch_id": rows["batch_id"].astype("int64"),
        "row_number": rows["row_number"].astype("int64") if "row_number" in rows else 0,
        "rule": rule.rule,
        "column_name": rows.get("column_name", rule.export_column),
        "observed_value": rows["observed_value"].astype("string")
        if "observed_value" in rows else pd.NA,
    })
    return out[FAILURE_COLUMNS].reset_index(drop=True)


def _exception(result) -> str | None:
    info = result.exception_info or {}
    if "raised_exception" in info:  # one exception for the expectation
        infos = [info]
    else:  # keyed by metric id
        infos = [value for value in info.values() if isinstance(value, dict)]
    messages = [i.get("exception_message") for i in infos if i.get("raised_exception")]
    return "; ".join(str(m) for m in messages) or None


def rule_outcome(rule: Rule, result, fetch_all_rows: Callable[[], list[dict]]) -> RuleOutcome:
    """Read one ``ExpectationValidationResult``; ``fetch_all_rows`` re-runs a row query uncapped."""
    if error := _exception(result):
        return RuleOutcome(rule, False, pd.DataFrame(columns=FAILURE_COLUMNS), exception=error)
    body = result.result or {}
    observed = body.get("observed_value")
    try:
        if rule.is_row_query:
            rows = (body.get("details") or {}).get("unexpected_rows") or []
            if observed and observed > len(rows):
                rows = fetch_all_rows()
            failures = _frame(pd.DataFrame(rows), rule)
        elif "unexpected_index_list" in body:
            listed = body["unexpected_index_list"]
            ids = pd.DataFrame(listed[0]) if listed else pd.DataFrame(columns=INDEX_COLUMNS)
            failures = _frame(ids, rule)
        else:
            failures = None
    except Exception as exc:
        return RuleOutcome(rule, False, pd.DataFrame(columns=FAILURE_COLUMNS),
                           exception=f"{type(exc).__name__}: {exc}")
    if failures is None:  # table-level expectation: no rows to name, it covers the whole run
        failures = pd.DataFrame(columns=FAILURE_COLUMNS)
        return RuleOutcome(rule, bool(result.success), failures,
                           whole_run_failed=not result.success,
                           observed_value=None if observed is None else str(observed))
    return RuleOutcome(rule, bool(result.success), failures,
                       observed_value=None if observed is None else str(observed))


def _first_notes(observed: pd.Series) -> str:
    """Up to three distinct observed values, enough to say what failed without a flood."""
    return "; ".join(observed.dropna().unique()[:3])


def per_batch_results(outcomes: list[RuleOutcome], row_counts: pd.Series) -> pd.DataFrame:
    """One row per (batch, rule): success, counts and an observed value an auditor can read.

    ``row_counts`` maps every batch of the run to its number of rows.
    """
    records = []
    for outcome in outcomes:
        rule = outcome.rule
        by_row = rule.severity in ROW_SEVERITIES
        failing = outcome.failures.groupby("batch_id")
        counts = failing["row_number"].nunique()
        notes = failing["observed_value"].agg(_first_notes)
        for batch_id, rows in row_counts.items():
            unexpected = int(counts.get(batch_id, 0))
            failed = bool(unexpected) or outcome.whole_run_failed or outcome.exception is not None
            if outcome.exception is not None:
                observed = None
            elif outcome.whole_run_failed or (rule.severity == "batch" and not unexpected):
                observed = outcome.observed_value if outcome.whole_run_failed else None
            elif rule.severity == "batch":
                observed = notes.get(batch_id) or f"{unexpected} failing"
            else:
                observed = f"{unexpected} of {rows} rows"
            records.append({
                "batch_id": int(batch_id),
                "rule": rule.rule,
                "expectation_type": rule.expectation_type,
                "column_name": rule.export_column,
                "severity": rule.severity,
                "success": not failed,
                "observed_value": observed,
                "element_count": int(rows),
                "unexpected_count": unexpected if by_row else int(failed),
                "unexpected_percent": round(100 * unexpected / rows, 3)
                if by_row and rows else None,
                "exception": outcome.exception,
            })
    return pd.DataFrame.from_records(records)


def rejected_batches(outcomes: list[RuleOutcome], batch_ids: list[int]) -> dict[int, list[str]]:
    """Batches a batch-severity expectation failed, with the reasons (English, for logs)."""
    rejected: dict[int, list[str]] = {}
    for outcome in outcomes:
        if outcome.rule.severity != "batch" or (outcome.success and outcome.failures.empty):
            continue
        if outcome.whole_run_failed:
            failing = dict.fromkeys(batch_ids, outcome.observed_value)
        else:
            grouped = outcome.failures.groupby("batch_id")["observed_value"]
            failing = grouped.agg(_first_notes).to_dict()
        for batch_id, observed in failing.items():
            note = f"{outcome.rule.rule}: {outcome.rule.reason_en}"
            if observed:
                note += f" ({observed})"
            rejected.setdefault(int(batch_id), []).append(note)
    return rejected


def row_failures(outcomes: list[RuleOutcome], rejected: set[int],
                 severity: str = "row") -> pd.DataFrame:
    """Failing rows of ``severity`` expectations (``row``: to hold; ``note``: to note only),
    outside batches rejected as a whole."""
    frames = [o.failures for o in outcomes
              if o.rule.severity == severity and not o.failures.empty]
    if not frames:
        return pd.DataFrame(columns=FAILURE_COLUMNS)
    failures = pd.concat(frames, ignore_index=True)
    return failures[~failures["batch_id"].isin(rejected)].reset_index(drop=True)


def trim_for_docs(suite_result) -> None:
    """Keep counts and a sample of failing row ids in the stored result, not every id."""
    for result in suite_result.results:
        body = result.result or {}
        for key in ("unexpected_index_list", "unexpected_index_query", "unexpected_list"):
            body.pop(key, None)
        for partial in body.get("partial_unexpected_index_list") or []:
            for column in list(partial):
                partial[column] = partial[column][:DOCS_ID_SAMPLE]
        details = body.get("details") or {}
        if "unexpected_rows" in details:
            details["unexpected_rows"] = details["unexpected_rows"][:DOCS_ID_SAMPLE]


def suite_rules(suite: Suite, suite_result) -> list[tuple[Rule, object]]:
    """Pair each GX result with its rule (by meta.rule, which GX keeps on the config)."""
    pairs = []
    for result in suite_result.results:
        name = (result.expectation_config.meta or {}).get("rule")
        pairs.append((suite.rule(name), result))
    return pairs

"""The quality gate: validate loaded batches with the GX suites, quarantine rows, reject batches.

Per source, every batch waiting in status ``loaded`` is validated in one GX
run of the source's suite (the checks push down to PostgreSQL over the
staging rows of those batches) and one run of the ``snapshot_volume`` suite
(each batch against the previous snapshot of the same office or region).
Then, in one transaction: every expectation result per batch goes to
``audit.expectation_result``; rows failing a ``row`` expectation go to the
quarantine with their reasons; rows failing a ``note`` expectation are noted
with theirs (``quarantine.row_note``) and go on to core; a batch failing a ``batch`` expectation is
rejected whole; the others become ``validated``. A suite that GX cannot
evaluate leaves the batches waiting and fails loudly.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import great_expectations as gx
import pandas as pd
import psycopg
import psycopg.sql
from great_expectations.core.run_identifier import RunIdentifier
from great_expectations.data_context.types.resource_identifiers import (
    ExpectationSuiteIdentifier,
    ValidationResultIdentifier,
)
from great_expectations.validator.v1_validator import Validator

from pantau.config import Settings, get_settings
from pantau.quality import gx_project
from pantau.quality.results import (
    RESULT_FORMAT,
    RuleOutcome,
    per_batch_results,
    rejected_batches,
    row_failures,
    rule_outcome,
    suite_rules,
    trim_for_docs,
)
from pantau.quality.suites import VOLUME_SUITE, Suite, load_suites
from pantau.sources.catalog import SOURCES
from pantau.warehouse import sql_files
from pantau.warehouse.connection import connect, warehouse_url
from pantau.warehouse.copy import copy_frame

log = logging.getLogger(__name__)


@dataclass
class SourceVerdict:
    """The gate's answer for one source's waiting batches (one line of the summary)."""

    source: str
    validated: list[int] = field(default_factory=list)
    rejected: dict[int, list[str]] = field(default_factory=dict)
    rows_checked: int = 0
    rows_quarantined: int = 0
    failed_rules: dict[str, int] = field(default_factory=dict)  # rule -> failing rows
    error: str | None = None
    docs_pages: list = field(default_factory=list)  # GX identifiers of the results to render
    seconds: float = 0.0  # the source's validation, Data Docs apart (what a source costs)


@dataclass
class GateReport:
    verdicts: list[SourceVerdict]
    docs_index: Path | None

    @property
    def rejected(self) -> dict[int, list[str]]:
        return {b: r for v in self.verdicts for b, r in v.rejected.items()}

    @property
    def errors(self) -> list[str]:
        return [f"{v.source}: {v.error}" for v in self.verdicts if v.error]


@dataclass
class _Run:
    """One suite over one set of batches, as GX ran it."""

    run_id: int
    suite: Suite
    outcomes: list[RuleOutcome]
    identifier: ValidationResultIdentifier


def _query(settings: Settings, name: str, **params) -> str:
    """A query from ``sql/quality``, rendered; GX wants it to start with SELECT, so no comments."""
    text = sql_files.render(f"quality/{name}.sql", settings, **params)
    return "\n".join(line for line in text.splitlines()
                     if not line.lstrip().startswith("--")).strip()


def _sql(name: str, **params) -> str:
    """A statement the gate runs itself, from ``sql/quality/gate_<name>.sql``."""
    return sql_files.render(f"quality/gate_{name}.sql", **params)


def _collapse_test(volume: Suite, source: str):
    """SQL saying whether a batch collapsed against its baseline, thresholds from the suite.

    A delta feed (``Source.accumulating``) is judged for emptiness only: each
    delivery holds what was decided since the scope's previous one (the first
    covers 24 months), so its size follows the interval and the office's
    workload, and a shrinking delta is no sign of a broken export; an empty
    one after a delivery that had rows is.
    """
    limits = volume.document["meta"]["collapse"]
    ratio, floor = float(limits["min_ratio"]), int(limits["judged_from_rows"])
    shrinks = not SOURCES[source].accumulating

    def collapsed(alias: str) -> str:
        a = alias
        empty = f"({a}.row_count = 0 AND {a}.previous_row_count > 0)"
        if not shrinks:
            return f"coalesce({empty}, false)"
        return (f"coalesce(({a}.previous_row_count >= {floor} AND {a}.row_count < {ratio} * "
                f"{a}.previous_row_count) OR {empty}, false)")

    return collapsed


def _start_run(conn: psycopg.Connection, suite: Suite, source: str, batch_ids: list[int]) -> int:
    return conn.execute(
        _sql("start_run"),
        {"suite_name": suite.name, "suite_sha256": suite.sha256, "source": source,
         "batch_ids": batch_ids, "gx_version": gx.__version__},
    ).fetchone()[0]


def _outcomes(suite: Suite, gx_suite, batch_definition, suite_result) -> list[RuleOutcome]:
    """Each rule's outcome; row queries GX capped at 200 rows are fetched again, whole."""
    definition = gx.ValidationDefinition(name=f"{suite.name} rows", data=batch_definition,
                                         suite=gx_suite)  # never stored
    expectations = {e.meta["rule"]: e for e in gx_suite.expectations}
    return [
        rule_outcome(rule, result,
                     lambda rule=rule: definition.get_unexpected_rows(expectations[rule.rule]))
        for rule, result in suite_rules(suite, suite_result)
    ]


def _run_suite(context, conn: psycopg.Connection, suite: Suite, source: str,
               batch_ids: list[int], asset: str, query: str, settings: Settings,
               url: str) -> _Run:
    """Validate the batches with one suite; store a trimmed result for the Data Docs."""
    run_id = _start_run(conn, suite, source, batch_ids)
    gx_suite = context.suites.add_or_update(suite.to_gx())
    batch_definition = gx_project.batches_under_validation(settings, url, asset, query)
    run_name = f"pantau-run-{run_id}"
    gx_run = RunIdentifier(run_name=run_name, run_time=datetime.now(UTC))
    validator = Validator(batch_definition=batch_definition, result_format=RESULT_FORMAT)
    suite_result = validator.validate_expectation_suite(gx_suite)
    outcomes = _outcomes(suite, gx_suite, batch_definition, suite_result)
    suite_result.meta.update({"run_id": gx_run, "validation_time": gx_run.run_time,
                              "pantau_run_id": run_id, "batch_ids": batch_ids,
                              "suite_sha256": suite.sha256})
    trim_for_docs(suite_result)
    suite_id = ExpectationSuiteIdentifier(name=suite.name)
    identifier = ValidationResultIdentifier(expectation_suite_identifier=suite_id,
                                            run_id=gx_run,
                                            batch_identifier=validator.active_batch_id)
    context.validation_results_store.store_validation_results(
        suite_validation_result=suite_result,
        suite_validation_result_identifier=identifier,
        expectation_suite_identifier=suite_id,
    )
    conn.execute("UPDATE audit.validation_run SET gx_run_name = %s, gx_result = %s "
                 "WHERE run_id = %s", (run_name, "/".join(identifier.to_tuple()), run_id))
    return _Run(run_id, suite, outcomes, identifier)


def _record_results(conn: psycopg.Connection, run: _Run, row_counts: pd.Series,
                    quarantined: int) -> None:
    """Every check per batch, then the run's totals."""
    results = per_batch_results(run.outcomes, row_counts)
    results.insert(0, "run_id", run.run_id)
    copy_frame(conn, "audit.expectation_result", results)
    errors = [o for o in run.outcomes if o.exception]
    failed = [o for o in run.outcomes if not o.success]
    conn.execute(_sql("finish_run"), {
        "success": not failed, "evaluated": len(run.outcomes), "failed": len(failed),
        "rows_checked": int(row_counts.sum()), "rows_quarantined": quarantined,
        "batches_rejected":
            0 if errors else len(rejected_batches(run.outcomes, list(row_counts.index))),
        "message": "; ".join(f"{o.rule.rule}: {o.exception}" for o in errors) or None,
        "run_id": run.run_id,
    })


def _observed_values(conn: psycopg.Connection, source_id: str, suite: Suite) -> None:
    """Fill the value seen from the raw text of the file, masked where it is personal."""
    source = SOURCES[source_id]
    for rule in suite.rules:
        column = next((c for c in source.columns if c.target == rule.staging_column), None)
        if column is None:
            continue
        conn.execute(_sql("observed_values", source=source.id, column=column.raw_name,
                          personal=column.personal), {"rule": rule.rule})


def _quarantine(conn: psycopg.Connection, source_id: str, run: _Run,
                failures: pd.DataFrame, notes: pd.DataFrame) -> int:
    """Hold the failing rows back with one reason per failed expectation, and note the
    rows failing a ``note`` check without holding them; return rows held."""
    if failures.empty and notes.empty:
        return 0
    conn.execute(_sql("failure_tables"))
    copy_frame(conn, "pg_temp.gate_failure", pd.concat(
        [failures.assign(held=True), notes.assign(held=False)], ignore_index=True))
    _observed_values(conn, source_id, run.suite)
    rules = pd.DataFrame([(r.rule, r.expectation_type, r.reason_id, r.reason_en)
                          for r in run.suite.rules],
                         columns=["rule", "expectation_type", "reason_id", "reason_en"])
    copy_frame(conn, "pg_temp.gate_rule", rules)
    held = conn.execute(_sql("hold_rows"), {"source": source_id, "run_id": run.run_id}).rowcount
    for held_rows in (True, False):
        conn.execute(_sql("row_reasons", held=held_rows), {"run_id": run.run_id})
    return held


def _settle_batches(conn: psycopg.Connection, run_id: int, batch_ids: list[int],
                    rejected: dict[int, list[str]]) -> None:
    for batch_id, reasons in rejected.items():
        conn.execute(_sql("reject_batch"), {
            "run_id": run_id, "batch_id": batch_id,
            "reasons": "rejected by the quality gate: " + "; ".join(reasons)})
    conn.execute(_sql("validate_batches"),
                 {"run_id": run_id, "batch_ids": [b for b in batch_ids if b not in rejected]})


def fresh_statistics(conn: psycopg.Connection, tables: list[str]) -> list[str]:
    """ANALYZE those of ``tables`` that changed by a tenth since last analysed; return them.

    The gate runs right after a load, before autovacuum has analysed the new
    rows (its own trigger is the same tenth), and its queries were planned on
    the statistics of an emptier table: a national gate took 33 s instead of
    31 s. Committed, so GX's own connection plans with them.
    """
    stale = conn.execute(_sql("stale_statistics"), {"tables": tables}).fetchall()
    for schema, table in stale:  # ANALYZE takes no parameter: the name is composed as one
        conn.execute(psycopg.sql.SQL("ANALYZE {}").format(psycopg.sql.Identifier(schema, table)))
        log.info("analysed %s.%s before validating it", schema, table)
    conn.commit()
    return [f"{schema}.{table}" for schema, table in stale]


def _waiting(conn: psycopg.Connection, source: str, only: list[int] | None) -> pd.Series:
    """Lock the source's batches waiting for the gate; their row counts by batch id."""
    rows = conn.execute(_sql("waiting_batches"),
                        {"source": source, "only_batch_ids": only}).fetchall()
    return pd.Series(dict(rows), dtype="int64")


def _record_crash(url: str, suite: Suite, source: str, batch_ids: list[int],
                  error: str) -> None:
    """GX failed as a whole: say so in audit; the batches stay waiting."""
    with connect("loader", url=url) as conn:
        run_id = _start_run(conn, suite, source, batch_ids)
        conn.execute("UPDATE audit.validation_run SET finished_at = now(), success = false, "
                     "message = %s WHERE run_id = %s", (error[:2000], run_id))
        conn.commit()


def validate_source(context, settings: Settings, url: str, suites: dict[str, Suite],
                    source: str, only: list[int] | None = None) -> SourceVerdict | None:
    """Run the gate over one source's waiting batches (None: nothing was waiting)."""
    verdict = SourceVerdict(source)
    with connect("loader", url=url) as conn:
        row_counts = _waiting(conn, source, only)
        if row_counts.empty:
            return None
        batch_ids = [int(b) for b in row_counts.index]
        fresh_statistics(conn, [f"staging.{source}", f"staging.{source}_lokasi",
                                "audit.parse_problem"])
        volume_query = _query(settings, VOLUME_SUITE, batch_ids=batch_ids,
                              collapsed=_collapse_test(suites[VOLUME_SUITE], source))
        try:
            runs = [
                _run_suite(context, conn, suites[source], source, batch_ids, source,
                           _query(settings, "source_batches", source=source,
                                  batch_ids=batch_ids), settings, url),
                _run_suite(context, conn, suites[VOLUME_SUITE], source, batch_ids,
                           f"{source}__{VOLUME_SUITE}", volume_query, settings, url),
            ]
        except psycopg.Error:
            raise  # the warehouse itself failed: not a verdict on the data
        except Exception as exc:
            conn.rollback()
            verdict.error = f"GX failed: {type(exc).__name__}: {exc}"
            _record_crash(url, suites[source], source, batch_ids, verdict.error)
            log.error("%s: %s", source, verdict.error)
            return verdict
        outcomes = [o for run in runs for o in run.outcomes]
        errors = [f"{o.rule.rule}: {o.exception}" for o in outcomes if o.exception]
        rejected = {} if errors else rejected_batches(outcomes, batch_ids)
        failures = row_failures(runs[0].outcomes, set(rejected))
        notes = row_failures(runs[0].outcomes, set(rejected), severity="note")
        held = 0 if errors else _quarantine(conn, source, runs[0], failures, notes)
        for run in runs:
            _record_results(conn, run, row_counts, held if run is runs[0] else 0)
        if not errors:
            _settle_batches(conn, runs[0].run_id, batch_ids, rejected)
        conn.commit()
    verdict.rows_checked = int(row_counts.sum())
    verdict.docs_pages = [run.identifier for run in runs] + [
        ExpectationSuiteIdentifier(name=run.suite.name) for run in runs]
    if errors:
        verdict.error = "GX could not evaluate: " + "; ".join(errors)
        return verdict
    verdict.rejected = rejected
    verdict.validated = [b for b in batch_ids if b not in rejected]
    verdict.rows_quarantined = held
    verdict.failed_rules = failures.groupby("rule")["row_number"].size().to_dict()
    return verdict


def run_gate(settings: Settings | None = None, sources: list[str] | None = None,
             batch_ids: list[int] | None = None) -> GateReport:
    """Validate every waiting batch (of ``sources``, or only ``batch_ids``); build Data Docs.

    The Data Docs are rebuilt whenever a run happened (and built once if missing).
    """
    settings = settings or get_settings()
    url = warehouse_url(settings)
    suites = load_suites(settings.expectations_dir)
    verdicts: list[SourceVerdict] = []
    docs = None
    with gx_project.project(settings, url) as context:
        for source in sources or list(SOURCES):
            started = time.perf_counter()
            verdict = validate_source(context, settings, url, suites, source, batch_ids)
            if verdict is not None:
                verdict.seconds = round(time.perf_counter() - started, 3)
                verdicts.append(verdict)
                for batch_id, reasons in verdict.rejected.items():
                    log.error("batch %s (%s) rejected: %s", batch_id, source, "; ".join(reasons))
        if verdicts or not gx_project.docs_index(settings).exists():
            pages = [page for verdict in verdicts for page in verdict.docs_pages]
            docs = gx_project.build_docs(context, settings, pages or None)
    return GateReport(verdicts, docs)


def recheck_row(conn: psycopg.Connection, source: str, key, corrected: set[str],
                settings: Settings | None = None) -> list[str]:
    """Row checks the row still fails, with ``conn``'s uncommitted corrections applied.

    GX reads through its own connection, so the corrected row travels in the
    query (as JSON, overlaid on its batch) to an in-memory GX context: nothing
    of it is written to disk. Parse problems of corrected columns no longer
    count; batch-level checks are not a row's business.
    """
    settings = settings or get_settings()
    suite = load_suites(settings.expectations_dir)[source]
    current = conn.execute(  # a one-row lookup; the source is a catalog name
        f"SELECT to_jsonb(t) FROM staging.{source} AS t "
        "WHERE batch_id = %s AND row_number = %s", (key.batch_id, key.row_number),
    ).fetchone()[0]
    # GX's query asset takes no parameters: the row travels as a literal psycopg quotes.
    literal = psycopg.sql.Literal(json.dumps(current)).as_string(conn)
    query = _query(settings, "recheck_row", source=source, batch_id=int(key.batch_id),
                   row_number=int(key.row_number), row_json=literal)
    context = gx_project.ephemeral(settings)
    batch_definition = gx_project.query_batch_definition(context, f"{source}__recheck", query)
    gx_suite = suite.to_gx()
    validator = Validator(batch_definition=batch_definition, result_format=RESULT_FORMAT)
    suite_result = validator.validate_expectation_suite(gx_suite)
    failing = []
    for outcome in _outcomes(suite, gx_suite, batch_definition, suite_result):
        rule = outcome.rule
        if outcome.exception:
            failing.append(f"{rule.rule} (not evaluated: {outcome.exception[:120]})")
            continue
        if rule.severity != "row" or outcome.success:
            continue
        failures = outcome.failures
        mine = failures[(failures["batch_id"] == key.batch_id)
                        & (failures["row_number"] == key.row_number)]
        columns = set(mine["column_name"].dropna())
        if mine.empty or (rule.rule == "value_unreadable" and columns <= corrected):
            continue
        failing.append(rule.rule)
    return failing

"""One whole cycle for one period from the command line (``pantau run``), no scheduler needed.

The stages are the steps the DAGs run, in the DAGs' order: ingest every file
under the landing folder, validate, build the report periods that end on the
period's last day (and the periods before them, for the trend), render their
reports. A failed stage stops the ones that depend on it; the result says
what happened at each, and ``ok`` is False when anything failed.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pantau.config import Settings, get_settings
from pantau.orchestration import steps
from pantau.orchestration.errors import describe
from pantau.orchestration.schedule import Plan, load_plan
from pantau.periods import Period
from pantau.sources.pickup import discover

log = logging.getLogger(__name__)


@dataclass
class CycleResult:
    period: str
    landing: Path
    output: Path
    ingest: steps.IngestTally | None = None
    gate: dict | None = None
    built: list[dict] = field(default_factory=list)
    reports: dict[str, list[str]] = field(default_factory=dict)  # report period -> folders
    problems: list[str] = field(default_factory=list)
    stopped_at: str | None = None  # the stage that failed and stopped the cycle

    @property
    def ok(self) -> bool:
        return not self.problems


class _Stopped(Exception):
    """A stage failed; what follows depends on it."""


def _stage(result: CycleResult, name: str, action):
    """Run one stage; a failure is recorded in ``result`` and stops the cycle."""
    try:
        return action()
    except Exception as exc:
        log.error("%s failed: %s", name, describe(exc))
        result.problems.append(f"{name}: {describe(exc)}")
        result.stopped_at = name
        raise _Stopped from exc


def run_cycle(landing: Path, period: str, output: Path, regions: list[str] | None = None,
              settings: Settings | None = None, plan: Plan | None = None) -> CycleResult:
    """Ingest, validate, build and report ``period`` (raises ValueError for a bad period)."""
    settings = settings or get_settings()
    plan = plan or load_plan(settings)
    Period.parse(period)
    result = CycleResult(period, landing, output)
    with contextlib.suppress(_Stopped):  # the failed stage is recorded in result
        _run_stages(result, regions or plan.report_regions, settings, plan)
    return result


def _run_stages(result: CycleResult, scope: list[str], settings: Settings, plan: Plan) -> None:
    from pantau.warehouse import migrate

    _stage(result, "warehouse", migrate.upgrade)
    files = [{"uri": str(path)} for path in discover([result.landing])]
    tally = _stage(result, "ingest", lambda: steps.ingest_files(files, settings=settings))
    result.ingest = steps.IngestTally.combine([tally])
    result.problems += result.ingest.failures
    result.gate = _stage(result, "validate", lambda: steps.validate(settings=settings))
    result.problems += steps.rejected_batches(result.gate)
    ending = steps.report_periods(result.period, plan.report_kinds)
    # Each build happens once: a period built here is neither missing nor stale after.
    for target in sorted({result.period, *ending.values()}):
        result.built += _stage(result, f"build {target}",
                               lambda t=target: steps.ensure_built(t, settings))
    for report_period in ending.values():
        result.reports[report_period] = _stage(
            result, f"report {report_period}",
            lambda p=report_period: _render(p, scope, result.output, settings))


def _render(period: str, scope: list[str], output: Path, settings: Settings) -> list[str]:
    """Every report of ``period``, province by province as the report DAGs render them."""
    return [folder for province in steps.provinces_to_render(period, scope)
            for folder in steps.render_province(period, province, str(output), scope,
                                                settings)]

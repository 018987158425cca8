"""One whole cycle for one period from the command line (``pantau run``), no scheduler needed.

The stages are the steps the DAGs run, in the DAGs' order: ingest every file
under the landing folder, validate, build the report periods that end on the
period's last day (and the periods before them, for the trend), render their
reports. A failed stage stops the ones that depend on it; the result says
what happened at each, and ``ok`` is False when anything failed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pantau.config import Settings, get_settings
from pantau.orchestration import steps
from pantau.orchestration.errors import describe
from pantau.orchestration.schedule import Plan, load_plan
from pantau.periods import Period
from pantau.sources.delivery import discover

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


def _stage(result: CycleResult, name: str, action):
    """Run one stage; a failure is recorded (not raised) and stops the cycle."""
    try:
        return action()
    except Exception as exc:
        log.error("%s failed: %s", name, describe(exc))
        result.problems.append(f"{name}: {describe(exc)}")
        result.stopped_at = name
        return None


def run_cycle(landing: Path, period: str, output: Path, regions: list[str] | None = None,
              settings: Settings | None = None, plan: Plan | None = None) -> CycleResult:
    """Ingest, validate, build and report ``period`` (raises ValueError for a bad period)."""
    from pantau.warehouse import migrate

    settings = settings or get_settings()
    plan = plan or load_plan(settings)
    Period.parse(period)
    result = CycleResult(period, landing, output)
    if _stage(result, "warehouse", lambda: migrate.upgrade() or True) is None:
        return result
    files = [{"uri": str(path)} for path in discover([landing])]
    tally = _stage(result, "ingest", lambda: steps.ingest_files(files, settings=settings))
    if tally is None:
        return result
    result.ingest = steps.IngestTally.combine([tally])
    result.problems += result.ingest.failures
    result.gate = _stage(result, "validate", lambda: steps.validate(settings=settings))
    if result.gate is None:
        return result
    result.problems += steps.rejected_batches(result.gate)
    levels = {name: level.period_kind for name, level in plan.reports.items()}
    ending = steps.report_periods(period, levels)
    for target in sorted({period, *ending.values()}):
        built = _stage(result, f"build {target}", lambda t=target: steps.ensure_built(t, settings))
        if built is None:
            return result
        result.built += [b for b in built if b["period"] not in {x["period"] for x in result.built}]
    scope = regions or plan.report_regions
    for report_period in ending.values():
        folders = _stage(result, f"report {report_period}", lambda p=report_period: [
            folder for province in steps.provinces_to_render(p, scope)
            for folder in steps.render_province(p, province, str(output), scope, settings)])
        if folders is None:
            return result
        result.reports[report_period] = folders
    return result

"""The orchestration plan read from ``dags/schedule.toml``: when each DAG runs, and where.

Parsed at DAG-parse time, so it reads one small TOML file and touches no
database. A mistake (unknown period kind, malformed cron) raises
:class:`ScheduleError` naming the file and key, which Airflow shows as the
DAG file's import error.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from croniter import croniter

from pantau.config import Settings, get_settings
from pantau.periods import PeriodKind
from pantau.sources.catalog import SOURCES

POOL = "pantau_warehouse"
REPORTS_QUEUE = "reports"  # the Celery queue report rendering runs on (make cluster)


class ScheduleError(ValueError):
    """The schedule file says something Pantau cannot run."""


@dataclass(frozen=True)
class ReportLevel:
    """One report DAG: a region level, the period kind it reports, its cron."""

    level: str  # "regency" or "province"
    period_kind: PeriodKind
    schedule: str


@dataclass(frozen=True)
class Retention:
    """Days to keep; ``None`` keeps forever (the default)."""

    archive_days: int | None = None
    audit_days: int | None = None
    pii_days: int | None = None  # personal data of batches whose snapshot is older


@dataclass(frozen=True)
class Plan:
    timezone: str
    ingest_schedule: str
    parallel_groups: int
    landing: dict[str, str]
    build_schedule: str
    reports: dict[str, ReportLevel]
    report_regions: list[str]
    deliver: bool
    maintenance_schedule: str
    retention: Retention
    pool_slots: int
    source: Path = field(compare=False)

    def landing_for(self, source: str) -> str:
        return self.landing[source]

    @property
    def report_kinds(self) -> dict[str, PeriodKind]:
        """{region level: the period kind its reports cover}."""
        return {name: level.period_kind for name, level in self.reports.items()}

    @property
    def build_kinds(self) -> list[PeriodKind]:
        """The period kinds the reports need built."""
        return sorted(set(self.report_kinds.values()))


_LEVELS = {"regency": PeriodKind.QUARTER, "province": PeriodKind.SEMESTER}


def _cron(value: object, where: str, path: Path) -> str:
    if not isinstance(value, str) or not croniter.is_valid(value):
        raise ScheduleError(f"{path}: {where} = {value!r} is not a cron expression")
    return value


def _days(value: object, where: str, path: Path) -> int | None:
    if value in (None, 0):
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ScheduleError(f"{path}: {where} = {value!r} must be a number of days (0: forever)")
    return value


def _report_level(name: str, table: dict, path: Path) -> ReportLevel:
    if name not in _LEVELS:
        raise ScheduleError(f"{path}: [reports.{name}]: the levels are {', '.join(_LEVELS)}")
    try:
        kind = PeriodKind(table.get("period", _LEVELS[name].value))
    except ValueError:
        raise ScheduleError(f"{path}: reports.{name}.period = {table.get('period')!r} is not "
                            f"one of {', '.join(k.value for k in PeriodKind)}") from None
    return ReportLevel(name, kind, _cron(table.get("schedule"), f"reports.{name}.schedule", path))


def load_plan(settings: Settings | None = None, path: Path | None = None) -> Plan:
    """The plan from ``path`` (default: ``PANTAU_SCHEDULE_FILE`` or ``dags/schedule.toml``)."""
    settings = settings or get_settings()
    path = path or settings.schedule_file
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScheduleError(f"{path}: {exc}") from exc
    ingest, build = data.get("ingest", {}), data.get("build", {})
    reports, maintenance = data.get("reports", {}), data.get("maintenance", {})
    options = reports.get("options", {})
    unknown = set(ingest.get("landing", {})) - set(SOURCES)
    if unknown:
        raise ScheduleError(f"{path}: [ingest.landing] names unknown sources "
                            f"{', '.join(sorted(unknown))} (known: {', '.join(SOURCES)})")
    landing = {source: str(settings.landing_dir / source) for source in SOURCES}
    landing.update(ingest.get("landing", {}))
    groups = ingest.get("parallel_groups", 4)
    slots = data.get("pools", {}).get("warehouse", 4)
    for where, value in (("ingest.parallel_groups", groups), ("pools.warehouse", slots)):
        if not isinstance(value, int) or value < 1:
            raise ScheduleError(f"{path}: {where} = {value!r} must be a positive integer")
    retention = maintenance.get("retention", {})
    return Plan(
        timezone=data.get("timezone", "Asia/Jakarta"),
        ingest_schedule=_cron(ingest.get("schedule"), "ingest.schedule", path),
        parallel_groups=groups,
        landing=landing,
        build_schedule=_cron(build.get("schedule"), "build.schedule", path),
        reports={name: _report_level(name, table, path)
                 for name, table in reports.items() if name != "options"},
        report_regions=[str(code) for code in options.get("regions", [])],
        deliver=bool(options.get("deliver", True)),
        maintenance_schedule=_cron(maintenance.get("schedule"), "maintenance.schedule", path),
        retention=Retention(_days(retention.get("archive_days"), "archive_days", path),
                            _days(retention.get("audit_days"), "audit_days", path),
                            _days(retention.get("pii_days"), "pii_days", path)),
        pool_slots=slots,
        source=path,
    )

"""The orchestration plan, period arithmetic of the schedules, file grouping, retry decisions."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import psycopg
import pytest

from pantau.config import load_settings
from pantau.orchestration import steps
from pantau.orchestration.alerts import alert_from
from pantau.orchestration.errors import (
    CycleFailure,
    FilesRejected,
    GateFailed,
    is_transient,
    retry_policy,
)
from pantau.orchestration.landing import LandedFile, split_evenly
from pantau.orchestration.schedule import ScheduleError, load_plan
from pantau.periods import Period, PeriodKind
from pantau.warehouse.connection import WarehouseError, WarehouseUnreachable

SCHEDULE = Path(__file__).resolve().parents[2] / "dags" / "schedule.toml"


def _plan(tmp_path: Path, text: str):
    path = tmp_path / "schedule.toml"
    path.write_text(text, encoding="utf-8")
    return load_plan(load_settings({"PANTAU_VAR_DIR": str(tmp_path)}), path)


def test_the_shipped_plan_reports_regencies_quarterly_and_provinces_per_semester() -> None:
    plan = load_plan(load_settings({}), SCHEDULE)
    assert plan.reports["regency"].period_kind is PeriodKind.QUARTER
    assert plan.reports["province"].period_kind is PeriodKind.SEMESTER
    assert plan.timezone == "Asia/Jakarta"
    assert plan.retention.archive_days is None and plan.retention.audit_days is None
    assert plan.retention.pii_days is None  # personal data: kept until a policy says
    assert set(plan.landing) == {"imigrasi_izin_tinggal", "imigrasi_tindakan",
                                 "tenaga_kerja_tka", "dukcapil_orang_asing",
                                 "kp2mi_penempatan", "imigrasi_paspor", "imigrasi_penundaan",
                                 "bp3mi_pemulangan", "timpora_operasi"}


def test_landing_defaults_under_the_landing_dir_and_can_be_any_url(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SCHEDULE.read_text().replace(
        "# imigrasi_izin_tinggal = ", "imigrasi_izin_tinggal = "))
    assert plan.landing_for("imigrasi_izin_tinggal").startswith("s3://")
    assert plan.landing_for("tenaga_kerja_tka") == str(tmp_path / "landing" / "tenaga_kerja_tka")


def test_a_pii_retention_period_is_read_in_days(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SCHEDULE.read_text().replace("# pii_days = 1825", "pii_days = 1825"))
    assert plan.retention.pii_days == 1825 and plan.retention.archive_days is None
    plan = _plan(tmp_path, SCHEDULE.read_text().replace("# pii_days = 1825", "pii_days = 0"))
    assert plan.retention.pii_days is None


@pytest.mark.parametrize(("change", "message"), [
    (('schedule = "0 6 5 1,4,7,10 *"', 'schedule = "quarterly"'), "not a cron expression"),
    (('period = "semester"', 'period = "fortnight"'), "is not one of"),
    (("warehouse = 4", "warehouse = 0"), "positive integer"),
    (("# archive_days = 3650", "archive_days = -5"), "number of days"),
    (("# pii_days = 1825", "pii_days = '5y'"), "pii_days = '5y' must be a number of days"),
    (("[ingest.landing]", "[ingest.landing]\nkemenkes = '/x'"), "unknown sources kemenkes"),
])
def test_a_mistake_in_the_schedule_names_the_file_and_key(tmp_path: Path, change,
                                                         message: str) -> None:
    text = SCHEDULE.read_text()
    assert change[0] in text
    with pytest.raises(ScheduleError, match=message) as raised:
        _plan(tmp_path, text.replace(*change))
    assert "schedule.toml" in str(raised.value)


@pytest.mark.parametrize(("day", "kind", "expected"), [
    (date(2025, 1, 5), PeriodKind.QUARTER, "2024-Q4"),
    (date(2025, 1, 10), PeriodKind.SEMESTER, "2024-S2"),
    (date(2025, 7, 10), PeriodKind.SEMESTER, "2025-S1"),
    (date(2025, 4, 1), PeriodKind.QUARTER, "2025-Q1"),
    (date(2025, 3, 31), PeriodKind.QUARTER, "2024-Q4"),
    (date(2025, 2, 1), PeriodKind.MONTH, "2025-01"),
])
def test_a_run_reports_the_period_that_closed_before_it(day: date, kind: PeriodKind,
                                                        expected: str) -> None:
    assert Period.closed_before(day, kind).label == expected


def test_the_closed_period_is_read_on_the_jakarta_calendar() -> None:
    # 1 January 2025 02:00 in Jakarta is still 31 December 2024 in UTC.
    moment = datetime(2024, 12, 31, 19, 0, tzinfo=UTC)
    assert steps.closed_period(PeriodKind.QUARTER, moment, "Asia/Jakarta") == "2024-Q4"
    assert steps.closed_period(PeriodKind.QUARTER, moment, "UTC") == "2024-Q3"


def test_reports_ending_on_a_period_are_those_sharing_its_last_day() -> None:
    levels = {"regency": PeriodKind.QUARTER, "province": PeriodKind.SEMESTER}
    assert steps.report_periods("2024-Q4", levels) == {"regency": "2024-Q4",
                                                       "province": "2024-S2"}
    assert steps.report_periods("2024-Q3", levels) == {"regency": "2024-Q3"}
    assert steps.report_periods("2024-06", levels) == {"regency": "2024-Q2",
                                                       "province": "2024-S1"}
    assert steps.report_periods("2024-05", levels) == {}


def test_the_first_report_run_after_a_period_follows_the_cron() -> None:
    run = steps.first_run_after("0 6 5 1,4,7,10 *", "2024-Q4", "Asia/Jakarta")
    assert run.isoformat() == "2025-01-05T06:00:00+07:00"
    assert steps.closed_period(PeriodKind.QUARTER, run, "Asia/Jakarta") == "2024-Q4"


def test_files_are_split_into_balanced_groups_none_empty() -> None:
    files = [LandedFile(f"f{i}.csv", f"{i:064d}", size) for i, size in
             enumerate([900, 100, 100, 100, 400, 300, 50])]
    groups = split_evenly(files, 3)
    assert len(groups) == 3
    assert sorted(f["uri"] for g in groups for f in g) == sorted(f.uri for f in files)
    weights = sorted(sum(f["size"] for f in g) for g in groups)
    assert weights[-1] == 900  # the big file alone; the rest shared out
    assert split_evenly(files[:2], 8) == [[files[0].to_dict()], [files[1].to_dict()]]
    assert split_evenly([], 4) == []


@pytest.mark.parametrize("exc", [
    WarehouseUnreachable("cannot connect"),
    psycopg.OperationalError("server closed the connection unexpectedly"),
    psycopg.errors.AdminShutdown("terminating connection due to administrator command"),
    ConnectionResetError("reset by peer"),
])
def test_transient_failures_are_retried(exc: BaseException) -> None:
    decision = retry_policy().evaluate(exc, try_number=1, max_tries=5)
    assert decision.action.value == "retry"
    assert is_transient(exc)


@pytest.mark.parametrize("exc", [
    FilesRejected("tka: 1 file rejected"),
    GateFailed("GX could not run"),
    WarehouseError("role pantau_loader does not exist"),
    ValueError("bad period"),
    psycopg.errors.UndefinedTable("relation does not exist"),
])
def test_everything_else_fails_at_once(exc: BaseException) -> None:
    assert retry_policy().evaluate(exc, try_number=1, max_tries=5).action.value == "fail"
    assert not is_transient(exc)


def test_transient_means_what_the_retry_policy_retries() -> None:
    """The alert's 'transient' flag and the retry decision agree, wrapped causes included."""
    try:
        try:
            raise psycopg.OperationalError("connection lost")
        except psycopg.OperationalError as inner:
            raise RuntimeError("build failed") from inner
    except RuntimeError as outer:
        assert not is_transient(outer)
        assert retry_policy().evaluate(outer, try_number=1, max_tries=5).action.value == "fail"


def test_a_report_period_asked_for_by_name_must_be_of_the_dags_kind() -> None:
    when = date(2025, 1, 5)
    assert steps.period_to_report(PeriodKind.QUARTER, None, when, "Asia/Jakarta") == "2024-Q4"
    assert steps.period_to_report(PeriodKind.QUARTER, "2023-q2", when, "UTC") == "2023-Q2"
    with pytest.raises(CycleFailure, match="renders semester reports; 2024-Q4 is a quarter"):
        steps.period_to_report(PeriodKind.SEMESTER, "2024-Q4", when, "UTC")
    with pytest.raises(ValueError, match="YYYY-Qn"):
        steps.period_to_report(PeriodKind.QUARTER, "2024-Q9", when, "UTC")


def test_an_alert_line_names_the_task_and_whether_it_is_retried() -> None:
    alert = alert_from(FilesRejected("tka_62_20241231.xlsx: rejected"), "pantau_ingest_tka",
                       "check", "manual__1", -1, 1)
    assert alert.line().startswith("ALERT pantau_ingest_tka.check run manual__1 try 1 "
                                   "(not retryable): FilesRejected: tka_62")
    mapped = alert_from(WarehouseUnreachable("down"), "d", "t", "r", 3, 2)
    assert "d.t[3]" in mapped.line() and "(transient)" in mapped.line()

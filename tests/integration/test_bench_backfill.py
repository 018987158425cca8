"""The five-year backfill's machinery on a six-month window of one regency, end to end.

The same steps the bench runs for 60 months of the demo provinces, on real
exports (``generate(months=6)``), a real warehouse, real builds and renders:
every month, quarter and semester of the window built, their reports on disk,
every step timed, and the trend queries answering one row per month.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from pantau.config import get_settings
from pantau.periods import Period
from pantau.tools.bench.backfill import backfill, markdown, span, summarise
from pantau.tools.bench.run import write_result
from pantau.tools.demo.generate import generate
from tests.support.warehouses import module_warehouse

END = Period.parse("2024-06")
MONTHS = 6  # 2024-01 .. 2024-06: 2024-Q1, 2024-Q2 and 2024-S1
REGENCY = "62.71"  # Palangka Raya


@dataclass(frozen=True)
class Backfilled:
    url: str
    reports: Path
    result: dict


@pytest.fixture(scope="module")
def backfilled(server_url: str, migrated_template: str, tmp_path_factory) -> Iterator[Backfilled]:
    """The window generated, then backfilled once for the module on a warehouse of its own."""
    out = tmp_path_factory.mktemp("backfill")
    generate([REGENCY], END.label, 1, out / "exports", workers=1, months=MONTHS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PANTAU_REPORTS_DIR", str(out / "reports"))
        with module_warehouse(server_url, out / "archive", migrated_template) as url:
            found = backfill(out / "exports" / "landing", get_settings(), url, END, MONTHS,
                             workers=2, progress=lambda _: None)
            yield Backfilled(url, out / "reports", {
                "kind": "backfill", "scale": "test", "period": END.label, "months": MONTHS,
                "started_at": "2026-12-04T00:00:00+00:00", **found})


def test_every_period_of_the_window_is_built_rendered_and_timed(backfilled: Backfilled) -> None:
    window = span(END, MONTHS)
    labels = {period.label for period in (*window.months, *window.quarters, *window.semesters)}
    assert labels == {"2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
                      "2024-Q1", "2024-Q2", "2024-S1"}
    with psycopg.connect(backfilled.url) as conn:
        built = {period for (period,) in conn.execute("SELECT period FROM core.period_build")}
        months_in_fact = {month for (month,) in conn.execute(
            "SELECT DISTINCT month FROM core.fact_person_status")}
    assert built == labels
    assert months_in_fact == {month.label for month in window.months}

    steps = backfilled.result["steps"]
    assert list(steps) == ["ingest", "validation", "build_months", "build_quarters",
                           "build_semesters", "render_quarters", "render_semesters",
                           "trend_queries"]
    assert all(step["seconds"] > 0 and step["peak_rss_mib"] > 0 for step in steps.values())
    assert steps["ingest"]["outcomes"].get("loaded") == steps["ingest"]["files"] > 0
    assert steps["validation"]["batches_validated"] > 0
    # The first month's build loads every batch; the others find none left to load.
    months = steps["build_months"]["periods"]
    assert [m["period"] for m in months] == [m.label for m in window.months]
    assert months[0]["batches_loaded"] > 0 and all(m["batches_loaded"] == 0 for m in months[1:])

    assert steps["render_quarters"]["reports"] == {"regency": 2}
    assert steps["render_semesters"]["reports"] == {"province": 1, "national": 1}
    reports = backfilled.reports
    for folder in ("2024-Q1/62/62.71", "2024-Q2/62/62.71", "2024-S1/62", "2024-S1/00"):
        assert (reports / folder / "report.pdf").is_file(), folder
        assert (reports / folder / "figures.json").is_file(), folder
    on_disk = sum(1 for path in reports.rglob("*") if path.is_file())
    assert on_disk >= steps["render_quarters"]["files"] + steps["render_semesters"]["files"] > 0
    assert backfilled.result["counts"]["reports"] == 4


def test_the_trend_queries_answer_one_row_per_month_and_keep_their_plans(
        backfilled: Backfilled, tmp_path: Path) -> None:
    history = backfilled.result["history"]
    assert history["months"] == MONTHS and history["months_copied"] == 0
    assert sum(history["rows_copied"].values()) == 0  # every month was built, none copied
    rows = {query["query"]: query["rows"] for query in history["queries"]}
    assert rows["fact_person_status: a regency's 6-month series"] == MONTHS
    assert rows["fact_person_status: a province's 6-month series"] == MONTHS
    assert rows[f"mart.region_trend: a region's 6 months ({REGENCY})"] == MONTHS
    with psycopg.connect(backfilled.url) as conn:
        (provinces,) = conn.execute("SELECT count(DISTINCT region_code) FROM mart.region_figures"
                                    " WHERE level = 'province'").fetchone()
    assert rows["mart.region_figures: every province, 6 months"] == provinces * MONTHS
    assert rows[f"report: previous month's figures of a region ({REGENCY})"] == 1
    for query in history["queries"]:
        assert query["first_seconds"] > 0 and query["plan"]["execution_ms"] > 0
        assert query["plan"]["scans"], query["query"]
    series = next(q for q in history["queries"] if "regency's 6-month" in q["query"])
    assert {scan["relation"] for scan in series["plan"]["scans"]} == {"fact_person_status"}

    result = {**backfilled.result, "summary": summarise(backfilled.result)}
    (target,) = result["summary"]["targets"]
    assert target["target"] == "slowest trend query, 6 months (s)" and target["met"] is True
    path = write_result(result, tmp_path / "results")
    assert path.name == "backfill-test-20261204T000000Z.json"
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored["counts"]["months"] == MONTHS
    text = markdown(stored)
    assert "| whole backfill of 6 months |" in text
    assert "| fact_person_status: a regency's 6-month series | 6 |" in text

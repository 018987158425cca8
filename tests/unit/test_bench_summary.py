"""The benchmark's summary: overall ratios from the per-source rows, and each target's verdict."""

from __future__ import annotations

from pantau.tools.bench.run import Target, summarise
from pantau.tools.bench.tables import markdown


def _result() -> dict:
    def source(name: str, rows: int, copy_s: float, ingest_s: float, to_sql_s: float) -> dict:
        return {"source": name, "files": 2, "rows": rows, "copy_rows": rows,
                "copy_seconds": copy_s, "ingest_seconds": ingest_s, "to_sql_seconds": to_sql_s,
                "copy_rows_per_s": rows / copy_s, "ingest_rows_per_s": rows / ingest_s,
                "to_sql_rows_per_s": rows / to_sql_s, "ingest_copy_ratio": copy_s / ingest_s,
                "ingest_to_sql_ratio": to_sql_s / ingest_s}

    step = {"seconds": 10.0, "peak_rss_mib": 100.0}
    return {
        "scale": "small", "period": "2024-12",
        "throughput": [source("a", 1000, 1.0, 4.0, 8.0), source("b", 3000, 1.0, 6.0, 12.0)],
        "steps": {"validation": {**step, "seconds": 4.0}, "build_month": step,
                  "render_reports": {**step, "reports": 3, "peak_rss_mib": 900.0}},
        "late_file": {"seconds": 3.0},
    }


def test_summary_ratios_come_from_total_rows_over_total_seconds() -> None:
    result = _result()
    summary = summarise(result)
    assert summary["ingest_rows_per_s"] == 400.0  # 4,000 rows in 10 s
    assert summary["ingest_copy_ratio"] == 0.2  # COPY: 4,000 rows in 2 s
    assert summary["ingest_to_sql_ratio"] == 2.0  # to_sql: 4,000 rows in 20 s
    assert summary["cycle_seconds"] == 10 + 4 + 10 + 10
    assert summary["peak_rss_mib"] == 900.0
    verdicts = {item["target"]: item["met"] for item in summary["targets"]}
    assert verdicts["ingest / to_sql"] is True  # 2.0, the small scale's floor
    assert verdicts["ingest / write ceiling"] is None  # no write ceiling measured
    assert verdicts["late file / cycle"] is False  # 3 s of 34 s, over 5%
    assert "whole cycle (s)" not in verdicts  # the small scale is judged by ratios only


def test_the_national_scale_is_held_to_the_absolute_targets() -> None:
    result = _result()
    result["scale"] = "national"
    for item in result["throughput"]:
        item["write_seconds"] = item["ingest_seconds"] / 2  # ingest at half the ceiling
    summary = summarise(result)
    limits = {item["target"]: (item["measured"], item["limit"], item["met"])
              for item in summary["targets"]}
    assert limits["whole cycle (s)"] == (34.0, "< 300", True)
    assert limits["3 reports, 2 workers (s)"] == (10.0, "< 120", True)
    assert limits["peak RSS (MiB)"] == (900.0, "< 2048", True)
    assert limits["ingest / write ceiling"] == (0.5, "≥ 0.8", False)
    assert limits["late file / cycle"][1:] == ("< 0.02", False)


def test_a_target_at_its_limit_is_met_only_when_it_must_reach_it() -> None:
    assert Target("ratio", 0.5, 0.5, at_least=True).to_dict()["met"] is True
    assert Target("seconds", 120, 120, at_least=False).to_dict()["met"] is False
    assert Target("unmeasured", None, 1, at_least=True).to_dict()["met"] is None


def test_markdown_lists_every_source_step_and_target() -> None:
    result = _result()
    result["summary"] = summarise(result)
    text = markdown(result)
    for name in ("| a |", "| b |", "| all sources |", "| validation |", "| build_month |",
                 "| ingest / to_sql |", "| late file / cycle |"):
        assert name in text, name


def test_audit_packs_are_set_against_the_rest_of_rendering() -> None:
    from pathlib import Path

    from pantau.reports.render import Rendered
    from pantau.tools.bench.tracing import audit_pack_share

    done = [Rendered("62", Path("a"), "x", {}, seconds=6.0, audit_seconds=1.0),
            Rendered("62.03", Path("b"), "y", {}, seconds=6.0, audit_seconds=1.0)]
    assert audit_pack_share(done) == {"report_seconds": 10.0, "audit_pack_seconds": 2.0,
                                      "audit_pack_share": 0.2}


def test_audit_pack_share_and_slowest_trace_are_targets() -> None:
    result = _result()
    result["steps"]["render_reports"]["audit_pack_share"] = 0.25
    result["trace"] = {"regency": "62.03", "slowest_seconds": 0.4, "all_match": True,
                       "traces": [{"figure": "foreigners_total", "category": "", "rows": 9,
                                   "value": 9, "matches": True, "seconds": 0.4}]}
    result["steps"]["render_reports"].update(report_seconds=8.0, audit_pack_seconds=2.0)
    result["summary"] = summarise(result)
    verdicts = {item["target"]: item["met"] for item in result["summary"]["targets"]}
    assert verdicts["audit packs / rest of rendering"] is False  # 25% of rendering, over 20%
    assert verdicts["slowest trace, largest regency (s)"] is True
    assert "| foreigners_total | 9 | yes | 0.400 |" in markdown(result)


def test_the_pmi_exports_cost_is_their_share_of_each_step() -> None:
    from pantau.tools.bench.run import pmi_build_seconds

    result = _result()
    result["throughput"][1]["source"] = "imigrasi_paspor"  # 6 s of the 10 s of ingest
    result["steps"]["validation"]["pmi_seconds"] = 1.0
    result["steps"]["build_month"]["pmi_seconds"] = pmi_build_seconds({
        "build/load_imigrasi_izin_tinggal.sql": 3.0, "build/load_imigrasi_paspor.sql": 1.5,
        "build/forget_batches.sql (bp3mi_pemulangan)": 0.25, "rules/pmi_underage.sql": 0.5,
        "build/pmi_marts.sql": 0.25, "build/marts.sql": 4.5})
    result["summary"] = summarise(result)
    cost = result["summary"]["pmi_cost"]
    assert cost["rows"] == 3000 and cost["files"] == 2
    assert cost["ingest"] == {"seconds": 6.0, "share": 0.6}
    assert cost["validation"] == {"seconds": 1.0, "share": 0.25}
    assert cost["build"] == {"seconds": 2.5, "share": 0.25}
    assert "| build | 2.5 | 25.0% |" in markdown(result)


def test_a_result_without_pmi_timings_has_no_pmi_table() -> None:
    result = _result()
    result["summary"] = summarise(result)
    assert "pmi_cost" not in result["summary"]
    assert "PMI" not in markdown(result)


def test_the_slowest_build_steps_of_both_months_are_shown_side_by_side() -> None:
    from pantau.tools.bench.run import slowest_steps

    month = slowest_steps({"build/marts.sql": 2.0, "build/load_persons.sql": 9.0,
                           "rules/pmi_underage.sql": 0.5}, count=2)
    assert month == [["build/load_persons.sql", 9.0], ["build/marts.sql", 2.0]]
    result = _result()
    result["steps"]["build_month"]["slowest"] = month
    result["prior_month"] = {"period": "2024-11", "files": 1, "rows": 10, "steps": {"build": {
        "seconds": 40.0, "peak_rss_mib": 1.0,
        "slowest": [["build/pmi_marts.sql", 30.0], ["build/marts.sql", 4.0]]}}}
    result["summary"] = summarise(result)
    table = markdown(result)
    assert "| build/pmi_marts.sql |  | 30.0 |" in table
    assert table.index("build/pmi_marts.sql") < table.index("build/load_persons.sql")
    assert "| build/marts.sql | 2.0 | 4.0 |" in table

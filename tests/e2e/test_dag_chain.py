"""The real DAGs run on a local metadata DB: ingest → build → reports → maintenance.

Each run is what `airflow dags test` makes (the DAG synced to the metadata
database, ``dag.test()``), all of the module's runs in one dag_runner process
but one (the rerun, through ``dags_test`` in a process of its own). Small scope
(Palangka Raya, 2024-Q3 and 2024-Q4), its own warehouse database on the session
server, its own landing, archive, reports and Airflow home.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import psycopg
import pytest

from pantau.orchestration.schedule import load_plan
from pantau.sources.catalog import SOURCES
from tests.support.figures_schema import assert_every_figures_valid
from tests.support.warehouses import temporary_database

PERIOD = "2024-Q4"


@pytest.fixture(scope="module")
def chain_settings(server_url: str, small_demo: Path, tmp_path_factory):
    """The module's own warehouse and folders; yield (settings, warehouse url)."""
    from pantau.config import get_settings

    root = tmp_path_factory.mktemp("chain")
    with temporary_database(server_url, "test_chain") as url, \
            pytest.MonkeyPatch.context() as patch:
        patch.setenv("PANTAU_WAREHOUSE_URL", url)
        for name, folder in (("LANDING_DIR", small_demo / "landing"),
                             ("REPORTS_DIR", root / "reports"), ("ARCHIVE_DIR", root / "archive"),
                             ("GX_DIR", root / "gx"), ("DATA_DOCS_DIR", root / "docs")):
            patch.setenv(f"PANTAU_{name}", str(folder))
        get_settings.cache_clear()
        yield get_settings(), url
    get_settings.cache_clear()


LINEAGE_NAMESPACE = "pantau_chain"


@pytest.fixture(scope="module")
def lineage_file(tmp_path_factory) -> Path:
    """Where the module's DAG runs write their OpenLineage events (the file transport)."""
    return tmp_path_factory.mktemp("lineage") / "events.jsonl"


@pytest.fixture(scope="module")
def runner(chain_settings, lineage_file: Path):
    """One process running the module's DAG runs, as `airflow dags test` runs each,
    with OpenLineage on: every task's events appended to ``lineage_file``."""
    from pantau.orchestration import local_airflow

    transport = {"type": "file", "log_file_path": str(lineage_file), "append": True}
    # Task events only: the DAG-run events go through the provider's process pool, which
    # no one shuts down in a dag.test process and which then holds its exit for a minute.
    task_events_only = [{"scope": {}, "controls": {"emit_dag_events": False}}]
    with local_airflow.DagRunner(
            chain_settings[0], AIRFLOW__OPENLINEAGE__TRANSPORT=json.dumps(transport),
            AIRFLOW__OPENLINEAGE__NAMESPACE=LINEAGE_NAMESPACE,
            AIRFLOW__OPENLINEAGE__EMISSION_POLICY=json.dumps(task_events_only)) as runner:
        yield runner


@pytest.fixture(scope="module")
def chain(chain_settings, runner):
    """Run the whole cycle's DAGs once; yield (settings, runs by dag id, warehouse url)."""
    from pantau.orchestration import local_airflow

    settings, url = chain_settings
    plan = load_plan(settings)
    local_airflow.prepare(settings, plan)
    runs = {}
    for dag_id, when in local_airflow.cycle_order(PERIOD, plan):
        if dag_id == "pantau_maintenance":  # so that its rebuild is what we see after
            shutil.rmtree(settings.data_docs_dir)
        runs[dag_id] = runner.run(dag_id, when)
    return settings, runs, url


def _log_tail(run) -> str:
    return "\n".join(run.log.read_text(errors="replace").splitlines()[-40:])


def test_every_dag_of_the_cycle_succeeds_in_order(chain) -> None:
    _, runs, _ = chain
    assert list(runs) == [
        "pantau_ingest_imigrasi_izin_tinggal", "pantau_ingest_imigrasi_tindakan",
        "pantau_ingest_tenaga_kerja_tka", "pantau_ingest_dukcapil_orang_asing",
        "pantau_ingest_kp2mi_penempatan", "pantau_ingest_imigrasi_paspor",
        "pantau_ingest_imigrasi_penundaan", "pantau_ingest_bp3mi_pemulangan",
        "pantau_ingest_timpora_operasi", "pantau_build", "pantau_report_regency",
        "pantau_report_province", "pantau_maintenance"]
    for run in runs.values():
        assert run.ok, f"{run.dag_id} failed:\n{_log_tail(run)}"


def _lineage_by_job(lineage_file: Path) -> dict[str, dict]:
    """Per job name: every input and output dataset its events named (merged over runs)."""
    jobs: dict[str, dict] = {}
    for line in lineage_file.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        if "job" not in event or "run" not in event:
            continue
        job = jobs.setdefault(event["job"]["name"], {"namespace": event["job"]["namespace"],
                                                     "inputs": {}, "outputs": {}})
        for kind in ("inputs", "outputs"):
            for dataset in event.get(kind) or []:
                job[kind].setdefault((dataset["namespace"], dataset["name"]), dataset)
    return jobs


def test_lineage_of_the_cycle_runs_from_landing_files_to_report_files(
        chain, lineage_file: Path, small_demo: Path) -> None:
    """The OpenLineage events of the cycle (file transport) make the graph ingest →
    validate → build → report, with the real files and tables of this run
    (docs/lineage.md)."""
    from pantau.build.period import SOURCES_IN_LOAD_ORDER
    from pantau.lineage.naming import warehouse

    settings, _, url = chain
    jobs = _lineage_by_job(lineage_file)
    where = warehouse(settings)
    assert where.namespace.startswith("postgres://localhost:")

    def table(name: str) -> tuple[str, str]:
        return where.namespace, where.table_name(name)

    ingested: set = set()
    for source in SOURCES:
        ingest = jobs[f"pantau_ingest_{source}.ingest_group"]
        assert ingest["namespace"] == LINEAGE_NAMESPACE
        delivered = {("file", str(p.resolve()))
                     for p in (small_demo / "landing" / source).rglob("*") if p.is_file()}
        assert delivered and delivered <= set(ingest["inputs"]), source
        assert {table(f"raw.{source}"), table(f"staging.{source}")} <= set(ingest["outputs"])
        staged = ingest["outputs"][table(f"staging.{source}")]
        assert staged["outputFacets"]["outputStatistics"]["rowCount"] > 0
        ingested |= set(ingest["outputs"])

        validate = jobs[f"pantau_ingest_{source}.validate"]
        checked = validate["inputs"][table(f"staging.{source}")]["inputFacets"]
        assertions = checked["dataQualityAssertions"]["assertions"]
        assert assertions and all(isinstance(a["success"], bool) and a["assertion"]
                                  for a in assertions), source
        assert checked["dataQualityMetrics"]["rowCount"] > 0
        assert table("audit.expectation_result") in validate["outputs"]

    build = jobs["pantau_build.build_period"]
    read = set(build["inputs"])
    assert {table(f"staging.{s}") for s in SOURCES_IN_LOAD_ORDER} <= read & ingested
    marts = {table(f"mart.{t}") for t in ("region_figures", "region_breakdown", "followup",
                                          "figure_row", "pmi_priority_area")}
    assert marts <= set(build["outputs"]) and table("core.fact_stay_permit") in build["outputs"]

    for dag_id, folder in (("pantau_report_regency", "2024-Q4/62/62.71"),
                           ("pantau_report_province", "2024-S2/62")):
        render = jobs[f"{dag_id}.render"]
        assert table("mart.region_figures") in render["inputs"]
        assert {name for _, name in render["inputs"]} <= {name for _, name in build["outputs"]}
        written = {name for namespace, name in render["outputs"] if namespace == "file"}
        for name in ("report.html", "report.pdf", "report.xlsx", "figures.json"):
            path = (settings.reports_dir / folder / name).resolve()
            assert str(path) in written and path.is_file(), (dag_id, name)

    # Names and counts only: no value of a row in any event.
    with psycopg.connect(url) as conn:
        passports = [p for (p,) in conn.execute(
            "SELECT DISTINCT passport_number FROM staging.imigrasi_izin_tinggal "
            "WHERE passport_number <> '' LIMIT 50")]
    text = lineage_file.read_text(encoding="utf-8")
    assert passports and not [p for p in passports if p in text]


def test_each_run_log_holds_that_run_alone_with_its_tasks_logging(chain) -> None:
    """One process ran them all: each log has its own DagRun and its tasks' own logging."""
    _, runs, _ = chain
    for dag_id, run in runs.items():
        finished = re.findall(r"DagRun Finished: dag_id=(\w+),", run.log.read_text())
        assert finished == [dag_id], f"{run.log}: {finished}"
    for source in SOURCES:
        named = set(re.findall(r"analysed staging\.(\w+) before validating it",
                               runs[f"pantau_ingest_{source}"].log.read_text()))
        others = {table for table in named  # a source's tables are named after it
                  if table != source and not table.startswith(f"{source}_")}
        assert not others, (source, others)
    # The tasks' own logging (the loader's line per file; the gate's ANALYZE line is
    # not asked for: autovacuum may have analysed the table first on a busy machine).
    for first_and_last in ("imigrasi_izin_tinggal", "bp3mi_pemulangan"):
        prefix = SOURCES[first_and_last].file_prefix
        assert re.search(rf"\b{prefix}_\S+: loaded \(batch \d+",
                         runs[f"pantau_ingest_{first_and_last}"].log.read_text())
    assert "rendered 2024-S2 62 " in runs["pantau_report_province"].log.read_text()
    assert "retention: no policy set" in runs["pantau_maintenance"].log.read_text()


def test_every_file_is_validated_and_the_periods_built(chain, small_demo: Path) -> None:
    _, _, url = chain
    with psycopg.connect(url) as conn:
        statuses = dict(conn.execute(
            "SELECT status, count(*) FROM audit.batch GROUP BY status").fetchall())
        periods = {p for (p,) in conn.execute("SELECT period FROM core.period_build")}
    delivered = sum(1 for p in (small_demo / "landing").rglob("*") if p.is_file())
    assert statuses == {"validated": delivered}
    assert periods == {"2024-Q3", "2024-Q4", "2024-S2"}


def test_each_source_asset_got_an_event_and_the_marts_one_per_build(chain) -> None:
    from pantau.orchestration.local_airflow import airflow_home

    settings, _, _ = chain
    with sqlite3.connect(airflow_home(settings) / "airflow.db") as db:
        events = dict(db.execute("SELECT a.name, count(*) FROM asset_event AS e "
                                 "JOIN asset AS a ON a.id = e.asset_id GROUP BY a.name"))
    assert events == {**{f"pantau_source_{source}": 1 for source in SOURCES},
                      "pantau_marts": 3}


def test_the_report_dags_render_the_closed_periods_with_figures_equal_to_truth(
        chain, small_demo: Path) -> None:
    settings, _, _ = chain
    regency = settings.reports_dir / "2024-Q4" / "62" / "62.71"
    province = settings.reports_dir / "2024-S2" / "62"
    for folder in (regency, province):
        for name in ("report.html", "report.pdf", "report.xlsx", "figures.json",
                     "manifest.json"):
            assert (folder / name).stat().st_size > 0, folder / name
    truth = json.loads((small_demo / "truth" / "figures" / PERIOD / "62.71.json").read_text())
    written = json.loads((regency / "figures.json").read_text())
    assert {key: written[key] for key in truth} == truth
    assert json.loads((province / "figures.json").read_text())["period"] == "2024-S2"
    national = json.loads((settings.reports_dir / "2024-S2" / "00" / "figures.json").read_text())
    assert (national["level"], national["region_code"]) == ("national", "00")
    # The nation holds what its one province holds (the small demo is Palangka Raya alone).
    provincial = json.loads((province / "figures.json").read_text())
    for key in ("foreigners_total", "workers_total", "registered_total", "discrepancies"):
        assert national[key] == provincial[key], key
    assert_every_figures_valid(settings.reports_dir)


def test_every_pdf_of_the_cycle_passes_the_layout_check(chain) -> None:
    """The renderer's layout check over every report and annex the DAGs wrote: none
    out of its cell or page, none overlapping, no heading last on a page, one font size
    per table column (docs/reports.md, "Layout check")."""
    from pantau.reports.render import layout_checks_dir

    settings, _, _ = chain
    checks = sorted(layout_checks_dir(settings.reports_dir).rglob("*.json"))
    written = {(p.parent.name, p.stem) for p in checks}
    assert {("2024-Q4", "62.71"), ("2024-S2", "62"), ("2024-S2", "00")} <= written
    pdfs = 0
    for path in checks:
        for name, problems in json.loads(path.read_text()).items():
            assert problems == [], (path.parent.name, path.stem, name)
            pdfs += 1
    assert pdfs >= 5  # two reports with their annexes, and the national report


def test_maintenance_rebuilt_the_data_docs_and_deleted_nothing(chain) -> None:
    settings, _, url = chain
    index = (settings.data_docs_dir / "index.html").read_text()
    assert "imigrasi_izin_tinggal" in index  # every source's results, rebuilt from the store
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT count(*) FROM audit.retention_action").fetchone()[0] == 0
    assert len(list(settings.archive_dir.rglob("*"))) > 0


def test_a_rerun_finds_nothing_new_and_updates_no_asset(chain) -> None:
    from pantau.orchestration import local_airflow

    settings, _, _ = chain
    # In a process of its own (dags_test), as one DAG is run by hand.
    run = local_airflow.dags_test("pantau_ingest_tenaga_kerja_tka", None, settings)
    assert run.ok, _log_tail(run)
    text = run.log.read_text()
    assert "map has 0 values to expand" in text
    with sqlite3.connect(local_airflow.airflow_home(settings) / "airflow.db") as db:
        (events,) = db.execute("SELECT count(*) FROM asset_event AS e JOIN asset AS a "
                               "ON a.id = e.asset_id WHERE a.name = "
                               "'pantau_source_tenaga_kerja_tka'").fetchone()
    assert events == 1


def test_a_rejected_file_fails_the_run_at_once_with_an_alert(chain, runner,
                                                              tmp_path: Path) -> None:
    settings, _, url = chain
    landing = tmp_path / "landing" / "tenaga_kerja_tka"
    landing.mkdir(parents=True)
    (landing / "tka_62_20241231.xlsx").write_bytes(b"not a workbook at all")
    shutil.copy(next((Path(settings.landing_dir) / "tenaga_kerja_tka").glob("*.xlsx")),
                landing / "tka_62_20240601.xlsx")
    # The landing for this run alone: the same process, its settings read again.
    run = runner.run("pantau_ingest_tenaga_kerja_tka", None,
                     PANTAU_LANDING_DIR=str(tmp_path / "landing"))
    assert not run.ok
    text = run.log.read_text()
    assert "up_for_retry" not in text.lower()
    with psycopg.connect(url) as conn:
        alerts = conn.execute("SELECT task_id, try_number, transient, channel, message "
                              "FROM audit.alert").fetchall()
        status = conn.execute("SELECT status, message FROM audit.batch "
                              "WHERE original_name = 'tka_62_20241231.xlsx'").fetchone()
    assert [(a[0], a[1], a[2], a[3]) for a in alerts] == [("check", 1, False, "log")]
    assert "tka_62_20241231.xlsx" in alerts[0][4]
    assert status[0] == "rejected" and "tka_62_20241231.xlsx" in status[1]


def test_a_run_that_cannot_start_fails_and_its_log_says_why(chain, runner) -> None:
    from pantau.orchestration import local_airflow

    settings, _, _ = chain
    unknown = runner.run("pantau_no_such_dag")
    assert not unknown.ok
    assert "'pantau_no_such_dag' could not be found" in unknown.log.read_text()
    again = runner.run("pantau_ingest_imigrasi_tindakan")  # the same process goes on
    assert again.ok, _log_tail(again)
    with local_airflow.DagRunner(
            settings, AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="nosuchdb://x") as broken:
        dead = broken.run("pantau_no_such_dag")
    assert not dead.ok
    text = dead.log.read_text()
    assert "could not be found" not in text  # the log is this run's, not the one before
    assert "dag_runner exited with code 1" in text and "nosuchdb" in text


def test_a_backfill_lists_one_run_per_closed_quarter(chain) -> None:
    from pantau.orchestration import local_airflow

    settings, _, _ = chain
    done = local_airflow.airflow(["backfill", "create", "--dag-id", "pantau_report_regency",
                                  "--from-date", "2024-04-01", "--to-date", "2025-01-31",
                                  "--reprocess-behavior", "completed", "--dry-run"], settings)
    assert done.returncode == 0, done.stdout + done.stderr
    ticks = re.findall(r"(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00)", done.stdout)
    # 06:00 WIB on the 5th after each quarter: 2024-Q1, Q2, Q3 and Q4 (that one ran already
    # in the chain; --reprocess-behavior completed runs it again).
    assert ticks == ["2024-04-04 23:00:00+00:00", "2024-07-04 23:00:00+00:00",
                     "2024-10-04 23:00:00+00:00", "2025-01-04 23:00:00+00:00"]


def test_a_past_run_renders_the_quarter_that_closed_before_it(chain, runner,
                                                               small_demo: Path) -> None:
    """What each backfill run does: the October 2024 tick reports 2024-Q3."""
    from pantau.orchestration.steps import first_run_after

    settings, _, _ = chain
    plan = load_plan(settings)
    tick = first_run_after(plan.reports["regency"].schedule, "2024-Q3", plan.timezone)
    run = runner.run("pantau_report_regency", tick)
    assert run.ok, _log_tail(run)
    truth = json.loads((small_demo / "truth" / "figures" / "2024-Q3" / "62.71.json").read_text())
    written = json.loads((settings.reports_dir / "2024-Q3" / "62" / "62.71" /
                          "figures.json").read_text())
    assert {key: written[key] for key in truth} == truth
    assert_every_figures_valid(settings.reports_dir / "2024-Q3")

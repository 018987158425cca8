"""pantau.lineage without a warehouse or a DAG run: names, parsed tables, facets, the off switch.

The graph a real cycle emits is asserted in tests/e2e/test_dag_chain.py.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from pantau.config import get_settings
from pantau.lineage import assertions, datasets, emit, naming
from pantau.lineage.sql_tables import tables

SQL_DIR = get_settings().sql_dir


def _settings(monkeypatch, url: str | None):
    if url:
        monkeypatch.setenv("PANTAU_WAREHOUSE_URL", url)
    else:
        monkeypatch.delenv("PANTAU_WAREHOUSE_URL", raising=False)
    get_settings.cache_clear()
    try:
        return get_settings()
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize(("url", "namespace", "database"), [
    ("postgresql://u:<password>@db.example.id:6543/pantau_riau", "postgres://db.example.id:6543",
     "pantau_riau"),
    ("postgresql://postgres@/test_chain_1?host=/tmp/pg/socket&port=5439",
     "postgres://localhost:5439", "test_chain_1"),
    (None, "postgres://localhost:5432", "pantau"),
])
def test_warehouse_tables_are_named_as_the_openlineage_spec_says(monkeypatch, url, namespace,
                                                                 database) -> None:
    where = naming.warehouse(_settings(monkeypatch, url))
    assert where.namespace == namespace
    assert where.table_name("staging.tenaga_kerja_tka") == f"{database}.staging.tenaga_kerja_tka"
    assert where.asset_uri("mart.region_figures") == f"{namespace}/{database}/mart/region_figures"
    assert "secret" not in where.namespace


def test_files_are_named_by_their_absolute_path_or_bucket_and_key(tmp_path: Path) -> None:
    inside = tmp_path / "landing" / "tka_62_20241231.xlsx"
    assert naming.file_name(str(inside)) == ("file", str(inside.resolve()))
    assert naming.file_name(inside.as_uri()) == ("file", str(inside.resolve()))
    assert naming.file_name("s3://landing_conn@pantau-landing/62/tka.xlsx") == (
        "s3://pantau-landing", "62/tka.xlsx")


def test_the_assets_keep_their_names_and_name_their_tables() -> None:
    from pantau.orchestration.assets import MARTS, SOURCE_ASSETS

    where = naming.warehouse()
    assert MARTS.name == "pantau_marts"
    assert MARTS.uri == where.asset_uri("mart.region_figures")
    for source, asset in SOURCE_ASSETS.items():
        assert asset.name == f"pantau_source_{source}"
        assert asset.uri == where.asset_uri(f"staging.{source}")


def test_a_load_file_reads_its_staging_table_and_writes_core() -> None:
    found = tables(SQL_DIR, "build/load_dukcapil_orang_asing.sql", source="dukcapil_orang_asing")
    assert "staging.dukcapil_orang_asing" in found.reads
    assert "core.fact_population_document" in found.writes
    assert not [t for t in found.reads | found.writes if t.split(".")[0] not in
                {"raw", "staging", "quarantine", "core", "mart", "audit", "pii"}]


def test_a_build_reads_staging_and_writes_the_marts_each_table_once() -> None:
    steps = ["build/forget_batches.sql (imigrasi_izin_tinggal)",
             "build/load_imigrasi_izin_tinggal.sql", "build/select_batches.sql",
             "build/period_picture.sql", "rules/expired_permit_active.sql",
             "rules/pmi_underage.sql", "build/marts.sql", "build/figure_rows.sql"]
    inputs, outputs = datasets.built(steps)
    read = {d.name.split(".", 1)[1] for d in inputs}
    written = {d.name.split(".", 1)[1] for d in outputs}
    assert {"staging.imigrasi_izin_tinggal", "staging.dukcapil_orang_asing"} <= read
    assert {"core.fact_stay_permit", "core.fact_discrepancy", "core.fact_pmi_indication",
            "mart.region_figures", "mart.figure_row", "core.period_build"} <= written
    assert not read & written  # a table read and written is an output only


def test_the_render_queries_are_the_ones_the_renderer_runs() -> None:
    package = Path(__file__).parents[2] / "plugins" / "pantau" / "reports"
    named = set()
    for module in ("context.py", "render.py", "targeting_view.py"):
        named |= set(re.findall(r'"(reports/\w+\.sql)"', (package / module).read_text()))
    assert set(datasets.RENDER_QUERIES) == named
    inputs, outputs = datasets.rendered([], time.time())
    assert {d.name.split(".", 1)[1] for d in inputs} >= {"mart.region_figures", "mart.followup"}
    assert [d.name.split(".", 1)[1] for d in outputs] == ["audit.report_run"]


def test_the_ingest_names_the_files_it_read_and_the_tables_it_loaded(tmp_path: Path) -> None:
    files = [{"uri": str(tmp_path / "tka_62_20241231.xlsx"), "status": "loaded",
              "source": "tenaga_kerja_tka", "rows": 120, "problems": 0, "extra": False},
             {"uri": str(tmp_path / "tka_62_20240930.xlsx"), "status": "duplicate",
              "source": "tenaga_kerja_tka", "rows": 0, "problems": 0, "extra": False}]
    inputs, outputs = datasets.ingested(files)
    assert {(d.namespace, d.name) for d in inputs} == {("file", f["uri"]) for f in files}
    by_name = {d.name.split(".", 1)[1]: d for d in outputs}
    assert set(by_name) == {"audit.batch", "audit.receipt", "raw.tenaga_kerja_tka",
                            "staging.tenaga_kerja_tka", "staging.tenaga_kerja_tka_lokasi"}
    stats = by_name["staging.tenaga_kerja_tka"].outputFacets["outputStatistics"]
    assert (stats.rowCount, stats.fileCount) == (120, 1)
    assert datasets.ingested([]) == ([], [])


def test_the_assertions_facet_carries_checks_and_counts_only() -> None:
    from openlineage.client.serde import Serde

    found = [assertions.Check("imigrasi_izin_tinggal", "passport_format",
                              "expect_column_values_to_match_regex", "NO_PASPOR", "note",
                              False, 2, 400, 3),
             assertions.Check("imigrasi_izin_tinggal", "snapshot_volume", "unexpected_rows",
                              None, "batch", True, 2, 2, 0)]
    facet = json.loads(Serde.to_json(assertions.facet(found)))
    assert [(a["name"], a["success"], a["severity"]) for a in facet["assertions"]] == [
        ("passport_format", False, "warn"), ("snapshot_volume", True, "error")]
    assert facet["assertions"][0]["column"] == "NO_PASPOR"
    assert facet["assertions"][0]["params"] == {"pantau_severity": "note", "batches": 2,
                                                "rows_evaluated": 400, "rows_failing": 3}
    assert "actual" not in facet["assertions"][0] or facet["assertions"][0]["actual"] is None


def test_without_a_task_nothing_is_collected_and_nothing_raises() -> None:
    """`pantau run`, the CLI and the tests call the same steps: lineage stays out of them."""
    called = []
    emit.publish("nothing", lambda: called.append(1) or ([], []))
    assert not emit.active() and called == []


def test_a_failing_collector_never_fails_the_task(monkeypatch, caplog) -> None:
    monkeypatch.setattr(emit, "active", lambda: True)

    def broken():
        raise RuntimeError("warehouse gone")

    emit.publish("a step", broken)  # no exception
    assert "lineage of a step not emitted" in caplog.text

"""The demo's TIMPORA workbooks through ingest, the gate and the build, against truth/.

Every visit of each office's latest workbook is in core.fact_operation_visit as
truth/operations.csv says (sites, districts, counts); findings sit mostly at
the employers truth/employers.csv calls non-compliant; the names KETERANGAN
holds stay in raw.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psycopg
import pytest

from pantau.build.period import build_period
from pantau.ingest.pipeline import ingest_paths
from pantau.periods import Period
from pantau.quality.gate import run_gate
from pantau.sources.pickup import discover
from pantau.warehouse import person_key
from tests.support.warehouses import module_warehouse

PERIOD = "2025-12"
COUNTS = ["foreigners_checked", "findings_no_permit", "findings_permit_mismatch",
          "findings_overstay", "actions_on_spot"]


@pytest.fixture(scope="module")
def built(server_url: str, migrated_template: str, demo_month: Path,
          tmp_path_factory) -> Iterator[str]:
    """Only the operations workbooks of the demo month, ingested, validated, built."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(person_key.ENV, "operasi-test-key")
        with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                              migrated_template) as url:
            paths = discover([demo_month / "landing" / "timpora_operasi"])
            assert paths
            assert {o.status for o in ingest_paths(paths)} == {"loaded"}
            assert not run_gate().rejected
            build_period(Period.parse(PERIOD))
            yield url


def _period_visits(url: str) -> pd.DataFrame:
    with psycopg.connect(url) as conn:
        cursor = conn.execute("""
            SELECT b.file_scope AS office, f.visit_date, f.regency_code AS regency,
                   f.district_code, f.site_name, f.nib, f.site_kind, f.foreigners_checked,
                   f.findings_no_permit, f.findings_permit_mismatch, f.findings_overstay,
                   f.actions_on_spot, f.order_key
              FROM core.fact_operation_visit AS f
              JOIN core.period_batch AS p ON p.batch_id = f.batch_id AND p.period = %s
              JOIN audit.batch AS b ON b.batch_id = f.batch_id""", (PERIOD,))
        return pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])


def test_the_latest_workbook_of_each_office_is_in_core_as_truth_says(built, demo_month):
    truth = pd.read_csv(demo_month / "truth" / "operations.csv", dtype={"nib": "string",
                                                                       "regency": "string"})
    core = _period_visits(built)
    with psycopg.connect(built) as conn:
        held = conn.execute("SELECT count(*) FROM quarantine.held_row AS h JOIN audit.batch "
                            "AS b USING (batch_id) WHERE b.source = 'timpora_operasi'"
                            ).fetchone()[0]
    assert held == 0  # the demo writes no invalid operation row
    assert len(core) == len(truth)
    key = ["office", "visit_date", "site_name"]
    truth["visit_date"] = pd.to_datetime(truth["visit_date"]).dt.date
    merged = truth.merge(core, on=key, how="outer", suffixes=("_truth", ""), indicator=True)
    assert (merged["_merge"] == "both").all()
    for column in [*COUNTS, "regency", "site_kind"]:
        assert (merged[f"{column}_truth"].astype(str) == merged[column].astype(str)).all(), column
    assert (merged["nib_truth"].fillna("") == merged["nib"].fillna("")).all()
    # Named districts resolve within the regency (the demo writes real Kemendagri names).
    named = merged["district_name"].notna()
    assert merged.loc[named, "district_code"].notna().all()
    assert merged.loc[~named, "district_code"].isna().all()
    assert (merged.loc[named, "district_code"].str[:5] == merged.loc[named, "regency"]).all()
    # One operation's visits share their key; the key is no order number in the clear.
    assert merged.groupby(["office", "order_number"])["order_key"].nunique().eq(1).all()
    assert not core["order_key"].str.contains("SPRIN").any()


def test_findings_are_mostly_at_employers_that_hide_workers(built, demo_month):
    employers = pd.read_csv(demo_month / "truth" / "employers.csv",
                            dtype={"nib": "string", "regency": "string"})
    core = _period_visits(built)
    visits = core[core["nib"].notna()].merge(employers, on="nib", how="left")
    assert visits["non_compliant"].notna().all()  # every visited company is a demo employer
    found = (visits["findings_no_permit"] + visits["findings_permit_mismatch"]
             + visits["findings_overstay"]) > 0
    hiding = visits["non_compliant"]
    assert hiding.any() and (~hiding).any()
    assert found[hiding].mean() > 0.6
    assert found[~hiding].mean() < 0.2
    truth = employers.set_index("nib")
    hidden, flagged = truth["hidden_workers"], truth["non_compliant"]
    assert hidden[flagged].mean() > 3 * hidden[~flagged].mean()


def test_keterangan_stays_in_raw(built):
    with psycopg.connect(built) as conn:
        remarks = [r for (r,) in conn.execute(
            "SELECT keterangan FROM raw.timpora_operasi WHERE keterangan LIKE %s",
            ("%a.n.%",)).fetchall()]
        assert remarks  # the demo names someone where it found something
        names = {re.search(r"a\.n\. (.+) dkk\.", r).group(1).upper() for r in remarks}
        tables = conn.execute("""
            SELECT table_schema, table_name FROM information_schema.tables
             WHERE table_schema NOT IN ('raw', 'pii', 'pg_catalog', 'information_schema')
               AND table_type = 'BASE TABLE'""").fetchall()
        leaks = []
        for schema, name in tables:
            text = " ".join(str(row[0]) for row in conn.execute(
                f'SELECT t::text FROM "{schema}"."{name}" AS t').fetchall()).upper()
            leaks += [f"{schema}.{name}: {n}" for n in names if n in text]
    assert not leaks

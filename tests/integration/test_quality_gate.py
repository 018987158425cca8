"""The quality gate on a real warehouse with real GX: planted truth, rejections, decisions."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import psycopg
import pytest
from psycopg import errors
from typer.testing import CliRunner

from pantau.cli import app
from pantau.config import get_settings
from pantau.ingest.pipeline import ingest_paths
from pantau.quality.gate import run_gate
from pantau.warehouse.connection import connect
from tests.support.warehouses import Gated, module_warehouse

# The rule that must hold back each kind of row the generator plants (truth/quarantine.csv).
PLANTED = {
    "INVALID_DATE": {"value_unreadable"},
    "UNKNOWN_NATIONALITY": {"nationality_mapped"},
    "EXPIRY_BEFORE_ISSUE": {"expiry_not_before_issue", "validity_not_before_issue"},
    "UNKNOWN_REGION": {"region_mapped"},
    "END_BEFORE_START": {"rptka_end_not_before_start"},
    "INVALID_NIB": {"nib_format"},
    "INVALID_NIK": {"nik_format"},
    "DUPLICATE_ROW": {"duplicate_row"},
    # The PMI exports (issue 24).
    "UNKNOWN_COUNTRY": {"country_mapped"},
    "EVENT_BEFORE_BIRTH": {"date_not_before_birth"},
    "UNKNOWN_VALUE": {"scheme_known", "sector_known", "placement_status_known", "purpose_known",
                      "application_status_known", "reason_known", "handed_to_known",
                      "case_type_known"},
    "ISSUED_WITHOUT_PASSPORT": {"issued_has_passport"},
    "PASSPORT_WITHOUT_DECISION": {"passport_without_issue"},
}


@pytest.fixture(scope="module")
def demo(demo_month: Path) -> Path:
    return demo_month


@pytest.fixture(scope="module")
def gated(server_url: str, demo_month_gated: Gated, tmp_path_factory) -> Iterator[str]:
    """A warehouse holding the demo month, ingested and through the gate once (a copy of
    the session's state, tests/integration/conftest.py)."""
    assert {o.status for o in demo_month_gated.outcomes} == {"loaded"}
    report = demo_month_gated.report
    assert not report.rejected and not report.errors
    with module_warehouse(server_url, tmp_path_factory.mktemp("archive"),
                          demo_month_gated.snapshot) as url:
        yield url


def _frame(url: str, query: str, *params) -> pd.DataFrame:
    with psycopg.connect(url) as conn:
        cursor = conn.execute(query, params or None)
        return pd.DataFrame(cursor.fetchall(), columns=[c.name for c in cursor.description])


def test_every_planted_row_is_held_for_its_rule_and_no_valid_row_is(gated: str, demo: Path):
    truth = pd.read_csv(demo / "truth" / "quarantine.csv", dtype=str)
    truth["file"] = truth["file"].str.rsplit("/", n=1).str[-1]
    truth["row_number"] = truth["row_number"].astype(int)
    assert set(truth["reason_code"]) == set(PLANTED)
    held = _frame(gated, """
        SELECT b.original_name AS file, r.row_number, r.rule, r.column_name
          FROM quarantine.reason AS r JOIN audit.batch AS b USING (batch_id)""")
    held_rows = set(zip(held["file"], held["row_number"], strict=True))
    assert held_rows == set(zip(truth["file"], truth["row_number"], strict=True))
    reasons = held.groupby(["file", "row_number"]).apply(
        lambda g: set(zip(g["rule"], g["column_name"], strict=True)), include_groups=False)
    for planted in truth.itertuples():
        found = reasons[(planted.file, planted.row_number)]
        rules = {rule for rule, _ in found}
        assert rules & PLANTED[planted.reason_code], (planted, found)
        if planted.reason_code == "INVALID_DATE":  # the unreadable column is named
            assert ("value_unreadable", planted.column) in found, (planted, found)


def test_every_batch_is_validated_and_every_check_recorded_per_batch(gated: str) -> None:
    batches = _frame(gated, "SELECT source, status, validation_run_id FROM audit.batch")
    assert set(batches["status"]) == {"validated"}
    assert batches["validation_run_id"].notna().all()
    runs = _frame(gated, "SELECT * FROM audit.validation_run")
    assert set(runs["suite_name"]) == {*batches["source"], "snapshot_volume"}
    assert runs["finished_at"].notna().all() and (runs["gx_version"] != "").all()
    results = _frame(gated, """
        SELECT v.suite_name, e.batch_id, count(*) AS checks, bool_and(e.exception IS NULL) AS ok
          FROM audit.expectation_result e JOIN audit.validation_run v USING (run_id)
         GROUP BY 1, 2""")
    from pantau.quality.suites import load_suites

    suites = load_suites()
    assert results["ok"].all()
    for row in results.itertuples():
        assert row.checks == len(suites[row.suite_name].rules)
    assert len(results) == 2 * len(batches)


def test_data_docs_are_built_and_hold_no_personal_value(gated: str) -> None:
    index = get_settings().data_docs_dir / "index.html"
    assert index.exists()
    pages = [p.read_text(encoding="utf-8", errors="replace")
             for p in index.parent.rglob("*.html")]
    assert any("imigrasi_izin_tinggal" in page for page in pages)
    text = "\n".join(pages)
    people = _frame(gated, """
        SELECT nama_lengkap AS name, nomor_paspor AS passport, tanggal_lahir AS born
          FROM raw.imigrasi_izin_tinggal
         UNION ALL SELECT nama_lgkp, no_paspor, tgl_lhr FROM raw.dukcapil_orang_asing""")
    tokens = set(re.findall(r"[A-Z0-9]{6,}", text))
    assert not tokens & set(people["passport"].dropna())
    names = [n for n in people["name"].dropna().unique() if len(n) > 12]
    assert names and not [n for n in names[:2000] if n in text]
    assert not [b for b in people["born"].dropna().unique()[:2000] if len(b) >= 8 and b in text]


def test_the_auditor_reads_results_and_quarantine_but_no_personal_data(gated: str) -> None:
    with connect("auditor", url=gated) as conn:
        assert conn.execute("SELECT count(*) FROM audit.expectation_result").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM quarantine.reason").fetchone()[0] > 0
        conn.rollback()
        for table in ("staging.imigrasi_izin_tinggal", "raw.dukcapil_orang_asing"):
            with pytest.raises(errors.InsufficientPrivilege):
                conn.execute(f"SELECT * FROM {table} LIMIT 1")
            conn.rollback()
        assert not conn.execute(
            "SELECT has_schema_privilege('pantau_auditor', 'pii', 'USAGE')").fetchone()[0]
    # Personal columns reach the quarantine masked (two characters, then stars) or as
    # the name of the problem only.
    shown = _frame(gated, """
        SELECT observed_value FROM quarantine.reason
         WHERE column_name IN ('NIK', 'TGL_LHR', 'TANGGAL_LAHIR') AND observed_value IS NOT NULL""")
    assert len(shown) and shown["observed_value"].str.fullmatch(r".{0,2}\**|[a-z_]+").all()


def _cli(*args: str):
    return CliRunner().invoke(app, list(args))


def _held(url: str, rule: str, source: str) -> str:
    row = _frame(url, """
        SELECT h.batch_id || ':' || h.row_number AS key FROM quarantine.held_row h
         WHERE h.status = 'held' AND h.source = %s AND EXISTS (
               SELECT 1 FROM quarantine.reason r WHERE r.batch_id = h.batch_id
                  AND r.row_number = h.row_number AND r.rule = %s)
         ORDER BY 1 LIMIT 1""", source, rule)
    return row["key"][0]


def test_noted_rows_are_listed_for_the_auditor_with_masked_passports(gated: str) -> None:
    listed = _cli("quarantine", "notes", "--source", "tenaga_kerja_tka", "--limit", "2000")
    assert listed.exit_code == 0, listed.output
    assert "passport_present" in listed.output and "passport_format" in listed.output
    noted = _frame(gated, """
        SELECT r.nomor_paspor AS passport FROM quarantine.row_note n
          JOIN raw.tenaga_kerja_tka r USING (batch_id, row_number)
         WHERE n.rule = 'passport_format' AND length(r.nomor_paspor) >= 5""")
    assert len(noted) and not [p for p in noted["passport"] if p in listed.output]
    held = _frame(gated, """SELECT count(*) AS n FROM quarantine.row_note n
        JOIN quarantine.held_row h USING (batch_id, row_number) WHERE n.rule LIKE 'passport_%%'""")
    assert held["n"][0] == 0  # a note never holds the row
    refused = _cli("quarantine", "notes", "--source", "nope")
    assert refused.exit_code == 1 and "no source" in refused.output


def test_engineers_release_corrected_rows_and_discard_others_with_who_and_why(gated: str):
    before = _frame(gated, "SELECT count(*) AS n FROM quarantine.reason")["n"][0]
    listed = _cli("quarantine", "list", "--source", "imigrasi_izin_tinggal", "--limit", "500")
    assert listed.exit_code == 0 and "nationality_mapped" in listed.output

    key = _held(gated, "nationality_mapped", "imigrasi_izin_tinggal")
    shown = _cli("quarantine", "show", key)
    assert shown.exit_code == 0 and "KEWARGANEGARAAN" in shown.output
    refused = _cli("quarantine", "release", key, "--why", " ")
    assert refused.exit_code == 1 and "why" in refused.output
    released = _cli("quarantine", "release", key, "--by", "ani", "--why", "confirmed RRT by phone",
                    "--set", "KEWARGANEGARAAN=RRT")
    assert released.exit_code == 0, released.output
    batch, row = map(int, key.split(":"))
    decision = _frame(gated, "SELECT * FROM quarantine.decision WHERE batch_id = %s "
                             "AND row_number = %s", batch, row)
    assert decision.loc[0, "decided_by"] == "ani" and decision.loc[0, "decision"] == "release"
    assert decision.loc[0, "corrections"]["KEWARGANEGARAAN"]["new"] == "CHN"
    staged = _frame(gated, "SELECT nationality FROM staging.imigrasi_izin_tinggal "
                           "WHERE batch_id = %s AND row_number = %s", batch, row)
    assert staged["nationality"][0] == "CHN"
    passport = _frame(gated, "SELECT nomor_paspor AS p FROM raw.imigrasi_izin_tinggal "
                             "WHERE batch_id = %s AND row_number = %s", batch, row)["p"][0]
    stored = [p.read_text(errors="replace") for p in get_settings().gx_dir.rglob("*")
              if p.is_file()]
    assert passport and not [text for text in stored if passport in text]  # recheck kept in memory

    still = _held(gated, "nib_format", "tenaga_kerja_tka")
    refused = _cli("quarantine", "release", still, "--by", "ani", "--why", "looks fine")
    assert refused.exit_code == 1 and "still fails nib_format" in refused.output
    forced = _cli("quarantine", "release", still, "--by", "ani", "--why", "NIB checked in OSS",
                  "--force")
    assert forced.exit_code == 0 and "forced" in forced.output

    duplicate = _held(gated, "duplicate_row", "dukcapil_orang_asing")
    assert _cli("quarantine", "discard", duplicate, "--by", "budi",
                "--why", "second copy of the same row").exit_code == 0
    again = _cli("quarantine", "release", duplicate, "--by", "ani", "--why", "changed my mind")
    assert again.exit_code == 1 and "already discarded" in again.output
    excluded = _frame(gated, "SELECT batch_id || ':' || row_number AS key, status "
                             "FROM quarantine.excluded_row")
    assert duplicate in set(excluded["key"]) and key not in set(excluded["key"])
    statuses = _frame(gated, "SELECT status, count(*) AS n FROM quarantine.held_row GROUP BY 1")
    assert dict(zip(statuses["status"], statuses["n"], strict=True))["released"] == 2
    assert _frame(gated, "SELECT count(*) AS n FROM quarantine.reason")["n"][0] == before


def test_quality_report_summarises_per_rule_and_per_batch(gated: str) -> None:
    overview = _cli("quality", "report", "--source", "tenaga_kerja_tka")
    assert overview.exit_code == 0, overview.output
    assert "nib_format" in overview.output and "data docs" in overview.output
    batch = _frame(gated, "SELECT min(batch_id) AS b FROM audit.batch")["b"][0]
    detail = _cli("quality", "report", "--batch", str(batch))
    assert detail.exit_code == 0 and "row_count_collapse" in detail.output
    assert _cli("quality", "report", "--batch", "999999").exit_code == 2


# ------------------------------------------------------------------ batch-level rejections


def _month_pair(demo: Path) -> tuple[Path, Path]:
    """November and December files of the largest office that writes plain UTF-8 CSV."""
    def plain(path: Path) -> bool:
        return path.read_bytes().startswith(b"NOMOR_IZIN;")

    files = sorted((demo / "landing" / "imigrasi_izin_tinggal").rglob("*_202512*.csv"),
                   key=lambda p: p.stat().st_size)
    for december in reversed(files):
        november = next(december.parent.glob("*_202511*.csv"))
        if plain(december) and plain(november):
            return november, december
    raise AssertionError("no plain CSV office in the demo data")


def _rewrite(source: Path, target: Path, change) -> None:
    frame = pd.read_csv(source, sep=";", dtype=str, keep_default_na=False, encoding="utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    change(frame).to_csv(target, sep=";", index=False, encoding="utf-8")


def _verdicts(db: psycopg.Connection) -> dict[str, str]:
    return dict(db.execute("SELECT original_name, status || '/' || coalesce(rejected_stage, '')"
                           " FROM audit.batch").fetchall())


def test_collapsed_blank_and_empty_exports_are_rejected_loudly_and_nothing_of_them_held(
        warehouse: str, demo: Path, db: psycopg.Connection, tmp_path: Path) -> None:
    november, december = _month_pair(demo)
    landing = tmp_path / "landing" / "imigrasi_izin_tinggal"
    month = {m: december.name.replace("_202512", f"_{m}") for m in ("202601", "202602")}
    _rewrite(november, landing / november.name, lambda f: f)
    _rewrite(december, landing / december.name, lambda f: f.head(len(f) // 3))
    _rewrite(december, landing / month["202601"], lambda f: f.assign(TGL_TERBIT=""))
    _rewrite(december, landing / month["202602"], lambda f: f.head(0))

    result = _cli("ingest", str(landing))
    assert result.exit_code == 1, result.output
    assert "rejected" in result.output and "row_count_collapse" in result.output
    assert _verdicts(db) == {november.name: "validated/", december.name: "rejected/quality",
                             month["202601"]: "rejected/quality",
                             month["202602"]: "rejected/quality"}
    (message,) = db.execute("SELECT message FROM audit.batch WHERE original_name = %s",
                            (month["202601"],)).fetchone()
    assert "required_column_empty" in message and "TGL_TERBIT" in message
    assert db.execute("SELECT count(*) FROM quarantine.held_row h JOIN audit.batch b "
                      "USING (batch_id) WHERE b.status = 'rejected'").fetchone()[0] == 0
    failed = db.execute("SELECT b.original_name, e.rule FROM audit.expectation_result e "
                        "JOIN audit.batch b USING (batch_id) WHERE NOT e.success "
                        "AND e.severity = 'batch'").fetchall()
    assert set(failed) == {(december.name, "row_count_collapse"),
                           (month["202601"], "required_column_empty"),
                           (month["202602"], "row_count_collapse")}


def test_the_volume_verdict_does_not_depend_on_how_months_arrive(
        warehouse: str, demo: Path, db: psycopg.Connection, tmp_path: Path) -> None:
    """November 100%, December 30%, January 40%: January fails against November either way."""
    november, december = _month_pair(demo)
    january = december.name.replace("_202512", "_202601")
    together, apart = tmp_path / "together", tmp_path / "apart"
    for landing in (together, apart):
        _rewrite(november, landing / "1" / november.name, lambda f: f)
        _rewrite(december, landing / "2" / december.name, lambda f: f.head(len(f) * 3 // 10))
        _rewrite(december, landing / "3" / january,
                 lambda f: f.head(len(f) * 4 // 10).assign(PENJAMIN="PT LAIN"))
    assert _cli("ingest", str(together)).exit_code == 1
    first = _verdicts(db)
    db.execute("DELETE FROM audit.expectation_result; DELETE FROM quarantine.reason; "
               "DELETE FROM quarantine.held_row")
    db.execute("UPDATE audit.batch SET validation_run_id = NULL")
    db.execute("DELETE FROM audit.validation_run; DELETE FROM audit.receipt")
    for table in ("staging.imigrasi_izin_tinggal", "raw.imigrasi_izin_tinggal",
                  "audit.parse_problem", "audit.batch"):
        db.execute(f"DELETE FROM {table}")
    for step in ("1", "2", "3"):
        _cli("ingest", str(apart / step))
    assert _verdicts(db) == first == {november.name: "validated/",
                                      december.name: "rejected/quality",
                                      january: "rejected/quality"}


def test_validate_names_an_unknown_source(warehouse: str) -> None:
    result = _cli("validate", "--source", "imigrasi_izin")
    assert result.exit_code == 2 and "no source imigrasi_izin" in result.output


def test_a_check_gx_cannot_evaluate_fails_loudly_and_leaves_the_batches_waiting(
        warehouse: str, db: psycopg.Connection, tmp_path: Path, monkeypatch) -> None:
    import json
    import shutil

    from tests.support.paths import SAMPLE_LANDING

    suites = Path(shutil.copytree(get_settings().expectations_dir, tmp_path / "expectations"))
    document = json.loads((suites / "imigrasi_tindakan.json").read_text())
    document["expectations"].append({
        "type": "unexpected_rows_expectation",
        "kwargs": {"unexpected_rows_query": "SELECT batch_id, row_number FROM {batch} "
                                            "WHERE no_such_column IS NULL"},
        "meta": {"rule": "broken", "severity": "row", "reason_id": "rusak", "reason_en": "broken"},
    })
    (suites / "imigrasi_tindakan.json").write_text(json.dumps(document))
    monkeypatch.setenv("PANTAU_EXPECTATIONS_DIR", str(suites))
    get_settings.cache_clear()
    ingest_paths([SAMPLE_LANDING / "imigrasi_tindakan"])
    report = run_gate(sources=["imigrasi_tindakan"])
    assert report.errors and "no_such_column" in report.errors[0]
    assert db.execute("SELECT status FROM audit.batch").fetchall() == [("loaded",)]
    (message,) = db.execute("SELECT message FROM audit.validation_run "
                            "WHERE suite_name = 'imigrasi_tindakan'").fetchone()
    assert message.startswith("broken:")
    assert db.execute("SELECT count(*) FROM quarantine.held_row").fetchone()[0] == 0

"""The ranking's promises on small hand-made period pictures, through the real build.

A new violation never lowers a score; a recent visit without findings lowers
an otherwise equal site; size alone never outranks two flagged workers; ties
break by NIB; and the loader refuses a weights file that would break these.
"""

from __future__ import annotations

import json
import math
from datetime import date, timedelta
from itertools import count
from pathlib import Path

import psycopg
import pytest

from pantau.build.period import RULE_CODES, build_period
from pantau.build.targeting import WeightsError, load_weights, parse_weights, weights_path
from pantau.periods import Period
from pantau.warehouse import person_key

T = date(2025, 12, 31)
DAY = timedelta(days=1)
REGENCY = "62.03"
_rows = count(1)
_sha = count(1)


@pytest.fixture(autouse=True)
def _fixed_key(monkeypatch) -> None:
    monkeypatch.setenv(person_key.ENV, "test-key")


def _batch(db: psycopg.Connection, source: str, scope: str) -> int:
    return db.execute(
        """INSERT INTO audit.batch (source, sha256, original_name, original_path, archive_path,
                                    size_bytes, file_scope, snapshot_date, snapshot_date_from,
                                    status, row_count)
           VALUES (%s, lpad(%s::text, 64, '0'), 'hand-made', '-', '-', 0, %s, %s, 'file_name',
                   'validated', 0) RETURNING batch_id""",
        (source, next(_sha), scope, T)).fetchone()[0]


class Picture:
    """One snapshot per source; each case adds employers, workers and visits."""

    def __init__(self, db: psycopg.Connection):
        self.db = db
        self.permits = _batch(db, "imigrasi_izin_tinggal", "KANTOR")
        self.positions = _batch(db, "tenaga_kerja_tka", "62")
        self.visits = _batch(db, "timpora_operasi", "KANTOR")
        self.documents = _batch(db, "dukcapil_orang_asing", "6203")

    def worker(self, nib: str, *, permit: bool = True, kbli: str = "62010") -> None:
        """A worker of ``nib`` in the regency; without a work permit: TKA_NO_PERMIT."""
        row = next(_rows)
        passport = f"X{row:07d}"
        self.db.execute(
            """INSERT INTO staging.tenaga_kerja_tka (batch_id, row_number, rptka_number, nib,
                   kbli, employer_name, passport_number, nationality, occupation_code,
                   start_date, end_date, dkptka_months, dkptka_usd, companion_count,
                   worker_name, birth_date)
               VALUES (%s, %s, %s, %s, %s, %s, %s, 'CHN', '2511', %s, %s, 12, 1200, 1,
                       %s, DATE '1980-01-01')""",
            (self.positions, row, f"R-{row}", nib, kbli, f"PT EMPLOYER {nib}", passport,
             T - 100 * DAY, T + 300 * DAY, f"NAME {passport}"))
        self.db.execute(
            """INSERT INTO staging.tenaga_kerja_tka_lokasi (batch_id, row_number,
                   location_seq, location_name, regency_code) VALUES (%s, %s, 1, 'x', %s)""",
            (self.positions, row, REGENCY))
        if permit:
            self.db.execute(
                """INSERT INTO staging.imigrasi_izin_tinggal (batch_id, row_number,
                       permit_number, permit_type, visa_index, purpose, nationality,
                       passport_number, regency_code, issue_date, expiry_date, status,
                       full_name, birth_date)
                   VALUES (%s, %s, %s, 'ITAS', 'E23', 'BEKERJA', 'CHN', %s, %s, %s, %s,
                           'AKTIF', %s, DATE '1980-01-01')""",
                (self.permits, row, f"P-{row}", passport, REGENCY, T - 300 * DAY,
                 T + 300 * DAY, f"NAME {passport}"))
            self.db.execute(  # registered with the population registry (SKTT)
                """INSERT INTO staging.dukcapil_orang_asing (batch_id, row_number, nik,
                       nationality, passport_number, permit_number, document_type, issue_date,
                       valid_until, document_status, regency_code, full_name, birth_date)
                   VALUES (%s, %s, '6203000000000001', 'CHN', %s, %s, 'SKTT', %s, NULL,
                           'AKTIF', %s, %s, DATE '1980-01-01')""",
                (self.documents, row, passport, f"P-{row}", T - 200 * DAY, REGENCY,
                 f"NAME {passport}"))

    def visit(self, nib: str, *, days_ago: int, findings: int = 0) -> None:
        self.db.execute(
            """INSERT INTO staging.timpora_operasi (batch_id, row_number, order_number,
                   visit_date, regency_code, site_name, nib, site_kind, foreigners_checked,
                   findings_no_permit, findings_permit_mismatch, findings_overstay,
                   actions_on_spot)
               VALUES (%s, %s, %s, %s, %s, %s, %s, 'PERUSAHAAN', 5, %s, 0, 0, 0)""",
            (self.visits, next(_rows), f"SPRIN-{nib}", T - days_ago * DAY, REGENCY,
             f"PT EMPLOYER {nib}", nib, findings))


def _scores(db: psycopg.Connection) -> dict[str, tuple[int, float]]:
    build_period(Period.parse("2025-12"))
    return {nib: (rank, float(score)) for nib, rank, score in db.execute(
        "SELECT nib, rank, score FROM mart.target_site WHERE period = '2025-12' "
        "AND region_code = %s", (REGENCY,)).fetchall()}


def test_a_new_violation_never_lowers_a_score(warehouse: str, db: psycopg.Connection) -> None:
    p = Picture(db)
    for nib in ("1000000000001", "1000000000002"):
        for _ in range(3):
            p.worker(nib)
    p.worker("1000000000001", permit=False)  # the same site, one worker without a permit
    p.worker("1000000000002")
    scores = _scores(db)
    assert scores["1000000000001"][1] > scores["1000000000002"][1]
    assert scores["1000000000001"][0] == 1


def test_a_recent_visit_without_findings_lowers_an_otherwise_equal_site(
        warehouse: str, db: psycopg.Connection) -> None:
    p = Picture(db)
    for nib in ("2000000000001", "2000000000002"):
        p.worker(nib)
        p.worker(nib, permit=False)
    p.visit("2000000000001", days_ago=30)           # checked a month ago, nothing found
    p.visit("2000000000002", days_ago=200)          # checked long ago, nothing found
    scores = _scores(db)
    assert scores["2000000000001"][1] < scores["2000000000002"][1]
    assert scores["2000000000002"][0] < scores["2000000000001"][0]


def test_findings_of_the_last_visit_raise_the_score(warehouse: str, db: psycopg.Connection):
    p = Picture(db)
    for nib in ("3000000000001", "3000000000002"):
        p.worker(nib)
    p.visit("3000000000001", days_ago=200, findings=2)
    scores = _scores(db)
    assert scores["3000000000001"][1] > scores["3000000000002"][1]


def test_size_alone_never_outranks_two_flagged_workers(warehouse: str,
                                                        db: psycopg.Connection) -> None:
    p = Picture(db)
    for _ in range(400):
        p.worker("4000000000009")                  # large, every paper in order
    p.worker("4000000000001", permit=False)        # two workers, both without a permit
    p.worker("4000000000001", permit=False)
    scores = _scores(db)
    assert scores["4000000000001"][0] < scores["4000000000009"][0]
    # The same holds up to the largest plausible workforce the weights file names.
    weights = load_weights(RULE_CODES)
    lightest = min(w for name, w in weights.weights.items() if name.startswith("rule:"))
    assert weights.weights["size"] * math.log1p(weights.max_plausible_workers) < 2 * lightest


def test_ties_break_by_nib(warehouse: str, db: psycopg.Connection) -> None:
    p = Picture(db)
    for nib in ("5000000000003", "5000000000001", "5000000000002"):
        p.worker(nib)
    scores = _scores(db)
    assert len({score for _, score in scores.values()}) == 1
    assert sorted(scores, key=lambda nib: scores[nib][0]) == [
        "5000000000001", "5000000000002", "5000000000003"]


def _edited(change) -> bytes:
    spec = json.loads(weights_path().read_bytes())
    change(spec["factors"])
    return json.dumps(spec).encode()


@pytest.mark.parametrize("change", [
    lambda f: f["rule:TKA_NO_PERMIT"].update(weight=-1.0),          # a violation lowering
    lambda f: f["itk_sponsored"].update(weight=-0.5),
    lambda f: f["operation_clear_recent"].update(weight=0.5),       # a clear visit raising
    lambda f: f["size"].update(weight=1.0),                         # size beats two flags
    lambda f: f["rule:NO_COMPANION"].update(reason=""),             # a weight without reason
    lambda f: f["size"].pop("alasan"),                              # ... or without alasan
    lambda f: f.pop("admin_actions"),                               # a factor missing
], ids=["negative-rule", "negative-sponsor", "clear-raises", "size-too-heavy", "no-reason",
        "no-alasan", "missing"])
def test_the_loader_rejects_weights_that_break_a_promise(change) -> None:
    with pytest.raises(WeightsError):
        parse_weights(_edited(change), RULE_CODES)


def test_the_reviewed_file_loads_as_it_is() -> None:
    data = Path(weights_path()).read_bytes()
    import hashlib
    assert parse_weights(data, RULE_CODES).sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(("written", "key"), [
    ("PT. Sinar Jaya (Persero) Tbk", "SINAR JAYA"),
    ("sinar  jaya", "SINAR JAYA"),
    ("CV Karya-Baru", "KARYA BARU"),
    ("PT PTRA ABADI", "PTRA ABADI"),   # a token is dropped, never a word's letters
    ("P.T.", None),
])
def test_the_sponsor_name_key(db: psycopg.Connection, written: str, key: str | None) -> None:
    assert db.execute("SELECT core.employer_name_key(%s)", (written,)).fetchone()[0] == key


def test_a_sponsor_reaches_core_as_the_nib_only(warehouse: str, db: psycopg.Connection) -> None:
    p = Picture(db)
    p.worker("6000000000001")
    for row, sponsor in ((9001, "pt. employer 6000000000001"), (9002, "SITI AMINAH")):
        db.execute(
            """INSERT INTO staging.imigrasi_izin_tinggal (batch_id, row_number, permit_number,
                   permit_type, visa_index, purpose, nationality, passport_number, regency_code,
                   issue_date, expiry_date, status, full_name, birth_date, sponsor)
               VALUES (%s, %s, %s, 'ITK', 'C2', 'KUNJUNGAN', 'CHN', %s, %s, %s, %s, 'AKTIF',
                       'VISITOR', DATE '1990-01-01', %s)""",
            (p.permits, row, f"V-{row}", f"V{row}", REGENCY, T - 10 * DAY, T + 50 * DAY,
             sponsor))
    scores = _scores(db)
    nibs = dict(db.execute("SELECT row_number, sponsor_nib FROM core.fact_stay_permit "
                           "WHERE row_number IN (9001, 9002)").fetchall())
    assert nibs == {9001: "6000000000001", 9002: None}
    assert db.execute("SELECT quantity FROM mart.target_contribution WHERE region_code = %s "
                      "AND factor = 'itk_sponsored'", (REGENCY,)).fetchone()[0] == 1
    assert scores["6000000000001"][0] == 1

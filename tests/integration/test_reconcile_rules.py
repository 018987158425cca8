"""Each reconciliation rule on tiny hand-made cases, through the real build (t = 2025-12-31)."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import count

import psycopg
import pytest

from pantau.build.period import build_period
from pantau.periods import Period
from pantau.warehouse import person_key

T = date(2025, 12, 31)
DAY = timedelta(days=1)
_rows = count(1)
_sha = count(1)


@pytest.fixture(autouse=True)
def _fixed_key(monkeypatch) -> None:
    monkeypatch.setenv(person_key.ENV, "test-key")


def _batch(db: psycopg.Connection, source: str, scope: str, day: date = T) -> int:
    return db.execute(
        """INSERT INTO audit.batch (source, sha256, original_name, original_path, archive_path,
                                    size_bytes, file_scope, snapshot_date, snapshot_date_from,
                                    status, row_count)
           VALUES (%s, lpad(%s::text, 64, '0'), 'hand-made', '-', '-', 0, %s, %s, 'file_name',
                   'validated', 0) RETURNING batch_id""",
        (source, next(_sha), scope, day)).fetchone()[0]


class Agencies:
    """One snapshot per source, to which each case adds its rows."""

    def __init__(self, db: psycopg.Connection):
        self.db = db
        self.permits = _batch(db, "imigrasi_izin_tinggal", "KANTOR")
        self.positions = _batch(db, "tenaga_kerja_tka", "62")
        self.documents = _batch(db, "dukcapil_orang_asing", "6203")

    def permit(self, passport: str, *, regency: str = "62.03", kind: str = "ITAS",
               index: str = "E23", purpose: str = "BEKERJA", issue: date = T - 300 * DAY,
               expiry: date = T + 300 * DAY, status: str = "AKTIF", name: str | None = None,
               born: date = date(1980, 1, 1)) -> None:
        self.db.execute(
            """INSERT INTO staging.imigrasi_izin_tinggal (batch_id, row_number, permit_number,
                   permit_type, visa_index, purpose, nationality, passport_number, regency_code,
                   issue_date, expiry_date, status, full_name, birth_date)
               VALUES (%s, %s, %s, %s, %s, %s, 'CHN', %s, %s, %s, %s, %s, %s, %s)""",
            (self.permits, next(_rows), f"P-{passport}-{issue}", kind, index, purpose, passport,
             regency, issue, expiry, status, name or f"NAME {passport}", born))

    def position(self, passport: str | None, *, regencies: tuple[str, ...] = ("62.03",),
                 start: date = T - 100 * DAY, end: date = T + 300 * DAY, kbji: str = "2511",
                 months: int = 60, companions: int = 1, employer: str = "PT CONTOH",
                 batch: int | None = None, name: str | None = None,
                 born: date = date(1980, 1, 1)) -> int:
        row, batch = next(_rows), batch or self.positions
        self.db.execute(
            """INSERT INTO staging.tenaga_kerja_tka (batch_id, row_number, rptka_number, nib,
                   kbli, employer_name, passport_number, nationality, occupation_code,
                   start_date, end_date, dkptka_months, dkptka_usd, companion_count,
                   worker_name, birth_date)
               VALUES (%s, %s, %s, '1234567890123', '24101', %s, %s, 'CHN', %s, %s, %s,
                       %s, %s, %s, %s, %s)""",
            (batch, row, f"RPTKA-{passport or name}-{start}", employer, passport, kbji, start,
             end, months, months * 100, companions, name or f"NAME {passport}", born))
        for seq, regency in enumerate(regencies, 1):
            self.db.execute(
                """INSERT INTO staging.tenaga_kerja_tka_lokasi (batch_id, row_number,
                       location_seq, location_name, regency_code) VALUES (%s, %s, %s, 'x', %s)""",
                (batch, row, seq, regency))
        return row

    def document(self, passport: str | None, *, regency: str = "62.03",
                 issue: date = T - 200 * DAY, valid_until: date | None = None,
                 status: str = "AKTIF", permit_number: str | None = None,
                 name: str | None = None, born: date = date(1980, 1, 1)) -> None:
        self.db.execute(
            """INSERT INTO staging.dukcapil_orang_asing (batch_id, row_number, nik, nationality,
                   passport_number, permit_number, document_type, issue_date, valid_until,
                   document_status, regency_code, full_name, birth_date)
               VALUES (%s, %s, '6203000000000001', 'CHN', %s, %s, 'SKTT', %s, %s, %s, %s, %s,
                       %s)""",
            (self.documents, next(_rows), passport, permit_number, issue, valid_until, status,
             regency, name or f"NAME {passport}", born))


def _flagged(db: psycopg.Connection) -> set[tuple[str, str, str]]:
    build_period(Period.parse("2025-12"))
    keys = {person_key.person_key(p, "CHN", b"test-key"): p
            for (p,) in db.execute("SELECT passport_number FROM pii.person").fetchall()}
    return {(keys[k], code, regency) for k, code, regency in db.execute(
        "SELECT person_key, rule_code, regency_code FROM core.fact_discrepancy "
        "WHERE period = '2025-12'").fetchall()}


def _registered(agencies: Agencies, *passports: str) -> None:
    for passport in passports:
        agencies.document(passport)


def test_tka_no_permit(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.position("A1")                                   # works, no permit at all
    a.position("A2"); a.permit("A2", expiry=T)         # noqa: E702  permit ends on t: valid
    a.position("A3"); a.permit("A3", index="C312", purpose="PENELITIAN")  # noqa: E702  not work
    a.position("A4", start=T + DAY)                    # starts the day after: not covering
    _registered(a, "A2", "A3")
    assert {f for f in _flagged(db) if f[1] == "TKA_NO_PERMIT"} == {
        ("A1", "TKA_NO_PERMIT", "62.03"), ("A3", "TKA_NO_PERMIT", "62.03")}


def test_permit_no_rptka_and_rptka_expired(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.permit("B1")                                      # work permit, no position
    a.permit("B2"); a.position("B2", regencies=("62.71",))  # noqa: E702  position elsewhere
    a.permit("B3"); a.position("B3", regencies=("62.71", "62.03"))  # noqa: E702  one is here
    a.permit("B4"); a.position("B4", end=T - DAY)       # noqa: E702  RPTKA ended the day before
    a.permit("B5"); a.position("B5", end=T)             # noqa: E702  ends on t: still covers
    _registered(a, "B1", "B2", "B3", "B4", "B5")
    flagged = _flagged(db)
    assert {f for f in flagged if f[1] == "PERMIT_NO_RPTKA"} == {
        ("B1", "PERMIT_NO_RPTKA", "62.03"), ("B2", "PERMIT_NO_RPTKA", "62.03"),
        ("B4", "PERMIT_NO_RPTKA", "62.03")}
    assert {f for f in flagged if f[1] == "RPTKA_EXPIRED"} == {("B4", "RPTKA_EXPIRED", "62.03")}


def test_permit_no_registration(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.permit("C1", index="C312", purpose="KELUARGA")    # ITAS, no document
    a.permit("C2", kind="ITAP", index="C313", purpose="KELUARGA")
    a.document("C2", valid_until=T)                     # valid until t: active
    a.permit("C3", index="C312", purpose="KELUARGA")
    a.document("C3", issue=T + DAY)                     # issued the day after: not yet
    a.permit("C4", kind="ITK", index="B211", purpose="WISATA")  # visitors need no SKTT
    a.permit("C5", index="C312", purpose="KELUARGA")
    a.document(None, permit_number=f"P-C5-{T - 300 * DAY}")  # linked by the permit number
    assert {f for f in _flagged(db) if f[1] == "PERMIT_NO_REGISTRATION"} == {
        ("C1", "PERMIT_NO_REGISTRATION", "62.03"), ("C3", "PERMIT_NO_REGISTRATION", "62.03")}


def test_region_mismatch_counts_in_every_regency_named(warehouse: str, db: psycopg.Connection):
    a = Agencies(db)
    a.permit("D1", regency="62.03"); a.document("D1", regency="62.71")  # noqa: E702
    a.permit("D2"); a.document("D2"); a.position("D2", regencies=("62.71", "62.03"))  # noqa: E702
    a.position("D3", regencies=("62.11",)); a.document("D3", regency="62.71")  # noqa: E702
    assert {f for f in _flagged(db) if f[1] == "REGION_MISMATCH"} == {
        ("D1", "REGION_MISMATCH", "62.03"), ("D1", "REGION_MISMATCH", "62.71"),
        ("D3", "REGION_MISMATCH", "62.11"), ("D3", "REGION_MISMATCH", "62.71")}


def test_expired_permit_active(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.permit("E1", issue=T - 800 * DAY, expiry=T - DAY)  # expired the day before …
    a.document("E1")                                     # … yet registered
    a.permit("E2", issue=T - 800 * DAY, expiry=T)        # expires on t: still valid
    a.document("E2")
    a.permit("E3", issue=T - 800 * DAY, expiry=T - DAY)  # expired, but renewed since
    a.permit("E3", issue=T - 10 * DAY, expiry=T + 300 * DAY)
    a.document("E3")
    a.permit("E4", issue=T - 800 * DAY, expiry=T - DAY)  # expired and nowhere active
    assert {f for f in _flagged(db) if f[1] == "EXPIRED_PERMIT_ACTIVE"} == {
        ("E1", "EXPIRED_PERMIT_ACTIVE", "62.03")}


def test_position_rules(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    start = date(2025, 1, 15)                            # months due on t: Jan..Dec = 12
    a.position("F1", kbji="1212", start=start, months=12)  # HR manager: closed to TKA
    a.position("F2", start=start, months=11)             # one month short
    a.position("F3", start=start, months=12, companions=0)
    a.position("F4", kbji="1212", start=T + DAY, months=0, companions=0)  # not yet covering
    for passport in ("F1", "F2", "F3", "F4"):
        a.permit(passport)
        a.document(passport)
    flagged = {f for f in _flagged(db)
               if f[1] in {"RESTRICTED_POSITION", "DKPTKA_UNDERPAID", "NO_COMPANION"}}
    assert flagged == {("F1", "RESTRICTED_POSITION", "62.03"),
                       ("F2", "DKPTKA_UNDERPAID", "62.03"), ("F3", "NO_COMPANION", "62.03")}


def test_registry_rows_link_by_permit_then_unique_name_and_birth_date(
        warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    family = {"index": "C312", "purpose": "KELUARGA"}
    a.permit("G1", **family, name="Li Wei", born=date(1990, 5, 1))
    a.document(None, name="LI  WEI", born=date(1990, 5, 1))      # same person, no numbers
    a.permit("G2", **family, name="Chen Jie", born=date(1985, 3, 3))
    a.permit("G3", **family, name="CHEN-JIE", born=date(1985, 3, 3))  # a namesake
    a.document(None, name="Chen Jie", born=date(1985, 3, 3))     # two candidates: not guessed
    a.permit("G4", **family, name="Wu Fang", born=date(1970, 1, 1))
    a.document(None, name="Wu Fang", born=date(1971, 1, 1))      # other birth date: unlinked
    flagged = {f for f in _flagged(db) if f[1] == "PERMIT_NO_REGISTRATION"}
    assert flagged == {("G2", "PERMIT_NO_REGISTRATION", "62.03"),
                       ("G3", "PERMIT_NO_REGISTRATION", "62.03"),
                       ("G4", "PERMIT_NO_REGISTRATION", "62.03")}
    methods = db.execute("SELECT link_method, candidates FROM core.document_link "
                         "ORDER BY row_number").fetchall()
    assert methods == [("name_birth_date", 1), ("ambiguous", 2), ("unlinked", 0)]


def test_an_employer_renamed_between_snapshots_keeps_its_history(
        warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    earlier = _batch(db, "tenaga_kerja_tka", "62", T - 61 * DAY)
    a.position("H1", employer="PT LAMA", batch=earlier)
    a.position("H1")                                     # same NIB, new name, later snapshot
    _flagged(db)
    versions = db.execute("SELECT employer_name, valid_from, valid_to, is_current "
                          "FROM core.dim_employer ORDER BY valid_from").fetchall()
    assert versions == [("PT LAMA", T - 61 * DAY, T - DAY, False),
                        ("PT CONTOH", T, date(9999, 12, 31), True)]
    facts = dict(db.execute("SELECT f.batch_id, e.employer_name FROM core.fact_rptka_position f "
                            "JOIN core.dim_employer e USING (employer_key)").fetchall())
    assert facts == {earlier: "PT LAMA", a.positions: "PT CONTOH"}


def test_a_late_older_employer_snapshot_lands_in_history(
        warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.position("J1")
    _flagged(db)                                         # built with December only
    late = _batch(db, "tenaga_kerja_tka", "62", T - 61 * DAY)
    a.position("J1", employer="PT LAMA", batch=late)     # October arrives afterwards
    _flagged(db)
    versions = db.execute("SELECT employer_name, is_current FROM core.dim_employer "
                          "ORDER BY valid_from").fetchall()
    assert versions == [("PT LAMA", False), ("PT CONTOH", True)]
    facts = dict(db.execute("SELECT f.batch_id, e.employer_name FROM core.fact_rptka_position f "
                            "JOIN core.dim_employer e USING (employer_key)").fetchall())
    assert facts == {late: "PT LAMA", a.positions: "PT CONTOH"}


def test_a_build_with_another_person_key_is_refused(warehouse: str, db: psycopg.Connection,
                                                    monkeypatch) -> None:
    from pantau.build.period import KeyMismatch

    Agencies(db).position("K1")
    build_period(Period.parse("2025-12"))
    monkeypatch.setenv(person_key.ENV, "another-key")
    with pytest.raises(KeyMismatch, match="not the one this warehouse was built with"):
        build_period(Period.parse("2025-12"))
    assert db.execute("SELECT count(*) FROM core.dim_person").fetchone()[0] == 1


def test_masking_in_sql_agrees_with_python(warehouse: str, db: psycopg.Connection) -> None:
    from pantau.warehouse.masking import mask

    values = ["EA9876543", "1990", "", "ABCDE", "31-02-1990", "Ünïcode name"]
    masked = db.execute("SELECT core.masked(v) FROM unnest(%s::text[]) WITH ORDINALITY AS "
                        "t(v, n) ORDER BY n", (values,)).fetchall()
    assert [m for (m,) in masked] == [mask(v) for v in values]
    assert masked[0] == ("EA*******",) and masked[1] == ("****",)


def _workers(db: psycopg.Connection, regency: str = "62.03") -> int:
    return db.execute("SELECT workers_total FROM mart.region_figures "
                      "WHERE period = '2025-12' AND region_code = %s", (regency,)).fetchone()[0]


def _link(db: psycopg.Connection, row: int) -> tuple[str, int]:
    return db.execute("SELECT link_method, candidates FROM core.document_link "
                      "WHERE period = '2025-12' AND row_number = %s", (row,)).fetchone()


def test_a_worker_without_passport_linked_by_name_is_no_permit_without_rptka(
        warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.permit("K1", name="Zhang San", born=date(1988, 8, 8))
    a.document("K1")
    row = a.position(None, name="ZHANG  SAN", born=date(1988, 8, 8))  # his RPTKA row
    flagged = _flagged(db)
    assert {f for f in flagged if f[1] in {"PERMIT_NO_RPTKA", "TKA_NO_PERMIT"}} == set()
    assert _link(db, row) == ("name_birth_date", 1)
    assert _workers(db) == 1


def test_an_ambiguous_name_match_is_never_guessed(warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.permit("L1", name="Wang Fang", born=date(1979, 2, 2))
    a.permit("L2", name="WANG-FANG", born=date(1979, 2, 2))  # a namesake, same birth date
    _registered(a, "L1", "L2")
    row = a.position(None, name="Wang Fang", born=date(1979, 2, 2))
    flagged = {f for f in _flagged(db) if f[1] == "PERMIT_NO_RPTKA"}
    assert flagged == {("L1", "PERMIT_NO_RPTKA", "62.03"), ("L2", "PERMIT_NO_RPTKA", "62.03")}
    assert _link(db, row) == ("ambiguous", 2)
    assert _workers(db) == 1  # counted all the same


def test_an_unlinked_worker_still_counts_in_workers_total(
        warehouse: str, db: psycopg.Connection) -> None:
    a = Agencies(db)
    a.position("M1")                                     # linked by passport
    lone = a.position(None, name="Nobody Known", born=date(1990, 9, 9))  # matches no permit
    flagged = {f for f in _flagged(db) if f[1] == "TKA_NO_PERMIT"}
    assert flagged == {("M1", "TKA_NO_PERMIT", "62.03")}  # only a linked person is flagged
    assert _link(db, lone) == ("unlinked", 0)
    assert _workers(db) == 2

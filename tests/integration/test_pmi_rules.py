"""The seven PMI rules on hand-made period pictures, each edge on both sides.

The demo truth checks the rules in bulk; here each case plants the few rows
that decide one edge (90/180/365 days inclusive, the window's ends, age 18,
the same office, BATAL, NULL person_key) so that a rule off by a day fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import psycopg
import pytest

from pantau.warehouse.sql_files import render

START, T = date(2025, 10, 1), date(2025, 12, 31)
MID = date(2025, 11, 15)
COMMON = ["person_key char(64)", "link_method text", "origin_regency_code text",
          "origin_district_code text", "batch_id bigint", "row_number integer",
          "sex char(1)"]
TABLES = {  # the contract's columns of the period picture
    "pm_placement": ["destination_country char(3)", "sector text", "scheme text",
                     "departure_date date", "contract_end_date date", "status text",
                     "age_at_departure smallint"],
    "pm_application": ["application_number text", "application_date date", "office text",
                       "purpose text", "destination_country char(3)", "status text",
                       "reason text", "issue_date date"],
    "pm_postponement": ["postponement_number text", "postponement_date date",
                        "checkpoint text", "destination_country char(3)",
                        "stated_purpose text", "reason text", "handed_to text",
                        "age_at_postponement smallint"],
    "pm_returnee": ["register_number text", "arrival_date date", "arrival_post text",
                    "deported_from char(3)", "case_type text"],
}
DEFAULTS = {
    "pm_placement": {"destination_country": "MYS", "sector": "FORMAL", "scheme": "P TO P",
                     "departure_date": MID, "contract_end_date": date(2027, 11, 15),
                     "status": "BERANGKAT", "age_at_departure": 30},
    "pm_application": {"application_number": "A-1", "application_date": MID,
                       "office": "KANIM JAKARTA", "purpose": "BEKERJA",
                       "destination_country": "MYS", "status": "TERBIT", "reason": None,
                       "issue_date": MID},
    "pm_postponement": {"postponement_number": "P-1", "postponement_date": MID,
                        "checkpoint": "TPI SOEKARNO-HATTA", "destination_country": "MYS",
                        "stated_purpose": "WISATA", "reason": "INDIKASI PMI NON PROSEDURAL",
                        "handed_to": "BP3MI", "age_at_postponement": 30},
    "pm_returnee": {"register_number": "R-1", "arrival_date": MID,
                    "arrival_post": "PLBN ENTIKONG", "deported_from": "MYS",
                    "case_type": "TANPA DOKUMEN"},
}
PERSON = "a" * 64
OTHER = "b" * 64
DESTINATIONS = [("KHM", "closed"), ("MMR", "closed"), ("SAU", "informal_moratorium")]


@pytest.fixture(scope="module")
def conn(server_url: str, migrated_template: str) -> Iterator[psycopg.Connection]:
    from tests.support.warehouses import temporary_database

    with temporary_database(server_url, "pmi_rules", migrated_template) as url, \
            psycopg.connect(url) as connection:
        yield connection


@pytest.fixture
def db(conn: psycopg.Connection) -> Iterator[psycopg.Connection]:
    """The picture's temp tables and the destination list, rolled back after the test."""
    for table, columns in TABLES.items():
        conn.execute(f"CREATE TEMP TABLE {table} ({', '.join(COMMON + columns)})")
    conn.execute("CREATE TABLE IF NOT EXISTS core.pmi_destination_rule (country_code char(3),"
                 " restriction text, source text, PRIMARY KEY (country_code, restriction))")
    conn.execute("DELETE FROM core.pmi_destination_rule")
    for code, restriction in DESTINATIONS:
        conn.execute("INSERT INTO core.pmi_destination_rule VALUES (%s, %s, 'test')",
                     (code, restriction))
    yield conn
    conn.rollback()


_rows = iter(range(1, 10**6))


def add(db: psycopg.Connection, table: str, **values) -> int:
    """Insert one row of ``table`` with defaults for what the case leaves out; its row_number."""
    row_number = next(_rows)
    row = {"person_key": PERSON, "link_method": "nik", "origin_regency_code": "32.12",
           "origin_district_code": "32.12.01", "batch_id": 1, "row_number": row_number,
           "sex": "M", **DEFAULTS[table], **values}
    row["row_number"] = row_number
    columns = ", ".join(row)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(row))})",
               list(row.values()))
    return row_number


def found(db: psycopg.Connection, rule: str) -> set[int]:
    """The row numbers the rule returns (after checking it returns no duplicate)."""
    sql = render(f"rules/{rule}.sql")
    cursor = psycopg.ClientCursor(db)
    cursor.execute(sql, {"period": "2025-Q4", "period_start": START, "reference_date": T})
    rows = cursor.fetchall()
    keys = [(r[3], r[4]) for r in rows]
    assert len(keys) == len(set(keys)), "duplicate (batch_id, row_number)"
    return {r[4] for r in rows}


def regions(db: psycopg.Connection, rule: str) -> set[tuple[str, str | None]]:
    cursor = psycopg.ClientCursor(db)
    cursor.execute(render(f"rules/{rule}.sql"),
                   {"period": "2025-Q4", "period_start": START, "reference_date": T})
    return {(r[1], r[2]) for r in cursor.fetchall()}


def days(n: int) -> timedelta:
    return timedelta(days=n)


# PMI_POSTPONED_NO_PLACEMENT ------------------------------------------------

RULE = "pmi_postponed_no_placement"


@pytest.mark.parametrize(("placement", "counts"), [
    pytest.param(None, True, id="no_placement_counts"),
    pytest.param({"departure_date": MID - days(90)}, False, id="departure_90_days_before_covers"),
    pytest.param({"departure_date": MID + days(90)}, False, id="departure_90_days_after_covers"),
    pytest.param({"departure_date": MID - days(91)}, True, id="departure_91_days_before_not"),
    pytest.param({"departure_date": MID + days(91)}, True, id="departure_91_days_after_not"),
    pytest.param({"departure_date": None, "status": "PROSES"}, False,
                 id="empty_departure_date_covers"),
    pytest.param({"status": "BATAL"}, True, id="cancelled_placement_is_no_placement"),
    pytest.param({"status": "PULANG"}, False, id="returned_placement_covers"),
    pytest.param({"person_key": OTHER}, True, id="another_persons_placement_does_not_cover"),
])
def test_postponed_no_placement_window(db, placement, counts):
    row = add(db, "pm_postponement")
    if placement is not None:
        add(db, "pm_placement", **placement)
    assert found(db, RULE) == ({row} if counts else set())


@pytest.mark.parametrize(("values", "counts"), [
    pytest.param({"reason": "INDIKASI TPPO"}, True, id="tppo_counts"),
    pytest.param({"reason": "DOKUMEN TIDAK SAH"}, False, id="invalid_document_not_listed"),
    pytest.param({"reason": "LAINNYA"}, False, id="other_reason_not_listed"),
    pytest.param({"postponement_date": START}, True, id="period_start_inclusive"),
    pytest.param({"postponement_date": T}, True, id="reference_date_inclusive"),
    pytest.param({"postponement_date": START - days(1)}, False, id="day_before_window"),
    pytest.param({"postponement_date": T + days(1)}, False, id="day_after_t"),
    pytest.param({"person_key": None}, False, id="null_person_key_never_counts"),
])
def test_postponed_no_placement_reason_and_window(db, values, counts):
    row = add(db, "pm_postponement", **values)
    assert found(db, RULE) == ({row} if counts else set())


def test_postponed_no_placement_counts_in_postponement_origin(db):
    add(db, "pm_postponement", origin_regency_code="33.01", origin_district_code=None)
    assert regions(db, RULE) == {("33.01", None)}


# PMI_NON_WORK_PASSPORT -----------------------------------------------------

@pytest.mark.parametrize(("passport", "counts"), [
    pytest.param({"issue_date": MID}, True, id="issued_same_day_counts"),
    pytest.param({"issue_date": MID - days(180)}, True, id="issued_180_days_before_counts"),
    pytest.param({"issue_date": MID - days(181)}, False, id="issued_181_days_before_not"),
    pytest.param({"issue_date": MID + days(1)}, False, id="issued_after_postponement_not"),
    pytest.param({"purpose": "UMROH"}, True, id="umroh_counts"),
    pytest.param({"purpose": "KUNJUNGAN KELUARGA"}, True, id="family_visit_counts"),
    pytest.param({"purpose": "BEROBAT"}, True, id="medical_counts"),
    pytest.param({"purpose": "BEKERJA"}, False, id="work_passport_not"),
    pytest.param({"purpose": "HAJI"}, False, id="hajj_not_listed"),
    pytest.param({"status": "DITOLAK", "reason": "LAINNYA"}, False, id="refused_is_no_passport"),
    pytest.param({"person_key": OTHER}, False, id="another_persons_passport_not"),
])
def test_non_work_passport(db, passport, counts):
    row = add(db, "pm_postponement", origin_regency_code="32.01",
              origin_district_code="32.01.05")
    add(db, "pm_application", **{"purpose": "WISATA", **passport})
    assert found(db, "pmi_non_work_passport") == ({row} if counts else set())
    if counts:
        assert regions(db, "pmi_non_work_passport") == {("32.01", "32.01.05")}


@pytest.mark.parametrize(("values", "counts"), [
    pytest.param({"reason": "INDIKASI TPPO"}, True, id="tppo_counts"),
    pytest.param({"reason": "DOKUMEN TIDAK SAH"}, False, id="other_reason_not_listed"),
    pytest.param({"postponement_date": START}, True, id="period_start_inclusive"),
    pytest.param({"postponement_date": T}, True, id="reference_date_inclusive"),
    pytest.param({"postponement_date": START - days(1)}, False, id="day_before_window"),
    pytest.param({"postponement_date": T + days(1)}, False, id="day_after_t"),
    pytest.param({"person_key": None}, False, id="null_person_key_never_counts"),
])
def test_non_work_passport_postponement(db, values, counts):
    row = add(db, "pm_postponement", **values)
    add(db, "pm_application", purpose="WISATA",
        issue_date=values.get("postponement_date", MID) - days(10))
    assert found(db, "pmi_non_work_passport") == ({row} if counts else set())


# PMI_PASSPORT_AFTER_REFUSAL ------------------------------------------------

REFUSAL = {"office": "KANIM SURABAYA", "status": "DITOLAK",
           "reason": "INDIKASI PMI NON PROSEDURAL", "issue_date": None,
           "application_number": "A-0"}


@pytest.mark.parametrize(("refusal", "counts"), [
    pytest.param({"application_date": MID - days(365)}, True, id="refused_365_days_before_counts"),
    pytest.param({"application_date": MID - days(366)}, False, id="refused_366_days_before_not"),
    pytest.param({"application_date": MID}, True, id="refused_same_day_counts"),
    pytest.param({"application_date": MID + days(1)}, False, id="refused_after_issue_not"),
    pytest.param({"status": "DITUNDA"}, True, id="withheld_counts"),
    pytest.param({"office": "KANIM JAKARTA"}, False, id="issue_at_refusing_office_not"),
    pytest.param({"reason": "DOKUMEN TIDAK LENGKAP"}, False, id="other_reason_not"),
    pytest.param({"status": "BATAL"}, False, id="cancelled_application_not"),
    pytest.param({"person_key": OTHER}, False, id="another_persons_refusal_not"),
])
def test_passport_after_refusal(db, refusal, counts):
    add(db, "pm_application", **{**REFUSAL, "application_date": MID - days(30), **refusal})
    row = add(db, "pm_application", origin_regency_code="35.78",
              origin_district_code="35.78.02")
    assert found(db, "pmi_passport_after_refusal") == ({row} if counts else set())
    if counts:
        assert regions(db, "pmi_passport_after_refusal") == {("35.78", "35.78.02")}


@pytest.mark.parametrize(("issue", "counts"), [
    pytest.param(START, True, id="issued_on_period_start_counts"),
    pytest.param(T, True, id="issued_on_t_counts"),
    pytest.param(START - days(1), False, id="issued_day_before_window_not"),
    pytest.param(T + days(1), False, id="issued_day_after_t_not"),
])
def test_passport_after_refusal_window(db, issue, counts):
    add(db, "pm_application", **{**REFUSAL, "application_date": issue - days(30)})
    row = add(db, "pm_application", application_date=issue - days(5), issue_date=issue)
    assert found(db, "pmi_passport_after_refusal") == ({row} if counts else set())


def test_passport_after_refusal_null_person_key_never_counts(db):
    add(db, "pm_application", **{**REFUSAL, "person_key": None})
    add(db, "pm_application", person_key=None)
    assert found(db, "pmi_passport_after_refusal") == set()


# PMI_CLOSED_DESTINATION ----------------------------------------------------

@pytest.mark.parametrize(("placement", "counts"), [
    pytest.param({"destination_country": "KHM"}, True, id="closed_country_counts"),
    pytest.param({"destination_country": "MMR", "sector": "INFORMAL"}, True,
                 id="closed_applies_to_informal_too"),
    pytest.param({"destination_country": "MMR", "sector": None}, True,
                 id="closed_applies_without_sector"),
    pytest.param({"destination_country": "MYS"}, False, id="open_country_not"),
    pytest.param({"destination_country": "SAU", "sector": "INFORMAL"}, True,
                 id="moratorium_informal_counts"),
    pytest.param({"destination_country": "SAU", "sector": "FORMAL"}, False,
                 id="moratorium_formal_not"),
    pytest.param({"destination_country": "SAU", "sector": None}, False,
                 id="moratorium_unknown_sector_not"),
    pytest.param({"destination_country": "KHM", "status": "PULANG"}, True, id="returned_counts"),
    pytest.param({"destination_country": "KHM", "status": "PROSES"}, False,
                 id="not_departed_not"),
    pytest.param({"destination_country": "KHM", "status": "BATAL"}, False, id="cancelled_not"),
    pytest.param({"destination_country": "KHM", "departure_date": START}, True,
                 id="departed_on_period_start"),
    pytest.param({"destination_country": "KHM", "departure_date": T}, True, id="departed_on_t"),
    pytest.param({"destination_country": "KHM", "departure_date": START - days(1)}, False,
                 id="departed_day_before_window"),
    pytest.param({"destination_country": "KHM", "departure_date": T + days(1)}, False,
                 id="departed_day_after_t"),
    pytest.param({"destination_country": "KHM", "person_key": None}, False,
                 id="null_person_key_never_counts"),
])
def test_closed_destination_placement(db, placement, counts):
    row = add(db, "pm_placement", **placement)
    assert found(db, "pmi_closed_destination") == ({row} if counts else set())


@pytest.mark.parametrize(("postponement", "counts"), [
    pytest.param({"destination_country": "KHM"}, True, id="closed_country_counts"),
    pytest.param({"destination_country": "KHM", "reason": "LAINNYA"}, True,
                 id="any_reason_counts"),
    pytest.param({"destination_country": "SAU"}, False, id="moratorium_not_for_postponements"),
    pytest.param({"destination_country": "MYS"}, False, id="open_country_not"),
    pytest.param({"destination_country": "KHM", "postponement_date": START}, True,
                 id="on_period_start"),
    pytest.param({"destination_country": "KHM", "postponement_date": T}, True, id="on_t"),
    pytest.param({"destination_country": "KHM", "postponement_date": START - days(1)}, False,
                 id="day_before_window"),
    pytest.param({"destination_country": "KHM", "postponement_date": T + days(1)}, False,
                 id="day_after_t"),
    pytest.param({"destination_country": "KHM", "person_key": None}, False,
                 id="null_person_key_never_counts"),
])
def test_closed_destination_postponement(db, postponement, counts):
    row = add(db, "pm_postponement", **postponement)
    assert found(db, "pmi_closed_destination") == ({row} if counts else set())


def test_closed_destination_counts_each_row_in_its_origin(db):
    add(db, "pm_placement", destination_country="KHM", origin_regency_code="32.01",
        origin_district_code="32.01.01")
    add(db, "pm_postponement", destination_country="MMR", origin_regency_code="33.02",
        origin_district_code=None)
    assert regions(db, "pmi_closed_destination") == {("32.01", "32.01.01"), ("33.02", None)}


# PMI_UNDERAGE --------------------------------------------------------------

@pytest.mark.parametrize(("placement", "counts"), [
    pytest.param({"age_at_departure": 17}, True, id="seventeen_counts"),
    pytest.param({"age_at_departure": 18}, False, id="eighteenth_birthday_on_departure_not"),
    pytest.param({"age_at_departure": None}, False, id="unknown_age_not"),
    pytest.param({"age_at_departure": 17, "status": "PULANG"}, True, id="returned_counts"),
    pytest.param({"age_at_departure": 17, "status": "PROSES"}, False, id="not_departed_not"),
    pytest.param({"age_at_departure": 17, "status": "BATAL"}, False, id="cancelled_not"),
    pytest.param({"age_at_departure": 17, "departure_date": START}, True,
                 id="departed_on_period_start"),
    pytest.param({"age_at_departure": 17, "departure_date": T}, True, id="departed_on_t"),
    pytest.param({"age_at_departure": 17, "departure_date": START - days(1)}, False,
                 id="departed_day_before_window"),
    pytest.param({"age_at_departure": 17, "departure_date": T + days(1)}, False,
                 id="departed_day_after_t"),
    pytest.param({"age_at_departure": 17, "person_key": None}, False,
                 id="null_person_key_never_counts"),
])
def test_underage_placement(db, placement, counts):
    row = add(db, "pm_placement", **placement)
    assert found(db, "pmi_underage") == ({row} if counts else set())


@pytest.mark.parametrize(("postponement", "counts"), [
    pytest.param({"age_at_postponement": 17}, True, id="seventeen_counts"),
    pytest.param({"age_at_postponement": 18}, False, id="eighteen_not"),
    pytest.param({"age_at_postponement": 17, "postponement_date": START}, True,
                 id="on_period_start"),
    pytest.param({"age_at_postponement": 17, "postponement_date": T}, True, id="on_t"),
    pytest.param({"age_at_postponement": 17, "postponement_date": START - days(1)}, False,
                 id="day_before_window"),
    pytest.param({"age_at_postponement": 17, "postponement_date": T + days(1)}, False,
                 id="day_after_t"),
    pytest.param({"age_at_postponement": 17, "person_key": None}, False,
                 id="null_person_key_never_counts"),
])
def test_underage_postponement(db, postponement, counts):
    row = add(db, "pm_postponement", **postponement)
    assert found(db, "pmi_underage") == ({row} if counts else set())


# PMI_RETURNEE_NO_PLACEMENT -------------------------------------------------

@pytest.mark.parametrize(("returnee", "placement", "counts"), [
    pytest.param({}, None, True, id="no_placement_counts"),
    pytest.param({}, {"status": "BATAL"}, True, id="cancelled_placement_is_no_placement"),
    pytest.param({}, {"status": "PROSES", "departure_date": None}, False,
                 id="any_other_status_is_a_placement"),
    pytest.param({}, {"status": "PULANG", "departure_date": date(2020, 1, 1)}, False,
                 id="old_placement_is_a_placement"),
    pytest.param({}, {"person_key": OTHER}, True, id="another_persons_placement_not"),
    pytest.param({"case_type": "OVERSTAY"}, None, True, id="overstay_counts"),
    pytest.param({"case_type": "PENYALAHGUNAAN IZIN TINGGAL"}, None, True,
                 id="permit_misuse_counts"),
    pytest.param({"case_type": "SAKIT"}, None, False, id="illness_not_listed"),
    pytest.param({"case_type": "MENINGGAL"}, None, False, id="death_not_listed"),
    pytest.param({"arrival_date": START}, None, True, id="arrived_on_period_start"),
    pytest.param({"arrival_date": T}, None, True, id="arrived_on_t"),
    pytest.param({"arrival_date": START - days(1)}, None, False, id="arrived_day_before_window"),
    pytest.param({"arrival_date": T + days(1)}, None, False, id="arrived_day_after_t"),
    pytest.param({"person_key": None}, None, False, id="null_person_key_never_counts"),
])
def test_returnee_no_placement(db, returnee, placement, counts):
    row = add(db, "pm_returnee", **returnee)
    if placement is not None:
        add(db, "pm_placement", **placement)
    assert found(db, "pmi_returnee_no_placement") == ({row} if counts else set())


def test_returnee_counts_in_origin_not_arrival_post(db):
    add(db, "pm_returnee", arrival_post="PLBN ENTIKONG", origin_regency_code="52.03",
        origin_district_code="52.03.04")
    assert regions(db, "pmi_returnee_no_placement") == {("52.03", "52.03.04")}


# PMI_REPEAT_RETURNEE -------------------------------------------------------

@pytest.mark.parametrize(("earlier", "counts"), [
    pytest.param(None, False, id="first_arrival_not"),
    pytest.param({"arrival_date": MID - days(400)}, True, id="earlier_arrival_counts"),
    pytest.param({"arrival_date": MID - days(1), "case_type": "OVERSTAY"}, True,
                 id="earlier_overstay_counts"),
    pytest.param({"arrival_date": MID}, False, id="same_day_arrival_not_earlier"),
    pytest.param({"arrival_date": MID - days(400), "case_type": "SAKIT"}, False,
                 id="earlier_unlisted_case_not"),
    pytest.param({"arrival_date": MID - days(400), "person_key": OTHER}, False,
                 id="another_persons_arrival_not"),
])
def test_repeat_returnee(db, earlier, counts):
    row = add(db, "pm_returnee", register_number="R-2")
    if earlier is not None:
        add(db, "pm_returnee", **earlier)
    assert found(db, "pmi_repeat_returnee") == ({row} if counts else set())


@pytest.mark.parametrize(("latest", "counts"), [
    pytest.param({}, True, id="tanpa_dokumen_counts"),
    pytest.param({"case_type": "PIDANA"}, False, id="unlisted_case_not"),
    pytest.param({"arrival_date": START}, True, id="arrived_on_period_start"),
    pytest.param({"arrival_date": T}, True, id="arrived_on_t"),
    pytest.param({"arrival_date": START - days(1)}, False, id="arrived_day_before_window"),
    pytest.param({"arrival_date": T + days(1)}, False, id="arrived_day_after_t"),
    pytest.param({"person_key": None}, False, id="null_person_key_never_counts"),
])
def test_repeat_returnee_window(db, latest, counts):
    add(db, "pm_returnee", arrival_date=date(2024, 1, 1), person_key=latest.get(
        "person_key", PERSON))
    row = add(db, "pm_returnee", **latest)
    assert found(db, "pmi_repeat_returnee") == ({row} if counts else set())
    if counts:
        assert regions(db, "pmi_repeat_returnee") == {("32.12", "32.12.01")}

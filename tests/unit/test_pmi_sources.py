"""The PMI exports' normalisers and derivations: the NIK, countries, value sets, origin."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from pantau.normalise import countries, nik, values
from pantau.quality.suites import load_suite
from pantau.sources.catalog import PMI_SOURCES, SOURCES
from pantau.sources.readers import ROW_NUMBER
from pantau.sources.spec import Kind
from pantau.sources.staging import Context, tag, to_staging

EXPECTATIONS = Path(__file__).resolve().parents[2] / "expectations"

# A woman born 1 January 1990 first registered in Haurgeulis (32.12.01, Kabupaten
# Indramayu): the day is 01 + 40 = 41.
WOMAN = "3212014101900001"
MAN = "3212010101900002"  # a man born the same day, same district


def series(*items) -> pd.Series:
    return pd.Series(list(items), dtype="string")


def checked(niks, born=None, sexes=None) -> nik.NikCheck:
    births = None if born is None else pd.Series(born, dtype=object)
    return nik.check(nik.nik(series(*niks)).values, births,
                     None if sexes is None else series(*sexes))


def _valid(result: nik.NikCheck) -> list:
    return [None if pd.isna(v) else bool(v) for v in result.valid]


def test_a_valid_nik_gives_its_regency_and_district() -> None:
    result = checked([WOMAN, MAN], [date(1990, 1, 1), date(1990, 1, 1)], ["P", "L"])
    assert _valid(result) == [True, True]
    assert result.regency_code.tolist() == ["32.12", "32.12"]
    assert result.district_code.tolist() == ["32.12.01", "32.12.01"]


def test_separators_are_dropped_and_unknown_birth_date_or_sex_is_not_held_against_it() -> None:
    assert nik.nik(series("3212 0141 0190 0001", "32.12.01-410190-0001", "", None)).values \
        .tolist()[:2] == [WOMAN, WOMAN]
    assert _valid(checked(["3212 0141 0190 0001"])) == [True]
    assert _valid(checked([WOMAN], [None], [None])) == [True]


@pytest.mark.parametrize("value, why", [
    ("321201410190000", "15 digits"),
    ("32120141019000AB", "letters"),
    ("3299014101900001", "no regency 32.99"),
    ("9912014101900001", "no province 99"),
    ("3212013201900001", "day 32: neither a man's nor a woman's day"),
    ("3212017301900001", "day 73 - 40 = 33"),
    ("3212014113900001", "month 13"),
    ("3212013002900001", "30 February"),
])
def test_a_nik_that_cannot_be_one_is_not_valid(value: str, why: str) -> None:
    result = checked([value])
    assert _valid(result) == [False], why
    assert result.regency_code.isna().all() and result.district_code.isna().all()


def test_the_womens_day_must_agree_with_sex_and_the_digits_with_the_birth_date() -> None:
    result = checked([WOMAN, WOMAN, MAN, WOMAN],
                     [date(1990, 1, 1), date(1990, 1, 2), date(1990, 1, 1), date(1991, 1, 1)],
                     ["L", "P", "P", "P"])
    # a woman's NIK for a man; the wrong day; a man's NIK for a woman; the wrong year
    assert _valid(result) == [False, False, False, False]


def test_an_empty_nik_is_neither_valid_nor_invalid() -> None:
    result = checked([None, "", "  "])
    assert _valid(result) == [None, None, None]


def test_a_district_the_reference_lacks_gives_the_regency_only() -> None:
    result = checked(["3212994101900001"], [date(1990, 1, 1)], ["P"])
    assert _valid(result) == [True]
    assert result.regency_code.tolist() == ["32.12"]
    assert result.district_code.isna().all()


def test_indonesian_country_names_resolve_and_nationalities_stay_as_they_were() -> None:
    spelled = {"HONGKONG": "HKG", "Hong Kong": "HKG", "KAMBOJA": "KHM", "Arab Saudi": "SAU",
               "SINGAPURA": "SGP", "Korea Selatan": "KOR", "TAIWAN": "TWN",
               "MALAYSIA": "MYS", "JEPANG": "JPN", "BRUNEI DARUSSALAM": "BRN",
               "THAILAND": "THA", "MYANMAR": "MMR", "LAOS": "LAO", "UNI EMIRAT ARAB": "ARE",
               "QATAR": "QAT", "KUWAIT": "KWT", "OMAN": "OMN", "BAHRAIN": "BHR",
               "YORDANIA": "JOR", "TURKI": "TUR", "POLANDIA": "POL", "SAU": "SAU"}
    result = countries.countries(series(*spelled, "ATLANTIS", None))
    assert result.values.tolist()[:-2] == list(spelled.values())
    assert result.problem.tolist()[-2] == "unknown_country"
    assert result.values[-2:].isna().all() and pd.isna(result.problem.tolist()[-1])
    # The nationalities read the same spellings, with their own problem code.
    assert countries.nationalities(series("TIONGKOK", "ZZZ")).problem.tolist()[1] == \
        "unknown_nationality"


@pytest.mark.parametrize("value_set, spelled, canonical", [
    ("scheme", ["P to P", "PTOP", "P2P", "P-TO-P", "G2G", "G-TO-G", "G2P", "mandiri"],
     ["P TO P", "P TO P", "P TO P", "P TO P", "G TO G", "G TO G", "G TO P", "PERSEORANGAN"]),
    ("purpose", ["UMRAH", "Umroh", "kunjungan keluarga"], ["UMROH", "UMROH",
                                                           "KUNJUNGAN KELUARGA"]),
    ("application_reason", ["INDIKASI PMI NONPROSEDURAL", "Ind. PMI non prosedural",
                            "PMI NON PROSEDURAL"], ["INDIKASI PMI NON PROSEDURAL"] * 3),
])
def test_the_fields_spellings_become_the_canonical_value(value_set, spelled, canonical) -> None:
    column = next(c for s in PMI_SOURCES for c in s.columns if c.value_set == value_set)
    chunk = pd.DataFrame({ROW_NUMBER: range(2, 2 + len(spelled)),
                          column.header: pd.array(spelled, dtype="string")})
    source = next(s for s in PMI_SOURCES if column in s.columns)
    staged = to_staging(source, tag(chunk, 1, Context()))
    assert staged.tables[source.id][column.target].tolist() == canonical


def test_a_spelling_outside_the_set_stays_upper_cased_for_the_gate() -> None:
    assert values.canonicalise(series("LIBUR  PANJANG", None), "purpose").values.tolist()[0] \
        == "LIBUR  PANJANG"
    column = SOURCES["imigrasi_paspor"].column("TUJUAN")
    chunk = pd.DataFrame({ROW_NUMBER: [2], "TUJUAN": pd.array(["libur  panjang"],
                                                              dtype="string")})
    staged = to_staging(SOURCES["imigrasi_paspor"], tag(chunk, 1, Context()))
    assert staged.tables["imigrasi_paspor"][column.target].tolist() == ["LIBUR PANJANG"]


def test_the_suites_value_sets_are_the_references_canonical_values() -> None:
    for source in PMI_SOURCES:
        document = json.loads((EXPECTATIONS / f"{source.id}.json").read_text(encoding="utf-8"))
        in_set = {e["kwargs"]["column"]: e["kwargs"]["value_set"]
                  for e in document["expectations"]
                  if e["type"] == "expect_column_values_to_be_in_set"}
        for column in source.columns:
            if column.value_set:
                assert in_set[column.target] == list(values.canonical_values(column.value_set))
        assert load_suite(EXPECTATIONS / f"{source.id}.json").rule("nik_format").severity \
            == "note"


def test_every_pmi_source_has_a_nik_kind_and_the_passport_feed_accumulates() -> None:
    for source in PMI_SOURCES:
        assert source.column("NIK").kind is Kind.NIK and source.column("NIK").personal
    assert [s.id for s in PMI_SOURCES] == list(SOURCES)[4:8]
    assert [s.id for s in PMI_SOURCES if s.accumulating] == ["imigrasi_paspor"]


def _placements(rows: list[dict], province: str | None = "32") -> dict:
    source = SOURCES["kp2mi_penempatan"]
    frame = pd.DataFrame({header: pd.array([row.get(header) for row in rows], dtype="string")
                          for header in source.headers})
    frame.insert(0, ROW_NUMBER, pd.array(range(2, 2 + len(rows)), dtype="int64"))
    staged = to_staging(source, tag(frame, 1, Context(province)))
    return staged.tables[source.id].astype(object).where(
        staged.tables[source.id].notna(), None).to_dict("records")


def test_origin_from_a_valid_nik_beats_the_stated_regency() -> None:
    [row] = _placements([{"NIK": WOMAN, "TGL_LAHIR": "01-01-1990", "JENIS_KELAMIN": "P",
                          "KAB_KOTA_ASAL": "KAB. CILACAP"}])
    assert row["stated_regency_code"] == "33.01"
    assert (row["nik_valid"], row["origin_regency_code"], row["origin_district_code"],
            row["origin_from"]) == (True, "32.12", "32.12.01", "nik")


def test_an_invalid_nik_falls_back_to_the_stated_regency_and_no_origin_is_null() -> None:
    rows = _placements([
        {"NIK": WOMAN, "TGL_LAHIR": "02-01-1990", "JENIS_KELAMIN": "P",
         "KAB_KOTA_ASAL": "Kabupaten Cilacap"},  # the birth date does not match
        {"NIK": None, "KAB_KOTA_ASAL": "33.01"},
        {"NIK": "321201410190000", "KAB_KOTA_ASAL": "KAB. ANTAH BERANTAH"},
        {"NIK": None, "KAB_KOTA_ASAL": None},
    ])
    assert [(r["nik_valid"], r["origin_regency_code"], r["origin_district_code"],
             r["origin_from"]) for r in rows] == [
        (False, "33.01", None, "stated"), (None, "33.01", None, "stated"),
        (False, None, None, None), (None, None, None, None)]


def test_an_invalid_nik_is_no_parse_problem_but_an_unknown_country_is() -> None:
    source = SOURCES["bp3mi_pemulangan"]
    frame = pd.DataFrame({ROW_NUMBER: [2, 3], "NIK": pd.array(["12345", None], dtype="string"),
                          "NEGARA_ASAL": pd.array(["MALAYSIA", "NEGARA API"], dtype="string")})
    staged = to_staging(source, tag(frame, 1, Context()))
    assert staged.tables[source.id]["deported_from"].tolist()[0] == "MYS"
    assert staged.problems[["row_number", "column_name", "problem"]].values.tolist() == [
        [3, "NEGARA_ASAL", "unknown_country"]]

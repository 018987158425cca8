"""Every normalisation rule of docs/sources.md, value by value."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pantau.normalise import countries, dates, identifiers, numbers, regions, sex, text


def series(*values: object) -> pd.Series:
    return pd.Series(list(values), dtype="string")


def test_dates_accept_the_three_formats_and_excel_iso_text() -> None:
    result = dates.dates(series("12-03-1985", "12/03/1985", "1985-03-12", "1985-03-12 00:00:00"))
    assert list(result.values) == [date(1985, 3, 12)] * 4
    assert result.problem.isna().all()


def test_empty_date_is_null_not_1900_and_not_a_problem() -> None:
    result = dates.dates(series("", "  ", None))
    assert list(result.values) == [None, None, None]
    assert result.problem.isna().all()


def test_impossible_or_unknown_date_is_null_with_a_problem() -> None:
    result = dates.dates(series("30-02-1980", "1985.03.12", "kemarin", "01-01-2024"))
    assert list(result.values[:3]) == [None, None, None]
    assert list(result.problem[:3]) == ["invalid_date"] * 3
    assert result.values[3] == date(2024, 1, 1)
    assert pd.isna(result.problem[3])


def test_day_first_is_never_read_month_first() -> None:
    assert dates.dates(series("05-06-2024")).values[0] == date(2024, 6, 5)


def test_passport_numbers_compare_without_spaces_dots_dashes() -> None:
    result = identifiers.passport(series("e 1234 5678", "EA-987.6543", " ", None))
    assert list(result.values[:2]) == ["E12345678", "EA9876543"]
    assert result.values[2:].isna().all()


def test_digits_keep_leading_zeros() -> None:
    assert list(identifiers.digits(series("01262", "9120 0012 34567", "62.03")).values) == [
        "01262", "9120001234567", "6203"]


@pytest.mark.parametrize(
    ("written", "iso3"),
    [
        ("CHN", "CHN"), ("CN", "CHN"), ("TIONGKOK", "CHN"), ("Republik Rakyat Tiongkok", "CHN"),
        ("RRT", "CHN"), ("CHINA", "CHN"), ("KOREA SELATAN", "KOR"), ("Korea, Republic of", "KOR"),
        ("AMERIKA SERIKAT", "USA"), ("AS", "USA"), ("FILIPINA", "PHL"), ("JEPANG", "JPN"),
        ("INDIA", "IND"), ("MALAYSIA", "MYS"), ("Viet Nam", "VNM"), ("  jerman ", "DEU"),
        ("Türkiye", "TUR"), ("Côte d'Ivoire", "CIV"),
    ],
)
def test_nationality_to_alpha3(written: str, iso3: str) -> None:
    result = countries.nationalities(series(written))
    assert result.values[0] == iso3
    assert pd.isna(result.problem[0])


def test_unknown_nationality_is_a_problem_not_a_guess() -> None:
    result = countries.nationalities(series("NARNIA", "", None))
    assert result.values.isna().all()
    assert list(result.problem.fillna("-")) == ["unknown_nationality", "-", "-"]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("KAB. KAPUAS", "62.03"), ("Kabupaten Kapuas", "62.03"), ("KOTA PALANGKA RAYA", "62.71"),
        ("Palangkaraya", "62.71"), ("KAB. BEKASI", "32.16"), ("Kota Bekasi", "32.75"),
        ("KAB. KEP. SERIBU", "31.01"), ("Kota Adm. Jakarta Pusat", "31.71"),
        ("Toli-Toli", "72.04"), ("Morowali", "72.06"), ("62.03", "62.03"), ("6203", "62.03"),
    ],
)
def test_region_names_to_kemendagri_codes(written: str, code: str) -> None:
    result = regions.regencies(series(written))
    assert result.values[0] == code


def test_shared_region_name_is_ambiguous_unless_the_province_decides() -> None:
    assert regions.regencies(series("Bekasi")).problem[0] == regions.AMBIGUOUS
    assert regions.regencies(series("Banjar")).problem[0] == regions.AMBIGUOUS
    assert regions.regencies(series("Banjar"), province="63").values[0] == "63.03"
    assert regions.regencies(series("Banjar"), province="32").values[0] == "32.79"


def test_unknown_region_is_a_problem() -> None:
    result = regions.regencies(series("KAB. ATLANTIS", "99.99"))
    assert result.values.isna().all()
    assert list(result.problem) == [regions.UNKNOWN, regions.UNKNOWN]


def test_split_siak_codes_to_regency_and_district() -> None:
    regency, district = regions.siak_codes(series("62", "62", "62", "99"),
                                           series("3", "03", "71", "1"),
                                           series("1", "01", "", "1"))
    assert list(regency.values.fillna("-")) == ["62.03", "62.03", "62.71", "-"]
    assert list(district.fillna("-")) == ["62.03.01", "62.03.01", "-", "-"]
    assert list(regency.problem.fillna("-")) == ["-", "-", "-", regions.UNKNOWN]


@pytest.mark.parametrize(("written", "code"), [("L", "L"), ("P", "P"), ("M", "L"), ("F", "P"),
                                               ("1", "L"), ("2", "P"), (" l ", "L")])
def test_sex_codes(written: str, code: str) -> None:
    assert sex.sex(series(written)).values[0] == code


def test_unknown_sex_code_is_a_problem() -> None:
    assert sex.sex(series("X")).problem[0] == "invalid_sex_code"


def test_integers_accept_excel_floats_and_reject_fractions() -> None:
    result = numbers.integers(series("12", "12.0", "1.5", "dua", "99999999999"))
    assert list(result.values[:2]) == [12, 12]
    assert list(result.problem[2:]) == ["not_an_integer"] * 3


def test_amounts_in_both_grouping_conventions() -> None:
    result = numbers.amounts(series("1.200,00", "1,200.00", "USD 1200", "1500,5", "$300", "x"))
    assert list(result.values[:5]) == [1200.0, 1200.0, 1200.0, 1500.5, 300.0]
    assert result.problem[5] == "not_an_amount"


def test_codes_are_upper_case_with_tidy_spaces() -> None:
    assert list(text.code(series(" aktif ", "alih_status", "Alih  Status")).values) == [
        "AKTIF", "ALIH STATUS", "ALIH STATUS"]
    assert text.compact_code(series("e 23", "E28A")).values.tolist() == ["E23", "E28A"]


def test_text_collapses_whitespace_and_empty_is_null() -> None:
    result = text.text(series("  WANG\u00a0 LEI ", "   "))
    assert result.values[0] == "WANG LEI"
    assert pd.isna(result.values[1])


def test_column_normalisation_remembers_answers_and_accepts_an_all_empty_column() -> None:
    from pantau.sources.catalog import SOURCES
    from pantau.sources.staging import Context, normalise_column

    amount = SOURCES["tenaga_kerja_tka"].column("DKPTKA_USD")
    empty = normalise_column(amount, series(None, None), Context())
    assert empty.values.isna().all() and empty.problem.isna().all()
    born = SOURCES["imigrasi_izin_tinggal"].column("TANGGAL_LAHIR")
    first = normalise_column(born, series("12-03-1985", "31-02-1985", None), Context())
    again = normalise_column(born, series("31-02-1985", "12-03-1985"), Context())
    assert first.values.tolist()[:2] == [date(1985, 3, 12), None]
    assert first.problem.tolist()[1] == "invalid_date"
    assert again.values.tolist() == [None, date(1985, 3, 12)]
    assert again.problem.tolist()[0] == "invalid_date"


def test_rows_of_files_from_two_provinces_resolve_regencies_under_their_own_province() -> None:
    """Kota Banjar (West Java) and Kabupaten Banjar (South Kalimantan) in one grouped chunk."""
    from pantau.sources.catalog import SOURCES
    from pantau.sources.readers import ROW_NUMBER
    from pantau.sources.staging import Context, tag, to_staging

    def rows(*names: str) -> pd.DataFrame:
        return pd.DataFrame({ROW_NUMBER: range(2, 2 + len(names)),
                             "LOKASI_KERJA": pd.array(names, dtype="string")})

    chunk = pd.concat([tag(rows("BANJAR", "KOTA BOGOR"), 7, Context("32")),
                       tag(rows("BANJAR; KAB. TABALONG"), 8, Context("63")),
                       tag(rows("BANJAR"), 9, Context())], ignore_index=True)
    staged = to_staging(SOURCES["tenaga_kerja_tka"], chunk)
    locations = staged.tables["tenaga_kerja_tka_lokasi"]
    assert list(zip(locations["batch_id"], locations["row_number"], locations["location_seq"],
                    locations["regency_code"].astype(object).where(
                        locations["regency_code"].notna(), None), strict=True)) == [
        (7, 2, 1, "32.79"), (7, 3, 1, "32.71"), (8, 2, 1, "63.03"), (8, 2, 2, "63.09"),
        (9, 2, 1, None)]
    assert staged.problems[["batch_id", "row_number", "problem"]].values.tolist() == [
        [9, 2, "ambiguous_region"]]

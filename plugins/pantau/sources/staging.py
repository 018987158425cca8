"""Turn a chunk of raw text rows into typed staging rows and parse problems.

The staging table of a source has one typed column per export column (named
by :attr:`Column.target`), plus derived columns: the regency and district codes
SIAK splits over three numbers, one row per work location in the
``<source>_lokasi`` table for RPTKA positions that list several, and for the
PMI exports whether the NIK is valid and the origin it (or the stated
regency) gives. A code column with a value set has the field's spellings
made canonical (:mod:`pantau.normalise.values`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

import pandas as pd

from pantau.normalise import (
    countries,
    dates,
    identifiers,
    nik,
    numbers,
    regions,
    sex,
    text,
    values,
)
from pantau.normalise.result import Normalised, on_distinct
from pantau.sources.readers import ROW_NUMBER
from pantau.sources.spec import Column, Kind, Source

PROBLEM_COLUMNS = ["batch_id", "row_number", "column_name", "problem", "detail"]

_NORMALISERS: dict[Kind, Callable[[pd.Series], Normalised]] = {
    Kind.TEXT: text.text,
    Kind.CODE: text.code,
    Kind.COMPACT_CODE: text.compact_code,
    Kind.DOCUMENT_NUMBER: identifiers.document_number,
    Kind.DATE: dates.dates,
    Kind.PASSPORT: identifiers.passport,
    Kind.DIGITS: identifiers.digits,
    Kind.NIK: nik.nik,
    Kind.NATIONALITY: countries.nationalities,
    Kind.COUNTRY: countries.countries,
    Kind.SEX: sex.sex,
    Kind.INTEGER: numbers.integers,
    Kind.AMOUNT: numbers.amounts,
    Kind.REGENCY_LIST: text.text,  # the list text itself; codes go to the location table
}


BATCH_ID = "_batch_id"  # the batch of each row: one chunk may hold several files
PROVINCE = "_province"  # the province its file name gives, if any (breaks regency ties)


@dataclass(frozen=True)
class Context:
    """What a file name tells about the rows of one file."""

    province: str | None = None  # breaks ties between same-named regencies

    @classmethod
    def for_scope(cls, scope: str | None) -> Context:
        """The context a file's scope (office, province or regency code) gives."""
        scope = (scope or "").strip()
        province = scope[:2] if scope[:2] in regions.region_index().provinces else None
        return cls(province=province)


def tag(chunk: pd.DataFrame, batch_id: int, context: Context) -> pd.DataFrame:
    """``chunk`` with the columns :func:`to_staging` reads its batch and province from."""
    return chunk.assign(**{BATCH_ID: batch_id,
                           PROVINCE: pd.Series(context.province, index=chunk.index,
                                               dtype="string")})


@dataclass
class StagingChunk:
    """Frames to COPY, keyed by staging table name (without schema)."""

    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=PROBLEM_COLUMNS))


def _problem_rows(
    result: Normalised, raw: pd.Series, column: Column, row_numbers: pd.Series,
    batch_ids: pd.Series,
) -> pd.DataFrame:
    failed = result.problem.notna()
    if not failed.any():
        return pd.DataFrame(columns=PROBLEM_COLUMNS)
    # Personal values never leave the raw layer, not even in a problem note.
    detail = pd.NA if column.personal else raw[failed].str.slice(0, 200)
    return pd.DataFrame({
        "batch_id": batch_ids[failed],
        "row_number": row_numbers[failed],
        "column_name": column.header,
        "problem": result.problem[failed],
        "detail": detail,
    })


def _normalise(column: Column, values: pd.Series, context: Context) -> Normalised:
    if column.kind is Kind.REGENCY:
        return regions.regencies(values, context.province)
    return _NORMALISERS[column.kind](values)


# Kinds whose texts repeat across files (codes, nationalities, regencies, dates):
# their answers are remembered for the life of the process, so a national
# ingest of thousands of files parses each distinct date or name once.
_REMEMBERED = {Kind.CODE, Kind.COMPACT_CODE, Kind.DATE, Kind.NATIONALITY, Kind.COUNTRY,
               Kind.REGENCY, Kind.SEX, Kind.INTEGER, Kind.AMOUNT}
_REMEMBER_LIMIT = 100_000  # distinct texts per kind before the memory starts afresh
_answers: dict[tuple[Kind, str | None], dict[str, tuple[object, object]]] = {}
_answer_types: dict[tuple[Kind, str | None], tuple[object, object]] = {}


def _remembered(column: Column, distinct: pd.Series, context: Context) -> pd.DataFrame:
    key = (column.kind, context.province if column.kind is Kind.REGENCY else None)
    known = _answers.setdefault(key, {})
    texts = distinct.tolist()
    new = [text for text in texts if text not in known]
    if new:
        if len(known) + len(new) > _REMEMBER_LIMIT:
            known.clear()
            new = texts  # the texts seen before are forgotten too: answer them afresh
        result = _normalise(column, pd.Series(new, dtype="string"), context)
        _answer_types[key] = (result.values.dtype, result.problem.dtype)
        known.update(zip(new, zip(result.values.tolist(), result.problem.tolist(), strict=True),
                         strict=True))
    value_type, problem_type = _answer_types[key]
    answers = [known[text] for text in texts]
    return pd.DataFrame({
        "value": pd.array([answer[0] for answer in answers], dtype=value_type),
        "problem": pd.array([answer[1] for answer in answers], dtype=problem_type),
    })


def normalise_column(column: Column, values: pd.Series, context: Context) -> Normalised:
    """Normalise each distinct text once, remembering the answers for repeating kinds."""
    def on_texts(distinct: pd.Series) -> pd.DataFrame:
        # An all-empty column has no text to remember (nor an answer type yet).
        if column.kind in _REMEMBERED and not distinct.empty:
            return _remembered(column, distinct, context)
        result = _normalise(column, distinct, context)
        return pd.DataFrame({"value": result.values, "problem": result.problem})

    frame = on_distinct(values, on_texts)
    result = Normalised(frame["value"], frame["problem"])
    if column.value_set is not None:  # the field's spellings of a value made canonical
        result = Normalised(values_canonical(result.values, column.value_set), result.problem)
    return result


def values_canonical(codes: pd.Series, value_set: str) -> pd.Series:
    """``codes`` with the value set's known spellings made canonical."""
    return values.canonicalise(codes, value_set).values


def _per_province(values: pd.Series, provinces: pd.Series,
                  normalise: Callable[[pd.Series, Context], Normalised]) -> Normalised:
    """Normalise ``values`` under each row's province (one call per province present)."""
    def context(province: object) -> Context:
        return Context(None if pd.isna(province) else str(province))

    present = provinces.unique()
    if len(present) <= 1:  # none: no rows (every work location empty), nothing to split
        return normalise(values, context(present[0] if len(present) else None))
    results = []
    for province in present:
        rows = provinces.isna() if pd.isna(province) else provinces.eq(province).fillna(False)
        results.append(normalise(values[rows], context(province)))
    return Normalised(pd.concat([r.values for r in results]).reindex(values.index),
                      pd.concat([r.problem for r in results]).reindex(values.index))


def to_staging(source: Source, chunk: pd.DataFrame) -> StagingChunk:
    """Normalise every known column present in ``chunk``; derive the extra columns.

    ``chunk`` carries each row's batch and province (see :func:`tag`), so the
    rows of many small files are normalised in one pass.
    """
    row_numbers, batch_ids = chunk[ROW_NUMBER], chunk[BATCH_ID]
    staged = pd.DataFrame({"batch_id": batch_ids, "row_number": row_numbers})
    problems = []
    for column in source.columns:
        if column.header not in chunk or not column.staged:
            continue
        values = chunk[column.header]
        if column.kind is Kind.REGENCY:
            result = _per_province(values, chunk[PROVINCE], partial(normalise_column, column))
        else:
            result = normalise_column(column, values, Context())
        staged[column.target] = result.values
        problems.append(_problem_rows(result, values, column, row_numbers, batch_ids))
    out = StagingChunk(tables={source.id: staged})
    for derive in _DERIVED.get(source.id, ()):
        problems.append(derive(source, chunk, out))
    problems = [frame for frame in problems if not frame.empty]
    if problems:
        out.problems = pd.concat(problems, ignore_index=True)
    return out


# ------------------------------------------------------------------ derivations


def _siak_regions(source: Source, chunk: pd.DataFrame, out: StagingChunk) -> pd.DataFrame:
    """Dukcapil: NO_PROP + NO_KAB (+ NO_KEC) to regency and district codes."""
    district = chunk.get("NO_KEC", None)
    regency, district_code = regions.siak_codes(chunk["NO_PROP"], chunk["NO_KAB"], district)
    staged = out.tables[source.id]
    staged["regency_code"] = regency.values
    staged["district_code"] = district_code
    raw = chunk["NO_PROP"].fillna("") + "/" + chunk["NO_KAB"].fillna("")
    return _problem_rows(regency, raw, source.column("NO_KAB"), chunk[ROW_NUMBER],
                         chunk[BATCH_ID])


def _work_locations(source: Source, chunk: pd.DataFrame, out: StagingChunk) -> pd.DataFrame:
    """RPTKA: LOKASI_KERJA may list several regencies separated by ';'."""
    listed = text.squish(chunk["LOKASI_KERJA"]).str.split(" *; *", regex=True)
    long = pd.DataFrame({"batch_id": chunk[BATCH_ID], "row_number": chunk[ROW_NUMBER],
                         "province": chunk[PROVINCE], "location_name": listed})
    long = long.explode("location_name")
    long["location_name"] = text.squish(long["location_name"].astype("string"))
    long = long[long["location_name"].notna()].reset_index(drop=True)
    long["location_seq"] = long.groupby(["batch_id", "row_number"]).cumcount() + 1
    resolved = _per_province(long["location_name"], long["province"],
                             lambda names, context: regions.regencies(names, context.province))
    out.tables[f"{source.id}_lokasi"] = pd.DataFrame({
        "batch_id": long["batch_id"],
        "row_number": long["row_number"],
        "location_seq": long["location_seq"],
        "location_name": long["location_name"],
        "regency_code": resolved.values,
    })
    return _problem_rows(resolved, long["location_name"], source.column("LOKASI_KERJA"),
                         long["row_number"], long["batch_id"])


ORIGIN_COLUMNS = ("nik_valid", "origin_regency_code", "origin_district_code", "origin_from")
# What the origin is derived from: a correction of one of these must derive it again.
ORIGIN_INPUTS = ("nik", "birth_date", "sex", "stated_regency_code")


def origin(niks: pd.Series, birth_dates: pd.Series, sexes: pd.Series,
           stated: pd.Series) -> pd.DataFrame:
    """The PMI derived columns (:data:`ORIGIN_COLUMNS`) from staged values.

    ``nik_valid`` from the NIK check; the origin regency from a valid NIK, else
    the stated regency; the district only from a valid NIK whose district
    exists; ``origin_from`` says which gave the origin (``nik``, ``stated``) or
    NULL when neither did.
    """
    checked = nik.check(niks, birth_dates, sexes)
    stated = stated.astype("string")
    from_nik = checked.regency_code.notna()
    origin_from = pd.Series(pd.NA, index=niks.index, dtype="string")
    origin_from[stated.notna().to_numpy()] = "stated"
    origin_from[from_nik.to_numpy()] = "nik"
    return pd.DataFrame({
        "nik_valid": checked.valid,
        "origin_regency_code": checked.regency_code.where(from_nik, stated),
        "origin_district_code": checked.district_code,
        "origin_from": origin_from,
    }, index=niks.index)


def _pmi_origin(source: Source, chunk: pd.DataFrame, out: StagingChunk) -> pd.DataFrame:
    """PMI: is the NIK valid, and the holder's origin (:func:`origin`).

    An invalid NIK is no parse problem: the gate notes it (``nik_format``)
    and the row falls back to its stated regency.
    """
    staged = out.tables[source.id]

    def column(name: str) -> pd.Series:  # a column the file lacked is all NA
        return staged[name] if name in staged else pd.Series(pd.NA, index=staged.index,
                                                             dtype="string")

    derived = origin(*(column(name) for name in ORIGIN_INPUTS))
    for name in ORIGIN_COLUMNS:
        staged[name] = derived[name]
    return pd.DataFrame(columns=PROBLEM_COLUMNS)


def _site_districts(source: Source, chunk: pd.DataFrame, out: StagingChunk) -> pd.DataFrame:
    """TIMPORA: the KECAMATAN name to its Kemendagri code within the visit's regency.

    An empty, unknown or ambiguous name leaves the code NULL: the district is
    a detail of the site, not a reason to hold the row.
    """
    staged = out.tables[source.id]
    names = chunk["KECAMATAN"] if "KECAMATAN" in chunk else pd.Series(
        pd.NA, index=chunk.index, dtype="string")
    staged["district_code"] = regions.district_codes(staged["regency_code"], names)
    return pd.DataFrame(columns=PROBLEM_COLUMNS)


_DERIVED = {
    "dukcapil_orang_asing": (_siak_regions,),
    "tenaga_kerja_tka": (_work_locations,),
    "kp2mi_penempatan": (_pmi_origin,),
    "imigrasi_paspor": (_pmi_origin,),
    "imigrasi_penundaan": (_pmi_origin,),
    "bp3mi_pemulangan": (_pmi_origin,),
    "timpora_operasi": (_site_districts,),
}
# The sources whose staging rows carry the derived origin (ORIGIN_COLUMNS).
ORIGIN_SOURCES = frozenset(source for source, derive in _DERIVED.items()
                           if _pmi_origin in derive)

"""Declarative description of an agency export (one per source of docs/sources.md)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a column is normalised on its way from raw text to staging."""

    TEXT = "text"  # names, addresses, titles: whitespace tidied
    CODE = "code"  # enumerations: upper case
    COMPACT_CODE = "compact_code"  # codes written without spaces (E23)
    DOCUMENT_NUMBER = "document_number"  # permit / approval numbers
    DATE = "date"
    PASSPORT = "passport"
    DIGITS = "digits"  # NIB, KBLI, SIAK numbers (a foreigner's NIK): digits kept as text
    NIK = "nik"  # an Indonesian's population number: digits kept, checked by a derivation
    NATIONALITY = "nationality"
    COUNTRY = "country"  # a destination or origin country: NATIONALITY's resolver
    REGENCY = "regency"  # one regency/city name
    REGENCY_LIST = "regency_list"  # several names separated by ';'
    SEX = "sex"
    INTEGER = "integer"
    AMOUNT = "amount"


@dataclass(frozen=True)
class Column:
    """One column of an export: its header, its staging column and its rules."""

    header: str  # as the export writes it, upper case
    target: str  # staging column name
    kind: Kind
    required: bool = True
    personal: bool = False  # never echoed into logs, problems or reports
    # A CODE column's value set (``field`` of reference/value_spellings.csv): the
    # field's spellings become the set's canonical values; others stay, for the gate.
    value_set: str | None = None
    # False: the value stays in raw (and never reaches staging): free text that may
    # hold names of persons (TIMPORA's KETERANGAN), which no check or figure reads.
    staged: bool = True

    @property
    def raw_name(self) -> str:
        """Column name in the raw table: the header in lower case."""
        return self.header.lower()


@dataclass(frozen=True)
class Source:
    """An agency export: landing folder, file naming, format and columns."""

    id: str  # landing folder and raw/staging table name
    title: str
    file_prefix: str  # file names look like <prefix>_<scope>_<YYYYMMDD>.<ext>
    file_format: str  # "csv" or "xlsx"
    scope: str  # what the <scope> part of the file name names
    columns: tuple[Column, ...]
    delimiter: str = ","
    sheet_name: str | None = None
    # A delta feed: each delivery holds what changed since the scope's previous one,
    # so deliveries add up instead of replacing each other (docs/sources.md).
    accumulating: bool = False

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns)

    @property
    def required_headers(self) -> tuple[str, ...]:
        return tuple(column.header for column in self.columns if column.required)

    def column(self, header: str) -> Column:
        return next(column for column in self.columns if column.header == header)

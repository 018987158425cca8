"""The personal values of delivered exports, in every form they could leak in, and the scan.

Shared by the sweeps that look for personal data where it must not be: the
demo cycle's logs, outputs and readable tables (``tests/e2e/test_no_pii_in_logs.py``),
core and the marts (``tests/integration/test_reconcile_demo.py``) and the
database after retention (``tests/integration/test_pii_retention.py``).

A value is looked for as written and as Pantau turns it into something it
stores or compares, since any of those may be what escapes: the staging
value of its column (a passport without spaces, dots or dashes; a date in
ISO form, whichever way the file wrote it), any identifier with every
separator removed, and a name as the build keys it (letters only, upper
case: ``pii.pmi_identity`` holds ``NAME|birth date|origin``). The scan is
case-blind and word-bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import pairwise
from pathlib import Path

import pandas as pd

from pantau.sources.catalog import SOURCES
from pantau.sources.readers import open_table
from pantau.sources.spec import Column, Kind, Source
from pantau.sources.staging import Context, normalise_column

SHORTEST = 5  # shorter values (a planted 3-letter passport) would match by chance
IDENTIFIER_KINDS = {Kind.PASSPORT, Kind.DIGITS, Kind.DOCUMENT_NUMBER, Kind.NIK}
_SEPARATORS = r"[\s./-]"
_RUN = re.compile(r"[A-Z0-9]+")
_ALNUM = re.compile(r"[A-Z0-9]")


def is_name(column: Column) -> bool:
    """A person's name (NAMA, NAMA_LENGKAP, NAMA_TKA ...), not an employer's or agency's."""
    return column.personal and column.kind is Kind.TEXT and column.target.endswith("name")


def forms(values: pd.Series, column: Column) -> set[str]:
    """Every form of one column's values that could leak (upper case), shorter ones left out."""
    texts = pd.Series(values.dropna().astype(str).unique(), dtype="string")
    texts = texts[texts.str.strip() != ""].reset_index(drop=True)
    if texts.empty:
        return set()
    written = texts.str.strip().str.upper()
    found = set(written)
    stored = normalise_column(column, texts, Context()).values.dropna()
    found |= {str(value).upper() for value in stored}
    if column.kind in IDENTIFIER_KINDS:
        found |= set(written.str.replace(_SEPARATORS, "", regex=True))
    if is_name(column):
        found |= {"".join(ch for ch in name if ch.isalpha()) for name in written}
    return {form for form in found if len(form) >= SHORTEST}


class Collector:
    """Forms of personal values by column header, and of every value of other columns."""

    def __init__(self) -> None:
        self.texts: dict[tuple[str, str], list[pd.Series]] = {}

    def add(self, source: Source, frame: pd.DataFrame) -> None:
        """One frame of ``source``'s rows, its columns named by the export's headers."""
        for column in source.columns:
            if column.header in frame:
                self.texts.setdefault((source.id, column.header), []).append(
                    frame[column.header].dropna().astype(str))

    def personal(self, headers: set[str] | None = None) -> dict[str, set[str]]:
        """Header -> every form of its personal values (only ``headers``, if given).

        A form that also stands in a column that is not personal (a birth date
        equal to some issue date, a name that is also an agency's) is dropped:
        finding it would say nothing.
        """
        personal: dict[str, set[str]] = {}
        public: set[str] = set()
        for (source_id, header), parts in self.texts.items():
            column = SOURCES[source_id].column(header)
            found = forms(pd.concat(parts, ignore_index=True), column)
            if not column.personal:
                public |= found
            elif headers is None or header in headers:
                personal.setdefault(header, set()).update(found)
        return {header: found - public for header, found in personal.items()}


    def every(self) -> set[str]:
        """The forms of every value added, personal or not."""
        return set().union(*(forms(pd.concat(parts, ignore_index=True),
                                   SOURCES[source_id].column(header))
                             for (source_id, header), parts in self.texts.items()))


# Tables filled from Pantau's reference files (and the calendar), never from a delivery:
# a person's one-word name that is also a district's ("MAYANG") says nothing there.
REFERENCE_TABLES = ("core.dim_region", "core.dim_district", "core.dim_country",
                    "core.dim_occupation", "core.dim_permit_type", "core.dim_date",
                    "core.pmi_destination_rule")


def without_reference(personal: dict[str, set[str]], conn) -> dict[str, set[str]]:
    """``personal`` less the forms the reference tables hold (as public values are left out)."""
    texts = {table: "\n".join(row for (row,) in conn.execute(f"SELECT t::text FROM {table} AS t"))
             for table in REFERENCE_TABLES}
    public = {tuple(hit.split(": ", 2)[1:]) for hit in find_personal(texts, personal)}
    return {header: {form for form in found if (header, form) not in public}
            for header, found in personal.items()}


def landing_values(landing: Path) -> dict[str, set[str]]:
    """Every personal value of the files under a landing folder, by column header."""
    collector = Collector()
    for source in SOURCES.values():
        for path in sorted((landing / source.id).rglob(f"*.{source.file_format}")):
            for chunk in open_table(path, source).chunks:
                collector.add(source, chunk)
    return collector.personal()


def raw_frame(conn, source: Source, where: str, params: Iterable) -> pd.DataFrame:
    """``source``'s raw rows (as delivered) matching ``where``, columns named by header."""
    names = ", ".join(c.raw_name for c in source.columns)
    cursor = conn.execute(f"SELECT {names} FROM raw.{source.id} WHERE {where}", tuple(params))
    return pd.DataFrame(cursor.fetchall(), columns=[c.header for c in source.columns],
                        dtype="string")


def find_personal(texts: dict[str, str], personal: dict[str, set[str]],
                  only: set[str] | None = None) -> list[str]:
    """``where: column: value`` for each personal value found in a text (word-bounded).

    A word-bounded match of a form is its runs of letters and digits standing as whole,
    consecutive runs of the text. So the forms are indexed by their first run once, and
    a text is searched only for the forms whose first run it has, whose other runs and
    pairs of neighbouring runs it has too; a form of one run is found exactly when the
    text has that run. (The PMI exports bring hundreds of thousands of forms, a
    database tens of MB of text.)
    """
    by_first: dict[str, list[tuple[str, str, list[str]]]] = {}
    for header, found in personal.items():
        if only is not None and header not in only:
            continue
        for form in found:
            parts = _RUN.findall(form)
            by_first.setdefault(parts[0] if parts else "", []).append((header, form, parts))
    hits = []
    for where, text in texts.items():
        upper = text.upper()
        sequence = _RUN.findall(upper)
        runs = set(sequence)
        pairs: set[tuple[str, str]] | None = None
        for first in sorted(runs & by_first.keys() | ({""} & by_first.keys())):
            for header, form, parts in by_first[first]:
                if not parts:
                    if form in upper:
                        hits.append(f"{where}: {header}: {form}")
                    continue
                if len(parts) > 1:
                    pairs = set(pairwise(sequence)) if pairs is None else pairs
                    if any(part not in runs for part in parts) or any(
                            pair not in pairs for pair in pairwise(parts)):
                        continue
                if parts == [form] or _bounded(upper, form):
                    hits.append(f"{where}: {header}: {form}")
    return sorted(hits)


def _bounded(text: str, form: str) -> bool:
    """Whether ``form`` stands in ``text`` with no letter or digit either side."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if not (at and _ALNUM.match(text, at - 1)) and not _ALNUM.match(text, end):
            return True
        at = text.find(form, at + 1)
    return False

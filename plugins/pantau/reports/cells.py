"""Spreadsheet cells that cannot run: the one rule every XLSX or CSV writer of Pantau applies.

Names, file names and other text in the reports come from agency exports that
Pantau does not control. A spreadsheet treats a cell typed or imported as
``=HYPERLINK(...)``, ``+cmd|' /C calc'!A0`` or ``@SUM(...)`` as a formula
(OWASP "CSV Injection"), so such text must reach the user as text.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

# OWASP's list: the characters a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A bare number or dash ("-12", "+62", "1.234,5", "-"): no formula can hide in it.
_PLAIN_NUMBER = re.compile(r"[+-]?(\d[\d.,]*)?")


def neutralise(text: str) -> str:
    """``text`` with an apostrophe in front when a spreadsheet could take it for a formula.

    OWASP's advice: the apostrophe makes Excel and LibreOffice keep the cell as
    text on CSV import, and it survives a workbook being saved again as CSV or a
    cell being edited, where an XLSX text cell alone would come back to life.
    Plain numbers and dashes are left as they are: they cannot run anything.
    """
    if text.startswith(FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def cell(value: object) -> int | float | str:
    """A value as a cell holds it: finite numbers stay numbers, everything else neutral text.

    A negative number is a number, not text: only strings are neutralised.
    """
    if isinstance(value, Decimal) and value.is_finite():
        value = int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
        return value
    return neutralise("" if value is None else str(value))


def csv_row(values: list[object]) -> list[int | float | str]:
    """One CSV row of neutral cells, for ``csv.writer(...).writerow``."""
    return [cell(value) for value in values]

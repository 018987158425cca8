"""Write Tables the way the agencies' systems do: CSV with their encodings, XLSX workbooks.

Both writers are deterministic: the same Table gives the same bytes (XLSX
document properties carry the snapshot date, not the time of writing).
"""

from __future__ import annotations

import csv
import math
from datetime import date, datetime
from pathlib import Path

from pantau.tools.demo.render import Table

SHEET = "DATA TKA"


def write_csv(table: Table, root: Path, delimiter: str) -> Path:
    path = root / table.path
    path.parent.mkdir(parents=True, exist_ok=True)
    table.frame.to_csv(path, sep=delimiter, index=False, encoding=table.encoding,
                       lineterminator=table.newline, quoting=csv.QUOTE_MINIMAL)
    return path


def xlsx_job(table: Table, root: Path, created: date) -> tuple:
    """The picklable arguments of :func:`write_xlsx` (run in a worker process)."""
    headers = list(table.frame.columns)
    stripped = [h.strip().upper() for h in headers]
    return (str(root / table.path), table.title, headers,
            table.frame.to_numpy(dtype=object).tolist(),
            [i for i, h in enumerate(stripped) if h in table.date_columns],
            [i for i, h in enumerate(stripped) if h in table.number_columns], created,
            table.sheet or SHEET, table.author or "Disnakertrans")


def write_xlsx(path: str, title: list[str], headers: list[str], rows: list[list],
               date_columns: list[int], number_columns: list[int], created: date,
               sheet_name: str = SHEET, author: str = "Disnakertrans") -> str:
    import xlsxwriter

    Path(path).parent.mkdir(parents=True, exist_ok=True)
    workbook = xlsxwriter.Workbook(path, {"constant_memory": True})
    workbook.set_properties({"created": datetime(created.year, created.month, created.day),
                             "author": author, "title": sheet_name})
    sheet = workbook.add_worksheet(sheet_name)
    day_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
    bold = workbook.add_format({"bold": True})
    row_number = 0
    for line in title:
        if line:
            sheet.write_string(row_number, 0, line, bold)
        row_number += 1
    for column, header in enumerate(headers):
        sheet.write_string(row_number, column, header, bold)
    row_number += 1
    dates, numbers = set(date_columns), set(number_columns)
    write_string, write_number, write_datetime = (sheet.write_string, sheet.write_number,
                                                  sheet.write_datetime)
    for values in rows:
        for column, value in enumerate(values):
            if value is None or (isinstance(value, float) and math.isnan(value)):
                continue
            if column in dates and isinstance(value, date):
                write_datetime(row_number, column,
                               datetime(value.year, value.month, value.day), day_format)
            elif column in numbers and not isinstance(value, str):
                write_number(row_number, column, int(value))
            else:
                write_string(row_number, column, str(value))
        row_number += 1
    workbook.close()
    return path

"""Cells of the spreadsheets the program exports: data is text, never a formula.

A counterparty typed as ``=HYPERLINK("http://x", "点我")`` or ``+cmd|' /C calc'!A0`` on a bank
statement is data. Written naively it becomes a live formula in the auditor's Excel (CSV/formula
injection). Every export writes its cells through this module:

- in an .xlsx, every string is a string cell (its type set explicitly, so openpyxl does not
  turn ``=...`` into a formula or ``#N/A`` into an error value); numbers, dates and Decimals
  stay numeric cells;
- in a CSV, which has no cell types, a value that a spreadsheet would evaluate (starting with
  ``= + - @``, a tab or a carriage return) gets a leading apostrophe, as OWASP recommends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

# What makes a spreadsheet read a typed value as a formula (OWASP, "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Characters an .xlsx cannot hold (XML 1.0 forbids them): shown as U+FFFD, not refused.
_NOT_IN_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
REPLACEMENT = "\ufffd"

Value = object  # str, int, Decimal, date, None, ...


def csv_cell(value: Value) -> Value:
    """The value to give a CSV writer: a formula-like string neutralised, anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_row(values: Iterable[Value]) -> list[Value]:
    return [csv_cell(v) for v in values]


def append_row(ws: Worksheet, values: Sequence[Value]) -> int:
    """Append *values* to *ws* as data (strings as string cells); the new row's number.

    The cells are made here and typed before they are appended. (Not ``ws.max_row``
    afterwards: openpyxl computes it over every cell, which makes a long export quadratic.)
    """
    from openpyxl.cell.cell import Cell

    cells = []
    for value in values:
        cell = Cell(ws, value=_xlsx_value(value))
        if isinstance(value, str):
            cell.data_type = "s"
        cells.append(cell)
    ws.append(cells)
    if not cells:
        return int(ws.max_row)
    return int(cells[0].row)


def _xlsx_value(value: Value) -> Value:
    if isinstance(value, str):
        return _NOT_IN_XLSX.sub(REPLACEMENT, value)
    return value

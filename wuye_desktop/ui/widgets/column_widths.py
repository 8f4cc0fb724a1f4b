"""Column widths that fit what the columns hold, in the font the desk actually has.

Fixed pixel widths were chosen on one machine: with another font or a larger size, 出具时间 and
责任单位 were cut to "…" while a status column took half the table. Short lists (commitments, a
household's close-out items) are measured as they are; a million-row list is measured on
sample texts of each column's widest usual value.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QHeaderView, QTableView

PADDING = 24  # the cell's margins and a sort indicator's room
WIDEST = 360  # no column but the stretching one grows past this; its text is in the tooltip


def fit_columns(table: QTableView, *, stretch: int, widest: int = WIDEST) -> None:
    """Every column as wide as its header and the rows in view (at most *widest*), and column
    *stretch* (a description) taking the room that is left."""
    model = table.model()
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    # The rows in view only (Qt's default measures up to 1,000 rows per column, on the GUI
    # thread, at every refresh of the list: 100 ms and more on a busy machine).
    header.setResizeContentsPrecision(0)
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        table.resizeColumnToContents(column)
        table.setColumnWidth(column, min(table.columnWidth(column), widest))


def sample_widths(table: QTableView, samples: Mapping[int, str]) -> None:
    """Columns as wide as their header or their *samples* text, whichever is wider (for lists
    too long to measure row by row)."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader()
    head_metrics = header.fontMetrics()
    model = table.model()
    for column, text in samples.items():
        title = str(model.headerData(column, header.orientation()) or "")
        need = max(metrics.horizontalAdvance(text), head_metrics.horizontalAdvance(title))
        table.setColumnWidth(column, need + PADDING)

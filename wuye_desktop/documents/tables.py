"""Lists that flow over several pages and never end a page on a header row with nothing under it.

reportlab's Table, when only its header and a sliver of the first row fit at the foot of a
page, splits *inside* that row (``splitInRow``); a row of one-line cells cannot be cut, so the
cut leaves every cell's text for the next page and the page ends on the header above an empty
band. :class:`ListTable` refuses such a split: the whole table moves to the next page instead.
A split that leaves the continuation only an empty remnant of a row is refused the same way.
A list that ends on closing rows (a total) never leaves them alone under a repeated header: the
last entry goes along with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import Flowable, Table


def _has_content(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple)):
        return any(_has_content(v) for v in value)
    return isinstance(value, Flowable)


def _data_rows(table: Table) -> Sequence[Sequence[Any]]:
    repeat = table.repeatRows
    header = repeat if isinstance(repeat, int) else max(repeat) + 1
    return table._cellvalues[header:]  # type: ignore[no-any-return]


def shows_data(table: Table) -> bool:
    """Whether any cell below the header rows holds something to read."""
    return any(_has_content(cell) for row in _data_rows(table) for cell in row)


class ListTable(Table):  # type: ignore[misc]
    """A Table (header rows repeated on each page) whose every piece shows data under its header.

    *closing_rows* is how many rows at its end close the list (a total) rather than list
    something: a page never shows them alone under the header.
    """

    def __init__(self, *args: Any, closing_rows: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.closing_rows = closing_rows

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(avail_width, avail_height)
        if len(parts) < 2:
            return parts
        head, rest = parts[0], parts[-1]
        if not shows_data(head):
            return []  # moved whole to the next page, header and first row together
        if isinstance(rest, Table) and not shows_data(rest):
            return []  # the next page would show only a header above an empty remnant
        if isinstance(rest, Table) and len(_data_rows(rest)) <= self.closing_rows:
            # Only the total would go on: this page gives up its last row to go with it.
            last_row = head._rowHeights[-1]
            return self.split(avail_width, avail_height - last_row)
        for part in parts:
            if isinstance(part, ListTable):  # pieces are made without our own arguments
                part.closing_rows = self.closing_rows
        return parts

"""A :class:`LazyTableModel` whose rows are read on the database thread (ui.db_worker).

The view paints what is there: a row not read yet shows empty, and after ``refresh_rows`` a row
shows as it was until its fresh read arrives, so painting never waits on the database. A new
list of ids (``set_ids``) makes the rows still on their way for the old one stale; with
``keep_rows`` the rows read for ids still in the new list show as they were until read again
(a queue refreshed in place), without it they show empty (a new search).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.db_worker import DbRequest, run_db
from wuye_desktop.ui.widgets.lazy_table import Column, LazyTableModel


class DbLazyTableModel(LazyTableModel):
    """Rows for ids, read by ``read(db, ids) -> list[R]`` on the database thread."""

    def __init__(
        self,
        columns: Sequence[Column],
        db: Callable[[], Database],
        read: Callable[[Database, Sequence[int]], Sequence[Any]],
        row_id: Callable[[Any], int],
        *,
        page_size: int = 200,
        label: Callable[[], str] | None = None,
        keep_rows: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(columns, self._not_here, row_id, page_size=page_size, parent=parent)
        self._db = db
        self._read = read
        self._label = label or (lambda: QCoreApplication.translate("LazyTable", "Reading rows…"))
        self._keep_rows = keep_rows
        self._asked: dict[int, DbRequest] = {}  # chunk start -> its read, for these ids
        self._shown_before: dict[int, Any] = {}  # rows of before refresh_rows, until re-read

    @staticmethod
    def _not_here(_ids: Sequence[int]) -> Sequence[Any]:
        raise AssertionError("rows are read on the database thread")

    @property
    def loading(self) -> bool:
        """Some rows are on their way."""
        return any(r.is_pending and not r.is_stale for r in self._asked.values())

    def _drop_asked(self) -> None:
        for request in self._asked.values():
            request.drop()
        self._asked.clear()

    def set_ids(self, ids: Sequence[int]) -> None:
        self._drop_asked()
        if self._keep_rows:
            wanted = set(ids)
            read = {**self._shown_before, **self._cache}
            self._shown_before = {k: v for k, v in read.items() if v is not None and k in wanted}
        else:
            self._shown_before.clear()
        super().set_ids(ids)

    def refresh_rows(self) -> None:
        """Read the rows again (after a change); each shows as it was until its read arrives."""
        self._drop_asked()
        self._shown_before.update((k, v) for k, v in self._cache.items() if v is not None)
        super().refresh_rows()

    def row_at(self, row: int) -> Any | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if key in self._cache:
            return self._cache[key]
        start = row - row % self._page_size
        if start not in self._asked:
            self._ask(start)
        return self._shown_before.get(key)

    def _ask(self, start: int) -> None:
        page = [i for i in self._ids[start : start + self._page_size] if i not in self._cache]
        read = self._read

        def arrived(items: Sequence[Any]) -> None:
            self._asked.pop(start, None)
            for item in items:
                key = self._row_id(item)
                self._cache[key] = item
                self._shown_before.pop(key, None)
            for missing in page:  # deleted meanwhile: remember that, do not ask again
                self._cache.setdefault(missing, None)
            last = min(start + self._page_size, len(self._ids)) - 1
            if last >= start:
                self.dataChanged.emit(
                    self.index(start, 0), self.index(last, self.columnCount() - 1)
                )

        def refused(_error: WuyeError) -> None:
            # Painting must not pop up a message per chunk, nor ask again on every paint:
            # the rows stay empty until F5 reads them again.
            self._asked.pop(start, None)
            for missing in page:
                self._cache.setdefault(missing, None)

        self._asked[start] = run_db(
            self,
            self._db(),
            lambda db: read(db, page),
            label=self._label(),
            on_done=arrived,
            on_error=refused,
        )

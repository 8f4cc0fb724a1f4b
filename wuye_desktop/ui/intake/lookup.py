"""Finding the caller's household from the keyboard: the first field of intake.

What the desk types or a USB scanner "types" (a phone number or its last 4 digits, a room
3-2-1201, a household code, ``WUYE:H:<code>`` + Enter) is searched by the core as one types;
the matches show in a short list under the box, with what the text was read as ("电话尾号 5678",
the same reading as every search box). ↑/↓ in the box move through them (the
highlighted one is the picked one), Enter takes it and says so with ``entered``; a single
match picks itself.

The search runs on the database thread: the list keeps the previous matches until the new ones
arrive, and keys that need the matches (↑/↓, Enter, a scanner's Enter) wait for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.messages import tr_core

SEARCH_DELAY_MS = 150
MATCH_LIMIT = 50

_NAV_STEPS = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -5, Qt.Key.Key_PageDown: 5}


class HouseholdLookup(QWidget):
    """``picked(id or None)`` whenever the picked household changes; ``entered()`` when Enter
    confirms a pick; ``not_found()`` when Enter finds nothing; ``settled()`` when the matches
    of the typed text have arrived (or their search failed)."""

    picked = Signal(object)
    entered = Signal()
    not_found = Signal()
    settled = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_search: str | None = None  # the text whose matches are shown
        self._asked: str | None = None  # the text last searched for (its answer may be coming)
        self._searches = DbChannel(self)
        self._enter_waiting = False  # Enter was pressed before the matches arrived
        self._steps_waiting: list[int] = []  # ↑/↓ pressed before the matches arrived
        self._more = False
        self._picked: int | None = None

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self.edit = QLineEdit()
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(self._enter)
        # What the search made of the text, so the desk knows why these households show.
        self.understood = QLabel()
        self.understood.setObjectName("searchUnderstood")
        self.understood.setStyleSheet("color: #555;")
        self.understood.hide()
        self._understood: directory.FoundHouseholds | None = None
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.status.hide()
        self.matches = QListWidget()
        # The keyboard stays in the box (↑/↓ move here); the mouse may still click a row.
        self.matches.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.currentRowChanged.connect(self._current_row)
        self.matches.itemActivated.connect(lambda _item: self._enter())
        self.matches.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(2)
        self.layout_.addWidget(self.edit)
        self.layout_.addWidget(self.understood)
        self.layout_.addWidget(self.status)
        self.layout_.addWidget(self.matches)
        self.setFocusProxy(self.edit)
        self._debounce.timeout.connect(self.search_now)

        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(
            self.tr("Phone or its last 4 digits, room 3-2-1201, household code, or scan")
        )
        self.edit.setToolTip(self.tr("Type and press Enter; ↑/↓ choose among several households"))
        self._show_status()
        self._show_understood()

    def picked_id(self) -> int | None:
        return self._picked

    def flush(self) -> None:
        """Search now if typing is still waiting for its delayed search."""
        if self._debounce.isActive():
            self.search_now()

    @property
    def busy(self) -> bool:
        """The matches shown are not yet those of the typed text."""
        return self._debounce.isActive() or self._searches.busy

    def clear(self) -> None:
        self.edit.clear()
        self.search_now()

    # -- keys --------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _NAV_STEPS
        ):
            self.flush()
            step = _NAV_STEPS[Qt.Key(event.key())]
            if self.busy:
                self._steps_waiting.append(step)
                return True
            if self.matches.count():
                self._move(step)
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        row, last = self.matches.currentRow(), self.matches.count() - 1
        row = (0 if step > 0 else last) if row < 0 else max(0, min(last, row + step))
        self.matches.setCurrentRow(row)

    def _enter(self) -> None:
        """Enter (a scanner ends with it): take the highlighted match, or the first, once the
        matches of what was typed are there."""
        self.search_now()
        if self.busy:
            self._enter_waiting = True
            return
        self._take_entered()

    def _take_entered(self) -> None:
        if self.matches.count() == 0:
            if self.edit.text().strip():
                self.not_found.emit()
            return
        if self.matches.currentRow() < 0:
            self.matches.setCurrentRow(0)
        if self._picked is not None:
            self.entered.emit()

    # -- searching ---------------------------------------------------------------------------

    def search_now(self) -> None:
        """Ask for the matches of the typed text (unless they are asked for or shown)."""
        self._debounce.stop()
        text = self.edit.text().strip()
        if text == self._asked:
            return
        self._asked = text
        if not text:
            self._searches.drop()
            self._show_matches(text, [], [])
            return
        actor = self.ctx.actor

        def find(db: Database) -> tuple[directory.FoundHouseholds, list[directory.HouseholdRow]]:
            found = directory.find_households(db, actor, text, limit=MATCH_LIMIT + 1)
            return found, directory.household_rows(db, actor, found.ids[:MATCH_LIMIT])

        def arrived(answer: tuple[directory.FoundHouseholds, list[directory.HouseholdRow]]) -> None:
            found, rows = answer
            self._show_matches(text, found.ids, rows, found)

        request = self._searches.submit(
            self.ctx.db,
            find,
            label=self.tr("Finding the household…"),
            on_done=arrived,
        )
        # A refused or failed search leaves the matches as they were; what waited goes on.
        request.failed.connect(lambda _error: self._searched(text))

    def _show_matches(
        self,
        text: str,
        ids: list[int],
        rows: list[directory.HouseholdRow],
        understood: directory.FoundHouseholds | None = None,
    ) -> None:
        self._more = len(ids) > MATCH_LIMIT
        self._understood = understood
        self._show_understood()
        self.matches.blockSignals(True)
        self.matches.clear()
        for r in rows:
            owner = " ".join(p for p in (r.owner_name, r.owner_phone) if p)
            item = QListWidgetItem(f"{r.room_label}   {r.community_name}   {owner}   ({r.code})")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.matches.addItem(item)
        # A household still among the matches stays picked; otherwise the pick is dropped.
        keep = next((row for row, r in enumerate(rows) if r.id == self._picked), -1)
        if len(rows) == 1:
            keep = 0  # one match picks itself
        self.matches.setCurrentRow(keep)
        self.matches.blockSignals(False)
        self.matches.setVisible(bool(rows))
        # As tall as its matches, up to six rows: the form below stays in view.
        row_height = max(self.matches.sizeHintForRow(0), self.matches.fontMetrics().height() + 4)
        self.matches.setFixedHeight(row_height * min(max(len(rows), 1), 6) + 6)
        self._set_picked(rows[keep].id if keep >= 0 else None)
        self._searched(text)

    def _searched(self, text: str) -> None:
        """The search for *text* is over: say so, and do what the keys asked meanwhile."""
        self.last_search = text
        self._show_status()
        steps, self._steps_waiting = self._steps_waiting, []
        for step in steps if self.matches.count() else []:
            self._move(step)
        if self._enter_waiting:
            self._enter_waiting = False
            self._take_entered()
        self.settled.emit()

    def _show_status(self) -> None:
        count = self.matches.count()
        if not self.edit.text().strip() or self.last_search is None:
            message = ""
        elif count == 0:
            message = self.tr("No household matches.")
        elif self._more:
            message = self.tr("More than {n} households match: type more.").format(n=MATCH_LIMIT)
        elif count == 1:
            message = ""
        else:
            message = self.tr("%n households match: ↑/↓ choose, Enter picks.", "", count)
        self.status.setText(message)
        self.status.setVisible(bool(message))

    def _show_understood(self) -> None:
        found = self._understood
        if found is None or not found.label_template:
            self.understood.clear()
            self.understood.hide()
            return
        what = tr_core(found.label_template, **found.label_params)
        self.understood.setText(self.tr("Searching: {what}").format(what=what))
        self.understood.setToolTip(self.tr("What the text in the box was read as"))
        self.understood.show()

    def _current_row(self, row: int) -> None:
        item = self.matches.item(row) if row >= 0 else None
        self._set_picked(None if item is None else int(item.data(Qt.ItemDataRole.UserRole)))

    def _set_picked(self, household_id: int | None) -> None:
        if household_id != self._picked:
            self._picked = household_id
            self.picked.emit(household_id)

"""The Directory tab's search: the box, the community filter and the lazy table of results.

What the desk types is searched as it types (after a short pause): a room (3-2-1201), a
household code, an owner's name, a phone number or its last digits; a scanned household QR
code opens at once. Beside the count, what the text was read as ("电话尾号 5678"): the same
reading as every search box (core.search). The tab lays the box and the filter out in its top row and this widget
(the count and the table) beside the tree, and opens whatever :attr:`chosen` names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.db_lazy_table import DbLazyTableModel
from wuye_desktop.ui.widgets.lazy_table import Column

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 5000
_COLUMN_WIDTHS = (140, 90, 80, 64, 104, 44)


class HouseholdFinder(Retranslating, QWidget):
    """The results pane, owning the search box and the filter the tab places above it."""

    chosen = Signal(int)  # a household id: the result the desk moved to
    activated = Signal()  # Enter or a double click on a result

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.last_search: tuple[str, int | None] | None = None
        self._after_search: list[Callable[[], None]] = []

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_entered)
        self.scope = QComboBox()
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(lambda _i: self.search_now(force=True))

        self.results_label = QLabel()
        # What the search made of the text, so the desk knows why these households show.
        self.understood = QLabel()
        self.understood.setObjectName("searchUnderstood")
        self.understood.setStyleSheet("color: #555;")
        self._understood: directory.FoundHouseholds | None = None
        actor = ctx.actor
        self.results_model = DbLazyTableModel(
            self._columns(),
            lambda: self.ctx.db,
            lambda db, ids: directory.household_rows(db, actor, ids),
            lambda r: r.id,
            page_size=100,
            parent=self,
        )
        # What is read on the database thread: the matching ids, and the filter's communities.
        self._searches = DbChannel(self)
        self._scopes = DbChannel(self)
        self.results = QTableView()
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(False)
        self.results.verticalHeader().hide()
        self.results.verticalHeader().setDefaultSectionSize(self.results.fontMetrics().height() + 8)
        header = self.results.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate(_COLUMN_WIDTHS):
            self.results.setColumnWidth(column, width)
        self.results.selectionModel().currentRowChanged.connect(self._result_current)
        self.results.activated.connect(lambda _i: self.activated.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        above = QHBoxLayout()
        above.addWidget(self.results_label)
        above.addStretch(1)
        above.addWidget(self.understood)
        layout.addLayout(above)
        layout.addWidget(self.results, 1)
        self.retranslate()

    # -- language ----------------------------------------------------------------------------

    def _columns(self) -> list[Column]:
        return [
            Column(lambda: self.tr("Household code"), lambda r: r.code),
            Column(lambda: self.tr("Community"), lambda r: r.community_name),
            Column(lambda: self.tr("Room"), lambda r: r.room_label),
            Column(lambda: self.tr("Owner"), lambda r: r.owner_name),
            Column(lambda: self.tr("Phone"), lambda r: r.owner_phone),
            Column(
                lambda: self.tr("Owners"),
                lambda r: str(r.owner_count),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            ),
        ]

    def retranslate(self) -> None:
        self.search.setPlaceholderText(
            self.tr("Room 3-2-1201 / household code / owner name / phone or last digits / scan")
        )
        self.search.setToolTip(self.tr("Search (Ctrl+F); Enter opens a single match"))
        if self.scope.count():
            self.scope.setItemText(0, self.tr("All communities"))
        self.results_model.retranslate()
        self._show_count(None if self.last_search is None else self.results_model.rowCount())
        self._show_understood(self._understood)

    # -- searching ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def scope_id(self) -> int | None:
        """The community the filter limits the search to; None for all."""
        data = self.scope.currentData()
        return int(data) if data is not None else None

    @property
    def searching(self) -> bool:
        """A search is on its way (the results shown are the previous search's)."""
        return self._searches.busy

    def search_now(self, force: bool = False, then: Callable[[], None] | None = None) -> None:
        """Search what is typed, unless that search was the last one (*force*: again anyway).
        The ids are read on the database thread; the old results stay until they arrive, then
        *then* is called (at once when there is nothing to search)."""
        self._debounce.stop()
        text = self.search.text().strip()
        scope = self.scope_id()
        key = (text, scope)
        if key == self.last_search and not force:
            if then is not None:
                if self._searches.busy:
                    self._after_search.append(then)
                else:
                    then()
            return
        self.last_search = key
        if then is not None:
            self._after_search.append(then)
        if not text:
            self._searches.drop()
            self.results_model.set_ids([])
            self._show_count(None)
            self._show_understood(None)
            self._run_after_search()
            return
        actor = self.ctx.actor

        def arrived(found: directory.FoundHouseholds) -> None:
            self.results_model.set_ids(found.ids)
            self._show_count(len(found.ids))
            self._show_understood(found)
            self._run_after_search()

        def refused(error: WuyeError) -> None:
            self._after_search.clear()
            messages.show_error(self, error)

        self._searches.submit(
            self.ctx.db,
            lambda db: directory.find_households(db, actor, text, scope, limit=SEARCH_LIMIT),
            label=self.tr("Searching households…"),
            on_done=arrived,
            on_error=refused,
        )

    def _run_after_search(self) -> None:
        waiting, self._after_search = self._after_search, []
        for then in waiting:
            then()

    def _show_count(self, count: int | None) -> None:
        if count is None or not self.search.text().strip():
            text = self.tr("Results appear here as you type.")
        elif count >= SEARCH_LIMIT:
            text = self.tr("The first {n} households; type more to narrow the search.").format(
                n=count
            )
        elif count == 0:
            text = self.tr("No household matches.")
        else:
            text = self.tr("%n household(s)", "", count)
        self.results_label.setText(text)

    def _show_understood(self, found: directory.FoundHouseholds | None) -> None:
        self._understood = found
        if found is None or not found.label_template:
            self.understood.clear()
            self.understood.setToolTip("")
            return
        what = messages.tr_core(found.label_template, **found.label_params)
        self.understood.setText(self.tr("Searching: {what}").format(what=what))
        self.understood.setToolTip(self.tr("What the search box's text was read as"))

    def _search_entered(self) -> None:
        """Enter: a scanned household code opens at once; so does a single match."""
        text = self.search.text().strip()
        if text.upper().startswith(directory.QR_HOUSEHOLD_PREFIX):
            self._open_scanned(text)
        else:
            self.search_now(then=self._open_single_match)
        self.search.selectAll()  # the next scan or search replaces this one

    def _open_single_match(self) -> None:
        if self.results_model.rowCount() == 1:
            self.results.setCurrentIndex(self.results_model.index(0, 0))

    def _open_scanned(self, payload: str) -> None:
        self._debounce.stop()
        self.last_search = (payload, self.scope_id())
        actor = self.ctx.actor

        def arrived(found: directory.FoundHouseholds) -> None:
            self.results_model.set_ids(found.ids)
            self._show_understood(found)
            if not found.ids:
                code = payload[len(directory.QR_HOUSEHOLD_PREFIX) :].strip()
                self.results_label.setText(
                    self.tr("No household has the code {code}.").format(code=code)
                )
                return
            self._show_count(len(found.ids))
            self.results.setCurrentIndex(self.results_model.index(0, 0))

        def refused(error: WuyeError) -> None:
            messages.show_error(self, error)

        # A scanned code names its household wherever it is: the community filter is not asked.
        self._searches.submit(
            self.ctx.db,
            lambda db: directory.find_households(db, actor, payload, None, limit=1),
            label=self.tr("Searching households…"),
            on_done=arrived,
            on_error=refused,
        )

    def _result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.chosen.emit(self.results_model.id_at(current.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.results_model.rowCount():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                self.search_now(then=self._select_first_result)
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    def _select_first_result(self) -> None:
        if not self.results.currentIndex().isValid() and self.results_model.rowCount():
            self.results.setCurrentIndex(self.results_model.index(0, 0))

    # -- the filter --------------------------------------------------------------------------

    def reload_scope(self) -> None:
        """Read the communities again into the filter, keeping the one chosen."""
        actor = self.ctx.actor
        self._scopes.submit(
            self.ctx.db,
            lambda db: directory.list_communities(db, actor),
            label=self.tr("Reading communities…"),
            on_done=self._show_scope,
            on_error=lambda e: messages.show_error(self, e),
        )

    def _show_scope(self, communities: list[directory.CommunityView]) -> None:
        keep = self.scope.currentData()
        self.scope.blockSignals(True)
        try:
            self.scope.clear()
            self.scope.addItem(self.tr("All communities"), None)
            for c in communities:
                self.scope.addItem(f"{c.name} ({c.code})", c.id)
            self.scope.setCurrentIndex(max(0, self.scope.findData(keep)) if keep else 0)
        finally:
            self.scope.blockSignals(False)

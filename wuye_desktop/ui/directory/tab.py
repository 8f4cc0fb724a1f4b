"""The Directory tab: find a household in seconds, browse the tree, edit what the role allows.

Left, the community → building → unit → household tree, read level by level as it is
opened. Top, the search box: a room (3-2-1201), a household code, an owner's name, a phone
number or its last digits, or a scanned QR code; results appear as one types, in a lazy table.
Right, the selected household, community or building, as a form.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.directory.building_pane import BuildingPane
from wuye_desktop.ui.directory.community_pane import CommunityPane
from wuye_desktop.ui.directory.household_pane import HouseholdPane
from wuye_desktop.ui.directory.tree_model import DirectoryTreeModel, Kind, Node
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.lazy_table import Column, LazyTableModel

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 5000
_COLUMN_WIDTHS = (140, 90, 80, 64, 104, 44)

Ident = tuple[Kind, int]


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    return area


class DirectoryTab(Retranslating, QWidget):
    """The Directory tab; the main window calls ``focus_search()`` (Ctrl+F), ``refresh()`` (F5)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.DIRECTORY_EDIT)
        self._announcing = False  # while this tab itself emits directory_changed
        self._syncing = False  # while the tab moves the tree's selection itself
        self._last_search: tuple[str, int | None] | None = None
        # Where "New household" / "New building" should go: community id, building, unit.
        self._context: tuple[int | None, str, str] = (None, "", "")

        # -- search row --
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self._search_entered)
        self.scope = QComboBox()
        self.scope.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scope.currentIndexChanged.connect(lambda _i: self._search_now(force=True))
        self.new_community_button = QPushButton()
        self.new_community_button.clicked.connect(self.new_community)
        self.new_building_button = QPushButton()
        self.new_building_button.clicked.connect(self.new_building)
        self.new_household_button = QPushButton()
        self.new_household_button.clicked.connect(self.new_household)
        self.import_button = QPushButton()
        self.import_button.clicked.connect(self.open_import)
        for button in (
            self.new_community_button,
            self.new_building_button,
            self.new_household_button,
            self.import_button,
        ):
            if not self.can_edit:  # hide(), never show(), before it has a parent window
                button.hide()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.scope)
        for button in (
            self.new_household_button,
            self.new_building_button,
            self.new_community_button,
            self.import_button,
        ):
            top.addWidget(button)

        # -- tree --
        self.tree_model = DirectoryTreeModel(ctx, self)
        self.tree_model.load_failed.connect(lambda e: messages.show_error(self, e))
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree.activated.connect(lambda _i: self._focus_detail())

        # -- results --
        self.results_label = QLabel()
        self.results_model = LazyTableModel(
            self._columns(), self._fetch_rows, lambda r: r.id, page_size=100, parent=self
        )
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
        self.results.activated.connect(lambda _i: self._focus_detail())
        results_box = QWidget()
        results_layout = QVBoxLayout(results_box)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results_label)
        results_layout.addWidget(self.results, 1)

        # -- detail --
        self.household_pane = HouseholdPane(ctx)
        self.community_pane = CommunityPane(ctx)
        self.building_pane = BuildingPane(ctx)
        self.household_pane.saved.connect(self._household_saved)
        self.community_pane.saved.connect(self._community_saved)
        self.building_pane.saved.connect(self._building_saved)
        self.empty_page = QLabel()
        self.unit_page = QLabel()
        for label in (self.empty_page, self.unit_page):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMargin(12)
        self.detail = QStackedWidget()
        for page in (
            self.empty_page,
            self.unit_page,
            self.household_pane,
            self.community_pane,
            self.building_pane,
        ):
            self.detail.addWidget(_scroll(page))

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(results_box)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([250, 590, 560])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        QWidget.setTabOrder(self.search, self.scope)
        QWidget.setTabOrder(self.scope, self.results)
        QWidget.setTabOrder(self.results, self.tree)

        ctx.signals.directory_changed.connect(self._directory_changed)
        self.retranslate()
        self._reload_scope()
        self.tree_model.reset()
        self._show_count(None)

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
        self.new_household_button.setText(self.tr("New &household"))
        self.new_building_button.setText(self.tr("New &building"))
        self.new_community_button.setText(self.tr("New &community"))
        self.import_button.setText(self.tr("&Import roster…"))
        self.import_button.setToolTip(self.tr("Add or update households from an Excel/CSV roster"))
        self.empty_page.setText(
            self.tr(
                "Type a room (3-2-1201), a household code, an owner's name, a phone number "
                "or its last digits, or scan a household QR code. Ctrl+F jumps to the search "
                "box from anywhere; ↓ moves into the results."
            )
        )
        if self.scope.count():
            self.scope.setItemText(0, self.tr("All communities"))
        self.results_model.retranslate()
        self.tree_model.retranslate()
        self._show_count(None if self._last_search is None else self.results_model.rowCount())

    # -- main window hooks -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self, reload_detail: bool = True) -> None:
        """Read everything again, keeping what is open in the tree and what is selected."""
        expanded = self._expanded_under(QModelIndex())
        current = self._current_ident()
        self.tree_model.reset()
        self._expand(expanded)
        if current is not None:
            self._select_in_tree(*current)
        self._reload_scope()
        self._search_now(force=True)
        if reload_detail:
            page = self._current_page()
            if page is self.household_pane and self.household_pane.view is not None:
                self.household_pane.reload_fresh()
            elif page is self.community_pane and self.community_pane.view is not None:
                self.community_pane.reload_fresh()
            elif page is self.building_pane and self.building_pane.view is not None:
                self.building_pane.reload_fresh()

    def _directory_changed(self) -> None:
        if not self._announcing:  # another tab or dialog changed the directory
            self.refresh(reload_detail=False)

    def _announce(self) -> None:
        self._announcing = True
        try:
            self.ctx.signals.directory_changed.emit()
        finally:
            self._announcing = False

    # -- search ------------------------------------------------------------------------------

    def _fetch_rows(self, ids: Sequence[int]) -> list[directory.HouseholdRow]:
        try:
            return directory.household_rows(self.ctx.db, self.ctx.actor, ids)
        except WuyeError as e:  # painting must not raise; F5 reads the rows again
            log.warning("household rows unavailable: %s", e)
            return []

    def _scope_id(self) -> int | None:
        data = self.scope.currentData()
        return int(data) if data is not None else None

    def _search_now(self, force: bool = False) -> None:
        self._debounce.stop()
        text = self.search.text().strip()
        key = (text, self._scope_id())
        if key == self._last_search and not force:
            return
        self._last_search = key
        if not text:
            self.results_model.set_ids([])
            self._show_count(None)
            return
        try:
            ids = directory.search_household_ids(
                self.ctx.db, self.ctx.actor, text, self._scope_id(), limit=SEARCH_LIMIT
            )
        except WuyeError as e:
            messages.show_error(self, e)
            return
        self.results_model.set_ids(ids)
        self._show_count(len(ids))

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
            text = self.tr("{n} household(s)").format(n=count)
        self.results_label.setText(text)

    def _search_entered(self) -> None:
        """Enter: a scanned household code opens at once; so does a single match."""
        text = self.search.text().strip()
        if text.upper().startswith(directory.QR_HOUSEHOLD_PREFIX):
            self._open_scanned(text)
        else:
            self._search_now()
            if self.results_model.rowCount() == 1:
                self.results.setCurrentIndex(self.results_model.index(0, 0))
        self.search.selectAll()  # the next scan or search replaces this one

    def _open_scanned(self, payload: str) -> None:
        self._debounce.stop()
        self._last_search = (payload, self._scope_id())
        try:
            view = directory.get_household(self.ctx.db, self.ctx.actor, payload)
        except WuyeError:
            self.results_model.set_ids([])
            code = payload[len(directory.QR_HOUSEHOLD_PREFIX) :]
            self.results_label.setText(
                self.tr("No household has the code {code}.").format(code=code)
            )
            return
        self.results_model.set_ids([view.id])
        self._show_count(1)
        self.results.setCurrentIndex(self.results_model.index(0, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.results_model.rowCount():
                self._search_now()
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.results_model.index(0, 0))
                return True
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                return True
        return super().eventFilter(watched, event)

    # -- showing one record ------------------------------------------------------------------

    def _current_page(self) -> QWidget | None:
        area = self.detail.currentWidget()
        return area.widget() if isinstance(area, QScrollArea) else None

    def _show_page(self, page: QWidget) -> None:
        for i in range(self.detail.count()):
            area = self.detail.widget(i)
            if isinstance(area, QScrollArea) and area.widget() is page:
                self.detail.setCurrentIndex(i)
                return

    def _result_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        self.open_household(self.results_model.id_at(current.row()))

    def open_household(self, household_id: int) -> None:
        try:
            view = directory.get_household(self.ctx.db, self.ctx.actor, household_id)
        except WuyeError as e:
            messages.show_error(self, e)
            return
        self.household_pane.load(view)
        self._context = (view.community_id, view.building, view.unit)
        self._show_page(self.household_pane)

    def _focus_detail(self) -> None:
        if self._current_page() is self.household_pane:
            self.household_pane.focus_first()

    def _tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._syncing or not current.isValid():
            return
        node = self.tree_model.node(current)
        self._context = self._context_of(node)
        try:
            if node.kind is Kind.HOUSEHOLD:
                self.open_household(node.id)
            elif node.kind is Kind.COMMUNITY:
                self.community_pane.load(
                    directory.get_community(self.ctx.db, self.ctx.actor, node.id)
                )
                self._show_page(self.community_pane)
            elif node.kind is Kind.BUILDING:
                assert node.parent is not None
                community = directory.get_community(self.ctx.db, self.ctx.actor, node.parent.id)
                self.building_pane.load(node.payload, community)
                self._show_page(self.building_pane)
            elif node.kind is Kind.UNIT:
                assert node.parent is not None
                self.unit_page.setText(
                    self.tr("{building}, unit {unit}: {count} households.").format(
                        building=node.parent.text,
                        unit=node.payload.number,
                        count=node.payload.household_count,
                    )
                )
                self._show_page(self.unit_page)
        except WuyeError as e:
            messages.show_error(self, e)

    @staticmethod
    def _context_of(node: Node) -> tuple[int | None, str, str]:
        community: int | None = None
        building = unit = ""
        walk: Node | None = node
        while walk is not None:
            if walk.kind is Kind.COMMUNITY:
                community = walk.id
            elif walk.kind is Kind.BUILDING:
                building = walk.payload.number
            elif walk.kind is Kind.UNIT:
                unit = walk.payload.number
            walk = walk.parent
        return community, building, unit

    # -- adding ------------------------------------------------------------------------------

    def _context_community(self) -> directory.CommunityView | None:
        """The community the user is working in: tree or opened household, else the filter."""
        community_id = self._context[0] or self._scope_id()
        try:
            if community_id is not None:
                return directory.get_community(self.ctx.db, self.ctx.actor, community_id)
            communities = directory.list_communities(self.ctx.db, self.ctx.actor)
        except WuyeError as e:
            messages.show_error(self, e)
            return None
        return communities[0] if len(communities) == 1 else None

    def _pick_community_first(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Choose a community"),
            self.tr("Select a community in the tree (or in the filter next to the search box)."),
        )

    def new_household(self) -> None:
        community = self._context_community()
        if community is None:
            self._pick_community_first()
            return
        same = self._context[0] == community.id
        building, unit = (self._context[1], self._context[2]) if same else ("", "")
        self.household_pane.start_new(community, building, unit)
        self._show_page(self.household_pane)
        (self.household_pane.room if building and unit else self.household_pane.building).setFocus()

    def new_building(self) -> None:
        community = self._context_community()
        if community is None:
            self._pick_community_first()
            return
        self.building_pane.start_new(community)
        self._show_page(self.building_pane)
        self.building_pane.number.setFocus()

    def new_community(self) -> None:
        self.community_pane.start_new()
        self._show_page(self.community_pane)
        self.community_pane.code.setFocus()

    def open_import(self) -> None:
        from wuye_desktop.ui.directory.import_dialog import ImportDialog

        community = self._context_community()
        dialog = ImportDialog(self.ctx, community.code if community else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    # -- after a save ------------------------------------------------------------------------

    def _household_saved(self, view: directory.HouseholdView, created: bool) -> None:
        try:
            if created:
                self._reload_branch(view.community_id, view.building)
                unit = self._expand_path(view.community_id, view.building, view.unit)
                if unit is not None:
                    self._select_in_tree(Kind.HOUSEHOLD, view.id)
                self._search_now(force=True)
            else:
                rows = directory.household_rows(self.ctx.db, self.ctx.actor, [view.id])
                if rows:
                    self.tree_model.update_payload(Kind.HOUSEHOLD, view.id, rows[0])
                self.results_model.refresh_rows()
            self._context = (view.community_id, view.building, view.unit)
        except WuyeError as e:
            messages.show_error(self, e)
        self._announce()

    def _building_saved(self, view: directory.BuildingView, created: bool) -> None:
        if created:
            try:
                self._reload_branch(view.community_id, None)
            except WuyeError as e:
                messages.show_error(self, e)
            index = self.tree_model.find_loaded(Kind.COMMUNITY, view.community_id)
            if index.isValid():
                self.tree.expand(index)
                self._select_in_tree(Kind.BUILDING, view.id)
        else:
            self.tree_model.update_payload(Kind.BUILDING, view.id, view)
        self._context = (view.community_id, view.number, "")
        self._announce()

    def _community_saved(self, view: directory.CommunityView, created: bool) -> None:
        if created:
            expanded = self._expanded_under(QModelIndex())
            self.tree_model.reset()
            self._expand(expanded)
            self._select_in_tree(Kind.COMMUNITY, view.id)
        else:
            self.tree_model.update_payload(Kind.COMMUNITY, view.id, view)
            self.results_model.refresh_rows()
        self._context = (view.id, "", "")
        self._reload_scope()
        self._announce()

    def _reload_branch(self, community_id: int, building: str | None) -> None:
        """Read again the part of the tree a new building or household went into."""
        index = self.tree_model.find_loaded(Kind.COMMUNITY, community_id)
        if not index.isValid():
            return
        node = self.tree_model.node(index)
        match = None
        if building is not None and node.children is not None:
            match = next((b for b in node.children if b.payload.number == building), None)
        if match is None or match.children is not None:
            # A new building shows under its community; a new unit or household under its
            # building if that is open (a closed building is read when opened anyway).
            if match is not None:
                index = self.tree_model.index_of(match)
            expanded = self._expanded_under(index)
            self.tree_model.reload(index)
            self._expand(expanded)
        community = directory.get_community(self.ctx.db, self.ctx.actor, community_id)
        self.tree_model.update_payload(Kind.COMMUNITY, community_id, community)

    # -- tree state --------------------------------------------------------------------------

    def _current_ident(self) -> Ident | None:
        index = self.tree.currentIndex()
        return self.tree_model.node(index).ident if index.isValid() else None

    def _expanded_under(self, parent: QModelIndex) -> list[Ident]:
        """Open nodes at and below *parent*, parents before children."""
        found: list[Ident] = []
        if parent.isValid() and self.tree.isExpanded(parent):
            found.append(self.tree_model.node(parent).ident)
        for row in range(self.tree_model.rowCount(parent)):
            child = self.tree_model.index(row, 0, parent)
            if self.tree.isExpanded(child):
                found.extend(self._expanded_under(child))
        return found

    def _expand(self, idents: list[Ident]) -> None:
        for kind, ident in idents:
            index = self.tree_model.find_loaded(kind, ident)
            if index.isValid():
                if self.tree_model.canFetchMore(index):
                    self.tree_model.fetchMore(index)
                self.tree.expand(index)

    def _expand_path(self, community_id: int, building: str, unit: str) -> QModelIndex | None:
        """Open the tree down to a unit, reading each level as needed."""
        index = self.tree_model.find_loaded(Kind.COMMUNITY, community_id)
        for number in (building, unit):
            if not index.isValid():
                return None
            if self.tree_model.canFetchMore(index):
                self.tree_model.fetchMore(index)
            self.tree.expand(index)
            children = self.tree_model.node(index).children or []
            match = next((n for n in children if n.payload.number == number), None)
            if match is None:
                return None
            index = self.tree_model.index_of(match)
        if self.tree_model.canFetchMore(index):
            self.tree_model.fetchMore(index)
        self.tree.expand(index)
        return index

    def _select_in_tree(self, kind: Kind, ident: int) -> None:
        index = self.tree_model.find_loaded(kind, ident)
        if not index.isValid():
            return
        self._syncing = True
        try:
            self.tree.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.tree.scrollTo(index)
        finally:
            self._syncing = False

    def _reload_scope(self) -> None:
        keep = self.scope.currentData()
        try:
            communities = directory.list_communities(self.ctx.db, self.ctx.actor)
        except WuyeError as e:
            messages.show_error(self, e)
            return
        self.scope.blockSignals(True)
        try:
            self.scope.clear()
            self.scope.addItem(self.tr("All communities"), None)
            for c in communities:
                self.scope.addItem(f"{c.name} ({c.code})", c.id)
            self.scope.setCurrentIndex(max(0, self.scope.findData(keep)) if keep else 0)
        finally:
            self.scope.blockSignals(False)

"""The Directory tab: find a household in seconds, browse the tree, edit what the role allows.

Left, the community → building → unit → household tree, read level by level as it is
opened. Top, the search box: a room (3-2-1201), a household code, an owner's name, a phone
number or its last digits, or a scanned QR code; results appear as one types, in a lazy table.
Right, the selected household, community or building, as a form.

This module lays them out and ties them together; the parts are their own modules:
:mod:`.household_finder` (search box, filter, results), :mod:`.tree_view` over
:mod:`.tree_model`, and the forms ``household_pane``, ``community_pane``, ``building_pane``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel, run_db
from wuye_desktop.ui.directory.building_pane import BuildingPane
from wuye_desktop.ui.directory.community_pane import CommunityPane
from wuye_desktop.ui.directory.household_finder import HouseholdFinder
from wuye_desktop.ui.directory.household_pane import HouseholdPane
from wuye_desktop.ui.directory.tree_model import DirectoryTreeModel, Kind
from wuye_desktop.ui.directory.tree_view import DirectoryTreeView
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.focus_return import open_returning_focus

V = TypeVar("V")


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
        # Where "New household" / "New building" should go: community id, building, unit.
        self._context: tuple[int | None, str, str] = (None, "", "")
        # The record chosen in the tree or the results, read on the database thread.
        self._details = DbChannel(self)
        # The community New household / New building / Import start in (see below).
        self._context_reads = DbChannel(self)

        # -- search row and results --
        self.finder = HouseholdFinder(ctx)
        self.finder.chosen.connect(self.open_household)
        self.finder.activated.connect(self._focus_detail)
        # The finder's parts, as the tab's (the main window and tests reach them here).
        self.search, self.scope = self.finder.search, self.finder.scope
        self.results, self.results_model = self.finder.results, self.finder.results_model
        self.results_label = self.finder.results_label
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
        self.tree = DirectoryTreeView(self.tree_model)
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.tree.activated.connect(lambda _i: self._focus_detail())

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
        splitter.addWidget(self.finder)
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
        self.finder.reload_scope()
        self.tree_model.reset()

    # -- language ----------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_household_button.setText(self.tr("New h&ousehold"))
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
        self.tree_model.retranslate()

    # -- main window hooks -------------------------------------------------------------------

    def focus_search(self) -> None:
        self.finder.focus_search()

    def refresh(self, reload_detail: bool = True) -> None:
        """Read everything again, keeping what is open in the tree and what is selected."""
        current = self.tree.current_ident()

        def reopened() -> None:
            if current is not None:
                self.tree.select_quietly(*current)

        self.tree.reset_keeping_open(reopened)
        self.finder.reload_scope()
        self.finder.search_now(force=True)
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

    @property
    def loading_detail(self) -> bool:
        """The record chosen is on its way (the form shows the one before until it arrives)."""
        return self._details.busy

    def open_household(self, household_id: int) -> None:
        """Show a household once it is read on the database thread."""
        actor = self.ctx.actor

        def arrived(view: directory.HouseholdView) -> None:
            self.household_pane.load(view)
            self._context = (view.community_id, view.building, view.unit)
            self._show_page(self.household_pane)

        self._read_detail(
            lambda db: directory.get_household(db, actor, household_id),
            self.tr("Reading the household…"),
            arrived,
        )

    def _read_detail(
        self, read: Callable[[Database], V], label: str, show: Callable[[V], None]
    ) -> None:
        """Read the record chosen on the database thread and *show* it; one chosen after it
        replaces this read (the form shows the record before until the new one arrives)."""
        self._details.submit(
            self.ctx.db,
            read,
            label=label,
            on_done=show,
            on_error=lambda e: messages.show_error(self, e),
        )

    def _focus_detail(self) -> None:
        if self._current_page() is self.household_pane:
            self.household_pane.focus_first()

    def _tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self.tree.syncing or not current.isValid():
            return
        node = self.tree_model.node(current)
        self._context = self.tree.context_of(node)
        actor = self.ctx.actor
        if node.kind is Kind.HOUSEHOLD:
            self.open_household(node.id)
        elif node.kind is Kind.COMMUNITY:

            def community_arrived(view: directory.CommunityView) -> None:
                self.community_pane.load(view)
                self._show_page(self.community_pane)

            community_id = node.id
            self._read_detail(
                lambda db: directory.get_community(db, actor, community_id),
                self.tr("Reading the community…"),
                community_arrived,
            )
        elif node.kind is Kind.BUILDING:
            assert node.parent is not None
            building, parent_id = node.payload, node.parent.id

            def building_arrived(community: directory.CommunityView) -> None:
                self.building_pane.load(building, community)
                self._show_page(self.building_pane)

            self._read_detail(
                lambda db: directory.get_community(db, actor, parent_id),
                self.tr("Reading the building…"),
                building_arrived,
            )
        elif node.kind is Kind.UNIT:
            assert node.parent is not None
            self._details.drop()  # a record asked for before must not replace this page
            self.unit_page.setText(
                self.tr(
                    "{building}, unit {unit}: %n households.", "", node.payload.household_count
                ).format(
                    building=node.parent.text,
                    unit=node.payload.number,
                )
            )
            self._show_page(self.unit_page)

    # -- adding ------------------------------------------------------------------------------

    def _with_context_community(
        self, then: Callable[[directory.CommunityView | None], None]
    ) -> None:
        """Call *then* with the community the user is working in (tree or opened household,
        else the filter, else the only one), read on the database thread; None if unknown."""
        community_id = self._context[0] or self.finder.scope_id()
        actor = self.ctx.actor

        def read(db: Database) -> directory.CommunityView | None:
            if community_id is not None:
                return directory.get_community(db, actor, community_id)
            communities = directory.list_communities(db, actor)
            return communities[0] if len(communities) == 1 else None

        self._context_reads.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the community…"),
            on_done=then,
            on_error=lambda e: messages.show_error(self, e),
        )

    def _pick_community_first(self) -> None:
        QMessageBox.information(
            self,
            self.tr("Choose a community"),
            self.tr("Select a community in the tree (or in the filter next to the search box)."),
        )

    def new_household(self) -> None:
        context = self._context

        def start(community: directory.CommunityView | None) -> None:
            if community is None:
                self._pick_community_first()
                return
            same = context[0] == community.id
            building, unit = (context[1], context[2]) if same else ("", "")
            self.household_pane.start_new(community, building, unit)
            self._show_page(self.household_pane)
            pane = self.household_pane
            (pane.room if building and unit else pane.building).setFocus()

        self._with_context_community(start)

    def new_building(self) -> None:
        def start(community: directory.CommunityView | None) -> None:
            if community is None:
                self._pick_community_first()
                return
            self.building_pane.start_new(community)
            self._show_page(self.building_pane)
            self.building_pane.number.setFocus()

        self._with_context_community(start)

    def new_community(self) -> None:
        self.community_pane.start_new()
        self._show_page(self.community_pane)
        self.community_pane.code.setFocus()

    def open_import(self) -> None:
        def start(community: directory.CommunityView | None) -> None:
            from wuye_desktop.ui.directory.import_dialog import ImportDialog

            dialog = ImportDialog(self.ctx, community.code if community else None, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            open_returning_focus(dialog)

        self._with_context_community(start)

    # -- after a save ------------------------------------------------------------------------

    def _household_saved(self, view: directory.HouseholdView, created: bool) -> None:
        self._context = (view.community_id, view.building, view.unit)
        if created:

            def opened(unit: QModelIndex | None) -> None:
                if unit is not None:
                    self.tree.select_quietly(Kind.HOUSEHOLD, view.id)

            self._reload_branch(
                view.community_id,
                view.building,
                lambda: self.tree.expand_path(view.community_id, view.building, view.unit, opened),
            )
            self.finder.search_now(force=True)
        else:
            actor = self.ctx.actor

            def rows_arrived(rows: list[directory.HouseholdRow]) -> None:
                if rows:
                    self.tree_model.update_payload(Kind.HOUSEHOLD, view.id, rows[0])

            run_db(
                self,
                self.ctx.db,
                lambda db: directory.household_rows(db, actor, [view.id]),
                label=self.tr("Reading the household…"),
                on_done=rows_arrived,
                on_error=lambda e: messages.show_error(self, e),
            )
            self.results_model.refresh_rows()
        self._announce()

    def _building_saved(self, view: directory.BuildingView, created: bool) -> None:
        if created:

            def reloaded() -> None:
                index = self.tree_model.find_loaded(Kind.COMMUNITY, view.community_id)
                if index.isValid():
                    self.tree.expand(index)
                    self.tree.select_quietly(Kind.BUILDING, view.id)

            self._reload_branch(view.community_id, None, reloaded)
        else:
            self.tree_model.update_payload(Kind.BUILDING, view.id, view)
        self._context = (view.community_id, view.number, "")
        self._announce()

    def _community_saved(self, view: directory.CommunityView, created: bool) -> None:
        if created:
            self.tree.reset_keeping_open(lambda: self.tree.select_quietly(Kind.COMMUNITY, view.id))
        else:
            self.tree_model.update_payload(Kind.COMMUNITY, view.id, view)
            self.results_model.refresh_rows()
        self._context = (view.id, "", "")
        self.finder.reload_scope()
        self._announce()

    def _reload_branch(
        self, community_id: int, building: str | None, then: Callable[[], None]
    ) -> None:
        """Read again the part of the tree a new building or household went into, then call
        *then*; the community's counts are read again too."""
        index = self.tree_model.find_loaded(Kind.COMMUNITY, community_id)
        if not index.isValid():
            then()
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
            self.tree.reload_keeping_open(index, then)
        else:
            then()
        actor = self.ctx.actor
        run_db(
            self,
            self.ctx.db,
            lambda db: directory.get_community(db, actor, community_id),
            label=self.tr("Reading the community…"),
            on_done=lambda c: self.tree_model.update_payload(Kind.COMMUNITY, community_id, c),
            on_error=lambda e: messages.show_error(self, e),
        )

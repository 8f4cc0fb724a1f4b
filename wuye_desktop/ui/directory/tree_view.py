"""The Directory tab's tree view, which keeps its state across reloads.

Reading the tree again (F5, another desk's change, a new record) would close every branch and
lose the selection; the view remembers what was open and selected and restores it, opens the
path down to a unit, and selects a node without the tab taking it for the user's click. The
levels arrive from the database thread, so opening goes on level by level as each arrives, and
who needs the result passes a continuation.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from wuye_desktop.ui.directory.tree_model import DirectoryTreeModel, Kind, Node

Ident = tuple[Kind, int]


class DirectoryTreeView(QTreeView):
    """The community → building → unit → household tree over a :class:`DirectoryTreeModel`."""

    def __init__(self, model: DirectoryTreeModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree_model = model
        self.syncing = False  # while the view moves its own selection (see select_quietly)
        self.setModel(model)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    @staticmethod
    def context_of(node: Node) -> tuple[int | None, str, str]:
        """The community id, building number and unit number *node* is in ("" where none)."""
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

    def current_ident(self) -> Ident | None:
        index = self.currentIndex()
        return self.tree_model.node(index).ident if index.isValid() else None

    def expanded_under(self, parent: QModelIndex) -> list[Ident]:
        """Open nodes at and below *parent*, parents before children."""
        found: list[Ident] = []
        if parent.isValid() and self.isExpanded(parent):
            found.append(self.tree_model.node(parent).ident)
        for row in range(self.tree_model.rowCount(parent)):
            child = self.tree_model.index(row, 0, parent)
            if self.isExpanded(child):
                found.extend(self.expanded_under(child))
        return found

    def expand_again(self, idents: list[Ident], then: Callable[[], None] | None = None) -> None:
        """Open the nodes :meth:`expanded_under` listed, one after the other as each level
        arrives from the database thread, then call *then*."""
        if not idents:
            if then is not None:
                then()
            return
        (kind, ident), rest = idents[0], idents[1:]
        index = self.tree_model.find_loaded(kind, ident)
        if not index.isValid():  # gone, or its parent was not opened again
            self.expand_again(rest, then)
            return

        def arrived() -> None:
            here = self.tree_model.find_loaded(kind, ident)  # still there after the wait?
            if here.isValid():
                self.expand(here)
            self.expand_again(rest, then)

        self.tree_model.fetch(index, arrived)

    def reset_keeping_open(self, then: Callable[[], None] | None = None) -> None:
        """Read the whole tree again with the same branches open, then call *then*."""
        expanded = self.expanded_under(QModelIndex())
        self.tree_model.reset(lambda: self.expand_again(expanded, then))

    def reload_keeping_open(
        self, index: QModelIndex, then: Callable[[], None] | None = None
    ) -> None:
        """Read *index*'s children again with the same branches below it open."""
        expanded = self.expanded_under(index)
        self.tree_model.reload(index, lambda: self.expand_again(expanded, then))

    def expand_path(
        self,
        community_id: int,
        building: str,
        unit: str,
        then: Callable[[QModelIndex | None], None] | None = None,
    ) -> None:
        """Open the tree down to a unit, reading each level as it is reached, then call
        *then* with the unit's index (None if the path is not there)."""
        done: Callable[[QModelIndex | None], None] = then or (lambda _index: None)
        index = self.tree_model.find_loaded(Kind.COMMUNITY, community_id)
        self._open_down(index, [building, unit], done)

    def _open_down(
        self, index: QModelIndex, numbers: list[str], done: Callable[[QModelIndex | None], None]
    ) -> None:
        if not index.isValid():
            done(None)
            return
        kind, ident = self.tree_model.node(index).ident

        def arrived() -> None:
            here = self.tree_model.find_loaded(kind, ident)  # still there after the wait?
            if not here.isValid():
                done(None)
                return
            self.expand(here)
            if not numbers:
                done(here)
                return
            children = self.tree_model.node(here).children or []
            match = next((n for n in children if n.payload.number == numbers[0]), None)
            if match is None:
                done(None)
                return
            self._open_down(self.tree_model.index_of(match), numbers[1:], done)

        self.tree_model.fetch(index, arrived)

    def select_quietly(self, kind: Kind, ident: int) -> None:
        """Select a loaded node; :attr:`syncing` tells the tab this is not the user's choice."""
        index = self.tree_model.find_loaded(kind, ident)
        if not index.isValid():
            return
        self.syncing = True
        try:
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self.scrollTo(index)
        finally:
            self.syncing = False

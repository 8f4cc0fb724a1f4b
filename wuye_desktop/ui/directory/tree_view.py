"""The Directory tab's tree view, which keeps its state across reloads.

Reading the tree again (F5, another desk's change, a new record) would close every branch and
lose the selection; the view remembers what was open and selected and restores it, opens the
path down to a unit, and selects a node without the tab taking it for the user's click.
"""

from __future__ import annotations

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

    def expand_again(self, idents: list[Ident]) -> None:
        """Open the nodes :meth:`expanded_under` listed, reading each as needed."""
        for kind, ident in idents:
            index = self.tree_model.find_loaded(kind, ident)
            if index.isValid():
                if self.tree_model.canFetchMore(index):
                    self.tree_model.fetchMore(index)
                self.expand(index)

    def reset_keeping_open(self) -> None:
        """Read the whole tree again with the same branches open."""
        expanded = self.expanded_under(QModelIndex())
        self.tree_model.reset()
        self.expand_again(expanded)

    def reload_keeping_open(self, index: QModelIndex) -> None:
        """Read *index*'s children again with the same branches below it open."""
        expanded = self.expanded_under(index)
        self.tree_model.reload(index)
        self.expand_again(expanded)

    def expand_path(self, community_id: int, building: str, unit: str) -> QModelIndex | None:
        """Open the tree down to a unit, reading each level as needed."""
        index = self.tree_model.find_loaded(Kind.COMMUNITY, community_id)
        for number in (building, unit):
            if not index.isValid():
                return None
            if self.tree_model.canFetchMore(index):
                self.tree_model.fetchMore(index)
            self.expand(index)
            children = self.tree_model.node(index).children or []
            match = next((n for n in children if n.payload.number == number), None)
            if match is None:
                return None
            index = self.tree_model.index_of(match)
        if self.tree_model.canFetchMore(index):
            self.tree_model.fetchMore(index)
        self.expand(index)
        return index

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

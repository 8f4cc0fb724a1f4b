"""The community → building → unit → household tree, loaded one level at a time.

Only the communities are read up front; a community's buildings are read when it is expanded,
a building's units likewise, and a unit's households only when that unit is opened. So a
company with 50,000 households opens the tab with a handful of rows.

Each level is read on the database thread (:func:`db_worker.run_db`): ``fetchMore`` asks, and
the rows are inserted when the answer arrives. Code that must go on once a level is in (opening
a path, restoring the open branches) asks through :meth:`DirectoryTreeModel.fetch` with a
continuation.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QStyle

from wuye_desktop.core import directory
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbRequest, run_db

AnyIndex = QModelIndex | QPersistentModelIndex
_TOP = QModelIndex()  # the invisible root, as a default argument


class Kind(enum.Enum):
    ROOT = "root"
    COMMUNITY = "community"
    BUILDING = "building"
    UNIT = "unit"
    HOUSEHOLD = "household"


@dataclass(eq=False)
class Node:
    kind: Kind
    id: int
    key: int  # the QModelIndex internal id
    parent: Node | None
    row: int
    text: str = ""
    tooltip: str = ""
    has_children: bool = False
    children: list[Node] | None = None  # None: not read yet
    payload: Any = None  # the core view the node shows
    # While its children are being read: what to do once they are in (see fetch()).
    waiting: list[Callable[[], None]] | None = field(default=None, repr=False)
    request: DbRequest | None = field(default=None, repr=False)  # the read on its way

    @property
    def ident(self) -> tuple[Kind, int]:
        return (self.kind, self.id)


class DirectoryTreeModel(QAbstractItemModel):
    """A lazy QAbstractItemModel over the directory (fetchMore per level)."""

    IdentRole = Qt.ItemDataRole.UserRole + 1  # (Kind, id)

    # A level could not be read (e.g. the database server went away); the tab shows why.
    load_failed = Signal(object)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._keys = itertools.count(1)
        self._nodes: dict[int, Node] = {}
        self._by_ident: dict[tuple[Kind, int], Node] = {}
        self._root = self._new_node(Kind.ROOT, 0, None, 0, has_children=True)

    # -- nodes -------------------------------------------------------------------------------

    def _new_node(
        self, kind: Kind, ident: int, parent: Node | None, row: int, **values: Any
    ) -> Node:
        node = Node(kind, ident, next(self._keys), parent, row, **values)
        self._nodes[node.key] = node
        self._by_ident[node.ident] = node
        return node

    def node(self, index: AnyIndex) -> Node:
        if not index.isValid():
            return self._root
        return self._nodes[index.internalId()]

    def index_of(self, node: Node) -> QModelIndex:
        if node is self._root:
            return QModelIndex()
        return self.createIndex(node.row, 0, node.key)

    def find_loaded(self, kind: Kind, ident: int) -> QModelIndex:
        """The index of a node already read, or an invalid index (nothing is read for this)."""
        node = self._by_ident.get((kind, ident))
        return self.index_of(node) if node is not None else QModelIndex()

    def is_loaded(self, index: AnyIndex) -> bool:
        return self.node(index).children is not None

    def loaded_ids(self, kind: Kind) -> set[int]:
        """Ids of the nodes of *kind* whose children were read (tests, restoring expansion)."""
        return {n.id for n in self._nodes.values() if n.kind is kind and n.children is not None}

    # -- reading -----------------------------------------------------------------------------

    def describe(self, kind: Kind, payload: Any) -> tuple[str, str]:
        """The text and tooltip of a node showing *payload* (a core view or row)."""
        if kind is Kind.COMMUNITY:
            c: directory.CommunityView = payload
            return (
                self.tr("{name} ({code})").format(name=c.name, code=c.code),
                self.tr("{buildings} buildings, {households} households").format(
                    buildings=c.building_count, households=c.household_count
                ),
            )
        if kind is Kind.BUILDING:
            b: directory.BuildingView = payload
            return (
                b.name or b.number,
                self.tr("{floors} floors, {elevators} elevators").format(
                    floors=b.floors, elevators=b.elevator_count
                ),
            )
        if kind is Kind.UNIT:
            u: directory.UnitView = payload
            return (
                self.tr("Unit {number} · {count}").format(number=u.number, count=u.household_count),
                self.tr("%n households", "", u.household_count),
            )
        h: directory.HouseholdRow = payload
        room = h.room_label.rsplit("-", 1)[-1]
        owner = h.owner_name + (f" +{h.owner_count - 1}" if h.owner_count > 1 else "")
        return f"{room}  {owner}".rstrip(), h.code

    def _child(self, kind: Kind, ident: int, parent: Node, row: int, payload: Any) -> Node:
        text, tooltip = self.describe(kind, payload)
        if kind is Kind.COMMUNITY:
            has_children = payload.building_count > 0
        elif kind is Kind.UNIT:
            has_children = payload.household_count > 0
        else:
            has_children = kind is Kind.BUILDING  # units are not counted up front
        return self._new_node(
            kind,
            ident,
            parent,
            row,
            text=text,
            tooltip=tooltip,
            has_children=has_children,
            payload=payload,
        )

    def _forget(self, nodes: list[Node]) -> None:
        for n in nodes:
            if n.children:
                self._forget(n.children)
            self._nodes.pop(n.key, None)
            self._by_ident.pop(n.ident, None)

    # -- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = _TOP) -> QModelIndex:
        node = self.node(parent)
        if column != 0 or node.children is None or not 0 <= row < len(node.children):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row].key)

    def parent(self, index: AnyIndex = _TOP) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self.node(index).parent
        return QModelIndex() if up is None or up is self._root else self.index_of(up)

    def rowCount(self, parent: AnyIndex = _TOP) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        children = self.node(parent).children
        return len(children) if children is not None else 0

    def columnCount(self, parent: AnyIndex = _TOP) -> int:
        return 1

    def hasChildren(self, parent: AnyIndex = _TOP) -> bool:
        node = self.node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.has_children

    def canFetchMore(self, parent: AnyIndex) -> bool:
        node = self.node(parent)
        return node.children is None and node.has_children

    def fetchMore(self, parent: AnyIndex) -> None:
        self.fetch(parent)

    def fetch(self, parent: AnyIndex, then: Callable[[], None] | None = None) -> None:
        """Read *parent*'s children on the database thread, then call *then* (at once if they
        are in already). If the level cannot be read, :attr:`load_failed` says why and *then*
        is not called."""
        node = self.node(parent)
        if node.children is not None:
            if then is not None:
                then()
            return
        first = node.waiting is None
        node.waiting = [*(node.waiting or []), *([then] if then is not None else [])]
        if not first:
            return  # asked already: this continuation waits for the same answer
        kind, ident, actor = node.kind, node.id, self._ctx.actor
        node.request = run_db(
            self,
            self._ctx.db,
            lambda db: _read_level(db, actor, kind, ident),
            label=self.tr("Reading the directory…"),
            on_done=lambda items: self._level_arrived(node, items),
            on_error=lambda e: self._level_refused(node, e),
        )

    def _alive(self, node: Node) -> bool:
        """*node* is still in the tree (not forgotten by a reset or reload since it asked)."""
        return node is self._root or self._nodes.get(node.key) is node

    def _level_arrived(self, node: Node, items: list[tuple[Kind, int, Any]]) -> None:
        waiting, node.waiting, node.request = node.waiting or [], None, None
        if not self._alive(node) or node.children is not None:
            return
        children = [self._child(k, i, node, row, p) for row, (k, i, p) in enumerate(items)]
        if not children:
            node.children = []
            node.has_children = False
            if node is not self._root:  # its arrow goes
                self.dataChanged.emit(self.index_of(node), self.index_of(node))
        else:
            self.beginInsertRows(self.index_of(node), 0, len(children) - 1)
            node.children = children
            self.endInsertRows()
        for then in waiting:
            then()

    def _level_refused(self, node: Node, error: WuyeError) -> None:
        node.waiting = node.request = None  # left unread: expanding again tries again
        if self._alive(node):
            self.load_failed.emit(error)

    @property
    def reading(self) -> bool:
        """A level is on its way from the database thread."""
        return any(n.waiting is not None for n in self._nodes.values())

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self.node(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == Qt.ItemDataRole.DecorationRole:
            return _icon(node.kind)
        if role == self.IdentRole:
            return node.ident
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- changes -----------------------------------------------------------------------------

    def reset(self, then: Callable[[], None] | None = None) -> None:
        """Forget everything read (F5, or a change elsewhere); communities are read again,
        then *then* is called."""
        self.beginResetModel()
        self._nodes.clear()
        self._by_ident.clear()
        self._root = self._new_node(Kind.ROOT, 0, None, 0, has_children=True)
        self.endResetModel()
        self.fetch(QModelIndex(), then)

    def reload(self, index: AnyIndex, then: Callable[[], None] | None = None) -> None:
        """Read one node's children again, e.g. after a building or household was added;
        *then* is called once they are in."""
        node = self.node(index)
        parent = self.index_of(node)
        if node.children:
            self.beginRemoveRows(parent, 0, len(node.children) - 1)
            self._forget(node.children)
            node.children = None
            self.endRemoveRows()
        node.children = None
        node.has_children = True
        carried = node.waiting or []  # who waited for the old answer waits for the new one
        if node.request is not None:  # an answer on its way would show the old children
            node.request.drop()
        node.waiting = node.request = None
        self.fetch(parent, then)
        node.waiting = [*carried, *(node.waiting or [])]

    def retranslate(self) -> None:
        """Texts in the new UI language for every node read so far."""
        for node in list(self._nodes.values()):
            if node.kind is not Kind.ROOT:
                node.text, node.tooltip = self.describe(node.kind, node.payload)
        for node in list(self._nodes.values()):
            if node.children:
                first = self.index_of(node.children[0])
                last = self.index_of(node.children[-1])
                self.dataChanged.emit(first, last)

    def update_payload(self, kind: Kind, ident: int, payload: Any) -> None:
        """Show a node's saved data (a household's new owner, a community's new name)."""
        index = self.find_loaded(kind, ident)
        if not index.isValid():
            return
        node = self.node(index)
        node.payload = payload
        node.text, node.tooltip = self.describe(kind, payload)
        self.dataChanged.emit(index, index)


def _read_level(db: Database, actor: Actor, kind: Kind, ident: int) -> list[tuple[Kind, int, Any]]:
    """The children of node (*kind*, *ident*): runs on the database thread."""
    if kind is Kind.ROOT:
        return [(Kind.COMMUNITY, c.id, c) for c in directory.list_communities(db, actor)]
    if kind is Kind.COMMUNITY:
        return [(Kind.BUILDING, b.id, b) for b in directory.list_buildings(db, actor, ident)]
    if kind is Kind.BUILDING:
        return [(Kind.UNIT, u.id, u) for u in directory.list_units(db, actor, ident)]
    if kind is Kind.UNIT:
        ids = directory.household_ids_in_unit(db, actor, ident)
        return [(Kind.HOUSEHOLD, h.id, h) for h in directory.household_rows(db, actor, ids)]
    return []


_STANDARD_ICONS = {
    Kind.COMMUNITY: QStyle.StandardPixmap.SP_DirHomeIcon,
    Kind.BUILDING: QStyle.StandardPixmap.SP_DirIcon,
    Kind.UNIT: QStyle.StandardPixmap.SP_DirOpenIcon,
    Kind.HOUSEHOLD: QStyle.StandardPixmap.SP_FileIcon,
}


def _icon(kind: Kind) -> Any:
    pixmap = _STANDARD_ICONS.get(kind)
    style = QApplication.style()
    return style.standardIcon(pixmap) if pixmap is not None and style is not None else None

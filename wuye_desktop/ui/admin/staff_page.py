"""Administration → Staff: the directory work orders are dispatched to (own technicians and
teams, the channels' contacts), with phones, skills and each one's open orders; add, edit,
deactivate. The list, the communities and every save run on the database thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from wuye_desktop.core import directory, staff
from wuye_desktop.core.staff import STAFF_KIND_LABELS, StaffInput, StaffKind, StaffRow
from wuye_desktop.core.vocab import CATEGORY_LABELS, CHANNEL_LABELS, Category, Channel
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.admin.short_list import ShortListModel, ShortListPage
from wuye_desktop.ui.admin.users_page import _SavingDialog
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import tr_core
from wuye_desktop.ui.widgets.focus_return import exec_returning_focus

Index = QModelIndex | QPersistentModelIndex
Communities = list[tuple[int, str]]
COLUMNS = 7
SKILLS_COLUMN = 5  # takes the width left: the list of skills is the longest


def skills_text(skills: tuple[str, ...]) -> str:
    return "/".join(tr_core(CATEGORY_LABELS[Category(code)]) for code in skills)


class StaffModel(ShortListModel[StaffRow]):
    """The directory; a short list, read whole."""

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Kind"),
            self.tr("Channel"),
            self.tr("Community"),
            self.tr("Phone"),
            self.tr("Skills"),
            self.tr("Open orders"),
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return Qt.GlobalColor.gray
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == COLUMNS - 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = [
            row.name if row.active else self.tr("{name} (inactive)").format(name=row.name),
            tr_core(STAFF_KIND_LABELS[row.kind]),
            tr_core(CHANNEL_LABELS[Channel(row.channel)]),
            row.community_name or self.tr("All communities"),
            row.phone,
            skills_text(row.skills),
            str(row.open_orders),
        ]
        return values[index.column()]


class StaffDialog(_SavingDialog):
    """Add a person (``person`` is None) or edit one. Ctrl+Enter saves."""

    def __init__(
        self,
        ctx: AppContext,
        communities: Communities,
        person: StaffRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self._person = person
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.kind = QComboBox()
        self.channel = QComboBox()
        self.community = QComboBox()
        self.phone = QLineEdit()
        self.phone.setMaxLength(40)
        self.skills = QListWidget()
        self.skills.setMinimumHeight(self.skills.fontMetrics().height() * 8)
        self.active = QCheckBox()
        for kind in StaffKind:
            self.kind.addItem("", kind.value)
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.community.addItem("", None)
        for community_id, name in communities:
            self.community.addItem(name, community_id)
        for category in Category:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, category.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.skills.addItem(item)
        fields: dict[str, QWidget] = {
            "name": self.name,
            "kind": self.kind,
            "channel": self.channel,
            "community": self.community,
            "phone": self.phone,
            "skills": self.skills,
        }
        if person is not None:
            fields["active"] = self.active
            self._fill(person)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self._lay_out(fields, 440)
        self.name.setFocus()
        self.retranslate()

    def _fill(self, person: StaffRow) -> None:
        self.name.setText(person.name)
        self.kind.setCurrentIndex(self.kind.findData(person.kind.value))
        self.channel.setCurrentIndex(self.channel.findData(person.channel))
        self.community.setCurrentIndex(max(0, self.community.findData(person.community_id)))
        self.phone.setText(person.phone)
        for number in range(self.skills.count()):
            item = self.skills.item(number)
            if item.data(Qt.ItemDataRole.UserRole) in person.skills:
                item.setCheckState(Qt.CheckState.Checked)
        self.active.setChecked(person.active)

    def _kind_changed(self, _index: int = 0) -> None:
        # The company's own people work for its own channel (the core holds them to it).
        own = self.kind.currentData() != StaffKind.CONTACT.value
        if own:
            self.channel.setCurrentIndex(self.channel.findData(Channel.PROPERTY.value))
        self.channel.setEnabled(not own)

    def retranslate(self) -> None:
        new = self._person is None
        self.setWindowTitle(self.tr("Add to the staff directory") if new else self.tr("Edit"))
        texts = {
            "name": self.tr("&Name"),
            "kind": self.tr("&Kind"),
            "channel": self.tr("C&hannel"),
            "community": self.tr("Co&mmunity"),
            "phone": self.tr("&Phone"),
            "skills": self.tr("&Skills"),
            "active": self.tr("Dispatch"),
        }
        for name, label in self._labels.items():
            label.setText(texts[name])
        for number, kind in enumerate(StaffKind):
            self.kind.setItemText(number, tr_core(STAFF_KIND_LABELS[kind]))
        for number, channel in enumerate(Channel):
            self.channel.setItemText(number, tr_core(CHANNEL_LABELS[channel]))
        self.community.setItemText(0, self.tr("All communities"))
        for number, category in enumerate(Category):
            self.skills.item(number).setText(tr_core(CATEGORY_LABELS[category]))
        self.active.setText(self.tr("&Active: offered when dispatching"))
        self.name.setPlaceholderText(self.tr("e.g. 张师傅, 绿化班, 青岛房修 李工"))

    def value(self) -> StaffInput:
        skills = tuple(
            str(self.skills.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.skills.count())
            if self.skills.item(n).checkState() == Qt.CheckState.Checked
        )
        return StaffInput(
            name=self.name.text(),
            kind=str(self.kind.currentData()),
            channel=str(self.channel.currentData()),
            community_id=self.community.currentData(),
            phone=self.phone.text(),
            skills=skills,
            active=self.active.isChecked() if self._person is not None else True,
        )

    def _save(self) -> None:
        self.errors.clear()
        actor, data, person = self._ctx.actor, self.value(), self._person
        if person is None:
            self._submit(lambda db: staff.add_staff(db, actor, data))
        else:
            self._submit(lambda db: staff.update_staff(db, actor, person.id, person.version, data))


def _read(db: Database, ctx: AppContext) -> tuple[list[StaffRow], Communities]:
    rows = staff.list_staff(db, ctx.actor)
    communities = [(c.id, c.name) for c in directory.list_communities(db, ctx.actor)]
    return rows, communities


class StaffPage(Retranslating, ShortListPage[StaffRow]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.deactivate_button = QPushButton()
        super().__init__(
            StaffModel(), [self.add_button, self.edit_button, self.deactivate_button], parent
        )
        self._ctx = ctx
        self._list = DbChannel(self)
        self._deactivating = DbChannel(self)
        self.communities: Communities = []
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SKILLS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.add_button.clicked.connect(self.add_person)
        self.edit_button.clicked.connect(self.edit_person)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.selection_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&New person or team…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.deactivate_button.setText(self.tr("Deacti&vate"))
        self.model.retranslate()

    @property
    def loading(self) -> bool:
        return self._list.busy or self._deactivating.busy

    def reload(self) -> None:
        ctx = self._ctx
        self._list.submit(
            ctx.db,
            lambda db: _read(db, ctx),
            label=self.tr("Reading the staff directory…"),
            on_done=self._arrived,
        )

    def _arrived(self, answer: tuple[list[StaffRow], Communities]) -> None:
        rows, self.communities = answer
        self.show_rows(rows)

    def selection_changed(self) -> None:
        person = self.selected()
        self.edit_button.setEnabled(person is not None)
        self.deactivate_button.setEnabled(
            person is not None and person.active and not self._deactivating.busy
        )

    def open_selected(self) -> None:
        self.edit_person()

    def add_person(self) -> None:
        if exec_returning_focus(StaffDialog(self._ctx, self.communities, None, self), self.table):
            self.reload()

    def edit_person(self) -> None:
        person = self.selected()
        dialog = StaffDialog(self._ctx, self.communities, person, self) if person else None
        if dialog is not None and exec_returning_focus(dialog, self.table):
            self.reload()

    def deactivate(self) -> None:
        person = self.selected()
        if person is None:
            return
        actor = self._ctx.actor
        request = self._deactivating.submit(
            self._ctx.db,
            lambda db: staff.deactivate_staff(db, actor, person.id, person.version),
            label=self.tr("Saving…"),
            on_done=lambda _result: self.reload(),
        )
        request.finished.connect(self.selection_changed)
        self.selection_changed()

"""The dispatch dialog's handler field: a name typed with a list of who can take the order.

The list is the core's answer (core.staff.handler_choices): the staff directory's people of the
order's community for the chosen channel, those skilled in its category first, then the least
busy, each shown as "张师傅 · 渗漏/水电 · 在办 3 · 13800001111"; then names typed at earlier
dispatches. Typing filters it (part of a name will do), ↓ opens it whole, Enter takes the
highlighted entry; a name not in it is kept as typed (the fallback). The list is read on the
database thread, again whenever the channel changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

from wuye_desktop.core import staff
from wuye_desktop.core.staff import HandlerChoice
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.work_orders import labels

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what is matched and put in the field: the name


class HandlerPicker(QObject):
    """Adds the list to *edit* and a line under it (*hint*) saying who the name is."""

    def __init__(self, ctx: AppContext, edit: QLineEdit, hint: QLabel, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.edit = edit
        self.hint = hint
        self.choices: list[HandlerChoice] = []
        self.channel = ""  # the channel self.choices are for
        self._reads = DbChannel(self)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.completer.setMaxVisibleItems(12)
        edit.setCompleter(self.completer)
        edit.installEventFilter(self)
        edit.textChanged.connect(self._describe)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")

    @property
    def loading(self) -> bool:
        return self._reads.busy

    def ask(self, community_id: int, category: str, channel: str) -> None:
        """Read who can take an order of the community and category sent to *channel*."""
        actor = self.ctx.actor
        self._reads.submit(
            self.ctx.db,
            lambda db: staff.handler_choices(db, actor, community_id, category, channel),
            label=self.tr("Reading the staff directory…"),
            on_done=lambda choices: self._arrived(channel, choices),
        )

    def _arrived(self, channel: str, choices: list[HandlerChoice]) -> None:
        self.channel, self.choices = channel, choices
        self.model.clear()
        for choice in choices:
            item = QStandardItem(self.line(choice))
            item.setData(choice.name, NAME_ROLE)
            item.setEditable(False)
            if choice.staff_id is None:
                item.setForeground(Qt.GlobalColor.darkGray)
            self.model.appendRow(item)
        self._describe()

    def line(self, choice: HandlerChoice) -> str:
        """One entry of the list: name, skills (or "typed before"), workload, phone."""
        if choice.staff_id is None:
            what = self.tr("typed before")
        else:
            what = "/".join(labels.category_text(code) for code in choice.skills)
        busy = self.tr("{n} open").format(n=choice.open_orders)
        return " · ".join(part for part in (choice.name, what, busy, choice.phone) if part)

    def picked(self) -> HandlerChoice | None:
        """The directory's person whose name is in the field, if any (None: typed freely)."""
        name = self.edit.text().strip().lower()
        for choice in self.choices:
            if choice.staff_id is not None and choice.name.lower() == name:
                return choice
        return None

    def picked_id(self, channel: str) -> int | None:
        """The staff id to dispatch to on *channel*: only from a list read for that channel."""
        choice = self.picked()
        return choice.staff_id if choice is not None and channel == self.channel else None

    def _describe(self, _text: str = "") -> None:
        choice = self.picked()
        if choice is not None:
            self.hint.setText(self.line(choice))
        elif self.edit.text().strip():
            self.hint.setText(self.tr("Not in the staff directory: kept as typed."))
        else:
            self.hint.setText("")

    def show_all(self) -> None:
        """The whole list under the field, as ↓ opens it."""
        self.completer.setCompletionPrefix("")
        self.completer.complete()

    def popup_shown(self) -> bool:
        popup = self.completer.popup()
        return popup is not None and popup.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.model.rowCount()
            and not self.popup_shown()
        ):
            self.show_all()
            return True
        return super().eventFilter(watched, event)

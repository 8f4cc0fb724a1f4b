"""A list of dates edited with the keyboard: pick a date, Enter (or Add) puts it in the list;
Delete (or Remove) takes the selected one out. Public holidays and make-up working days."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.clock import today_local

_ADD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_REMOVE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateListEdit(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = QDateEdit()
        self.picker.setCalendarPopup(True)
        self.picker.setDisplayFormat("yyyy-MM-dd")
        self.picker.setDate(_qdate(today_local()))
        self.picker.installEventFilter(self)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_picked)
        self.remove_button = QPushButton()
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.installEventFilter(self)
        self.list.setMinimumHeight(self.list.fontMetrics().height() * 5)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.picker, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("Add"))
        self.add_button.setToolTip(self.tr("Enter in the date adds it"))
        self.remove_button.setText(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Delete removes the selected date"))

    def dates(self) -> frozenset[date]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return frozenset(
            date.fromisoformat(str(item.data(Qt.ItemDataRole.UserRole)))
            for item in items
            if item is not None
        )

    def set_dates(self, days: frozenset[date]) -> None:
        self.list.clear()
        for day in sorted(days):
            self._add(day)

    def _add(self, day: date) -> None:
        # Weekday names would need translating per language; the ISO date reads the same in all.
        item = QListWidgetItem(day.isoformat())
        item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
        self.list.addItem(item)

    def add_picked(self) -> None:
        picked = self.picker.date()
        day = date(picked.year(), picked.month(), picked.day())
        if day not in self.dates():
            keep = sorted(self.dates() | {day})
            self.set_dates(frozenset(keep))
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == day.isoformat():
                self.list.setCurrentRow(i)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.list.takeItem(row)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.picker and event.key() in _ADD_KEYS and not event.modifiers():
                self.add_picked()
                return True
            if watched is self.list and event.key() in _REMOVE_KEYS:
                self.remove_selected()
                return True
        return super().eventFilter(watched, event)

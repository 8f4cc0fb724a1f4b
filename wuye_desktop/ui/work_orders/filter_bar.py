"""The filters above the work-order list. They only describe an OrderFilter; the list applies
it as a new SQL query. Choices emit ``changed`` at once, typing after a short pause."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.clock import today_local
from wuye_desktop.core.directory import CommunityChoice
from wuye_desktop.core.orders import OPEN_STATUSES, OrderFilter, Status
from wuye_desktop.core.search import SearchQuery
from wuye_desktop.core.spoken import CATEGORY_PINYIN
from wuye_desktop.core.vocab import Category, Channel, Source, Tier
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import tr_core
from wuye_desktop.ui.widgets.dates import edited_date
from wuye_desktop.ui.widgets.spoken_combo import SpokenCombo
from wuye_desktop.ui.work_orders import labels

TEXT_DELAY_MS = 250
OPEN_PRESET = frozenset(s.value for s in OPEN_STATUSES)


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked with the mouse."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


def _choice_combo() -> QComboBox:
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class FilterBar(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._statuses: set[str] = set(OPEN_PRESET)
        self._quiet = False  # while several fields are set at once

        self.text = QLineEdit()
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(260)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(TEXT_DELAY_MS)
        self._debounce.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _t: self._debounce.start())
        # What the search made of the text ("电话尾号 3719"), so the desk knows why rows show.
        self.understood = QLabel()
        self.understood.setObjectName("searchUnderstood")
        self._understood: SearchQuery | None = None

        self.status_button = QToolButton()
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = _StayOpenMenu(self.status_button)
        self.open_preset_action = QAction(self.status_menu)
        self.open_preset_action.triggered.connect(lambda: self.set_statuses(OPEN_PRESET))
        self.all_statuses_action = QAction(self.status_menu)
        self.all_statuses_action.triggered.connect(lambda: self.set_statuses(()))
        self.status_menu.addAction(self.open_preset_action)
        self.status_menu.addAction(self.all_statuses_action)
        self.status_menu.addSeparator()
        self.status_actions: dict[str, QAction] = {}
        for status in Status:
            action = QAction(self.status_menu)
            action.setCheckable(True)
            action.toggled.connect(lambda on, s=status.value: self._status_toggled(s, on))
            self.status_menu.addAction(action)
            self.status_actions[status.value] = action
        self.status_button.setMenu(self.status_menu)

        self.community = _choice_combo()
        self.tier = _choice_combo()
        self.category = SpokenCombo(CATEGORY_PINYIN)  # sl finds 渗漏
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.channel = _choice_combo()
        self.source = _choice_combo()
        for combo in (self.community, self.tier, self.category, self.channel, self.source):
            combo.currentIndexChanged.connect(self._emit)
        self.overdue = QCheckBox()
        self.due_soon = QCheckBox()
        for box in (self.overdue, self.due_soon):
            box.toggled.connect(self._emit)

        self.date_range = QCheckBox()
        today = today_local()
        self.date_from = QDateEdit()
        self.date_to = QDateEdit()
        for edit, day in ((self.date_from, today - timedelta(days=30)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.setEnabled(False)
            edit.dateChanged.connect(self._dates_changed)
        self.date_range.toggled.connect(self._date_range_toggled)
        self.date_dash = QLabel("–")
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.reset)

        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        first.addWidget(self.text, 3)
        first.addWidget(self.understood)
        first.addWidget(self.status_button)
        first.addWidget(self.community, 1)
        first.addWidget(self.overdue)
        first.addWidget(self.due_soon)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        for combo in (self.tier, self.category, self.channel, self.source):
            second.addWidget(combo)
        second.addSpacing(8)
        second.addWidget(self.date_range)
        second.addWidget(self.date_from)
        second.addWidget(self.date_dash)
        second.addWidget(self.date_to)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(first)
        layout.addLayout(second)

        self._fill_choices()
        self.retranslate()
        self._sync_status_actions()

    # -- choices ---------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        self.tier.addItem("", None)
        for tier in Tier:
            self.tier.addItem("", tier.value)
        self.category.addItem("", None)
        for category in Category:
            self.category.addItem("", category.value)
        self.channel.addItem("", None)
        for channel in Channel:
            self.channel.addItem("", channel.value)
        self.source.addItem("", None)
        for source in Source:
            self.source.addItem("", source.value)
        self.community.addItem("", None)

    def set_communities(self, communities: Sequence[CommunityChoice]) -> None:
        """Fill the community choice, keeping the one picked if it still exists."""
        keep = self.community.currentData()
        self.community.blockSignals(True)
        try:
            while self.community.count() > 1:
                self.community.removeItem(1)
            for c in communities:
                self.community.addItem(c.name, c.id)
            self.community.setCurrentIndex(max(0, self.community.findData(keep)) if keep else 0)
        finally:
            self.community.blockSignals(False)

    # -- status ----------------------------------------------------------------------------------

    def set_statuses(self, statuses: Sequence[str] | frozenset[str]) -> None:
        self._statuses = set(statuses)
        self._sync_status_actions()
        self._emit()

    def _status_toggled(self, status: str, on: bool) -> None:
        if self._quiet:
            return
        if on:
            self._statuses.add(status)
        else:
            self._statuses.discard(status)
        self._sync_status_actions()
        self._emit()

    def _sync_status_actions(self) -> None:
        self._quiet = True
        try:
            for value, action in self.status_actions.items():
                action.setChecked(value in self._statuses)
        finally:
            self._quiet = False
        self._status_button_text()

    def _status_button_text(self) -> None:
        if not self._statuses or self._statuses == {s.value for s in Status}:
            text = self.tr("Status: all")
        elif self._statuses == OPEN_PRESET:
            text = self.tr("Status: open")
        elif len(self._statuses) <= 2:
            names = [labels.status_text(s.value) for s in Status if s.value in self._statuses]
            text = self.tr("Status: {names}").format(names=", ".join(names))
        else:
            text = self.tr("Status: {n} chosen").format(n=len(self._statuses))
        self.status_button.setText(text)

    # -- dates -----------------------------------------------------------------------------------

    def _date_range_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self._emit()

    def _dates_changed(self, _day: QDate) -> None:
        if self.date_range.isChecked():
            self._emit()

    # -- the filter ------------------------------------------------------------------------------

    def value(self) -> OrderFilter:
        def one(combo: QComboBox) -> tuple[str, ...]:
            data = combo.currentData()
            return (str(data),) if data else ()

        community = self.community.currentData()
        ranged = self.date_range.isChecked()
        return OrderFilter(
            statuses=tuple(s.value for s in Status if s.value in self._statuses),
            tiers=one(self.tier),
            categories=one(self.category),
            channels=one(self.channel),
            sources=one(self.source),
            community_id=int(community) if community is not None else None,
            overdue_only=self.overdue.isChecked(),
            due_soon_only=self.due_soon.isChecked(),
            reported_from=edited_date(self.date_from) if ranged else None,
            reported_to=edited_date(self.date_to) if ranged else None,
            text=self.text.text().strip(),
        )

    def flush_text(self) -> None:
        """Apply typed text now (Enter) instead of after the pause."""
        if self._debounce.isActive():
            self._debounce.stop()
            self._emit()

    def reset(self) -> None:
        """Back to the desk's usual view: open orders, everything else unfiltered."""
        self._quiet = True
        try:
            self.text.clear()
            for combo in (self.community, self.tier, self.category, self.channel, self.source):
                combo.setCurrentIndex(0)
            for box in (self.overdue, self.due_soon, self.date_range):
                box.setChecked(False)
            self._statuses = set(OPEN_PRESET)
        finally:
            self._quiet = False
        self._sync_status_actions()
        self._emit()

    def _emit(self, *_args: object) -> None:
        if not self._quiet:
            self._debounce.stop()
            self.changed.emit()

    # -- language --------------------------------------------------------------------------------

    def show_understood(self, query: SearchQuery | None) -> None:
        """Say what the list's search text was read as (nothing for an empty box)."""
        self._understood = query
        if query is None or not query.label_template:
            self.understood.clear()
            self.understood.setToolTip("")
            return
        self.understood.setText(
            self.tr("Searching: {what}").format(
                what=tr_core(query.label_template, **query.label_params)
            )
        )
        self.understood.setToolTip(self.tr("What the search box's text was read as"))

    def retranslate(self) -> None:
        self.show_understood(self._understood)
        self.text.setPlaceholderText(
            self.tr("Order number, room (3-2-1201) or words of the description")
        )
        self.text.setToolTip(
            self.tr(
                "Search (Ctrl+F). Enter on a whole order number or a scanned order code opens "
                "it; ↓ moves into the list; Esc clears."
            )
        )
        self.status_button.setToolTip(self.tr("Show orders in these statuses"))
        self.open_preset_action.setText(
            self.tr("Open orders (accepted, dispatched, in progress, reopened)")
        )
        self.all_statuses_action.setText(self.tr("All statuses"))
        for value, action in self.status_actions.items():
            action.setText(labels.status_text(value))
        self._status_button_text()
        self.community.setItemText(0, self.tr("All communities"))
        self.tier.setItemText(0, self.tr("All tiers"))
        self.category.setItemText(0, self.tr("All categories"))
        self.channel.setItemText(0, self.tr("All channels"))
        self.source.setItemText(0, self.tr("All sources"))
        for combo, text in (
            (self.tier, labels.tier_text),
            (self.category, labels.category_text),
            (self.channel, labels.channel_text),
            (self.source, labels.source_text),
        ):
            for i in range(1, combo.count()):
                combo.setItemText(i, text(str(combo.itemData(i))))
        self.overdue.setText(self.tr("&Overdue only"))
        self.overdue.setToolTip(
            self.tr("Open orders past their first-response or completion deadline")
        )
        self.due_soon.setText(self.tr("Due soon onl&y"))
        self.due_soon.setToolTip(self.tr("Open orders whose completion deadline is near"))
        self.date_range.setText(self.tr("Reported"))
        self.date_range.setToolTip(self.tr("Only orders reported between these days (inclusive)"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.clear_button.setToolTip(self.tr("Back to all open orders"))

    def focus_text(self) -> None:
        """Ctrl+F: the cursor into the search box, its text selected to be typed over."""
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text.selectAll()

"""The timeline of an order in its detail pane: every change, timed and signed with the name of
who made it (the login in its tooltip), with long details wrapped onto more lines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtWidgets import QGroupBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.orders import TimelineEntry
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.work_orders import labels


def _note(text: str) -> str:
    """Notes the core writes itself ("Order taken") are English templates: translate those."""
    return QCoreApplication.translate("core", text) if text else ""


def event_title(entry: TimelineEntry) -> str:
    if entry.kind == "status":
        return labels.status_text(entry.status)
    titles = {
        "note": QCoreApplication.translate("WorkOrders", "Note"),
        "pause": QCoreApplication.translate("WorkOrders", "Clock paused"),
        "resume": QCoreApplication.translate("WorkOrders", "Clock resumed"),
        "photo": QCoreApplication.translate("WorkOrders", "Photo added"),
        "commitment": QCoreApplication.translate("WorkOrders", "Commitment issued"),
        "callback": QCoreApplication.translate("WorkOrders", "Callback"),
        "supervision": QCoreApplication.translate("WorkOrders", "Supervision notice"),
        "reply": QCoreApplication.translate("WorkOrders", "Reply to regulator"),
    }
    return titles.get(entry.kind, entry.kind)


def event_details(entry: TimelineEntry) -> str:
    parts = []
    if entry.channel or entry.handler:
        who = " / ".join(p for p in (labels.channel_text(entry.channel), entry.handler) if p)
        parts.append(who)
    if entry.note:
        parts.append(_note(entry.note))
    return " — ".join(parts)


class OrderTimeline(Retranslating, QGroupBox):
    """The pane shows the entries again when the language changes (their titles follow it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnCount(4)
        self.tree.setMinimumHeight(180)
        self.tree.setColumnWidth(0, 118)
        self.tree.setColumnWidth(1, 64)
        self.tree.setColumnWidth(2, 92)
        self.tree.header().sectionResized.connect(lambda *_a: self._wrap())
        QVBoxLayout(self).addWidget(self.tree)
        self.retranslate()

    def show_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        self.tree.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [
                    format_local(entry.at),
                    entry.staff or entry.username,
                    event_title(entry),
                    event_details(entry),
                ]
            )
            # The login, for an administrator matching the timeline against the audit log.
            item.setToolTip(1, entry.username)
            item.setToolTip(3, event_details(entry))
            self.tree.addTopLevelItem(item)
        self._wrap()

    def _wrap(self) -> None:
        """Long details wrap onto more lines rather than being cut (the view cannot size
        wrapped rows by itself)."""
        width = max(60, self.tree.columnWidth(3) - 10)
        metrics = self.tree.fontMetrics()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            rect = metrics.boundingRect(
                QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, item.text(3)
            )
            item.setSizeHint(3, QSize(width, max(rect.height(), metrics.height()) + 6))

    def rows(self) -> list[tuple[str, str, str, str]]:
        """What the timeline shows, row by row (tests read it)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            assert item is not None
            out.append((item.text(0), item.text(1), item.text(2), item.text(3)))
        return out

    def retranslate(self) -> None:
        self.setTitle(self.tr("Timeline"))
        self.tree.setHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Event"), self.tr("Details")]
        )

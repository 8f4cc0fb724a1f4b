"""The selected order in full: fields, the caller (masked, with an audited reveal), the
commitment, callbacks, photos and the timeline of every change, timed and signed."""

from __future__ import annotations

import html
import logging

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import (
    OPEN_STATUSES,
    Action,
    OrderDetail,
    TimelineEntry,
    permitted_actions,
)
from wuye_desktop.core.roles import Permission
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.regulator.order_box import OrderRegulatorBox
from wuye_desktop.ui.work_orders import labels

log = logging.getLogger(__name__)

THUMB = 72
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class PhotoViewer(QDialog):
    def __init__(self, title: str, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setPixmap(
            pixmap.scaled(
                QSize(1000, 750),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            if pixmap.width() > 1000 or pixmap.height() > 750
            else pixmap
        )
        layout = QVBoxLayout(self)
        layout.addWidget(label)


class OrderDetailPane(Retranslating, QScrollArea):
    """Shows one OrderDetail. Emits ``add_photo_requested`` for its "Add photo…" button."""

    add_photo_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail: OrderDetail | None = None
        self._revealed: str | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.setWidget(body)

        self.placeholder = QLabel()
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.placeholder.setMargin(12)
        self.notice = QLabel()  # e.g. "not in the list with the current filters"
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #8a5a00;")
        self.notice.hide()

        # -- heading --
        self.number = QLabel()
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.number.setFont(font)
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.urgency = QLabel()
        heading = QHBoxLayout()
        heading.addWidget(self.number)
        heading.addWidget(self.status_chip)
        heading.addWidget(self.urgency)
        heading.addStretch(1)

        # -- fields --
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        keys = [
            ("community", "place"),
            ("category", "tier"),
            ("source", "channel"),
            ("handler", "ticket"),
            ("reported", "response_due"),
            ("completion_due", "responded"),
            ("completed", "closed"),
            ("callback_due", "created_by"),
        ]
        for row, pair in enumerate(keys):
            for column, key in enumerate(pair):
                caption = QLabel()
                caption.setStyleSheet("color: #5f6b7a;")
                value = QLabel()
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)
                self.captions[key], self.values[key] = caption, value
                grid.addWidget(caption, row, column * 2, Qt.AlignmentFlag.AlignTop)
                grid.addWidget(value, row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.caller_caption = QLabel()
        self.caller_caption.setStyleSheet("color: #5f6b7a;")
        self.caller = QLabel()
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal_button = QPushButton()
        self.reveal_button.setAutoDefault(False)
        self.reveal_button.clicked.connect(self.reveal_phone)
        caller_row = QHBoxLayout()
        caller_row.addWidget(self.caller_caption)
        caller_row.addWidget(self.caller)
        caller_row.addWidget(self.reveal_button)
        caller_row.addStretch(1)

        self.description = QLabel()
        self.description.setWordWrap(True)
        self.description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.description.setStyleSheet(
            "QLabel { background: #f7f9fb; border: 1px solid #e1e6ec; padding: 6px; }"
        )

        # -- commitment --
        self.commitment_box = QGroupBox()
        self.commitment_form = QFormLayout(self.commitment_box)
        self.commitment_values: dict[str, QLabel] = {}
        self.commitment_captions: dict[str, QLabel] = {}
        for key in ("number", "plan", "promised_date", "responsible", "issued", "fulfilled"):
            caption, value = QLabel(), QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.commitment_captions[key], self.commitment_values[key] = caption, value
            self.commitment_form.addRow(caption, value)

        # -- the regulator's ticket and supervision notices --
        self.regulator_box = OrderRegulatorBox(ctx)

        # -- callbacks --
        self.callbacks_box = QGroupBox()
        self.callbacks_label = QLabel()
        self.callbacks_label.setWordWrap(True)
        self.callbacks_label.setTextFormat(Qt.TextFormat.RichText)
        QVBoxLayout(self.callbacks_box).addWidget(self.callbacks_label)

        # -- photos --
        self.photos_box = QGroupBox()
        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setWrapping(False)
        self.photos.setFixedHeight(THUMB + 40)
        self.photos.itemActivated.connect(self._open_photo)
        self.add_photo_button = QPushButton()
        self.add_photo_button.setAutoDefault(False)
        self.add_photo_button.clicked.connect(self.add_photo_requested.emit)
        self.add_photo_button.setVisible(Action.PHOTO in permitted_actions(ctx.actor))
        self.no_photos = QLabel()
        self.no_photos.setStyleSheet("color: #5f6b7a;")
        photos_layout = QHBoxLayout(self.photos_box)
        photos_layout.addWidget(self.photos, 1)
        photos_layout.addWidget(self.no_photos, 1)
        photos_layout.addWidget(self.add_photo_button, 0, Qt.AlignmentFlag.AlignTop)

        # -- timeline --
        self.timeline_box = QGroupBox()
        self.timeline = QTreeWidget()
        self.timeline.setRootIsDecorated(False)
        self.timeline.setUniformRowHeights(False)
        self.timeline.setWordWrap(True)
        self.timeline.setColumnCount(4)
        self.timeline.setMinimumHeight(180)
        self.timeline.setColumnWidth(0, 118)
        self.timeline.setColumnWidth(1, 64)
        self.timeline.setColumnWidth(2, 92)
        self.timeline.header().sectionResized.connect(lambda *_a: self._wrap_timeline())
        QVBoxLayout(self.timeline_box).addWidget(self.timeline)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.addLayout(heading)
        content.addWidget(self.notice)
        content.addLayout(grid)
        content.addLayout(caller_row)
        content.addWidget(self.description)
        content.addWidget(self.regulator_box)
        content.addWidget(self.commitment_box)
        content.addWidget(self.timeline_box, 1)
        content.addWidget(self.callbacks_box)
        content.addWidget(self.photos_box)
        layout = QVBoxLayout(body)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.content, 1)
        self.content.hide()
        self.retranslate()

    # -- showing ---------------------------------------------------------------------------------

    def clear(self) -> None:
        self.detail = None
        self._revealed = None
        self.content.hide()
        self.placeholder.show()

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_order(self, detail: OrderDetail) -> None:
        if self.detail is None or self.detail.id != detail.id:
            self._revealed = None  # a reveal holds for the order it was asked on only
            self.show_notice("")
        self.detail = detail
        self.placeholder.hide()
        self.content.show()
        self._fill()

    def _fill(self) -> None:
        d = self.detail
        if d is None:
            return
        row = d.row
        self.number.setText(row.number)
        status = labels.status_text(row.status)
        if row.paused:
            status = self.tr("{status} (paused)").format(status=status)
        self.status_chip.setText(status)
        self.status_chip.setStyleSheet(
            "QLabel { background: #e8eef6; border-radius: 8px; padding: 2px 8px; }"
        )
        due = labels.due_text(row, now_utc())
        _background, foreground = labels.urgency_colours(row)
        self.urgency.setText(due if row.status in OPEN_STATUSES else "")
        self.urgency.setStyleSheet(
            f"color: {foreground.name()}; font-weight: bold;" if foreground is not None else ""
        )
        place = d.household_code or d.location
        if d.household_code and row.place:
            place = f"{row.place}  ({d.household_code})"
        values = {
            "community": row.community,
            "place": place,
            "category": labels.category_text(row.category),
            "tier": labels.tier_text(row.tier),
            "source": labels.source_text(row.source),
            "channel": labels.channel_text(row.channel),
            "handler": row.handler or "—",
            "ticket": d.regulator_ticket_id or "—",
            "reported": format_local(row.reported_at),
            "response_due": format_local(d.response_due),
            "completion_due": format_local(row.completion_due),
            "responded": format_local(d.responded_at) or "—",
            "completed": format_local(d.completed_at) or "—",
            "closed": format_local(d.closed_at) or "—",
            "callback_due": format_local(d.callback_due) or "—",
            "created_by": next((e.username for e in d.timeline), ""),
        }
        for key, text in values.items():
            self.values[key].setText(text)
        self._show_caller()
        self.description.setText(row.description)
        self.regulator_box.show_order(d)
        self._fill_commitment()
        self._fill_callbacks()
        self._fill_photos()
        self._fill_timeline()

    def _show_caller(self) -> None:
        d = self.detail
        assert d is not None
        phone = self._revealed if self._revealed is not None else d.row.caller_phone
        parts = [p for p in (d.caller_name, phone) if p]
        self.caller.setText("  ".join(parts) or "—")
        can = self.ctx.can(Permission.PHONE_REVEAL_ON_ORDER)
        # The regulator sends callers' numbers masked only: there is nothing more to show.
        from_ticket = d.regulator_ticket_id is not None
        self.reveal_button.setVisible(can and bool(d.row.caller_phone) and not from_ticket)
        self.reveal_button.setEnabled(self._revealed is None)

    def _fill_commitment(self) -> None:
        d = self.detail
        assert d is not None
        c = d.commitment
        self.commitment_box.setVisible(c is not None)
        if c is None:
            return
        v = self.commitment_values
        v["number"].setText(c.number)
        v["plan"].setText(c.plan)
        v["promised_date"].setText(c.promised_date.isoformat())
        v["responsible"].setText(f"{c.responsible_unit} / {c.responsible_person}")
        v["issued"].setText(f"{format_local(c.issued_at)}  {c.issued_by}")
        v["fulfilled"].setText(format_local(c.fulfilled_at) or "—")

    def _fill_callbacks(self) -> None:
        d = self.detail
        assert d is not None
        self.callbacks_box.setVisible(bool(d.callbacks))
        lines = []
        for cb in d.callbacks:
            head = " · ".join(
                html.escape(p)
                for p in (
                    format_local(cb.at),
                    labels.method_text(cb.method),
                    cb.person_reached,
                    cb.username,
                )
                if p
            )
            colour = "#b3261e" if cb.satisfaction == "dissatisfied" else "#2e7d32"
            verdict = html.escape(labels.satisfaction_text(cb.satisfaction))
            comment = f"<br>{html.escape(cb.comment)}" if cb.comment else ""
            lines.append(f"{head} · <b style='color:{colour}'>{verdict}</b>{comment}")
        self.callbacks_label.setText("<br><br>".join(lines))

    def _fill_photos(self) -> None:
        d = self.detail
        assert d is not None
        self.photos.clear()
        for photo_id, filename in d.photos:
            item = QListWidgetItem(filename[-18:])
            item.setToolTip(filename)
            item.setData(PHOTO_ID_ROLE, photo_id)
            pixmap = self._pixmap(photo_id)
            if pixmap is not None:
                item.setIcon(
                    QIcon(
                        pixmap.scaled(
                            QSize(THUMB, THUMB),
                            Qt.AspectRatioMode.KeepAspectRatio,
                            Qt.TransformationMode.SmoothTransformation,
                        )
                    )
                )
            self.photos.addItem(item)
        self.photos.setVisible(bool(d.photos))
        self.no_photos.setVisible(not d.photos)

    def _pixmap(self, photo_id: int) -> QPixmap | None:
        try:
            _name, _mime, data = orders.photo_data(self.ctx.db, self.ctx.actor, photo_id)
        except WuyeError as error:
            log.warning("photo %s unavailable: %s", photo_id, error)
            return None
        pixmap = QPixmap()
        return pixmap if pixmap.loadFromData(data) else None

    def _open_photo(self, item: QListWidgetItem) -> None:
        pixmap = self._pixmap(int(item.data(PHOTO_ID_ROLE)))
        if pixmap is not None:
            viewer = PhotoViewer(item.toolTip(), pixmap, self)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.open()

    def _fill_timeline(self) -> None:
        d = self.detail
        assert d is not None
        self.timeline.clear()
        for entry in d.timeline:
            item = QTreeWidgetItem(
                [
                    format_local(entry.at),
                    entry.username,
                    event_title(entry),
                    event_details(entry),
                ]
            )
            item.setToolTip(3, event_details(entry))
            self.timeline.addTopLevelItem(item)
        self._wrap_timeline()

    def _wrap_timeline(self) -> None:
        """Long details wrap onto more lines rather than being cut (the view cannot size
        wrapped rows by itself)."""
        width = max(60, self.timeline.columnWidth(3) - 10)
        metrics = self.timeline.fontMetrics()
        for i in range(self.timeline.topLevelItemCount()):
            item = self.timeline.topLevelItem(i)
            assert item is not None
            rect = metrics.boundingRect(
                QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, item.text(3)
            )
            item.setSizeHint(3, QSize(width, max(rect.height(), metrics.height()) + 6))

    def timeline_rows(self) -> list[tuple[str, str, str, str]]:
        """What the timeline shows, row by row (tests read it)."""
        out = []
        for i in range(self.timeline.topLevelItemCount()):
            item = self.timeline.topLevelItem(i)
            assert item is not None
            out.append((item.text(0), item.text(1), item.text(2), item.text(3)))
        return out

    # -- the caller's number ---------------------------------------------------------------------

    def reveal_phone(self) -> None:
        d = self.detail
        if d is None:
            return
        try:
            self._revealed = orders.reveal_caller_phone(self.ctx.db, self.ctx.actor, d.id)
        except WuyeError as error:
            messages.show_error(self, error)
            return
        self._show_caller()

    # -- language --------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.placeholder.setText(
            self.tr(
                "Select an order in the list to see it here with its timeline. "
                "Ctrl+N takes a new call."
            )
        )
        captions = {
            "community": self.tr("Community"),
            "place": self.tr("Room / place"),
            "category": self.tr("Category"),
            "tier": self.tr("Tier"),
            "source": self.tr("Source"),
            "channel": self.tr("Channel"),
            "handler": self.tr("Handler"),
            "ticket": self.tr("Regulator ticket"),
            "reported": self.tr("Reported"),
            "response_due": self.tr("Response due"),
            "completion_due": self.tr("Completion due"),
            "responded": self.tr("Responded"),
            "completed": self.tr("Completed"),
            "closed": self.tr("Closed"),
            "callback_due": self.tr("Callback due"),
            "created_by": self.tr("Taken by"),
        }
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.caller_caption.setText(self.tr("Caller"))
        self.reveal_button.setText(self.tr("Show number"))
        self.reveal_button.setToolTip(
            self.tr("Show the caller's full number; the reveal is logged")
        )
        self.commitment_box.setTitle(self.tr("Commitment"))
        commitment_captions = {
            "number": self.tr("Number"),
            "plan": self.tr("Plan"),
            "promised_date": self.tr("Promised date"),
            "responsible": self.tr("Responsible"),
            "issued": self.tr("Issued"),
            "fulfilled": self.tr("Fulfilled"),
        }
        for key, text in commitment_captions.items():
            self.commitment_captions[key].setText(text)
        self.callbacks_box.setTitle(self.tr("Callbacks"))
        self.photos_box.setTitle(self.tr("Photos"))
        self.no_photos.setText(self.tr("No photos."))
        self.add_photo_button.setText(self.tr("Add &photo…"))
        self.timeline_box.setTitle(self.tr("Timeline"))
        self.timeline.setHeaderLabels(
            [self.tr("Time"), self.tr("User"), self.tr("Event"), self.tr("Details")]
        )
        if self.detail is not None:
            self._fill()

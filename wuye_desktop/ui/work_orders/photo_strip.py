"""The pictures of an order in its detail pane: thumbnails in a row, one opened large on
activation, and the "Add photo…" button for the roles that may add one."""

from __future__ import annotations

import logging

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import orders
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.orders import Action, permitted_actions
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating

log = logging.getLogger(__name__)

THUMB = 72
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class OrderPhotos(Retranslating, QGroupBox):
    """Emits ``add_photo_requested`` for its "Add photo…" button."""

    add_photo_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        layout = QHBoxLayout(self)
        layout.addWidget(self.photos, 1)
        layout.addWidget(self.no_photos, 1)
        layout.addWidget(self.add_photo_button, 0, Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def show_photos(self, photos: tuple[tuple[int, str], ...]) -> None:
        """Thumbnails of (photo id, file name) pairs, read one by one."""
        self.photos.clear()
        for photo_id, filename in photos:
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
        self.photos.setVisible(bool(photos))
        self.no_photos.setVisible(not photos)

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

    def retranslate(self) -> None:
        self.setTitle(self.tr("Photos"))
        self.no_photos.setText(self.tr("No photos."))
        self.add_photo_button.setText(self.tr("Add &photo…"))

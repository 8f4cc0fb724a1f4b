"""The pictures of an order in its detail pane: thumbnails in a row, one opened large on
activation, and the "Add photo…" button for the roles that may add one. The pictures' bytes are
read with the order on the database thread (:func:`read_photos`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

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
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating

log = logging.getLogger(__name__)

THUMB = 72
PHOTO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class LoadedPhoto:
    photo_id: int
    filename: str
    data: bytes | None  # None: it could not be read (logged)


def read_photos(
    db: Database, actor: Actor, photos: tuple[tuple[int, str], ...]
) -> tuple[LoadedPhoto, ...]:
    """The bytes of an order's (photo id, file name) pairs, on the database thread."""
    loaded = []
    for photo_id, filename in photos:
        try:
            _name, _mime, data = orders.photo_data(db, actor, photo_id)
        except WuyeError as error:
            log.warning("photo %s unavailable: %s", photo_id, error)
            loaded.append(LoadedPhoto(photo_id, filename, None))
        else:
            loaded.append(LoadedPhoto(photo_id, filename, data))
    return tuple(loaded)


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
        self._data: dict[int, bytes | None] = {}  # the shown photos' bytes, by id
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

    def show_photos(self, photos: tuple[LoadedPhoto, ...]) -> None:
        """Thumbnails of the photos read with the order."""
        self.photos.clear()
        self._data = {photo.photo_id: photo.data for photo in photos}
        for photo in photos:
            item = QListWidgetItem(photo.filename[-18:])
            item.setToolTip(photo.filename)
            item.setData(PHOTO_ID_ROLE, photo.photo_id)
            pixmap = self._pixmap(photo.photo_id)
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
        data = self._data.get(photo_id)
        if data is None:
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
        self.add_photo_button.setText(self.tr("Add photo…"))

"""What the household, community and building panes share: Save, field errors, stale records."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from wuye_desktop.core.errors import ConcurrentEdit, ValidationError, WuyeError
from wuye_desktop.core.roles import Permission
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbRequest, run_db
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.widgets.form import FormErrorDisplay

V = TypeVar("V")


class Banner(QLabel):
    """A note at the top of a pane: "Saved.", or why the record was reloaded."""

    _STYLES = {
        "info": "color: #1b5e20; background: #e8f5e9; padding: 4px; border-radius: 3px;",
        "warning": "color: #8a4b00; background: #fff3e0; padding: 4px; border-radius: 3px;",
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.kind = ""
        self.hide()

    def show_text(self, text: str, kind: str = "info") -> None:
        self.kind = kind
        self.setStyleSheet(self._STYLES[kind])
        self.setText(text)
        self.show()

    def clear_text(self) -> None:
        self.kind = ""
        self.setText("")
        self.hide()


class EditPane(Retranslating, QWidget):
    """A form over one directory record; subclasses say how to submit and how to reload.

    Saving calls exactly one core service, on the database thread; Save is disabled until it
    answers. A ValidationError is shown at the fields it names and nothing is written; a
    ConcurrentEdit reloads the record and says so in the banner.
    Roles without DIRECTORY_EDIT get the same form read-only and no Save button.
    """

    saved = Signal(object, bool)  # the saved view, and whether it was created

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.can_edit = ctx.can(Permission.DIRECTORY_EDIT)
        self.banner = Banner()
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.subtitle = QLabel()
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.errors = FormErrorDisplay({}, self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.showing = 0  # counts the records shown (see begin_showing)
        self._saving: DbRequest | None = None
        self.save_button = QPushButton()
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton()
        self.revert_button.clicked.connect(self.revert)
        shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.save)

    def add_row(self, name: str, widget: QWidget) -> None:
        """A form row for the core field *name*: label, field, and its error message under it."""
        self.errors.add_field(name, widget)
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        self.form.addRow(label, self.errors.wrap(name))

    def button_row(self) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.revert_button)
        layout.addWidget(self.save_button)
        if not self.can_edit:
            row.hide()
        return row

    def apply_read_only(self, *widgets: QWidget) -> None:
        """Roles without DIRECTORY_EDIT see the same form, but cannot type into it."""
        if self.can_edit:
            return
        for w in widgets:
            if isinstance(w, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
                w.setReadOnly(True)
            else:
                w.setEnabled(False)

    def retranslate(self) -> None:
        self.save_button.setText(self.tr("&Save"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.revert_button.setText(self.tr("Re&vert"))
        self.revert_button.setToolTip(self.tr("Forget the changes not saved yet"))

    # -- subclasses --------------------------------------------------------------------------

    def submit(self) -> Callable[[Database], tuple[object, bool]]:
        """Read the form and return the one core call for Save, which runs on the database
        thread and returns (view, created). A ValidationError raised here (found without the
        database) is shown at once."""
        raise NotImplementedError

    def show_saved(self, view: object) -> None:
        """Show the record as Save stored it."""
        raise NotImplementedError

    def saved_errors(self, error: ValidationError) -> ValidationError:
        """The core's field errors named as this form's fields (see the household pane)."""
        return error

    def reload_fresh(self, warning: str = "") -> None:
        """Read the record again after somebody else saved it first, then show *warning*."""
        raise NotImplementedError

    def revert(self) -> None:
        """Show the record as last read, forgetting unsaved edits."""
        raise NotImplementedError

    # -- showing -----------------------------------------------------------------------------

    def begin_showing(self) -> None:
        """A record (or an empty form) is about to be shown: what was said about the one
        before goes, and a save of that one still on its way will not replace it."""
        self.showing += 1
        self.errors.clear()
        self.banner.clear_text()

    def reloaded(self, warning: str) -> None:
        if warning:
            self.banner.show_text(warning, "warning")

    def read_again(
        self, read: Callable[[Database], V], show: Callable[[V], None], label: str, warning: str
    ) -> None:
        """Read the record on the database thread and *show* it with *warning* (for
        :meth:`reload_fresh`), unless the user has moved on to another record meanwhile."""
        showing = self.showing

        def arrived(fresh: V) -> None:
            if showing == self.showing:
                show(fresh)
                self.reloaded(warning)

        run_db(self, self.ctx.db, read, label=label, on_done=arrived)

    # -- saving ------------------------------------------------------------------------------

    @property
    def saving(self) -> bool:
        """Save was pressed and its answer has not come back from the database thread."""
        return self._saving is not None and self._saving.is_pending

    def save(self) -> None:
        if not self.can_edit or self.saving:
            return
        self.errors.clear()
        self.banner.clear_text()
        try:
            work = self.submit()
        except ValidationError as e:
            self.errors.show(e)
            return
        showing = self.showing
        self.save_button.setEnabled(False)
        self._saving = run_db(
            self,
            self.ctx.db,
            work,
            label=self.tr("Saving…"),
            on_done=lambda result: self._saved(showing, *result),
            on_error=lambda e: self._refused(showing, e),
        )
        self._saving.finished.connect(lambda: self.save_button.setEnabled(True))

    def _saved(self, showing: int, view: object, created: bool) -> None:
        if showing == self.showing:  # the form still shows what was saved
            self.show_saved(view)
            self.banner.show_text(self.tr("Saved."))
        self.saved.emit(view, created)

    def _refused(self, showing: int, error: WuyeError) -> None:
        if showing != self.showing:  # the user moved on to another record meanwhile
            messages.show_error(self, error)
        elif isinstance(error, ValidationError):
            self.errors.show(self.saved_errors(error))
        elif isinstance(error, ConcurrentEdit):
            self.reload_fresh(messages.describe(error))
        else:
            messages.show_error(self, error)

"""Per-user settings: the UI language (applies at once) and changing one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import users
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.ui import i18n, local_settings
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import show_error
from wuye_desktop.ui.widgets.form import FormErrorDisplay

_DONE_STYLE = "color: #2e7d32;"


class SettingsDialog(Retranslating, QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx

        self.language_box = QGroupBox()
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self._language_label = QLabel()
        self._language_label.setBuddy(self.language)
        language_form = QFormLayout(self.language_box)
        language_form.addRow(self._language_label, self.language)

        self.password_box = QGroupBox()
        self.old_password = QLineEdit()
        self.new_password = QLineEdit()
        self.new_password_again = QLineEdit()
        for edit in (self.old_password, self.new_password, self.new_password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = FormErrorDisplay(
            {
                "old_password": self.old_password,
                "new_password": self.new_password,
                "new_password_again": self.new_password_again,
            },
            self,
        )
        self._labels = {
            name: QLabel() for name in ("old_password", "new_password", "new_password_again")
        }
        password_form = QFormLayout(self.password_box)
        for name, label in self._labels.items():
            label.setBuddy(self.errors.widget(name))
            password_form.addRow(label, self.errors.wrap(name))
        self.change_button = QPushButton()
        self.change_button.setAutoDefault(False)
        self.change_button.clicked.connect(self._change_password)
        for edit in (self.old_password, self.new_password, self.new_password_again):
            edit.returnPressed.connect(self._change_password)
        self.done_label = QLabel()
        self.done_label.setStyleSheet(_DONE_STYLE)
        row = QHBoxLayout()
        row.addWidget(self.done_label, 1)
        row.addWidget(self.change_button)
        password_form.addRow(self.errors.general_label)
        password_form.addRow(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self.language_box)
        layout.addWidget(self.password_box)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.language_box.setTitle(self.tr("Language"))
        self._language_label.setText(self.tr("&Language of the program"))
        self.password_box.setTitle(self.tr("Change my password"))
        self._labels["old_password"].setText(self.tr("&Current password"))
        self._labels["new_password"].setText(self.tr("&New password"))
        self._labels["new_password_again"].setText(self.tr("New password &again"))
        self.change_button.setText(self.tr("Change pass&word"))
        if self.done_label.text():
            self.done_label.setText(self.tr("Your password has been changed."))

    def _language_chosen(self) -> None:
        language = i18n.normalize(self.language.currentData())
        try:
            users.set_language(self._ctx.db, self._ctx.actor, language)
        except WuyeError as error:
            show_error(self, error)
            return
        i18n.install_language(language)
        local_settings.write(local_settings.LANGUAGE_KEY, language)
        self._ctx.signals.language_changed.emit()

    def _change_password(self) -> None:
        self.errors.clear()
        self.done_label.clear()
        if self.new_password.text() != self.new_password_again.text():
            self.errors.show_message(self.tr("The two passwords differ"), "new_password_again")
            self.new_password_again.setFocus()
            return
        try:
            users.change_own_password(
                self._ctx.db,
                self._ctx.actor,
                self.old_password.text(),
                self.new_password.text(),
            )
        except ValidationError as error:
            self.errors.show(error)
            return
        except WuyeError as error:
            show_error(self, error)
            return
        for edit in (self.old_password, self.new_password, self.new_password_again):
            edit.clear()
        self.done_label.setText(self.tr("Your password has been changed."))

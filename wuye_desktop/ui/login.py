"""The login dialog: user name, password, Enter to log in; the core decides and explains."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import directory, users
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n, local_settings
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import describe
from wuye_desktop.ui.widgets.form import FieldErrorLabel
from wuye_desktop.ui.widgets.header import AppHeader


class LoginDialog(Retranslating, QDialog):
    """Accepted once the core has let a user in; ``actor`` and ``user`` say who."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.user: users.UserRow | None = None

        company = directory.get_company(db)
        self.header = AppHeader(company.name if company else "")
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox()
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(
            max(0, self.language.findData(i18n.current_language() or i18n.DEFAULT_LANGUAGE))
        )
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.message = FieldErrorLabel()

        # Own buttons, not standard ones: the box would reset those to "OK" on a language change.
        self.buttons = QDialogButtonBox()
        self.login_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._log_in)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        self._username_label = QLabel()
        self._password_label = QLabel()
        self._language_label = QLabel()
        form.addRow(self._username_label, self.username)
        form.addRow(self._password_label, self.password)
        form.addRow(self._language_label, self.language)
        self._username_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        self._language_label.setBuddy(self.language)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self.setTabOrder(self.username, self.password)
        self.setTabOrder(self.password, self.buttons)
        self.setTabOrder(self.buttons, self.language)

        remembered = local_settings.read_str(local_settings.LAST_USERNAME_KEY)
        if remembered:
            self.username.setText(remembered)
            self.password.setFocus()
        else:
            self.username.setFocus()
        self.setMinimumWidth(380)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in"))
        self._username_label.setText(self.tr("&User name"))
        self._password_label.setText(self.tr("&Password"))
        self._language_label.setText(self.tr("&Language"))
        self.login_button.setText(self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))

    def _language_chosen(self) -> None:
        language = i18n.install_language(self.language.currentData())
        local_settings.write(local_settings.LANGUAGE_KEY, language)

    def _log_in(self) -> None:
        username = self.username.text().strip()
        if not username:
            self.message.set_message(self.tr("Please type your user name."))
            self.username.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            actor, user = users.login(self._db, username, self.password.text())
        except WuyeError as error:
            self.message.set_message(describe(error))
            self.password.clear()
            self.password.setFocus()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        local_settings.write(local_settings.LAST_USERNAME_KEY, user.username)
        self.actor, self.user = actor, user
        self.accept()

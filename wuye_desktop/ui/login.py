"""The login dialog: user name, password, Enter to log in; the core decides and explains.

It is the first thing the program shows, so it is built from Qt and light modules only and
can be on screen before the database and its libraries are loaded (``set_database`` gives it
the database once it is open). The password check (Argon2id, most of a second by design) runs
on the database thread: the dialog stays responsive and says it is checking meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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

from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.ui import i18n, local_settings
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import describe
from wuye_desktop.ui.widgets.form import FieldErrorLabel
from wuye_desktop.ui.widgets.header import AppHeader

if TYPE_CHECKING:  # SQLAlchemy and the models are imported once the dialog is on screen
    from wuye_desktop.core.users import UserRow
    from wuye_desktop.storage.db import Database


class LoginDialog(Retranslating, QDialog):
    """Accepted once the core has let a user in; ``actor`` and ``user`` say who.

    ``language_chosen`` is True once the user picked a language on the dialog itself."""

    def __init__(self, db: Database | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db: Database | None = None
        self.actor: Actor | None = None
        self.user: UserRow | None = None
        self.language_chosen = False
        # The attempt being checked (or waiting for the database to open): Enter again while
        # it runs does not start a second one.
        self._attempt: tuple[str, str] | None = None

        self.header = AppHeader()
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
        self.status = QLabel()  # "Checking the password…": not an error, so not in red
        self.status.hide()

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
        layout.addWidget(self.status)
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
        if db is not None:
            self.set_database(db)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log in"))
        self._username_label.setText(self.tr("&User name"))
        self._password_label.setText(self.tr("&Password"))
        self._language_label.setText(self.tr("&Language"))
        self.login_button.setText(self.tr("Log in"))
        self.quit_button.setText(self.tr("Quit"))
        if self._attempt is not None:
            self.status.setText(self.tr("Checking the password…"))

    @property
    def ready(self) -> bool:
        """The database is open: Enter checks the password at once."""
        return self._db is not None

    @property
    def checking(self) -> bool:
        """True from Enter until the core has answered."""
        return self._attempt is not None

    def show_counting(self, done: int, total: int) -> None:
        """While the database opens after an upgrade: how far the overview's figures are."""
        self.status.setText(
            self.tr(
                "Upgrading the database: {done} of %n changes counted for the overview…", "", total
            ).format(done=done)
        )
        self.status.show()

    def set_database(self, db: Database, company_name: str | None = None) -> None:
        """The database is open: show the company (read now unless given), and check the
        password typed while it was opening, if any."""
        self._db = db
        if self._attempt is None:
            self.status.hide()  # what the upgrade said, if anything
        else:
            self.status.setText(self.tr("Checking the password…"))
        if company_name is not None:
            self.header.set_subtitle(company_name)
        else:
            from wuye_desktop.core import directory
            from wuye_desktop.ui.db_worker import run_db

            run_db(
                self,
                db,
                directory.get_company,
                label=self.tr("Reading the company…"),
                on_done=lambda company: self.header.set_subtitle(company.name if company else ""),
                on_error=lambda _error: None,  # the header stays without a subtitle
            )
        if self._attempt is not None:
            self._check()

    def _language_chosen(self) -> None:
        language = i18n.install_language(self.language.currentData())
        local_settings.write(local_settings.LANGUAGE_KEY, language)
        self.language_chosen = True

    def _log_in(self) -> None:
        if self._attempt is not None:  # Enter again while the first is checked
            return
        username = self.username.text().strip()
        if not username:
            self.message.set_message(self.tr("Please type your user name."))
            self.username.setFocus()
            return
        self._attempt = (username, self.password.text())
        self.message.set_message("")
        self.status.setText(self.tr("Checking the password…"))
        self.status.show()
        # Read-only rather than disabled: the focus stays where it was.
        self.username.setReadOnly(True)
        self.password.setReadOnly(True)
        self.login_button.setEnabled(False)
        if self._db is not None:
            self._check()
        # else set_database() checks it once the database is open

    def _check(self) -> None:
        from wuye_desktop.core import users
        from wuye_desktop.ui.db_worker import run_db

        assert self._db is not None and self._attempt is not None
        username, password = self._attempt
        request = run_db(
            self,
            self._db,
            lambda db: users.login(db, username, password),
            label=self.tr("Checking the password…"),
            on_done=self._let_in,
            on_error=self._refused,
        )
        request.finished.connect(self._checked)

    def _checked(self) -> None:
        self._attempt = None
        self.status.hide()
        self.username.setReadOnly(False)
        self.password.setReadOnly(False)
        self.login_button.setEnabled(True)

    def _refused(self, error: WuyeError) -> None:
        self.message.set_message(describe(error))
        self.password.clear()
        self.password.setFocus()

    def _let_in(self, result: tuple[Actor, UserRow]) -> None:
        actor, user = result
        local_settings.write(local_settings.LAST_USERNAME_KEY, user.username)
        self.actor, self.user = actor, user
        if self.isVisible():  # not quit meanwhile
            self.accept()

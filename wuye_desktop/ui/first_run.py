"""First run on an empty database: the company and its first administrator, in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import users
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.core.validation import credit_code_problem
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import local_settings
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import show_error, tr_core
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.header import AppHeader
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves


class FirstRunDialog(Retranslating, QDialog):
    """Accepted once the core has created the company and the administrator (``actor``)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.actor: Actor | None = None
        self.display_name = ""

        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.company_name = QLineEdit()
        self.company_name.setMaxLength(200)
        self.credit_code = QLineEdit()
        self.credit_code.setMaxLength(18)
        self.credit_code.editingFinished.connect(self._check_credit_code)
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.display = QLineEdit()
        self.display.setMaxLength(100)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        # Keys are the field names the core uses in its FieldErrors.
        self.errors = FormErrorDisplay(
            {
                "company_name": self.company_name,
                "credit_code": self.credit_code,
                "username": self.username,
                "display_name": self.display,
                "password": self.password,
                "password_again": self.password_again,
            },
            self,
        )

        self.company_box = QGroupBox()
        company_form = QFormLayout(self.company_box)
        self._labels: dict[str, QLabel] = {}
        for name in ("company_name", "credit_code"):
            self._labels[name] = QLabel()
            self._labels[name].setBuddy(self.errors.widget(name))
            company_form.addRow(self._labels[name], self.errors.wrap(name))
        self.admin_box = QGroupBox()
        admin_form = QFormLayout(self.admin_box)
        for name in ("username", "display_name", "password", "password_again"):
            self._labels[name] = QLabel()
            self._labels[name].setBuddy(self.errors.widget(name))
            admin_form.addRow(self._labels[name], self.errors.wrap(name))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        # Not a standard button: the box would reset its text to "OK" on a language change.
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._create)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(AppHeader())
        layout.addWidget(self.intro)
        layout.addWidget(self.company_box)
        layout.addWidget(self.admin_box)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.company_name.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("First run"))
        self.intro.setText(
            self.tr(
                "This database is new. Enter your company and create the first administrator, "
                "who then adds the other users."
            )
        )
        self.company_box.setTitle(self.tr("Company"))
        self.admin_box.setTitle(self.tr("First administrator"))
        texts = {
            "company_name": self.tr("Company &name"),
            "credit_code": self.tr("&Credit code"),
            "username": self.tr("&User name"),
            "display_name": self.tr("&Display name"),
            "password": self.tr("&Password"),
            "password_again": self.tr("Password &again"),
        }
        for name, text in texts.items():
            self._labels[name].setText(text)
        self.credit_code.setPlaceholderText(self.tr("18 characters, e.g. 91370200MA3C12345X"))
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.display.setPlaceholderText(self.tr("Your name as colleagues see it"))
        self.password.setPlaceholderText(
            tr_core("At least {n} characters", n=users.MIN_PASSWORD_LENGTH)
        )
        self.create_button.setText(self.tr("Create"))

    def _check_credit_code(self) -> None:
        """Say at once when a typed credit code cannot be right (the core checks it again).

        The message appears at the field without pulling the focus back to it.
        """
        code = self.credit_code.text().strip().upper()
        problem = credit_code_problem(code) if code else None
        if problem:
            self.errors.show_message(tr_core(problem), "credit_code")
        else:
            self.errors.clear_field("credit_code")

    def _create(self) -> None:
        self.errors.clear()
        if self.password.text() != self.password_again.text():
            self.errors.show_message(self.tr("The two passwords differ"), "password_again")
            self.password_again.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            actor = users.first_run(
                self._db,
                company_name=self.company_name.text(),
                credit_code=self.credit_code.text(),
                admin_username=self.username.text(),
                admin_display_name=self.display.text(),
                password=self.password.text(),
            )
        except ValidationError as error:
            self.errors.show(error)
            return
        except WuyeError as error:
            show_error(self, error)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.actor = actor
        self.display_name = self.display.text().strip() or actor.username
        local_settings.write(local_settings.LAST_USERNAME_KEY, actor.username)
        self.accept()

"""Administration → Users: list, add, edit role and active, reset password, unlock.

The list and every save run on the database thread: the table keeps its rows until the new
ones arrive, and a dialog's OK (with Cancel and Esc) waits while it saves."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core import users
from wuye_desktop.core.clock import format_local, now_utc
from wuye_desktop.core.errors import ValidationError, WuyeError
from wuye_desktop.core.roles import ROLE_LABELS, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui.admin.short_list import ShortListModel, ShortListPage
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.i18n import Retranslating
from wuye_desktop.ui.messages import show_error, tr_core
from wuye_desktop.ui.widgets.focus_return import exec_returning_focus
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves

Index = QModelIndex | QPersistentModelIndex


def _fill_roles(combo: QComboBox) -> None:
    combo.clear()
    for role in Role:
        combo.addItem(tr_core(ROLE_LABELS[role]), role.value)


class UsersModel(ShortListModel[users.UserRow]):
    """The company's users; a short list, read whole."""

    def headers(self) -> list[str]:
        return [
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Last login"),
        ]

    def status(self, user: users.UserRow) -> str:
        if not user.active:
            return self.tr("Disabled")
        if user.locked_until is not None and user.locked_until > now_utc():
            return self.tr("Locked until {time}").format(time=format_local(user.locked_until))
        return self.tr("Active")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        user = self.rows[index.row()]
        column = index.column()
        if column == 0:
            return user.username
        if column == 1:
            return user.display_name
        if column == 2:
            return tr_core(ROLE_LABELS[user.role])
        if column == 3:
            return self.status(user)
        return format_local(user.last_login_at)


class _SavingDialog(Retranslating, QDialog):
    """A dialog whose OK saves on the database thread and closes when the core accepted."""

    buttons: QDialogButtonBox
    errors: FormErrorDisplay

    def __init__(self, ctx: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._saving = DbChannel(self)

    @property
    def saving(self) -> bool:
        return self._saving.busy

    def _lay_out(
        self, fields: dict[str, QWidget], min_width: int, intro: QWidget | None = None
    ) -> None:
        """*fields* under their labels (``self._labels``, texts set by retranslate), with the
        form's errors, OK and Cancel; OK or Ctrl+Enter calls ``_save``."""
        self.errors = FormErrorDisplay(fields, self)
        self._labels = {name: QLabel() for name in fields}
        form = QFormLayout()
        for name, label in self._labels.items():
            label.setBuddy(fields[name])
            form.addRow(label, self.errors.wrap(name))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)
        layout = QVBoxLayout(self)
        if intro is not None:
            layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.errors.general_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(min_width)

    def _save(self) -> None:
        raise NotImplementedError

    def _submit(self, work: Callable[[Database], object]) -> None:
        self.buttons.setEnabled(False)
        request = self._saving.submit(
            self._ctx.db,
            work,
            label=QCoreApplication.translate("UsersPage", "Saving…"),
            on_done=lambda _result: self.accept(),
            on_error=self._refused,
        )
        request.finished.connect(lambda: self.buttons.setEnabled(not self.saving))

    def _refused(self, error: WuyeError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
        else:
            show_error(self, error)

    def reject(self) -> None:
        # Closing while the save is on its way would hide whether it was made.
        if not self.saving:
            super().reject()


class UserDialog(_SavingDialog):
    """Add a user (``user`` is None) or edit one's display name, role and active flag."""

    def __init__(
        self, ctx: AppContext, user: users.UserRow | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self._user = user
        self.username = QLineEdit()
        self.username.setMaxLength(64)
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(100)
        self.role = QComboBox()
        _fill_roles(self.role)
        self.active = QCheckBox()
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        fields: dict[str, QWidget] = {
            "username": self.username,
            "display_name": self.display_name,
            "role": self.role,
        }
        if user is None:
            fields |= {"password": self.password, "password_again": self.password_again}
        else:
            fields["active"] = self.active
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.display_name.setText(user.display_name)
            self.role.setCurrentIndex(self.role.findData(user.role.value))
            self.active.setChecked(user.active)
        self._lay_out(fields, 400)
        (self.username if user is None else self.display_name).setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New user") if self._user is None else self.tr("Edit user"))
        texts = {
            "username": self.tr("&User name"),
            "display_name": self.tr("&Display name"),
            "role": self.tr("&Role"),
            "active": self.tr("Account"),
            "password": self.tr("&Password"),
            "password_again": self.tr("Password &again"),
        }
        for name, label in self._labels.items():
            label.setText(texts[name])
        self.active.setText(self.tr("&May log in"))
        self.password.setPlaceholderText(
            tr_core("At least {n} characters", n=users.MIN_PASSWORD_LENGTH)
        )
        current = self.role.currentData()
        _fill_roles(self.role)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))

    def _save(self) -> None:
        self.errors.clear()
        role = Role(self.role.currentData())
        actor, display_name = self._ctx.actor, self.display_name.text()
        if self._user is None:
            if self.password.text() != self.password_again.text():
                self.errors.show_message(self.tr("The two passwords differ"), "password_again")
                self.password_again.setFocus()
                return
            username, password = self.username.text(), self.password.text()
            self._submit(
                lambda db: users.create_user(
                    db,
                    actor,
                    username=username,
                    display_name=display_name,
                    role=role,
                    password=password,
                )
            )
        else:
            user_id, active = self._user.id, self.active.isChecked()
            self._submit(
                lambda db: users.update_user(
                    db, actor, user_id, display_name=display_name, role=role, active=active
                )
            )


class ResetPasswordDialog(_SavingDialog):
    """An administrator gives a user a new password (which also lifts a lock)."""

    def __init__(self, ctx: AppContext, user: users.UserRow, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._user = user
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password_again = QLineEdit()
        for edit in (self.password, self.password_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        fields: dict[str, QWidget] = {
            "password": self.password,
            "password_again": self.password_again,
        }
        self._lay_out(fields, 380, self.intro)
        self.password.setFocus()
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.intro.setText(
            self.tr("New password for {name} ({username}). Tell it to them in person.").format(
                name=self._user.display_name, username=self._user.username
            )
        )
        self._labels["password"].setText(self.tr("&New password"))
        self._labels["password_again"].setText(self.tr("New password &again"))
        self.password.setPlaceholderText(
            tr_core("At least {n} characters", n=users.MIN_PASSWORD_LENGTH)
        )

    def _save(self) -> None:
        self.errors.clear()
        if self.password.text() != self.password_again.text():
            self.errors.show_message(self.tr("The two passwords differ"), "password_again")
            self.password_again.setFocus()
            return
        actor, user_id, password = self._ctx.actor, self._user.id, self.password.text()
        self._submit(lambda db: users.reset_password(db, actor, user_id, password))


class UsersPage(Retranslating, ShortListPage[users.UserRow]):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.reset_button = QPushButton()
        self.unlock_button = QPushButton()
        buttons = [self.add_button, self.edit_button, self.reset_button, self.unlock_button]
        super().__init__(UsersModel(), buttons, parent)
        self._ctx = ctx
        self._list = DbChannel(self)
        self._unlocking = DbChannel(self)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.unlock_button.clicked.connect(self.unlock)
        self.selection_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&New user…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.reset_button.setText(self.tr("&Reset password…"))
        self.unlock_button.setText(self.tr("Un&lock"))
        self.model.retranslate()

    @property
    def loading(self) -> bool:
        return self._list.busy or self._unlocking.busy

    def reload(self) -> None:
        """Read the users again (the core refuses anybody but an administrator); the table
        keeps its rows until they arrive."""
        actor = self._ctx.actor
        self._list.submit(
            self._ctx.db,
            lambda db: users.list_users(db, actor),
            label=self.tr("Reading the users…"),
            on_done=self.show_rows,
        )

    def open_selected(self) -> None:
        self.edit_user()

    def selection_changed(self) -> None:
        user = self.selected()
        for button in (self.edit_button, self.reset_button):
            button.setEnabled(user is not None)
        until = user.locked_until if user is not None else None
        self.unlock_button.setEnabled(
            until is not None and until > now_utc() and not self._unlocking.busy
        )

    def add_user(self) -> None:
        if exec_returning_focus(UserDialog(self._ctx, None, self), self.table):
            self.reload()

    def edit_user(self) -> None:
        user = self.selected()
        if user is not None and exec_returning_focus(UserDialog(self._ctx, user, self), self.table):
            self.reload()

    def reset_password(self) -> None:
        user = self.selected()
        dialog = ResetPasswordDialog(self._ctx, user, self) if user is not None else None
        if dialog is not None and exec_returning_focus(dialog, self.table):
            self.reload()

    def unlock(self) -> None:
        user = self.selected()
        if user is None:
            return
        actor, user_id = self._ctx.actor, user.id
        request = self._unlocking.submit(
            self._ctx.db,
            lambda db: users.unlock_user(db, actor, user_id),
            label=self.tr("Unlocking…"),
            on_done=lambda _result: self.reload(),
        )
        request.finished.connect(self.selection_changed)
        self.selection_changed()

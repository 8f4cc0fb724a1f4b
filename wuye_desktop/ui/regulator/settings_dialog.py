"""The administrator's regulator settings: platform URL, CA bundle, interval, on/off, secret.

The secret field is empty: typing one replaces the stored secret, leaving it empty keeps it.
Where the secret is kept is shown under it, with a clear warning when there is no system
keyring and it goes into a private file. "Test connection" asks the platform's /health off
the GUI thread (reachable, clock difference) and, with a secret at hand, one signed request
to check the credentials. Saving goes through ``settings.save_connection``; refused fields show
their message at the field.

Nothing here waits on the GUI thread: the stored settings are read and saved on the database
thread, and whether a URL has a stored secret (the keyring, or a file) is asked in the thread
pool once its typing pauses.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from wuye_desktop.core.errors import FieldError, ValidationError, WuyeError
from wuye_desktop.regulator import credentials, settings
from wuye_desktop.regulator.protocol import base_url_problem
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.db_worker import DbChannel
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.scheduler import RegulatorSync
from wuye_desktop.ui.widgets.focus_return import open_returning_focus
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves
from wuye_desktop.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

_NEVER_MS = 2**31 - 1
_SECRET_LOOKUP_DELAY_MS = 250


@dataclass(frozen=True)
class ProbeResult:
    """What "Test connection" found out."""

    reachable: bool
    message: str  # the platform's or the network's words when not reachable
    skew_s: float
    credentials_checked: bool
    credentials_ok: bool
    credentials_message: str


def probe(base_url: str, code: str, secret: str, ca_bundle: str) -> ProbeResult:
    """GET /health, then (with a secret) one signed GET that changes nothing on the platform."""
    from wuye_desktop.regulator.client import RegulatorClient

    try:
        client = RegulatorClient(base_url, code, secret, ca_bundle=ca_bundle, timeout_s=10.0)
    except (ValueError, OSError) as exc:
        return ProbeResult(False, str(exc), 0.0, False, False, "")
    with client:
        health = client.health()
        if not health.ok:
            return ProbeResult(False, health.message, 0.0, False, False, "")
        if not secret:
            return ProbeResult(True, "", health.skew_s, False, False, "")
        # A listing is read-only: nothing is acknowledged, the tickets stay for the sync.
        answer = client.get("/dispatches?limit=1")
        return ProbeResult(
            True,
            "",
            health.skew_s,
            True,
            answer.kind == "ok",
            "" if answer.kind == "ok" else answer.describe(),
        )


class _Errors(FormErrorDisplay):
    """Core messages whose ``reason`` is itself a core text (the URL's problem)."""

    def message(self, item: FieldError) -> str:
        return messages.tr_core_nested(item.template, **item.params)


def secret_place(base_url: str, company_code: str) -> tuple[bool, credentials.SecretLocation]:
    """Whether a secret is stored for the platform, and where it is (or would be) kept.

    Not for the GUI thread: the keyring is asked over D-Bus (it may even wait for the person to
    unlock it), the fallback is a file read.
    """
    stored = bool(base_url) and stored_secret(base_url, company_code) is not None
    return stored, credentials.location(base_url or "-", company_code)


def stored_secret(base_url: str, company_code: str) -> str | None:
    """The platform's stored secret, or None (not for the GUI thread: see secret_place)."""
    if not base_url:
        return None
    try:
        return credentials.load_secret(base_url, company_code)
    except OSError:
        return None


SaveOutcome = credentials.SecretLocation | None | OSError
"""Where the secret went (None: unchanged), or why it could not be stored."""


class RegulatorSettingsDialog(QDialog):
    """Opens at once with its form disabled; the stored settings and the company's code arrive
    from the database thread (``stored`` is None until then). Without a company it says so and
    closes. Saving runs there too, with Save disabled; Esc and Cancel wait for it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.location: credentials.SecretLocation | None = None  # where Save put the secret
        self.test_task: Task | None = None
        self.company_code = ""
        self.stored: settings.Connection | None = None
        self._reads = DbChannel(self)
        self._saving = DbChannel(self)
        # Typing a URL asks where its secret is once the typing pauses, not at each key.
        self._secret_timer = QTimer(self)
        self._secret_timer.setSingleShot(True)
        self._secret_timer.setInterval(_SECRET_LOOKUP_DELAY_MS)
        self._secret_timer.timeout.connect(self._look_up_secret)
        self.setWindowTitle(self.tr("Regulator platform"))
        self.setMinimumWidth(560)

        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://platform.example.gov.cn/api/v1")
        self.base_url.textChanged.connect(lambda _t: self._url_edited())
        self.ca_bundle = QLineEdit()
        self.ca_button = QPushButton(self.tr("&Browse…"))
        self.ca_button.setAutoDefault(False)
        self.ca_button.clicked.connect(self._choose_ca)
        ca_row = QWidget()
        ca_layout = QHBoxLayout(ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_bundle, 1)
        ca_layout.addWidget(self.ca_button)
        self.interval = QSpinBox()
        self.interval.setRange(settings.MIN_INTERVAL_S, settings.MAX_INTERVAL_S)
        self.interval.setSuffix(self.tr(" s"))
        self.enabled = QCheckBox(self.tr("&Sync with the platform in the background"))
        self.secret = QLineEdit()
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_place = QLabel()
        self.secret_place.setWordWrap(True)
        self.secret_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.errors = _Errors(
            {
                "base_url": self.base_url,
                "ca_bundle": ca_row,
                "interval_s": self.interval,
                "secret": self.secret,
            },
            self,
        )
        # Disabled until the stored settings arrive: nothing typed before could survive them.
        self.form_box = QWidget()
        self.form_box.setEnabled(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.captions = {
            "base_url": QLabel(self.tr("Platform &URL")),
            "ca_bundle": QLabel(self.tr("&CA bundle")),
            "interval_s": QLabel(self.tr("&Interval")),
            "secret": QLabel(self.tr("S&ecret")),
        }
        self.captions["base_url"].setBuddy(self.base_url)
        self.captions["ca_bundle"].setBuddy(self.ca_bundle)
        self.captions["interval_s"].setBuddy(self.interval)
        self.captions["secret"].setBuddy(self.secret)
        for name in ("base_url", "ca_bundle", "interval_s"):
            form.addRow(self.captions[name], self.errors.wrap(name))
        form.addRow("", self.enabled)
        secret_box = QWidget()  # the field, its error, and where the secret is kept
        secret_layout = QVBoxLayout(secret_box)
        secret_layout.setContentsMargins(0, 0, 0, 0)
        secret_layout.addWidget(self.errors.wrap("secret"))
        secret_layout.addWidget(self.secret_place)
        form.addRow(self.captions["secret"], secret_box)
        self.company_label = QLabel(self.tr("Reading the settings…"))
        self.company_label.setStyleSheet("color: #5f6b7a;")
        self.company_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)
        form_layout = QVBoxLayout(self.form_box)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addLayout(form)
        form_layout.addLayout(test_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.company_label)
        layout.addWidget(self.form_box)
        layout.addWidget(self.errors.general_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._update_save()
        self._read()

    # -- the stored settings -------------------------------------------------------------------

    def _read(self) -> None:
        def read(db: Database) -> tuple[str, settings.Connection]:
            return settings.company_code(db), settings.load_connection(db)  # StateError first

        self._reads.submit(
            self.ctx.db,
            read,
            label=self.tr("Reading the settings…"),
            on_done=self._arrived,
            on_error=self._unreadable,
        )

    def _arrived(self, answer: tuple[str, settings.Connection]) -> None:
        self.company_code, self.stored = answer
        self.company_label.setText(
            self.tr("Company code sent to the platform: {code}").format(code=self.company_code)
        )
        self.base_url.setText(self.stored.base_url)
        self.ca_bundle.setText(self.stored.ca_bundle)
        self.interval.setValue(max(settings.MIN_INTERVAL_S, self.stored.interval_s))
        self.enabled.setChecked(self.stored.enabled)
        self.form_box.setEnabled(True)
        self._update_save()
        self._look_up_secret()
        self.base_url.setFocus()

    def _unreadable(self, error: WuyeError) -> None:
        # No company yet, or no database: an empty form is no use. The message goes over the
        # window the dialog came from, as the dialog closes.
        parent = self.parentWidget()
        self.reject()
        messages.show_error(parent if parent is not None else self, error)

    # -- the secret ----------------------------------------------------------------------------

    def _url(self) -> str:
        return self.base_url.text().strip().rstrip("/")

    def _url_edited(self) -> None:
        if self.stored is not None:
            self._secret_timer.start()

    def _look_up_secret(self) -> None:
        """Ask, off the GUI thread, whether this URL has a secret and where it is kept."""
        self._secret_timer.stop()
        url, code = self._url(), self.company_code
        run_in_background(
            self,
            lambda _progress: secret_place(url, code),
            label=self.tr("Looking for the stored secret…"),
            on_done=lambda found: self._show_secret_place(url, *found),
            cancellable=False,
            show_after_ms=_NEVER_MS,
        )

    def _show_secret_place(
        self, url: str, has_secret: bool, where: credentials.SecretLocation
    ) -> None:
        if url != self._url():
            return  # the URL changed since: its own answer is on its way
        self.secret.setPlaceholderText(
            self.tr("Stored: leave empty to keep it")
            if has_secret
            else self.tr("None stored yet for this platform: enter the secret it gave you")
        )
        if where.keyring:
            self.secret_place.setStyleSheet("color: #5f6b7a;")
            self.secret_place.setText(self.tr("Kept in the system keyring."))
        else:
            self.secret_place.setStyleSheet(f"color: {labels.WARN_COLOUR.name()};")
            self.secret_place.setText(
                self.tr(
                    "No system keyring: kept in {file}, readable only by you "
                    "(your account on this computer)."
                ).format(file=where.description)
            )

    def _choose_ca(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("CA bundle"),
            self.ca_bundle.text(),
            self.tr("Certificates (*.pem *.crt *.cer);;All files (*)"),
        )
        if path:
            self.ca_bundle.setText(path)
            self.errors.clear_field("ca_bundle")

    # -- test ----------------------------------------------------------------------------------

    def test_connection(self) -> None:
        if self.stored is None or (self.test_task is not None and self.test_task.is_running):
            return
        self.errors.clear_field("base_url")
        url = self._url()
        problem = base_url_problem(url) if url else None
        if not url or problem:
            text = messages.tr_core(problem) if problem else messages.tr_core("Required")
            self.errors.show_message(text, "base_url")
            return
        typed = self.secret.text().strip()
        code, ca = self.company_code, self.ca_bundle.text().strip()
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Asking the platform…"))
        self.test_task = run_in_background(
            self,
            lambda _progress: probe(url, code, typed or stored_secret(url, code) or "", ca),
            label=self.tr("Testing the connection…"),
            on_done=self._tested,
            on_error=self._test_failed,
            cancellable=False,
            show_after_ms=_NEVER_MS,
        )

    def _tested(self, result: ProbeResult) -> None:
        self.test_button.setEnabled(True)
        if not result.reachable:
            self.test_result.setStyleSheet(f"color: {labels.BAD_COLOUR.name()};")
            self.test_result.setText(
                self.tr("Not reachable: {reason}").format(reason=messages.tr_known(result.message))
            )
            return
        lines = [
            self.tr("Reachable. Clock difference: {seconds} s.").format(
                seconds=f"{result.skew_s:+.0f}"
            )
        ]
        bad = False
        if abs(result.skew_s) > 60:
            lines.append(
                self.tr(
                    "Set this computer's clock right: the platform refuses requests more than 300 s off."
                )
            )
            bad = abs(result.skew_s) > 300
        if not result.credentials_checked:
            lines.append(self.tr("Credentials not checked: no secret entered or stored."))
        elif result.credentials_ok:
            lines.append(self.tr("Credentials accepted."))
        else:
            bad = True
            lines.append(
                self.tr("Credentials refused: {reason}").format(reason=result.credentials_message)
            )
        colour = labels.BAD_COLOUR if bad else labels.OK_COLOUR
        self.test_result.setStyleSheet(f"color: {colour.name()};")
        self.test_result.setText("\n".join(lines))

    def _test_failed(self, error: WuyeError) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet(f"color: {labels.BAD_COLOUR.name()};")
        self.test_result.setText(messages.describe(error))

    # -- save ----------------------------------------------------------------------------------

    def connection(self) -> settings.Connection:
        return settings.Connection(
            base_url=self._url(),
            ca_bundle=self.ca_bundle.text().strip(),
            interval_s=self.interval.value(),
            enabled=self.enabled.isChecked(),
        )

    @property
    def saving(self) -> bool:
        return self._saving.busy

    def _update_save(self) -> None:
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        assert save is not None
        save.setEnabled(self.stored is not None and not self.saving)

    def accept(self) -> None:
        # Enter before the settings arrived, or a second one while the first save is on its way.
        if self.stored is None or self.saving:
            return
        self.errors.clear()
        actor, connection = self.ctx.actor, self.connection()
        secret = self.secret.text().strip() or None

        def save(db: Database) -> SaveOutcome:
            try:
                return settings.save_connection(db, actor, connection, secret)
            except OSError as error:  # the keyring or the private file: nothing was saved
                return error

        request = self._saving.submit(
            self.ctx.db,
            save,
            label=self.tr("Saving the settings…"),
            on_done=self._saved,
            on_error=self._refused,
        )
        request.finished.connect(self._update_save)
        self._update_save()

    def _saved(self, outcome: SaveOutcome) -> None:
        if isinstance(outcome, OSError):
            self.errors.show_message(
                self.tr("The secret could not be stored: {reason}").format(
                    reason=outcome.strerror or outcome
                ),
                "secret",
            )
            return
        self.location = outcome
        super().accept()

    def _refused(self, error: WuyeError) -> None:
        if isinstance(error, ValidationError):
            self.errors.show(error)
        else:
            messages.show_error(self, error)

    def reject(self) -> None:
        # Closing while the save is on its way would hide whether it was made.
        if not self.saving:
            super().reject()


def open_settings(ctx: AppContext, parent: QWidget, sync: RegulatorSync | None) -> QDialog:
    """Open the dialog (window-modal); after a save the session's sync starts again. Without
    a company it closes itself, saying so, when the database has answered."""
    dialog = RegulatorSettingsDialog(ctx, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if sync is not None:
        dialog.accepted.connect(sync.settings_saved)
    open_returning_focus(dialog)
    return dialog

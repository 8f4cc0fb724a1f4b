"""The administrator's regulator settings: platform URL, CA bundle, interval, on/off, secret.

The secret field is empty: typing one replaces the stored secret, leaving it empty keeps it.
Where the secret is kept is shown under it, with a clear warning when there is no system
keyring and it goes into a private file. "Test connection" asks the platform's /health off
the GUI thread (reachable, clock difference) and, with a secret at hand, one signed request
to check the credentials. Saving goes through ``settings.save_connection``; refused fields show
their message at the field.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import Qt
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
from wuye_desktop.ui import messages
from wuye_desktop.ui.context import AppContext
from wuye_desktop.ui.regulator import labels
from wuye_desktop.ui.regulator.scheduler import RegulatorSync
from wuye_desktop.ui.widgets.focus_return import open_returning_focus
from wuye_desktop.ui.widgets.form import FormErrorDisplay
from wuye_desktop.ui.widgets.save_keys import ctrl_enter_saves
from wuye_desktop.ui.workers import Task, run_in_background

log = logging.getLogger(__name__)

_NEVER_MS = 2**31 - 1


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


class RegulatorSettingsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.location: credentials.SecretLocation | None = None  # where Save put the secret
        self.test_task: Task | None = None
        self.company_code = settings.company_code(ctx.db)  # StateError without a company
        self.stored = settings.load_connection(ctx.db)
        self.setWindowTitle(self.tr("Regulator platform"))
        self.setMinimumWidth(560)

        self.base_url = QLineEdit(self.stored.base_url)
        self.base_url.setPlaceholderText("https://platform.example.gov.cn/api/v1")
        self.base_url.textChanged.connect(lambda _t: self._show_secret_place())
        self.ca_bundle = QLineEdit(self.stored.ca_bundle)
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
        self.interval.setValue(max(settings.MIN_INTERVAL_S, self.stored.interval_s))
        self.enabled = QCheckBox(self.tr("&Sync with the platform in the background"))
        self.enabled.setChecked(self.stored.enabled)
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
        company = QLabel(
            self.tr("Company code sent to the platform: {code}").format(code=self.company_code)
        )
        company.setStyleSheet("color: #5f6b7a;")
        company.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setAutoDefault(False)
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.test_result, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        ctrl_enter_saves(self, self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(company)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.errors.general_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._has_stored_secret = self._stored_secret() is not None
        self._show_secret_place()
        self.base_url.setFocus()

    # -- the secret ----------------------------------------------------------------------------

    def _url(self) -> str:
        return self.base_url.text().strip().rstrip("/")

    def _stored_secret(self) -> str | None:
        url = self._url()
        if not url:
            return None
        try:
            return credentials.load_secret(url, self.company_code)
        except OSError:
            return None

    def _show_secret_place(self) -> None:
        url = self._url()
        if url != self.stored.base_url.rstrip("/"):
            self._has_stored_secret = self._stored_secret() is not None
        self.secret.setPlaceholderText(
            self.tr("Stored: leave empty to keep it")
            if self._has_stored_secret
            else self.tr("None stored yet for this platform: enter the secret it gave you")
        )
        where = credentials.location(url or "-", self.company_code)
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
        if self.test_task is not None and self.test_task.is_running:
            return
        self.errors.clear_field("base_url")
        url = self._url()
        problem = base_url_problem(url) if url else None
        if not url or problem:
            text = messages.tr_core(problem) if problem else messages.tr_core("Required")
            self.errors.show_message(text, "base_url")
            return
        secret = self.secret.text().strip() or self._stored_secret() or ""
        code, ca = self.company_code, self.ca_bundle.text().strip()
        self.test_button.setEnabled(False)
        self.test_result.setStyleSheet("")
        self.test_result.setText(self.tr("Asking the platform…"))
        self.test_task = run_in_background(
            self,
            lambda _progress: probe(url, code, secret, ca),
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

    def accept(self) -> None:
        self.errors.clear()
        connection = self.connection()
        secret = self.secret.text().strip() or None
        try:
            self.location = settings.save_connection(
                self.ctx.db, self.ctx.actor, connection, secret
            )
        except ValidationError as error:
            self.errors.show(error)
            return
        except OSError as error:
            self.errors.show_message(
                self.tr("The secret could not be stored: {reason}").format(
                    reason=error.strerror or error
                ),
                "secret",
            )
            return
        except WuyeError as error:
            messages.show_error(self, error)
            return
        super().accept()


def open_settings(ctx: AppContext, parent: QWidget, sync: RegulatorSync | None) -> QDialog | None:
    """Open the dialog (window-modal); after a save the session's sync starts again."""
    try:
        dialog = RegulatorSettingsDialog(ctx, parent)
    except WuyeError as error:
        messages.show_error(parent, error)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if sync is not None:
        dialog.accepted.connect(sync.settings_saved)
    open_returning_focus(dialog)
    return dialog

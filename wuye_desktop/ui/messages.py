"""Turning core errors into translated text, and showing them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from wuye_desktop.core.errors import (
    DatabaseFileLost,
    FieldError,
    StorageUnavailable,
    ValidationError,
    WuyeError,
)
from wuye_desktop.core.i18n import CONTEXT

log = logging.getLogger(__name__)


def tr_core(template: str, **params: object) -> str:
    """Translate a message marked in the core with QT_TRANSLATE_NOOP("core", ...)."""
    return QCoreApplication.translate(CONTEXT, template).format(**params)


def tr_known(text: str) -> str:
    """A core phrase (QT_TRANSLATE_NOOP("core", ...), no placeholders) in the window's language;
    any other text, such as the platform's or the system's own words, comes back as it is."""
    return QCoreApplication.translate(CONTEXT, text)


def tr_core_nested(template: str, **params: object) -> str:
    """tr_core, where a parameter may itself be a core phrase (a URL's problem, a network
    failure): those are translated too, any other value is left as it is."""
    return tr_core(
        template, **{k: tr_known(v) if isinstance(v, str) else v for k, v in params.items()}
    )


def describe(error: WuyeError) -> str:
    if isinstance(error, ValidationError):
        return "\n".join(describe_field(e) for e in error.errors)
    return tr_core(error.template, **error.params)


def describe_field(error: FieldError) -> str:
    return tr_core(error.template, **error.params)


def show_error(parent: QWidget | None, error: WuyeError) -> None:
    """A message box for an error a person can act on; environment errors invite a retry."""
    if isinstance(error, DatabaseFileLost):
        # Not a retry: the program has stopped writing and the person must restart it.
        QMessageBox.critical(
            parent,
            QCoreApplication.translate("messages", "Database files lost"),
            describe(error),
        )
        return
    title = (
        QCoreApplication.translate("messages", "Database unavailable")
        if isinstance(error, StorageUnavailable)
        else QCoreApplication.translate("messages", "Cannot do this")
    )
    QMessageBox.warning(parent, title, describe(error))

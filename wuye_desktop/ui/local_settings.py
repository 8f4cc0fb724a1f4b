"""What this machine remembers between runs: language, last user name, window geometry.

Kept in an INI file in the user's configuration folder (not the registry on Windows), so an
administrator can read or reset it, and tests can point it at a temporary folder with
``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "wuye"
APPLICATION = "wuye_desktop"

LANGUAGE_KEY = "ui/language"
LAST_USERNAME_KEY = "login/last_username"
MAIN_GEOMETRY_KEY = "main_window/geometry"
MAIN_STATE_KEY = "main_window/state"


def app_settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def read_str(key: str, default: str = "") -> str:
    value = app_settings().value(key, default)
    return value if isinstance(value, str) else default


def write(key: str, value: object) -> None:
    settings = app_settings()
    settings.setValue(key, value)
    settings.sync()

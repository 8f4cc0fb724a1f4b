"""Loading the UI language: our .qm files plus Qt's own (dialog buttons, context menus).

Installing or removing a QTranslator sends every widget a LanguageChange event; our widgets
answer it by setting their texts again (:class:`Retranslating`: ``changeEvent`` →
``retranslate``), so a language change applies at once, without a restart.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from wuye_desktop.resources import resource_path

log = logging.getLogger(__name__)

# Language codes stored in QSettings and in each user's ``language`` column, with the name
# each language has in itself (shown untranslated, so anybody can find their own).
LANGUAGES: dict[str, str] = {"zh_CN": "简体中文", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"


class Retranslating:
    """Mix in before the Qt class (``class Tab(Retranslating, QWidget)``) of a widget with a
    ``retranslate()`` method: it is called again on every LanguageChange event."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()  # type: ignore[attr-defined]
        super().changeEvent(event)  # type: ignore[misc]


_installed: list[QTranslator] = []
_current: list[str] = [""]


def normalize(language: str | None) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current[0]


def install_language(language: str | None) -> str:
    """Make *language* the UI language; returns the one now in force (unknown → default)."""
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing a language")
    language = normalize(language)
    if language == _current[0]:
        return language
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(language)
    QLocale.setDefault(locale)
    ours = QTranslator(app)
    folder = resource_path("translations")
    if ours.load(f"wuye_{language}", str(folder)):
        _installed.append(ours)
    else:
        log.warning("no translations for %s in %s", language, folder)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if language != "en" and qt.load(locale, "qtbase", "_", qt_dir):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    _current[0] = language
    return language

"""Qt's own texts that Qt's zh_CN catalogue (qtbase_zh_CN.qm) lacks.

Qt 6 added shortcut letters to a few labels of its dialogs ("&Look in:" where the catalogue
has "Look in:"), so they showed in English in a Chinese window. They are listed here under
Qt's own context so that lupdate puts them in our .ts: our translator answers for them, and
Qt's answers for the rest (``ui.i18n`` installs both). A test opens the dialogs and checks
that no label of theirs is left in English.
"""

from __future__ import annotations

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

# (context, source text) as Qt asks for them.
QT_GAPS: tuple[tuple[str, str], ...] = (
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "&Look in:")),
    ("QFileDialog", QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:")),
    ("QPrintSettingsOutput", QT_TRANSLATE_NOOP("QPrintSettingsOutput", "Page &Set:")),
)

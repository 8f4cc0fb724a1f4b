"""Marking of user-facing strings in the Qt-free packages.

The core cannot import Qt, yet its messages reach people through the UI, which translates them
with Qt's translation system in the context "core". ``QT_TRANSLATE_NOOP`` is the name Qt's
``lupdate`` looks for, so strings marked with it land in the .ts files.
"""

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return *text* unchanged; lupdate extracts it for translation in *context*."""
    return text

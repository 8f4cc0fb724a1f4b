"""Marking of user-facing strings in the Qt-free packages.

The core cannot import Qt, yet its messages reach people through the UI, which translates them
with Qt's translation system in the context "core". ``QT_TRANSLATE_NOOP`` is the name Qt's
``lupdate`` looks for, so strings marked with it land in the .ts files.
"""

from __future__ import annotations

from functools import cache

CONTEXT = "core"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return *text* unchanged; lupdate extracts it for translation in *context*."""
    return text


# --- translating outside Qt -----------------------------------------------------------------------
# The command line and the documents have no Qt, yet print in the program's language. They read
# the same compiled catalogue (.qm) the window loads, so there is one translation of each text.
# lrelease keeps each message's context and source text beside its translation (tags 7, 6, 3 of
# the Messages section); that is all a lookup needs.

_QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
_QM_MESSAGES = 0x69
_TAG_END, _TAG_TRANSLATION, _TAG_OBSOLETE1 = 1, 3, 5
_TAG_SOURCE, _TAG_CONTEXT = 6, 7
DEFAULT_LANGUAGE = "zh_CN"  # DESIGN: Chinese is the default


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    """(context, source text) → translation, from a compiled Qt catalogue's bytes."""
    if not data.startswith(_QM_MAGIC):
        raise ValueError("not a Qt translation catalogue")
    pos, messages = len(_QM_MAGIC), b""
    while pos + 5 <= len(data):
        tag, length = data[pos], int.from_bytes(data[pos + 1 : pos + 5], "big")
        if tag == _QM_MESSAGES:
            messages = data[pos + 5 : pos + 5 + length]
        pos += 5 + length
    found: dict[tuple[str, str], str] = {}
    fields: dict[int, bytes] = {}
    pos = 0
    while pos < len(messages):
        tag = messages[pos]
        pos += 1
        if tag == _TAG_END:
            text = fields.get(_TAG_TRANSLATION)
            if text is not None and _TAG_SOURCE in fields:
                context = fields.get(_TAG_CONTEXT, b"").decode("utf-8")
                found.setdefault(
                    (context, fields[_TAG_SOURCE].decode("utf-8")), text.decode("utf-16-be")
                )
            fields = {}
            continue
        if tag == _TAG_OBSOLETE1:
            pos += 4
            continue
        length = int.from_bytes(messages[pos : pos + 4], "big")
        pos += 4
        if length == 0xFFFFFFFF:  # a null string
            continue
        fields[tag] = messages[pos : pos + length]
        pos += length
    return found


@cache
def _catalogue(language: str) -> dict[tuple[str, str], str]:
    from wuye_desktop.resources import resource_path

    try:
        return read_qm(resource_path("translations", f"wuye_{language}.qm").read_bytes())
    except (OSError, ValueError):
        return {}  # English, or a catalogue missing: the source texts are shown


def translate(context: str, text: str, language: str = DEFAULT_LANGUAGE) -> str:
    """*text* of *context* in *language* (the text itself when it has no translation)."""
    if not text:
        return text
    return _catalogue(language).get((context, text), text)

"""How the regulator views name things: sync states with their colours, ticket levels, reply
results, outbox event kinds. The codes come from the regulator core; texts are in "Regulator".
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from wuye_desktop.core.clock import format_local
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.ui import messages

CONTEXT = "Regulator"

OK_COLOUR = QColor("#2e7d32")
WARN_COLOUR = QColor("#b26a00")
BAD_COLOUR = QColor("#c62828")
IDLE_COLOUR = QColor("#6b7280")

# SyncStatus.state / SyncReport.state -> (words, colour)
_STATES: dict[str, tuple[str, QColor]] = {
    "never": (QT_TRANSLATE_NOOP("Regulator", "Not synced yet"), IDLE_COLOUR),
    "ok": (QT_TRANSLATE_NOOP("Regulator", "Connected"), OK_COLOUR),
    "partial": (QT_TRANSLATE_NOOP("Regulator", "Partly synced, retrying"), WARN_COLOUR),
    "rate_limited": (QT_TRANSLATE_NOOP("Regulator", "Platform asks to wait"), WARN_COLOUR),
    "offline": (QT_TRANSLATE_NOOP("Regulator", "Platform unreachable, retrying"), WARN_COLOUR),
    "auth": (QT_TRANSLATE_NOOP("Regulator", "Refused: check the credentials"), BAD_COLOUR),
    "clock": (QT_TRANSLATE_NOOP("Regulator", "Clocks differ: sync stopped"), BAD_COLOUR),
    "bad_answer": (QT_TRANSLATE_NOOP("Regulator", "Unreadable answers"), WARN_COLOUR),
    "not_configured": (QT_TRANSLATE_NOOP("Regulator", "Not set up"), IDLE_COLOUR),
    "busy": (QT_TRANSLATE_NOOP("Regulator", "Another desk is syncing"), IDLE_COLOUR),
    "stopped": (QT_TRANSLATE_NOOP("Regulator", "Sync interrupted"), IDLE_COLOUR),
    "disabled": (QT_TRANSLATE_NOOP("Regulator", "Sync switched off"), IDLE_COLOUR),
}

# Short words for the status bar.
_SHORT_STATES: dict[str, str] = {
    "never": QT_TRANSLATE_NOOP("Regulator", "not synced yet"),
    "ok": QT_TRANSLATE_NOOP("Regulator", "OK"),
    "partial": QT_TRANSLATE_NOOP("Regulator", "partly synced"),
    "rate_limited": QT_TRANSLATE_NOOP("Regulator", "waiting"),
    "offline": QT_TRANSLATE_NOOP("Regulator", "offline"),
    "auth": QT_TRANSLATE_NOOP("Regulator", "refused"),
    "clock": QT_TRANSLATE_NOOP("Regulator", "clock wrong"),
    "bad_answer": QT_TRANSLATE_NOOP("Regulator", "unreadable answers"),
    "not_configured": QT_TRANSLATE_NOOP("Regulator", "not set up"),
    "busy": QT_TRANSLATE_NOOP("Regulator", "another desk syncs"),
    "stopped": QT_TRANSLATE_NOOP("Regulator", "interrupted"),
    "disabled": QT_TRANSLATE_NOOP("Regulator", "off"),
}

_LEVELS = {
    "normal": QT_TRANSLATE_NOOP("Regulator", "Normal"),
    "urgent": QT_TRANSLATE_NOOP("Regulator", "Urgent"),
    "supervised": QT_TRANSLATE_NOOP("Regulator", "Supervised"),
}

RESULTS = ("resolved", "in_progress", "not_responsible")  # protocol §5, in the combo's order
_RESULTS = {
    "resolved": QT_TRANSLATE_NOOP("Regulator", "Resolved"),
    "in_progress": QT_TRANSLATE_NOOP("Regulator", "In progress"),
    "not_responsible": QT_TRANSLATE_NOOP("Regulator", "Not ours to handle"),
}

_KINDS = {
    "work_order": QT_TRANSLATE_NOOP("Regulator", "Order report"),
    "event": QT_TRANSLATE_NOOP("Regulator", "Status change"),
    "callback": QT_TRANSLATE_NOOP("Regulator", "Callback"),
    "ack": QT_TRANSLATE_NOOP("Regulator", "Dispatch receipt"),
    "reply": QT_TRANSLATE_NOOP("Regulator", "Reply"),
    "supervision_ack": QT_TRANSLATE_NOOP("Regulator", "Supervision receipt"),
    "disclosure": QT_TRANSLATE_NOOP("Regulator", "Income disclosure"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def state_text(state: str) -> str:
    words, _colour = _STATES.get(state, (state, IDLE_COLOUR))
    return _tr(words) if state in _STATES else state


def state_colour(state: str) -> QColor:
    return _STATES.get(state, ("", IDLE_COLOUR))[1]


def short_state_text(state: str) -> str:
    return _tr(_SHORT_STATES[state]) if state in _SHORT_STATES else state


def level_text(level: str) -> str:
    return _tr(_LEVELS[level]) if level in _LEVELS else level


def result_text(result: str) -> str:
    return _tr(_RESULTS[result]) if result in _RESULTS else result


def kind_text(kind: str) -> str:
    return _tr(_KINDS[kind]) if kind in _KINDS else kind


def subject_of_stream(stream: str) -> str:
    """``order:GD20261120-0042`` -> the order number; other streams name their subject."""
    _prefix, _sep, rest = stream.partition(":")
    return rest or stream


def parse_time(text: str) -> datetime | None:
    """The RFC 3339 strings the sync stores, or None."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def local_time_text(text: str) -> str:
    """A stored RFC 3339 time in local time, to the second; "—" when there is none."""
    moment = parse_time(text)
    if moment is None:
        return "—"
    return format_local(moment, with_seconds=True)


def percent(rate: float) -> str:
    return f"{rate * 100:.0f} %"


def status_message(status: Any) -> str:
    """A stored sync outcome's message in the window's language (SyncStatus or SyncReport)."""
    if status.message_template:
        # A {detail} may itself be one of the client's phrases (client.T_REFUSED...).
        return messages.tr_core_nested(status.message_template, **status.message_params)
    return str(status.message)

"""How the work-order views name codes and deadlines: translated labels, "overdue 3 h", colours.

The vocabulary codes come from the core (``accepted``, ``water_leak``…) with English labels
marked for translation in the "core" context; the texts made here are in "WorkOrders".
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from wuye_desktop.core.clock import format_local, now_utc, to_local
from wuye_desktop.core.orders import OPEN_STATUSES, STATUS_LABELS, OrderRow, Urgency
from wuye_desktop.core.vocab import (
    CALLBACK_METHOD_LABELS,
    CATEGORY_LABELS,
    CHANNEL_LABELS,
    SATISFACTION_LABELS,
    SOURCE_LABELS,
    TIER_LABELS,
)
from wuye_desktop.ui.messages import tr_core

# Row colours of the list (and the legend under it): overdue red, due soon amber, paused grey.
OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#b3261e")
DUE_SOON_BACKGROUND = QColor("#fff3cd")
DUE_SOON_TEXT = QColor("#8a5a00")
PAUSED_TEXT = QColor("#8a8a8a")


def _label(labels: Mapping[Any, str], code: str) -> str:
    # StrEnum keys compare equal to their plain string codes.
    template = labels.get(code)
    return tr_core(template) if template else code


def status_text(code: str) -> str:
    return _label(STATUS_LABELS, code)


def tier_text(code: str) -> str:
    return _label(TIER_LABELS, code)


def category_text(code: str) -> str:
    return _label(CATEGORY_LABELS, code)


def channel_text(code: str) -> str:
    return _label(CHANNEL_LABELS, code)


def source_text(code: str) -> str:
    return _label(SOURCE_LABELS, code)


def satisfaction_text(code: str) -> str:
    return _label(SATISFACTION_LABELS, code)


def method_text(code: str) -> str:
    return _label(CALLBACK_METHOD_LABELS, code)


def span_text(span: timedelta) -> str:
    """3 h, 25 min, 4 d: the unit a clerk reads at a glance."""
    minutes = max(0, int(span.total_seconds() // 60))
    if minutes < 60:
        return QCoreApplication.translate("WorkOrders", "{n} min").format(n=minutes)
    if minutes < 48 * 60:
        return QCoreApplication.translate("WorkOrders", "{n} h").format(n=minutes // 60)
    return QCoreApplication.translate("WorkOrders", "{n} d").format(n=minutes // (24 * 60))


def _aware(moment: datetime) -> datetime:
    return to_local(moment)  # SQLite hands back naive UTC values; make them comparable


def due_text(row: OrderRow, now: datetime | None = None) -> str:
    """The deadline column: how far past or ahead for open orders, the date for the rest."""
    now = now or now_utc()
    due = row.completion_due
    if row.status not in OPEN_STATUSES:
        return format_local(due, with_year=False)
    if row.paused:
        return QCoreApplication.translate("WorkOrders", "paused")
    if due is None:
        return ""
    due = _aware(due)
    if due < now:
        return QCoreApplication.translate("WorkOrders", "overdue {span}").format(
            span=span_text(now - due)
        )
    if row.urgency is Urgency.OVERDUE:  # the first response is late, the completion is not
        return QCoreApplication.translate("WorkOrders", "response overdue")
    return QCoreApplication.translate("WorkOrders", "due in {span}").format(
        span=span_text(due - now)
    )


def urgency_colours(row: OrderRow) -> tuple[QColor | None, QColor | None]:
    """(background, text) of a row: red overdue, amber due soon, grey paused."""
    if row.urgency is Urgency.OVERDUE:
        return OVERDUE_BACKGROUND, OVERDUE_TEXT
    if row.urgency is Urgency.DUE_SOON:
        return DUE_SOON_BACKGROUND, DUE_SOON_TEXT
    if row.paused:
        return None, PAUSED_TEXT
    return None, None

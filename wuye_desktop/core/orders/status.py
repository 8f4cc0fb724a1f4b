"""The status flow of a work order (regulator-protocol.md §4) as a pure rule."""

from __future__ import annotations

import enum

from wuye_desktop.core.errors import StateError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class Status(enum.StrEnum):
    ACCEPTED = "accepted"
    DISPATCHED = "dispatched"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CLOSED = "closed"
    REOPENED = "reopened"
    CANCELLED = "cancelled"


STATUS_LABELS: dict[Status, str] = {
    Status.ACCEPTED: QT_TRANSLATE_NOOP("core", "Accepted"),
    Status.DISPATCHED: QT_TRANSLATE_NOOP("core", "Dispatched"),
    Status.IN_PROGRESS: QT_TRANSLATE_NOOP("core", "In progress"),
    Status.COMPLETED: QT_TRANSLATE_NOOP("core", "Completed"),
    Status.CLOSED: QT_TRANSLATE_NOOP("core", "Closed"),
    Status.REOPENED: QT_TRANSLATE_NOOP("core", "Reopened"),
    Status.CANCELLED: QT_TRANSLATE_NOOP("core", "Cancelled"),
}

OPEN_STATUSES = frozenset({Status.ACCEPTED, Status.DISPATCHED, Status.IN_PROGRESS, Status.REOPENED})
# The same as stored values, for ``WorkOrder.status.in_(...)`` in the queries.
OPEN_VALUES = [s.value for s in OPEN_STATUSES]

# Dispatching again from dispatched or in progress is a transfer to another channel or handler.
_ALLOWED: dict[Status, frozenset[Status]] = {
    Status.ACCEPTED: frozenset({Status.DISPATCHED, Status.CANCELLED}),
    Status.DISPATCHED: frozenset({Status.DISPATCHED, Status.IN_PROGRESS, Status.CANCELLED}),
    Status.IN_PROGRESS: frozenset({Status.DISPATCHED, Status.COMPLETED, Status.CANCELLED}),
    Status.COMPLETED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.REOPENED: frozenset({Status.DISPATCHED, Status.IN_PROGRESS, Status.CANCELLED}),
    Status.CLOSED: frozenset(),
    Status.CANCELLED: frozenset(),
}


def allowed_next(current: Status) -> frozenset[Status]:
    return _ALLOWED[current]


def transition_refusal(current: Status, target: Status) -> StateError | None:
    """The refusal of a move the flow does not allow, naming both states; None if allowed."""
    if target in _ALLOWED[current]:
        return None
    return StateError(
        QT_TRANSLATE_NOOP("core", "An order that is {current} cannot become {target}."),
        current=current.value,
        target=target.value,
    )


def check_transition(current: Status, target: Status) -> None:
    """Refuse a move the flow does not allow, naming both states."""
    refusal = transition_refusal(current, target)
    if refusal is not None:
        raise refusal

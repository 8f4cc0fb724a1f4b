"""What may be done to a work order now, and why not the rest: decided here, once.

The services (the moves of this package, the documents, the regulator's reply) refuse a move with the
refusal computed here, and the windows and the CLI ask :func:`available_actions` which moves to
offer. It looks only at plain values the caller already holds (an ``OrderDetail``), never at the
database, so the work-order tab can ask on every change of selection.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wuye_desktop.core.errors import StateError, WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.orders.status import Status, transition_refusal
from wuye_desktop.core.roles import Actor, Permission
from wuye_desktop.core.vocab import Tier

if TYPE_CHECKING:
    # Only read, never constructed, here; the detail module loads the services' helpers, which
    # load these rules, so a runtime import would go round in a circle.
    from wuye_desktop.core.orders.detail import OrderDetail


class Action(enum.StrEnum):
    """The moves on one order, in the order the CLI lists them."""

    DISPATCH = "dispatch"  # on a dispatched or started order this is a transfer
    START = "start"
    COMPLETE = "complete"
    CALLBACK = "callback"
    CLOSE = "close"
    CANCEL = "cancel"
    PAUSE = "pause"
    RESUME = "resume"
    ISSUE_COMMITMENT = "issue_commitment"
    NOTE = "note"
    PHOTO = "photo"
    REPLY = "reply"  # to the regulator's ticket the order was made from
    PRINT_SLIP = "print_slip"
    PRINT_COMMITMENT = "print_commitment"
    PRINT_CALLBACK_FORM = "print_callback_form"


_P = Permission
_PERMISSION: dict[Action, Permission] = {
    Action.DISPATCH: _P.WORK_ORDERS_EDIT,
    Action.START: _P.WORK_ORDERS_EDIT,
    Action.COMPLETE: _P.WORK_ORDERS_EDIT,
    Action.CALLBACK: _P.WORK_ORDERS_EDIT,
    Action.CLOSE: _P.WORK_ORDERS_EDIT,
    Action.CANCEL: _P.WORK_ORDERS_EDIT,
    Action.PAUSE: _P.WORK_ORDERS_EDIT,
    Action.RESUME: _P.WORK_ORDERS_EDIT,
    Action.ISSUE_COMMITMENT: _P.DOCUMENTS_ISSUE,
    Action.NOTE: _P.WORK_ORDERS_EDIT,
    Action.PHOTO: _P.WORK_ORDERS_EDIT,
    Action.REPLY: _P.WORK_ORDERS_EDIT,
    Action.PRINT_SLIP: _P.DOCUMENTS_PRINT,
    Action.PRINT_COMMITMENT: _P.DOCUMENTS_PRINT,
    Action.PRINT_CALLBACK_FORM: _P.DOCUMENTS_PRINT,
}

# The clock can be stopped only while somebody is meant to be working on the order.
PAUSABLE = frozenset({Status.DISPATCHED, Status.IN_PROGRESS, Status.REOPENED})
# A commitment is promised before the work starts (or again starts, after a reopening).
COMMITMENT_STATES = frozenset({Status.ACCEPTED, Status.DISPATCHED, Status.REOPENED})
# A callback form is printed once the work has been done.
CALLBACK_FORM_STATES = frozenset({Status.COMPLETED, Status.CLOSED, Status.REOPENED})
# Dispatching again while the first channel holds the order hands it over to another one.
_TRANSFER_STATES = frozenset({Status.DISPATCHED, Status.IN_PROGRESS})


@dataclass(frozen=True)
class OrderState:
    """The facts about an order that the rules of its moves look at, as plain values."""

    number: str
    status: Status
    tier: str
    paused: bool
    has_commitment: bool
    has_callbacks: bool
    from_regulator: bool  # made from a regulator's ticket, which may be replied to

    @classmethod
    def of(cls, detail: OrderDetail) -> OrderState:
        return cls(
            number=detail.row.number,
            status=Status(detail.row.status),
            tier=detail.row.tier,
            paused=detail.row.paused,
            has_commitment=detail.commitment is not None,
            has_callbacks=bool(detail.callbacks),
            from_regulator=bool(detail.regulator_ticket_id),
        )


@dataclass(frozen=True)
class Availability:
    """Whether a move may be made now; if not, the refusal its service would raise."""

    refusal: WuyeError | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def dispatch_is_transfer(status: Status | str) -> bool:
    """Dispatching an order a channel already holds is a transfer to another channel/handler."""
    return Status(status) in _TRANSFER_STATES


def start_needs_commitment(state: OrderState) -> bool:
    """A promised repair starts only with its commitment: the start form asks for it."""
    return state.tier == Tier.PROMISED.value and not state.has_commitment


# --- the rules of each move, on the order's state ----------------------------------------------


def _transition(target: Status) -> Callable[[OrderState], WuyeError | None]:
    return lambda state: transition_refusal(state.status, target)


def _complete(state: OrderState) -> WuyeError | None:
    if state.paused:
        return StateError(QT_TRANSLATE_NOOP("core", "Resume the order before completing it."))
    return transition_refusal(state.status, Status.COMPLETED)


def _callback(state: OrderState) -> WuyeError | None:
    if state.status is not Status.COMPLETED:
        return StateError(
            QT_TRANSLATE_NOOP(
                "core", "A callback is made after completion; order {number} is {current}."
            ),
            number=state.number,
            current=state.status.value,
        )
    return None


def _pause(state: OrderState) -> WuyeError | None:
    if state.status not in PAUSABLE:
        return StateError(
            QT_TRANSLATE_NOOP("core", "An order that is {current} cannot be paused."),
            current=state.status.value,
        )
    if state.paused:
        return StateError(QT_TRANSLATE_NOOP("core", "The order is already paused."))
    return None


def _resume(state: OrderState) -> WuyeError | None:
    if not state.paused:
        return StateError(QT_TRANSLATE_NOOP("core", "The order is not paused."))
    return None


def _issue_commitment(state: OrderState) -> WuyeError | None:
    if state.tier != Tier.PROMISED.value:
        return StateError(QT_TRANSLATE_NOOP("core", "Only promised-tier orders get a commitment."))
    if state.has_commitment:
        return StateError(
            QT_TRANSLATE_NOOP("core", "Order {number} already has a commitment."),
            number=state.number,
        )
    if state.status not in COMMITMENT_STATES:
        return StateError(
            QT_TRANSLATE_NOOP("core", "An order that is {current} cannot get a commitment."),
            current=state.status.value,
        )
    return None


def _print_commitment(state: OrderState) -> WuyeError | None:
    if state.has_commitment:
        return None
    if state.tier != Tier.PROMISED.value:
        return StateError(
            QT_TRANSLATE_NOOP(
                "core",
                "Order {number} is not a promised-tier order, so it has no commitment letter.",
            ),
            number=state.number,
        )
    return StateError(
        QT_TRANSLATE_NOOP(
            "core",
            "Order {number} has no commitment yet: issue it first (plan, promised date, "
            "responsible unit and person).",
        ),
        number=state.number,
    )


def _print_callback_form(state: OrderState) -> WuyeError | None:
    # One printed before a reopening stays printable with the callbacks it records.
    if state.status in CALLBACK_FORM_STATES or state.has_callbacks:
        return None
    return StateError(
        QT_TRANSLATE_NOOP(
            "core",
            "Order {number} is {current}: its callback form is printed once it is completed.",
        ),
        number=state.number,
        current=state.status.value,
    )


def _reply(state: OrderState) -> WuyeError | None:
    if not state.from_regulator:
        return StateError(
            QT_TRANSLATE_NOOP("core", "Order {number} did not come from the regulator"),
            number=state.number,
        )
    return None


def _always(_state: OrderState) -> WuyeError | None:
    return None


_STATE_RULES: dict[Action, Callable[[OrderState], WuyeError | None]] = {
    Action.DISPATCH: _transition(Status.DISPATCHED),
    Action.START: _transition(Status.IN_PROGRESS),
    Action.COMPLETE: _complete,
    Action.CALLBACK: _callback,
    Action.CLOSE: _transition(Status.CLOSED),
    Action.CANCEL: _transition(Status.CANCELLED),
    Action.PAUSE: _pause,
    Action.RESUME: _resume,
    Action.ISSUE_COMMITMENT: _issue_commitment,
    Action.NOTE: _always,
    Action.PHOTO: _always,
    Action.REPLY: _reply,
    Action.PRINT_SLIP: _always,
    Action.PRINT_COMMITMENT: _print_commitment,
    Action.PRINT_CALLBACK_FORM: _print_callback_form,
}


# --- asking and enforcing ------------------------------------------------------------------------


def permitted_actions(actor: Actor) -> frozenset[Action]:
    """The moves the actor's role may make on some order: the windows show only these."""
    return frozenset(a for a, p in _PERMISSION.items() if actor.can(p))


def require_permission(actor: Actor, action: Action) -> None:
    """Raise PermissionDenied unless the actor's role may make this move at all."""
    actor.require(_PERMISSION[action])


def state_refusal(action: Action, state: OrderState) -> WuyeError | None:
    """Why the order's state forbids the move, or None when it allows it."""
    return _STATE_RULES[action](state)


def require_state(action: Action, state: OrderState) -> None:
    """Raise the refusal of the move in the order's state, if any (services call this)."""
    refusal = state_refusal(action, state)
    if refusal is not None:
        raise refusal


def refusal(action: Action, state: OrderState, actor: Actor) -> WuyeError | None:
    """Why *actor* may not make the move now: the role first, then the order's state."""
    return actor.refusal(_PERMISSION[action]) or state_refusal(action, state)


def available_actions(order: OrderDetail | OrderState, actor: Actor) -> dict[Action, Availability]:
    """Every move, with whether *actor* may make it on the order now and, if not, why."""
    state = order if isinstance(order, OrderState) else OrderState.of(order)
    return {action: Availability(refusal(action, state, actor)) for action in Action}

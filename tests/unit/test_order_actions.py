"""What may be done to an order now (core.orders.actions), held against the services themselves.

For orders in every state that matters and every role, each move is both asked about and then
actually tried on its own copy of the database: the move is offered exactly when its service
accepts it, and a move not offered is refused by the service with the very reason given.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_user, valid_credit_code
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.clock import LOCAL_TZ, today_local
from wuye_desktop.core.errors import PermissionDenied, StateError, WuyeError
from wuye_desktop.core.orders import (
    Action,
    OrderState,
    StatsPeriod,
    Status,
    available_actions,
    dispatch_is_transfer,
    period_start,
    permitted_actions,
    refusal,
    start_needs_commitment,
    supervision_overdue,
)
from wuye_desktop.core.prints.callback_form import callback_pdf
from wuye_desktop.core.prints.commitment import preview_commitment
from wuye_desktop.core.prints.slip import slip_pdf
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.core.vocab import Channel
from wuye_desktop.regulator import inbox
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def _commitment() -> orders.CommitmentInput:
    return orders.CommitmentInput(
        "铲除空鼓层，重新抹灰", today_local() + timedelta(days=7), "海尔地产", "赵主任"
    )


# --- building orders in each state -------------------------------------------------------------


@dataclass
class Builder:
    db: Database
    admin: Actor
    community: directory.CommunityView

    def version(self, oid: int) -> int:
        return orders.get_order(self.db, self.admin, oid).version

    def new(self, tier: str = "time_limited") -> int:
        return orders.create_order(
            self.db,
            self.admin,
            orders.OrderInput(
                self.community.id, "water_leak", "property", "phone", tier, "渗水", location="3号楼"
            ),
        )

    def dispatch(self, oid: int) -> int:
        orders.dispatch(
            self.db, self.admin, oid, self.version(oid), channel="property", handler="王"
        )
        return oid

    def start(self, oid: int) -> int:
        orders.start_work(self.db, self.admin, oid, self.version(oid))
        return oid

    def complete(self, oid: int) -> int:
        orders.complete(self.db, self.admin, oid, self.version(oid), "修好了")
        return oid

    def callback(self, oid: int, satisfaction: str) -> int:
        data = orders.CallbackInput("phone", satisfaction, comment="还在渗水")
        orders.record_callback(self.db, self.admin, oid, self.version(oid), data)
        return oid

    def pause(self, oid: int) -> int:
        orders.pause(self.db, self.admin, oid, self.version(oid), "等业主开门")
        return oid

    def cancel(self, oid: int) -> int:
        orders.cancel(self.db, self.admin, oid, self.version(oid), "业主自行修好")
        return oid

    def commit(self, oid: int) -> int:
        orders.issue_commitment(self.db, self.admin, oid, self.version(oid), _commitment())
        return oid


SCENARIOS: dict[str, Callable[[Builder], int]] = {
    "accepted": lambda b: b.new(),
    "dispatched": lambda b: b.dispatch(b.new()),
    "dispatched, paused": lambda b: b.pause(b.dispatch(b.new())),
    "in progress": lambda b: b.start(b.dispatch(b.new())),
    "in progress, paused": lambda b: b.pause(b.start(b.dispatch(b.new()))),
    "completed": lambda b: b.complete(b.start(b.dispatch(b.new()))),
    "closed by a callback": lambda b: b.callback(
        b.complete(b.start(b.dispatch(b.new()))), "satisfied"
    ),
    "closed without a callback": lambda b: _close(b, b.complete(b.start(b.dispatch(b.new())))),
    "cancelled": lambda b: b.cancel(b.new()),
    "reopened": lambda b: b.callback(b.complete(b.start(b.dispatch(b.new()))), "dissatisfied"),
    "reopened, paused": lambda b: b.pause(
        b.callback(b.complete(b.start(b.dispatch(b.new()))), "dissatisfied")
    ),
    "cancelled after a reopening": lambda b: b.cancel(
        b.callback(b.complete(b.start(b.dispatch(b.new()))), "dissatisfied")
    ),
    "promised, accepted": lambda b: b.new("promised"),
    "promised, dispatched, no commitment": lambda b: b.dispatch(b.new("promised")),
    "promised, dispatched, committed": lambda b: b.commit(b.dispatch(b.new("promised"))),
    "promised, in progress": lambda b: b.start(b.commit(b.dispatch(b.new("promised")))),
    "promised, completed": lambda b: b.complete(b.start(b.commit(b.dispatch(b.new("promised"))))),
    "from the regulator": lambda b: _from_regulator(b),
}


def _close(b: Builder, oid: int) -> int:
    orders.close(b.db, b.admin, oid, b.version(oid), "三次联系不上业主")
    return oid


def _from_regulator(b: Builder) -> int:
    outcome = inbox.receive_ticket(
        b.db,
        {
            "ticket_id": "T20261122-000001",
            "project_code": b.community.project_code,
            "household": {"building": "3", "unit": "2", "room": "1201"},
            "category": "elevator",
            "content": "12345来电：3号楼电梯停在5楼不动",
            "caller_phone_masked": "139****0001",
            "received_at": "2026-11-22T09:00:00+08:00",
            "reply_due_at": "2026-11-23T09:00:00+08:00",
            "level": "urgent",
            "origin": "hotline_12345",
        },
    )
    assert outcome.order_number is not None
    return orders.get_order(b.db, b.admin, outcome.order_number).id


# --- each move, made through its service -----------------------------------------------------

Move = Callable[[Database, Actor, orders.OrderDetail], object]


def _start(db: Database, actor: Actor, d: orders.OrderDetail) -> None:
    # The start form asks for the commitment of a promised order that has none yet.
    promise = _commitment() if start_needs_commitment(OrderState.of(d)) else None
    orders.start_work(db, actor, d.id, d.version, commitment=promise)


MOVES: dict[Action, Move] = {
    Action.DISPATCH: lambda db, a, d: orders.dispatch(
        db, a, d.id, d.version, channel="developer", handler="海尔地产"
    ),
    Action.START: _start,
    Action.COMPLETE: lambda db, a, d: orders.complete(db, a, d.id, d.version, "好了"),
    Action.CALLBACK: lambda db, a, d: orders.record_callback(
        db, a, d.id, d.version, orders.CallbackInput("visit", "satisfied")
    ),
    Action.CLOSE: lambda db, a, d: orders.close(db, a, d.id, d.version, "联系不上"),
    Action.CANCEL: lambda db, a, d: orders.cancel(db, a, d.id, d.version, "重复报修"),
    Action.PAUSE: lambda db, a, d: orders.pause(db, a, d.id, d.version, "等配件"),
    Action.RESUME: lambda db, a, d: orders.resume(db, a, d.id, d.version),
    Action.ISSUE_COMMITMENT: lambda db, a, d: orders.issue_commitment(
        db, a, d.id, d.version, _commitment()
    ),
    Action.NOTE: lambda db, a, d: orders.add_note(db, a, d.id, "业主下午在家"),
    Action.PHOTO: lambda db, a, d: orders.add_photo(db, a, d.id, "a.png", PNG),
    Action.REPLY: lambda db, a, d: inbox.reply_to_ticket(
        db, a, d.id, inbox.ReplyInput("in_progress", "已派维修人员")
    ),
    Action.PRINT_SLIP: lambda db, a, d: slip_pdf(db, a, d.id),
    Action.PRINT_COMMITMENT: lambda db, a, d: preview_commitment(db, a, d.id),
    Action.PRINT_CALLBACK_FORM: lambda db, a, d: callback_pdf(db, a, d.id),
}


def test_every_move_has_its_service_in_this_test() -> None:
    assert set(MOVES) == set(Action)


@dataclass
class World:
    path: Path
    actors: dict[Role, Actor]
    orders: dict[str, int]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """One database with an order in each state and a user of each role, built once."""
    path = tmp_path_factory.mktemp("actions") / "wuye.sqlite3"
    db = Database(str(path))
    migrate.upgrade(db)
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code=valid_credit_code(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    c = directory.create_community(
        db,
        admin,
        directory.CommunityInput(code="QD001", name="海尔云谷", project_code="370202-001"),
    )
    directory.set_channels(
        db,
        admin,
        c.id,
        [
            directory.ChannelInput(Channel.PROPERTY, "安居物业", "王经理", "0532-88881234", "24h"),
            directory.ChannelInput(
                Channel.REPAIR_CONTRACTOR, "青岛房修公司", "李工", "13911112222", "8-18"
            ),
            directory.ChannelInput(Channel.DEVELOPER, "海尔地产", "赵主任", "400-888-1234", "9-17"),
        ],
    )
    directory.create_household(
        db,
        admin,
        c.id,
        directory.HouseholdInput("3", "2", "1201", [directory.OwnerInput("张三", "13812345678")]),
    )
    community = directory.get_community(db, admin, c.id)
    builder = Builder(db, admin, community)
    orders = {name: build(builder) for name, build in SCENARIOS.items()}
    actors = {
        Role.ADMIN: admin,
        Role.DESK: make_user(db, admin, Role.DESK, "desk1"),
        Role.MANAGER: make_user(db, admin, Role.MANAGER, "boss"),
        Role.FINANCE: make_user(db, admin, Role.FINANCE, "money"),
    }
    db.dispose()
    yield World(path, actors, orders)


def _copy(source: Path, target: Path) -> Database:
    """A database of its own for one role's tries of one move: a move that is made changes it."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return Database(str(target))


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_a_move_is_offered_exactly_when_its_service_accepts_it(
    world: World, tmp_path: Path, action: Action, role: Role
) -> None:
    actor = world.actors[role]
    db = _copy(world.path, tmp_path / "copy.sqlite3")
    try:
        for scenario, oid in world.orders.items():
            detail = orders.get_order(db, actor, oid)
            state = OrderState.of(detail)
            expected = available_actions(detail, actor)[action].refusal
            if action is Action.START and expected is None and start_needs_commitment(state):
                # Starting a promised order without its commitment issues it in the same move.
                expected = refusal(Action.ISSUE_COMMITMENT, state, actor)
            try:
                MOVES[action](db, actor, detail)
            except (PermissionDenied, StateError) as error:
                assert expected is not None, f"{scenario}: offered, yet refused: {error}"
                assert type(error) is type(expected), scenario
                assert (error.template, error.params) == (expected.template, expected.params), (
                    scenario
                )
            else:
                assert expected is None, f"{scenario}: not offered ({expected}), yet it worked"
    finally:
        db.dispose()


# --- the answer itself, without a database ---------------------------------------------------


_BASE = OrderState(
    number="GD20261120-0001",
    status=Status.ACCEPTED,
    tier="time_limited",
    paused=False,
    has_commitment=False,
    has_callbacks=False,
    from_regulator=False,
)


def _state(status: Status, **changes: Any) -> OrderState:
    return replace(_BASE, status=status, **changes)


DESK = Actor(2, "desk1", Role.DESK)
MANAGER = Actor(3, "boss", Role.MANAGER)
FINANCE = Actor(4, "money", Role.FINANCE)


def _allowed(state: OrderState, actor: Actor) -> set[Action]:
    return {a for a, v in available_actions(state, actor).items() if v.allowed}


@pytest.mark.parametrize(
    ("status", "moves"),
    [
        (Status.ACCEPTED, {Action.DISPATCH, Action.CANCEL}),
        (Status.DISPATCHED, {Action.DISPATCH, Action.START, Action.CANCEL, Action.PAUSE}),
        (Status.IN_PROGRESS, {Action.DISPATCH, Action.COMPLETE, Action.CANCEL, Action.PAUSE}),
        (Status.COMPLETED, {Action.CALLBACK, Action.CLOSE, Action.PRINT_CALLBACK_FORM}),
        (Status.CLOSED, {Action.PRINT_CALLBACK_FORM}),
        (Status.CANCELLED, set()),
        (
            Status.REOPENED,
            {
                Action.DISPATCH,
                Action.START,
                Action.CANCEL,
                Action.PAUSE,
                Action.PRINT_CALLBACK_FORM,
            },
        ),
    ],
)
def test_what_the_desk_may_do_in_each_state(status: Status, moves: set[Action]) -> None:
    always = {Action.NOTE, Action.PHOTO, Action.PRINT_SLIP}
    assert _allowed(_state(status), DESK) == moves | always


def test_a_paused_order_resumes_before_it_completes_or_pauses_again() -> None:
    available = available_actions(_state(Status.IN_PROGRESS, paused=True), DESK)
    assert available[Action.RESUME].allowed
    refused = available[Action.COMPLETE].refusal
    assert isinstance(refused, StateError)
    assert str(refused) == "Resume the order before completing it."
    assert str(available[Action.PAUSE].refusal) == "The order is already paused."
    assert str(available_actions(_state(Status.DISPATCHED), DESK)[Action.RESUME].refusal) == (
        "The order is not paused."
    )


def test_a_commitment_is_for_managers_on_promised_orders_before_work_starts() -> None:
    promised = _state(Status.DISPATCHED, tier="promised")
    assert available_actions(promised, MANAGER)[Action.ISSUE_COMMITMENT].allowed
    desk = available_actions(promised, DESK)[Action.ISSUE_COMMITMENT].refusal
    assert isinstance(desk, PermissionDenied)
    assert str(
        available_actions(_state(Status.DISPATCHED), MANAGER)[Action.ISSUE_COMMITMENT].refusal
    ) == ("Only promised-tier orders get a commitment.")
    started = _state(Status.IN_PROGRESS, tier="promised", has_commitment=True)
    assert str(available_actions(started, MANAGER)[Action.ISSUE_COMMITMENT].refusal) == (
        "Order GD20261120-0001 already has a commitment."
    )
    assert start_needs_commitment(promised)
    assert not start_needs_commitment(started)
    assert available_actions(started, DESK)[Action.PRINT_COMMITMENT].allowed
    assert not available_actions(promised, DESK)[Action.PRINT_COMMITMENT].allowed


def test_finance_only_reads_orders() -> None:
    assert permitted_actions(FINANCE) == frozenset()
    assert all(
        isinstance(v.refusal, PermissionDenied)
        for v in available_actions(_state(Status.DISPATCHED), FINANCE).values()
    )
    assert Action.ISSUE_COMMITMENT not in permitted_actions(DESK)
    assert Action.ISSUE_COMMITMENT in permitted_actions(MANAGER)


def test_a_callback_form_prints_once_the_work_was_done_or_called_back() -> None:
    refused = available_actions(_state(Status.DISPATCHED), DESK)[Action.PRINT_CALLBACK_FORM]
    assert str(refused.refusal) == (
        "Order GD20261120-0001 is dispatched: its callback form is printed once it is completed."
    )
    called_back = _state(Status.CANCELLED, has_callbacks=True)
    assert available_actions(called_back, DESK)[Action.PRINT_CALLBACK_FORM].allowed


def test_only_an_order_from_the_regulator_is_replied_to() -> None:
    assert available_actions(_state(Status.ACCEPTED, from_regulator=True), DESK)[
        Action.REPLY
    ].allowed
    assert str(available_actions(_state(Status.ACCEPTED), DESK)[Action.REPLY].refusal) == (
        "Order GD20261120-0001 did not come from the regulator"
    )


def test_dispatching_a_held_order_is_a_transfer() -> None:
    assert {s for s in Status if dispatch_is_transfer(s)} == {
        Status.DISPATCHED,
        Status.IN_PROGRESS,
    }
    assert dispatch_is_transfer("in_progress") and not dispatch_is_transfer("reopened")


def test_a_supervision_is_overdue_only_while_the_order_is_open() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=LOCAL_TZ)
    past = now - timedelta(minutes=1)
    assert supervision_overdue(past, "in_progress", now)
    assert not supervision_overdue(past, "completed", now)
    assert not supervision_overdue(now + timedelta(hours=1), "accepted", now)
    assert not supervision_overdue(None, "accepted", now)
    # SQLite hands back naive UTC values.
    assert supervision_overdue(past.astimezone(UTC).replace(tzinfo=None), "reopened", now)


def test_period_starts_are_local_days() -> None:
    now = datetime(2026, 11, 20, 1, 30, tzinfo=LOCAL_TZ)  # a Friday, early morning in Qingdao
    starts = {p.value: period_start(p, now).date().isoformat() for p in StatsPeriod}
    assert starts == {
        "week": "2026-11-16",
        "month": "2026-11-01",
        "quarter": "2026-10-01",
        "year": "2026-01-01",
        "12_months": "2025-12-01",
    }
    assert period_start("month", now).utcoffset() == timedelta(hours=8)


def test_the_services_refuse_with_the_answer_given(
    db: Database, admin: Actor, community: directory.CommunityView
) -> None:
    """The CLI and the window show the same refusal the service raises (one example)."""
    b = Builder(db, admin, community)
    oid = b.new()
    detail = orders.get_order(db, admin, oid)
    expected = available_actions(detail, admin)[Action.COMPLETE].refusal
    with pytest.raises(WuyeError) as raised:
        orders.complete(db, admin, oid, detail.version, "已修好")
    assert expected is not None and str(raised.value) == str(expected)

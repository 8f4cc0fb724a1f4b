"""The rows of demo work orders: the drafts an order lives in until it is written, and how they
go to the driver (times in the driver's terms, one executemany per table)."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from wuye_desktop.core import outbox
from wuye_desktop.core.roles import Role
from wuye_desktop.demo.order_odds import PLAN_ANY, PLANS
from wuye_desktop.demo.world import CHUNK
from wuye_desktop.storage.clock_minutes import calendar_minutes
from wuye_desktop.storage.models import (
    Base,
    Callback,
    Commitment,
    DayCounter,
    OrderEvent,
    OrderPause,
    RegulatorTicket,
    TicketReply,
    WorkOrder,
)
from wuye_desktop.storage.search_keys import order_keys
from wuye_desktop.storage.types import UTCDateTime

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def moment_of(seconds: int) -> datetime:
    return EPOCH + timedelta(seconds=seconds)


def seconds_of(moment: datetime) -> int:
    return int((moment - EPOCH).total_seconds())


class Home(NamedTuple):
    id: int
    building: str
    unit: str
    room: str
    floors: int
    elevators: int
    callers: tuple[tuple[str, str], ...]  # the owners: (name, phone)


@dataclass
class Site:
    """A community as the order generator needs it."""

    id: int
    code: str
    homes: list[Home]
    buildings: list[tuple[str, int, int, int]]  # number, units, floors, elevators
    unit_names: dict[str, str]  # channel -> the responsible unit's name
    handlers: dict[str, tuple[str, ...]]  # channel -> its technicians
    staff_ids: dict[tuple[str, str], int]  # (channel, handler) -> its staff directory id
    residents: list[tuple[str, str]]  # callers about common areas: (name, phone)
    categories: list[tuple[list[str], list[float]]]  # per month: categories and cum. weights


class Promise:
    """A commitment being written; its number is given once its day is complete."""

    __slots__ = (
        "fulfilled", "issued", "number", "order", "person", "phone", "plan", "printed",
        "promised", "unit",
    )  # fmt: skip

    def __init__(
        self, order: Draft, issued: int, promised: date, unit: str, person: str, printed: int
    ) -> None:
        self.order, self.issued, self.promised = order, issued, promised
        self.unit, self.person, self.printed = unit, person, printed
        # The technician's mobile, the same for every letter they answer for; from the name, so
        # the demo's random draws (and so everything else it makes) stay as they were.
        self.phone = f"139{zlib.crc32(person.encode()) % 10**8:08d}"
        self.plan = PLANS.get(order.category, PLAN_ANY)
        self.number = ""
        self.fulfilled: int | None = None


# (at, kind, status, seq, channel, handler, note, role of the user)
_Event = tuple[int, str, str, int | None, str, str, "str | Promise", Role]


class Draft:
    """One order as it lives; becomes its rows when written."""

    __slots__ = (
        "callback_due", "callbacks", "caller_name", "caller_phone", "category", "channel",
        "closed", "completed", "completion_due", "created_by", "day", "description", "events",
        "handler", "handler_id", "home", "id", "location", "number", "paused_since", "pauses", "promise",
        "reported", "responded", "response_due", "seq", "site", "source", "status", "ticket",
        "tier", "version",
    )  # fmt: skip

    def __init__(self, order_id: int, site: Site, day: date, reported: int) -> None:
        self.id, self.site, self.day, self.reported = order_id, site, day, reported
        self.number = ""
        self.home: Home | None = None
        self.location = self.description = self.caller_name = self.caller_phone = ""
        self.category = self.channel = self.source = self.tier = self.handler = ""
        self.handler_id: int | None = None
        self.status = "accepted"
        self.created_by = Role.DESK
        self.ticket: str | None = None
        self.response_due = self.completion_due = reported
        self.responded: int | None = None
        self.completed: int | None = None
        self.closed: int | None = None
        self.paused_since: int | None = None
        self.callback_due: int | None = None
        self.seq = 0
        self.version = 0
        self.events: list[_Event] = []
        self.pauses: list[tuple[int, int | None, str]] = []
        self.callbacks: list[tuple[int, str, str, str, str, Role]] = []
        self.promise: Promise | None = None


def time_writer(dialect: Dialect) -> Callable[[int | None], Any]:
    """Times (whole seconds since the epoch) as the ORM would hand them to the driver.

    On SQLite that is text; building it from cached day and time-of-day parts is many times
    faster than the column type's own conversion, which it is checked against first.
    """
    processor = UTCDateTime().dialect_impl(dialect).bind_processor(dialect)

    def reference(sec: int | None) -> Any:
        if sec is None:
            return None
        return moment_of(sec) if processor is None else processor(moment_of(sec))

    if dialect.name != "sqlite":
        return reference
    days: dict[int, str] = {}
    clock = [
        f"{h:02d}:{m:02d}:{s:02d}.000000" for h in range(24) for m in range(60) for s in range(60)
    ]

    def sqlite_text(sec: int | None) -> Any:
        if sec is None:
            return None
        day, second = divmod(sec, 86400)
        prefix = days.get(day)
        if prefix is None:
            prefix = days[day] = f"{moment_of(day * 86400):%Y-%m-%d} "
        return prefix + clock[second]

    probe = 1_767_225_601  # 2026-01-01 00:00:01 UTC
    return sqlite_text if sqlite_text(probe) == reference(probe) else reference


def insert_rows(s: Session, table: Table, columns: Sequence[str], rows: list[Any]) -> None:
    """One executemany straight to the driver, the values already in the driver's terms."""
    if not rows:
        return
    conn = s.connection()
    quote = conn.dialect.identifier_preparer.quote
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
        f"VALUES ({', '.join([mark] * len(columns))})"
    )
    conn.exec_driver_sql(sql, rows)


ORDER_COLUMNS = (
    "id", "number", "community_id", "household_id", "location", "category", "channel", "source",
    "tier", "status", "description", "caller_name", "caller_phone", "handler", "handler_id",
    "reported_at",
    "response_due", "completion_due", "responded_at", "completed_at", "closed_at",
    "paused_since", "callback_due", "search_text", "regulator_ticket_id", "last_event_seq",
    "created_by", "updated_at", "version", "response_minutes", "completion_minutes",
)  # fmt: skip
EVENT_COLUMNS = (
    "id", "order_id", "at", "kind", "status", "seq", "channel", "handler", "note", "user_id",
    "username",
)  # fmt: skip
PAUSE_COLUMNS = ("id", "order_id", "start", "end", "reason")
COMMITMENT_COLUMNS = (
    "id", "order_id", "number", "plan", "promised_date", "responsible_unit",
    "responsible_person", "responsible_phone", "issued_at", "issued_by", "printed_count",
    "fulfilled_at",
)  # fmt: skip
CALLBACK_COLUMNS = (
    "id", "order_id", "at", "method", "person_reached", "satisfaction", "comment", "username",
)  # fmt: skip


def table_of(model: type[Base]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


EVENTS, PAUSES, COMMITMENTS, CALLBACKS, TICKETS, REPLIES = (
    table_of(m)
    for m in (OrderEvent, OrderPause, Commitment, Callback, RegulatorTicket, TicketReply)
)
TICKET_COLUMNS = (
    "id", "ticket_id", "project_code", "level", "category", "content", "received_at",
    "reply_due_at", "first_seen_at", "order_id", "problem", "payload",
)  # fmt: skip
REPLY_COLUMNS = ("id", "ticket_row_id", "at", "result", "content", "reason", "username")


def _minutes(o: Draft) -> tuple[float | None, float | None]:
    """The response and completion minutes the order stores (storage.clock_minutes)."""
    if o.responded is None and o.completed is None:
        return None, None
    pauses = [(moment_of(a), None if b is None else moment_of(b)) for a, b, _ in o.pauses]
    start = moment_of(o.reported)
    return tuple(  # type: ignore[return-value]
        None if at is None else calendar_minutes(start, moment_of(at), pauses)
        for at in (o.responded, o.completed)
    )


def platform_time(sec: int) -> str:
    """Seconds since the epoch as the platform writes times (its local time, with offset)."""
    return outbox.rfc3339(EPOCH + timedelta(seconds=sec))


class OrderWriter:
    """Writes the drafts of orders as rows, ids going on from the database's last ones."""

    def __init__(
        self, s: Session, users: dict[Role, tuple[int, str]], project_codes: dict[int, str]
    ) -> None:
        self.s = s
        self.users = users  # role -> (user id, username) of the one demo user with it
        self.project_codes = project_codes  # community id -> project code
        self.next_ids = {
            table: (s.scalar(select(func.max(table.c.id))) or 0) + 1
            for table in (EVENTS, PAUSES, COMMITMENTS, CALLBACKS, TICKETS, REPLIES)
        }
        self.stamp = time_writer(s.get_bind().dialect)

    def write(self, drafts: list[Draft]) -> int:
        """Rows for *drafts* and everything they hold, in one executemany per table."""
        stamp, users, ids = self.stamp, self.users, self.next_ids
        orders, events, pauses, promises, callbacks = [], [], [], [], []
        tickets: list[tuple[Any, ...]] = []
        replies: list[tuple[Any, ...]] = []
        for o in drafts:
            if o.ticket:
                self._ticket_rows(o, tickets, replies)
            home = o.home
            orders.append((
                o.id, o.number, o.site.id, home.id if home else None, o.location, o.category,
                o.channel, o.source, o.tier, o.status, o.description, o.caller_name,
                o.caller_phone, o.handler, o.handler_id, stamp(o.reported),
                stamp(o.response_due),
                stamp(o.completion_due), stamp(o.responded), stamp(o.completed),
                stamp(o.closed), stamp(o.paused_since), stamp(o.callback_due),
                # The search keys: exactly what create_order puts there.
                order_keys(o.number, o.caller_phone, o.caller_name, o.description, o.location),
                o.ticket, o.seq, users[o.created_by][1], stamp(o.events[-1][0]), o.version,
                *_minutes(o),
            ))  # fmt: skip
            for at, kind, status, seq, channel, handler, note, role in o.events:
                user_id, username = users[role]
                text = note if isinstance(note, str) else note.number
                events.append((
                    ids[EVENTS], o.id, stamp(at), kind, status, seq, channel, handler, text,
                    user_id, username,
                ))  # fmt: skip
                ids[EVENTS] += 1
            for start, end, reason in o.pauses:
                pauses.append((ids[PAUSES], o.id, stamp(start), stamp(end), reason))
                ids[PAUSES] += 1
            p = o.promise
            if p is not None:
                promises.append((
                    ids[COMMITMENTS], o.id, p.number, p.plan, p.promised.isoformat(), p.unit,
                    p.person, p.phone, stamp(p.issued), users[Role.MANAGER][1], p.printed,
                    stamp(p.fulfilled),
                ))  # fmt: skip
                ids[COMMITMENTS] += 1
            for at, method, reached, satisfaction, comment, role in o.callbacks:
                callbacks.append((
                    ids[CALLBACKS], o.id, stamp(at), method, reached, satisfaction, comment,
                    users[role][1],
                ))  # fmt: skip
                ids[CALLBACKS] += 1
        # Demo orders count as already reported to the regulator: no outbox rows are written,
        # so a first `wuye sync` does not send a year of history.
        insert_rows(self.s, table_of(WorkOrder), ORDER_COLUMNS, orders)
        insert_rows(self.s, EVENTS, EVENT_COLUMNS, events)
        insert_rows(self.s, PAUSES, PAUSE_COLUMNS, pauses)
        insert_rows(self.s, COMMITMENTS, COMMITMENT_COLUMNS, promises)
        insert_rows(self.s, CALLBACKS, CALLBACK_COLUMNS, callbacks)
        insert_rows(self.s, TICKETS, TICKET_COLUMNS, tickets)
        insert_rows(self.s, REPLIES, REPLY_COLUMNS, replies)
        return len(drafts)

    def _ticket_rows(
        self, o: Draft, tickets: list[tuple[Any, ...]], replies: list[tuple[Any, ...]]
    ) -> None:
        """The regulator's ticket an order of the hotline or the platform was made from, as the
        inbox keeps it, and the reply the desk sent once the order was under way."""
        stamp, ids = self.stamp, self.next_ids
        hours = 24 if o.source == "hotline_12345" else 48
        due = o.reported + hours * 3600
        project = self.project_codes.get(o.site.id, "")
        payload = {
            "ticket_id": o.ticket, "project_code": project, "household": None,
            "category": o.category, "content": o.description, "caller_phone_masked": None,
            "received_at": platform_time(o.reported), "reply_due_at": platform_time(due),
            "level": "normal", "source": o.source,
        }  # fmt: skip
        row_id = ids[TICKETS]
        ids[TICKETS] += 1
        tickets.append((
            row_id, o.ticket, project, "normal", o.category, o.description, stamp(o.reported),
            stamp(due), stamp(o.reported), o.id, "",
            json.dumps(payload, ensure_ascii=False, sort_keys=True),
        ))  # fmt: skip
        answered = o.completed or o.responded
        if answered is not None:
            result = "resolved" if o.completed is not None else "in_progress"
            text = "已处理完毕" if o.completed is not None else "已派单处理"
            replies.append(
                (ids[REPLIES], row_id, stamp(answered), result, text, "", self.users[Role.DESK][1])
            )
            ids[REPLIES] += 1

    def write_counters(self, counters: dict[str, int]) -> None:
        """Day counters that go on from the demo's last numbers, and ids that go on from its
        last ids (PostgreSQL's sequences do not see ids written explicitly)."""
        rows = [{"key": key, "last": last} for key, last in sorted(counters.items())]
        for start in range(0, len(rows), CHUNK):
            self.s.execute(insert(DayCounter), rows[start : start + CHUNK])
        conn = self.s.connection()
        if conn.dialect.name == "postgresql":
            for table in (table_of(WorkOrder), EVENTS, PAUSES, COMMITMENTS, CALLBACKS):
                conn.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"max(id)) FROM {table.name}"
                    )
                )

"""Gap-free numbers per prefix and local day: GD20261120-0042, CN20261120-0003."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from wuye_desktop.core.clock import to_local
from wuye_desktop.storage.models import DayCounter
from wuye_desktop.storage.prepared import Prepared


def next_number(session: Session, prefix: str, moment: datetime) -> str:
    """The next number of *prefix* on *moment*'s local day, inside the caller's transaction
    (:func:`take_number` on the session's connection)."""
    return take_number(session.connection(), prefix, moment)


def take_number(conn: Connection, prefix: str, moment: datetime) -> str:
    """The next number of *prefix* on *moment*'s local day, inside *conn*'s transaction.

    One atomic upsert bumps the day's counter, then it is read back (PostgreSQL: returned). On
    PostgreSQL the counter row stays locked from the upsert until the transaction ends, so a
    concurrent desk waits and then gets the next number; if this transaction rolls back, so
    does the bump, and no number is skipped. On SQLite the write transaction (BEGIN IMMEDIATE)
    already serialises the desks.
    (Not RETURNING on SQLite: it has it only since 3.35, and Debian 11 and Ubuntu 20.04, the
    base of Kylin V10, ship 3.34 and 3.31. PostgreSQL's upsert returns the number.)
    """
    key = prefix + to_local(moment).strftime("%Y%m%d")
    # Compiled once per engine kind and run on the driver's cursor: an order's save runs
    # this every time (storage.prepared says why).
    if conn.dialect.name == "postgresql":
        # One round trip fewer while the row is locked (every new order waits).
        last = _BUMP.run(conn, {"key": key}).fetchone()[0]
    else:
        _BUMP.run(conn, {"key": key})
        last = _READ.run(conn, {"key": key}).fetchone()[0]
    return f"{key}-{last:04d}"


def _bump(dialect: str) -> Any:
    """The upsert that bumps a day's counter (on PostgreSQL returning it)."""
    postgres = dialect == "postgresql"
    insert = pg_insert if postgres else sqlite_insert
    bump = (
        insert(DayCounter)
        .values(key=bindparam("key"), last=1)
        .on_conflict_do_update(index_elements=[DayCounter.key], set_={"last": DayCounter.last + 1})
    )
    return bump.returning(DayCounter.last) if postgres else bump


_BUMP = Prepared(_bump)
_READ = Prepared(lambda _dialect: select(DayCounter.last).where(DayCounter.key == bindparam("key")))


def upcoming_numbers(session: Session, prefix: str, moment: datetime, count: int) -> list[str]:
    """The next *count* numbers of *prefix* on *moment*'s day, as :func:`next_number` would
    give them now, without taking them (a preview: another desk may take them first)."""
    key = prefix + to_local(moment).strftime("%Y%m%d")
    last = session.execute(select(DayCounter.last).where(DayCounter.key == key)).scalar() or 0
    return [f"{key}-{n:04d}" for n in range(last + 1, last + 1 + count)]

"""The chain's canonical form written in SQL, for verifying a million entries quickly.

:func:`chain.entry_hash` is the definition; this builds the very same string in the database
(SQLite and PostgreSQL count ``length()`` in characters, as Python's ``len`` does), so the
verifying loop in Python only hashes and compares. Every test that posts through the core and
then verifies checks that the two agree, on both engines.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Iterator
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    LargeBinary,
    Select,
    String,
    case,
    cast,
    func,
    literal,
    select,
)

from wuye_desktop.core.ledger.chain import VERSION
from wuye_desktop.storage.models import LedgerEntry


def _field(value: Any) -> ColumnElement[Any]:
    """``{len}:{text}`` of one field."""
    out: ColumnElement[Any] = cast(func.length(value), String) + literal(":") + value
    return out


def _stamp(dialect: str) -> ColumnElement[Any]:
    """created_at as ``2026-01-01T08:00:00.000000+00:00``; NULL if SQLite holds it in another
    form than SQLAlchemy writes (then that row is recomputed the slow way)."""
    e = LedgerEntry
    if dialect == "postgresql":
        return func.to_char(
            func.timezone("UTC", e.created_at), 'YYYY-MM-DD"T"HH24:MI:SS.US"+00:00"'
        )
    raw = cast(e.created_at, String)
    return case(
        (
            (func.length(raw) == 26) & (func.substr(raw, 11, 1) == " "),
            func.substr(raw, 1, 10) + literal("T") + func.substr(raw, 12) + literal("+00:00"),
        ),
        else_=None,
    )


def _parts(dialect: str) -> list[Any]:
    """The fields of entry_hash after the version, in order, as SQL text."""
    e = LedgerEntry
    day: ColumnElement[Any]
    if dialect == "postgresql":
        day = func.to_char(e.entry_date, "YYYY-MM-DD")
    else:
        day = cast(e.entry_date, String)
    return [
        cast(e.community_id, String),
        cast(e.seq, String),
        day,
        e.direction,
        e.category,
        cast(e.amount_fen, String),
        cast(e.balance_fen, String),
        e.voucher_no,
        e.counterparty,
        e.note,
        func.coalesce(cast(e.reverses_seq, String), literal("")),
        _stamp(dialect),
        e.created_by,
        e.prev_hash,
    ]


def canonical(dialect: str) -> ColumnElement[Any]:
    parts = _parts(dialect)
    head = f"{len(VERSION)}:{VERSION}"
    if dialect == "sqlite":
        # One printf per row is far cheaper in SQLite than thirty || concatenations. printf
        # writes NULL as "", so a stamp in an unexpected form is caught before it.
        args: list[Any] = []
        for part in parts:
            args += [func.length(part), part]
        formatted = func.printf(head.replace("%", "%%") + "%d:%s" * len(parts), *args)
        stamp = parts[11]
        return case((stamp.is_not(None), formatted), else_=None)
    out: ColumnElement[Any] = literal(head, String)
    for part in parts:
        out = out + _field(part)
    return out


def chain_rows(dialect: str, community_id: int | None) -> Select[Any]:
    """(id, community_id, seq, effect, balance_fen, prev_hash, hash, canonical) ordered by
    community and seq, as :func:`chain.check_rows` walks them. *effect* is the signed change
    of the balance; *canonical* comes as UTF-8 bytes, ready for hashing without a decode and
    an encode per row."""
    e = LedgerEntry
    effect = case((e.direction == "income", e.amount_fen), else_=-e.amount_fen)
    text = canonical(dialect)
    data = func.convert_to(text, "UTF8") if dialect == "postgresql" else cast(text, LargeBinary)
    stmt = select(
        e.id, e.community_id, e.seq, effect, e.balance_fen, e.prev_hash, e.hash, data
    ).order_by(e.community_id, e.seq)
    if community_id is not None:
        stmt = stmt.where(e.community_id == community_id)
    return stmt


_BATCH = 20_000


def stream(conn: Connection, stmt: Select[Any]) -> Iterator[tuple[Any, ...]]:
    """The rows of *stmt* straight from the driver's cursor (plain tuples, no SQLAlchemy rows).

    A helper thread fetches the next batches while the caller hashes the current one: the
    drivers release the GIL while the database works, so reading and hashing overlap.
    PostgreSQL streams through a server-side cursor instead of loading a million rows at once.
    """
    compiled = stmt.compile(dialect=conn.dialect)
    params: Any = (
        tuple(compiled.params[k] for k in compiled.positiontup or ())
        if compiled.positional
        else dict(compiled.params)
    )
    raw: Any = conn.connection.driver_connection
    if conn.dialect.name == "postgresql":
        cursor = raw.cursor(name="wuye_ledger_verify")
        cursor.itersize = _BATCH
    else:
        cursor = raw.cursor()
    batches: queue.Queue[list[tuple[Any, ...]] | BaseException | None] = queue.Queue(maxsize=4)
    stop = threading.Event()

    def read() -> None:
        try:
            cursor.execute(str(compiled), params)
            while not stop.is_set():
                batch = cursor.fetchmany(_BATCH)
                if not batch:
                    break
                batches.put(batch)
        except BaseException as exc:  # handed to the caller's thread, which raises it
            batches.put(exc)
        finally:
            batches.put(None)

    reader = threading.Thread(target=read, name="ledger-verify-reader", daemon=True)
    reader.start()
    try:
        while (item := batches.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield from item
    finally:
        stop.set()
        while reader.is_alive():  # unblock a reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.05)
        reader.join()
        cursor.close()

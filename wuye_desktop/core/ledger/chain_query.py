"""The rows the chain's verification reads, a million at a time.

:func:`chain.entry_hash` is the definition of an entry's hash. The verifying loop
(:func:`chain.check_rows`) joins each entry's canonical form in Python from plain columns: the
database only hands over the texts as entry_hash writes them, where that costs it nothing per
row worth the name (a date as text, the missing reversal as ""), and the time of entry in
entry_hash's form where it is held in the form the program writes (else NULL: that entry is
recomputed the slow way). Building the whole canonical text in SQL cost SQLite more than
Python's join does: tried again on a million entries (issue 18), SQLite's printf of the text
with the type checks that keep it as strict as this walk cost about 3 s of CPU by itself, so
hashing it in C-speed batches saved nothing (two threads on two connections neither, on two
shared cores), and PostgreSQL's concat of it (let alone sha256 in the server) was slower than
this whole path. Every test that posts through the core and then verifies checks that the two
agree, on both engines; tests/unit/test_ledger_tamper.py that any change of any field is named.
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
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    select,
)

from wuye_desktop.storage.models import LedgerEntry


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
            and_(func.length(raw) == 26, func.substr(raw, 11, 1) == " "),
            func.substr(raw, 1, 10) + literal("T") + func.substr(raw, 12) + literal("+00:00"),
        ),
        else_=None,
    )


def chain_rows(dialect: str, community_id: int | None) -> Select[Any]:
    """The rows :func:`chain.check_rows` walks (its ``Row``), ordered by community and seq."""
    e = LedgerEntry
    day: ColumnElement[Any]
    if dialect == "postgresql":
        day = func.to_char(e.entry_date, "YYYY-MM-DD")
    else:
        day = cast(e.entry_date, String)
    stmt = select(
        e.community_id,
        e.seq,
        day,
        e.direction,
        e.category,
        e.amount_fen,
        e.balance_fen,
        e.voucher_no,
        e.counterparty,
        e.note,
        func.coalesce(cast(e.reverses_seq, String), literal("")),
        _stamp(dialect),
        e.created_by,
        e.prev_hash,
        e.hash,
    ).order_by(e.community_id, e.seq)
    if community_id is not None:
        stmt = stmt.where(e.community_id == community_id)
    return stmt


_BATCH = 20_000


def stream(conn: Connection, stmt: Select[Any]) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of *stmt* straight from the driver's cursor (plain tuples, no SQLAlchemy rows),
    in batches (the caller's loop then pays for one generator step per batch, not per row).

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
            yield item
    finally:
        stop.set()
        while reader.is_alive():  # unblock a reader waiting on a full queue
            with contextlib.suppress(queue.Empty):
                batches.get(timeout=0.05)
        reader.join()
        cursor.close()

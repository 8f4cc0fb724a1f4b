"""The chain's canonical form written in SQL, for verifying a million entries quickly.

:func:`chain.entry_hash` is the definition; this builds the very same string in the database
(SQLite and PostgreSQL count ``length()`` in characters, as Python's ``len`` does), so the
verifying loop in Python only hashes and compares. Every test that posts through the core and
then verifies checks that the two agree, on both engines.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, String, case, cast, func, literal, select

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


def canonical(dialect: str) -> ColumnElement[Any]:
    e = LedgerEntry
    day: ColumnElement[Any]
    if dialect == "postgresql":
        day = func.to_char(e.entry_date, "YYYY-MM-DD")
    else:
        day = cast(e.entry_date, String)
    parts: list[Any] = [  # columns and SQL expressions
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
    out: ColumnElement[Any] = literal(f"{len(VERSION)}:{VERSION}", String)
    for part in parts:
        out = out + _field(part)
    return out


def chain_rows(dialect: str, community_id: int | None) -> Select[Any]:
    """(id, community_id, seq, direction, amount_fen, balance_fen, prev_hash, hash, canonical)
    ordered by community and seq, as :func:`chain.check_rows` walks them."""
    e = LedgerEntry
    stmt = select(
        e.id, e.community_id, e.seq, e.direction, e.amount_fen, e.balance_fen, e.prev_hash,
        e.hash, canonical(dialect),
    ).order_by(e.community_id, e.seq)  # fmt: skip
    if community_id is not None:
        stmt = stmt.where(e.community_id == community_id)
    return stmt

"""Any change of any hashed field of any entry, made behind the program's back, is found and named
by its entry, on SQLite and PostgreSQL: the guard any faster way of verifying must pass."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, update

from tests.conftest import make_user
from wuye_desktop.core import directory
from wuye_desktop.core.ledger import services
from wuye_desktop.core.ledger.services import AccountInput, EntryInput
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import LedgerEntry

ENTRIES = 6
OPENED = date(2026, 1, 1)

# Text PostgreSQL can hold (no NUL) in any script, and a nonzero change of a number.
_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
_DELTA = st.integers(-(10**12), 10**12).filter(bool)


def _other_text(limit: int) -> Callable[[Any], st.SearchStrategy[Any]]:
    return lambda old: _TEXT.map(lambda t: t[:limit]).filter(lambda t: t != old)


# column → a strategy of a different value, given the entry's current one
_CHANGES: dict[str, Callable[[Any], st.SearchStrategy[Any]]] = {
    "entry_date": lambda old: _DELTA.map(lambda d: old + timedelta(days=d % 3000 + 1)),
    "direction": lambda old: st.just("expense" if old == "income" else "income"),
    "category": _other_text(40),
    "amount_fen": lambda old: _DELTA.map(lambda d: old + d),
    "balance_fen": lambda old: _DELTA.map(lambda d: old + d),
    "voucher_no": _other_text(64),
    "counterparty": _other_text(200),
    "note": _other_text(1000),
    "reverses_seq": lambda old: st.one_of(st.none(), st.integers(1, 10**6)).filter(
        lambda v: v != old
    ),
    "created_at": lambda old: _DELTA.map(lambda d: old + timedelta(microseconds=d % 10**10 + 1)),
    "created_by": _other_text(64),
    "prev_hash": _other_text(64),
    "hash": _other_text(64),
    # moved away: its place in the chain is then empty
    "seq": lambda old: st.integers(ENTRIES + 1, 10**6),
}


@pytest.fixture
def ledger(any_db: Database, any_admin: Actor) -> Database:
    """A community's chain of six entries, one of them a reversal."""
    directory.create_community(
        any_db, any_admin, directory.CommunityInput("QD001", "海尔云谷", "370202-001")
    )
    fin = make_user(any_db, any_admin, Role.FINANCE, "caiwu")
    services.open_account(
        any_db, fin, "QD001", AccountInput("工行", "6222020202021234", "10,000.00", OPENED)
    )
    for i in range(ENTRIES - 1):
        way = "income" if i % 2 else "expense"
        category = "elevator_ads" if way == "income" else "facility_repair"
        services.post_entry(
            any_db,
            fin,
            "QD001",
            EntryInput(date(2026, 3, 5 + i), way, category, f"{i + 1}0.00", f"V{i}", "分众", ""),
        )
    services.reverse_entry(any_db, fin, "QD001", 2, entry_date=date(2026, 3, 20), note="记错")
    return any_db


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_any_change_of_any_field_is_named_by_its_entry(
    ledger: Database, data: st.DataObject
) -> None:
    seq = data.draw(st.integers(1, ENTRIES), label="seq")
    column = data.draw(st.sampled_from(sorted(_CHANGES)), label="column")
    field = getattr(LedgerEntry, column)
    where = (LedgerEntry.seq == seq,)  # the only community
    with ledger.engine.begin() as c:
        old = c.scalar(select(field).where(*where))
    new = data.draw(_CHANGES[column](old), label="new value")
    with ledger.engine.begin() as c:
        c.execute(update(LedgerEntry).where(*where).values({column: new}))
    try:
        result = services.verify(ledger, SYSTEM_ACTOR)
        reason = "missing" if column == "seq" else "changed"
        assert [(b.community_code, b.seq, b.reason) for b in result.breaks] == [
            ("QD001", seq, reason)
        ]
    finally:
        moved = (LedgerEntry.seq == new,) if column == "seq" else where
        with ledger.engine.begin() as c:
            c.execute(update(LedgerEntry).where(*moved).values({column: old}))
    assert services.verify(ledger, SYSTEM_ACTOR).ok

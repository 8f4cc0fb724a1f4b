"""The overview's precomputed figures brought up to date before it reads (core.overview.summary):
the tab never waits for another's write, shows what is counted and says how many changes are
not; what is printed or exported waits until every change is counted."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text

from tests.conftest import make_common_area_order, make_community, make_user
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import StorageUnavailable
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage import db as storage_db
from wuye_desktop.storage.db import BUSY_TIMEOUT_S, Database
from wuye_desktop.storage.models import OverviewDirty

TODAY = ov.custom(today_local(), today_local())


_order = make_common_area_order


def _notes(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(OverviewDirty.id))) or 0


@contextmanager
def _another_writing(db: Database) -> Iterator[Callable[[], None]]:
    """Another program's long write, until the callable given (or the end) releases it: on
    SQLite a connection of its own in BEGIN IMMEDIATE (an import, a restore, another desk's
    save); on PostgreSQL a session holding the refresh's advisory lock (another's build)."""
    released = threading.Event()
    if db.is_sqlite:
        assert db.sqlite_path is not None
        conn = sqlite3.connect(db.sqlite_path, isolation_level=None, check_same_thread=False)
        conn.execute("BEGIN IMMEDIATE")

        def release() -> None:
            if not released.is_set():
                released.set()
                conn.execute("ROLLBACK")

        try:
            yield release
        finally:
            release()
            conn.close()
        return
    engine = create_engine(db.url)
    with engine.connect() as pg:
        pg.execute(text("SELECT pg_advisory_lock(:k)"), {"k": summary.REFRESH_LOCK})
        pg.commit()  # a session's lock: held past the transaction

        def release_pg() -> None:
            if not released.is_set():
                released.set()
                pg.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": summary.REFRESH_LOCK})
                pg.commit()

        try:
            yield release_pg
        finally:
            release_pg()
    engine.dispose()


@contextmanager
def _never_endless(db: Database) -> Iterator[Database]:
    """*db*, or on PostgreSQL a second pool on it whose lock waits fail after 20 s: a wait for
    the advisory lock, if it came back, would otherwise hang the test instead of failing it."""
    if db.is_sqlite:
        yield db
        return
    bounded = Database(db.url.update_query_dict({"options": "-c lock_timeout=20000"}))
    try:
        yield bounded
    finally:
        bounded.dispose()


def test_the_tab_shows_what_is_counted_at_once_while_another_writes(
    any_db: Database, any_admin: Actor
) -> None:
    community = make_community(any_db, any_admin)
    manager = make_user(any_db, any_admin, Role.MANAGER, "boss")
    for _ in range(2):
        _order(any_db, any_admin, community.id)
    first = ov.overview(any_db, manager, TODAY, complete=False)
    assert (first.uncounted, first.figure("reported").value) == (0, 2)
    _order(any_db, any_admin, community.id)  # noted, not counted yet
    with _another_writing(any_db), _never_endless(any_db) as tab_db:
        started = time.monotonic()
        busy = ov.overview(tab_db, manager, TODAY, complete=False)
        waited = time.monotonic() - started
    # Not SQLite's busy wait (nor the turn's), nor PostgreSQL's lock wait: at once.
    assert waited < BUSY_TIMEOUT_S / 2
    assert busy.uncounted == _notes(any_db) > 0
    assert busy.figure("reported").value == 2  # the figures as counted so far
    assert busy.figure("overdue").value == 0  # what is live is live
    later = ov.overview(any_db, manager, TODAY, complete=False)
    assert (later.uncounted, later.figure("reported").value) == (0, 3)
    assert _notes(any_db) == 0


def test_what_is_printed_waits_for_the_other_writer_and_counts_everything(
    any_db: Database, any_admin: Actor
) -> None:
    community = make_community(any_db, any_admin)
    _order(any_db, any_admin, community.id)
    with _another_writing(any_db) as release:
        threading.Timer(0.5, release).start()
        result = ov.overview(any_db, any_admin, TODAY, complete=True)
    assert (result.uncounted, result.figure("reported").value) == (0, 1)
    assert _notes(any_db) == 0


def test_a_document_on_a_database_busy_for_too_long_is_unavailable_retry(
    db: Database, admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What must not be stale stays an environment error when the lock does not come: the
    message says the database is locked and to retry."""
    community = make_community(db, admin)
    _order(db, admin, community.id)
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_S", 0.2)
    db.engine.dispose()  # connections with the short busy timeout
    with _another_writing(db), pytest.raises(StorageUnavailable) as info:
        ov.overview(db, admin, TODAY, complete=True)
    assert "database is locked" in str(info.value) and "retry" in str(info.value)


def test_the_tab_counts_a_big_backlog_a_little_at_a_time(
    any_db: Database, any_admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first overview after upgrading a big database must not hold the desk's database
    thread for minutes: the tab counts for a second or two, shows what it has, and the next
    refreshes go on where it stopped until the figures are exact."""
    community = make_community(any_db, any_admin)
    for _ in range(3):
        _order(any_db, any_admin, community.id)
    monkeypatch.setattr(summary, "CATCH_UP_SECONDS", 0.0)  # time is up after one batch
    monkeypatch.setattr(summary, "CATCH_UP_BATCH", 2)
    noted = _notes(any_db)
    left = []
    while True:
        result = ov.overview(any_db, any_admin, TODAY, complete=False)
        left.append(result.uncounted)
        if not result.uncounted:
            break
        assert len(left) < noted
    assert left == [*range(noted - 2, 0, -2), 0]
    assert result.figure("reported").value == 3


def test_catching_up_with_nothing_noted_writes_nothing(
    any_db: Database, any_admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    community = make_community(any_db, any_admin)
    _order(any_db, any_admin, community.id)
    assert summary.catch_up(any_db) == 0
    real = any_db.try_transaction
    writes: list[object] = []

    def counted() -> Any:
        writes.append(None)
        return real()

    monkeypatch.setattr(any_db, "try_transaction", counted)
    assert summary.catch_up(any_db) == 0
    assert writes == []


def test_the_full_build_sizes_its_transactions_to_hold_the_lock_briefly(
    any_db: Database, any_admin: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build after an upgrade (refresh_database) writes a batch a transaction; the other
    desks wait for SQLite's write lock meanwhile and give up after its busy timeout. On a
    machine where a note costs 5 ms, a batch of 20,000 would hold it 100 s: after its first,
    every batch is sized to take about BATCH_SECONDS, and every note is counted."""
    community = make_community(any_db, any_admin)
    for _ in range(6):
        _order(any_db, any_admin, community.id)
    noted = _notes(any_db)
    clock = [0.0]
    monkeypatch.setattr(summary.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(summary, "FIRST_BATCH", 4)
    monkeypatch.setattr(summary, "MIN_BATCH", 1)
    monkeypatch.setattr(summary, "BATCH_SECONDS", 0.02)  # 4 notes at 5 ms each
    real = summary.refresh
    held: list[tuple[int, float]] = []

    def slow(s: Any, *args: Any, **kwargs: Any) -> Any:
        counted = real(s, *args, **kwargs)
        clock[0] += 0.005 * (counted or 0)  # 5 ms a note
        held.append((counted or 0, 0.005 * (counted or 0)))
        return counted

    monkeypatch.setattr(summary, "refresh", slow)
    summary.refresh_database(any_db)
    assert _notes(any_db) == 0
    assert sum(n for n, _ in held) == noted
    assert all(seconds <= 0.02 + 1e-9 for _, seconds in held), held


@pytest.mark.parametrize(
    ("size", "counted", "seconds", "expected"),
    [
        (1_000, 1_000, 10.0, 200),  # slow: fewer
        (1_000, 1_000, 0.1, 4_000),  # fast: more, at most fourfold
        (16_000, 16_000, 0.1, summary.BATCH),  # never above BATCH
        (1_000, 1_000, 1_000.0, 100),  # never below 100
        (1_000, 10, 0.1, 1_000),  # the last batch (fewer than asked): as it was
    ],
)
def test_the_next_batch_fits_batch_seconds(
    size: int, counted: int, seconds: float, expected: int
) -> None:
    assert summary.next_batch_size(size, counted, seconds) == expected


def test_batch_is_the_most_a_batch_takes_from_the_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(summary, "BATCH", 2)
    assert summary.next_batch_size(2, 2, 1e-6) == 2
    assert summary.next_batch_size(2, 2, 1_000.0) == 2  # not MIN_BATCH, above the most

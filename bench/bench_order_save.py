"""Saving one new work order with its outbox event (DESIGN.md §6: ≤ 5 ms median and ≤ 4× a
bare two-row INSERT with the same durability), on both engines.

    work_order_save_with_outbox_sqlite_1m       create_order as intake calls it, on a scratch
                                                copy of the 1,000,000-order database
    work_order_save_with_outbox_postgresql_durable_10k
                                                the same on a durable PostgreSQL server (fsync
                                                and synchronous_commit on) holding the demo
                                                company with 10,000 orders

Each save is one transaction: it checks the input, numbers the order, writes the order with its
search keys (FTS5 on SQLite), its first timeline entry, its outbox event and its audit entry,
and commits. Its floor, measured in the same run and interleaved with it batch by batch, is
the least any program could do for it: a bare two-row INSERT (an order-like row and an
outbox-like row) committed on a raw DB-API connection to the same engine with the same
durability (for SQLite: a file in the same folder, the journal mode and synchronous setting
read from the program's own connection; for PostgreSQL: the same server). Each figure is the
median of the batches' medians, after a warm-up batch.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bench.bench_work_orders import PASSWORD, USER, database
from bench.data import note, working_copy
from bench.figures import figure
from bench.pg_server import throwaway_postgres
from wuye_desktop.storage.db import Database

BATCHES = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
SAVES = 30  # saves (and bare inserts) per batch
TARGET_MS = 5  # DESIGN.md §6
RATIO = 4  # ... and at most 4× the floor
PG_ORDERS = 10_000
_LEVELS = {0: "off", 1: "normal", 2: "full", 3: "extra"}  # PRAGMA synchronous's numbers

_ORDER_ROW = (
    "GD20261206-0001",
    "卫生间顶棚渗水，楼上业主不在家",
    "王建国",
    "13800001234",
    "2026-12-06 08:00:00.000000",
    "accepted",
)
_OUTBOX_ROW = ("order:GD20261206-0001", '{"id": "GD20261206-0001", "tier": "time_limited"}')
_BARE_TABLES = (
    "CREATE TABLE IF NOT EXISTS bare_order (id INTEGER PRIMARY KEY, number TEXT,"
    " description TEXT, caller_name TEXT, caller_phone TEXT, reported_at TEXT, status TEXT)",
    "CREATE TABLE IF NOT EXISTS bare_outbox (id INTEGER PRIMARY KEY, stream TEXT, body TEXT)",
)


def run() -> Iterator[dict[str, Any]]:
    yield _sqlite()
    yield _postgresql()


def _homes(db: Database, count: int, offset: int) -> list[tuple[int, int]]:
    from wuye_desktop.storage.models import Household

    with db.read() as s:
        rows = s.execute(
            select(Household.id, Household.community_id)
            .order_by(Household.id)
            .limit(count)
            .offset(offset)
        )
        return [(h, c) for h, c in rows]


def _saver(db: Database, homes: list[tuple[int, int]]) -> Callable[[], None]:
    """One call saves the next household's order as intake does (a leak, the caller's number)."""
    from wuye_desktop.core import orders, users

    actor, _ = users.login(db, USER, PASSWORD)
    left = iter(enumerate(homes))

    def save() -> None:
        i, (household_id, community_id) = next(left)
        data = orders.OrderInput(
            community_id=community_id,
            household_id=household_id,
            category="water_leak",
            channel="property",
            source="phone",
            tier="time_limited",
            description="卫生间顶棚渗水，楼上业主不在家",
            caller_name="王建国",
            caller_phone=f"1380000{i:04d}",
        )
        orders.create_order(db, actor, data)

    return save


def _interleaved(
    save: Callable[[], None], bare: Callable[[], None]
) -> tuple[list[float], list[float]]:
    """Per batch, the median ms of SAVES saves and of SAVES bare inserts; the first batch warms
    the connections and caches and is not counted."""
    saves: list[float] = []
    floors: list[float] = []
    for batch in range(BATCHES + 1):
        for action, out in ((save, saves), (bare, floors)):
            times = []
            for _ in range(SAVES):
                started = time.perf_counter()
                action()
                times.append((time.perf_counter() - started) * 1000)
            if batch:
                out.append(statistics.median(times))
    return saves, floors


def _outbox_count(db: Database) -> int:
    from sqlalchemy import func

    from wuye_desktop.storage.models import OutboxEvent

    with db.read() as s:
        return int(s.scalar(select(func.count(OutboxEvent.id))) or 0)


def _sqlite() -> dict[str, Any]:
    path = working_copy(database(), "save-order")
    return sqlite_saves(path, "work_order_save_with_outbox_sqlite_1m", first_home=50_000)


def sqlite_saves(path: Path, name: str, *, first_home: int) -> dict[str, Any]:
    """The result *name*: saves on the SQLite database *path* (a scratch copy: it gains the
    orders), for the households from the *first_home*-th on, beside their floor (a file next
    to *path*)."""
    import sqlite3

    db = Database(str(path))
    floor_path = path.with_name(f"{path.stem}-floor.sqlite3")
    for old in floor_path.parent.glob(floor_path.name + "*"):
        old.unlink()
    bare_db = sqlite3.connect(floor_path, isolation_level=None)
    try:
        total = (BATCHES + 1) * SAVES
        save = _saver(db, _homes(db, total, first_home))
        before = _outbox_count(db)
        # The program's own durability, read off its connection rather than assumed.
        with db.engine.connect() as conn:
            journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
            synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        bare_db.execute(f"PRAGMA journal_mode={journal}")
        bare_db.execute(f"PRAGMA synchronous={synchronous}")
        for sql in _BARE_TABLES:
            bare_db.execute(sql)

        def bare() -> None:
            bare_db.execute("BEGIN IMMEDIATE")
            bare_db.execute(
                "INSERT INTO bare_order (number, description, caller_name, caller_phone,"
                " reported_at, status) VALUES (?, ?, ?, ?, ?, ?)",
                _ORDER_ROW,
            )
            bare_db.execute("INSERT INTO bare_outbox (stream, body) VALUES (?, ?)", _OUTBOX_ROW)
            bare_db.execute("COMMIT")

        saves, floors = _interleaved(save, bare)
        if _outbox_count(db) - before != total:
            raise RuntimeError("an order was saved without its outbox row")
        note(f"  SQLite journal_mode={journal}, synchronous={_LEVELS[synchronous]}")
    finally:
        bare_db.close()
        db.dispose()
    return figure(
        name,
        saves,
        "ms",
        TARGET_MS,
        floor=floors,
        floor_name=f"bare_two_row_insert_sqlite3_{journal}_synchronous_{_LEVELS[synchronous]}",
        ratio_target=RATIO,
    )


def _postgresql() -> dict[str, Any]:
    import psycopg

    from wuye_desktop.demo import fill_demo

    with throwaway_postgres("save-order", durable=True) as url:
        db = Database(url)
        try:
            note(f"  filling the durable PostgreSQL with the demo and {PG_ORDERS:,} orders")
            fill_demo(db, households=5_000, seed=1, extra={"work_orders": PG_ORDERS})
            total = (BATCHES + 1) * SAVES
            save = _saver(db, _homes(db, total, 1_000))
            before = _outbox_count(db)
            with db.engine.connect() as conn:
                settings = {
                    name: conn.exec_driver_sql(f"SHOW {name}").scalar()
                    for name in ("fsync", "synchronous_commit", "full_page_writes")
                }
            if settings["fsync"] != "on" or settings["synchronous_commit"] != "on":
                raise RuntimeError(f"the server is not durable: {settings}")
            plain = url.replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(plain, autocommit=True) as bare_db:
                for sql in _BARE_TABLES:
                    bare_db.execute(
                        sql.replace("id INTEGER PRIMARY KEY", "id bigserial PRIMARY KEY")
                    )

                def bare() -> None:
                    with bare_db.transaction():
                        bare_db.execute(
                            "INSERT INTO bare_order (number, description, caller_name,"
                            " caller_phone, reported_at, status) VALUES (%s, %s, %s, %s, %s, %s)",
                            _ORDER_ROW,
                        )
                        bare_db.execute(
                            "INSERT INTO bare_outbox (stream, body) VALUES (%s, %s)", _OUTBOX_ROW
                        )

                saves, floors = _interleaved(save, bare)
            if _outbox_count(db) - before != total:
                raise RuntimeError("an order was saved without its outbox row")
            note(f"  PostgreSQL {settings}")
        finally:
            db.dispose()
    return figure(
        f"work_order_save_with_outbox_postgresql_durable_{PG_ORDERS // 1000}k",
        saves,
        "ms",
        TARGET_MS,
        floor=floors,
        floor_name="bare_two_row_insert_psycopg_durable",
        ratio_target=RATIO,
    )


if __name__ == "__main__":
    import json

    for result in run():
        print(json.dumps(result, ensure_ascii=False), flush=True)

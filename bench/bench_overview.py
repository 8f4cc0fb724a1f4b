"""The overview's figures over 1,000,000 orders (issue 16 point 5, DESIGN.md §6: a year's
figures ≤ 300 ms), on SQLite and on PostgreSQL, each beside its floor.

    year_company     the calendar year that holds most of the demo's orders (the demo anchors a
                     year of orders before the day it was built), the whole company
    year_community   the same year, the community with the most orders
    month_company    the last whole month of the demo's orders, the whole company

A shape's figure is one ``core.overview.overview`` call as a manager makes it (every figure,
breakdown, trend point and community rate, of the period and of the one before), the median
of ``WUYE_BENCH_RUNS`` (≥ 5) runs after an unmeasured one, with its min and max. Its floor,
measured in the same run and alternating with it, is one bare aggregation over the same rows
on a raw sqlite3 / psycopg connection:

    SELECT tier, count(*), sum(responded_at IS NOT NULL), sum(completed_at IS NOT NULL)
    FROM work_order WHERE reported_at >= :start AND reported_at < :end [AND community_id = :c]
    GROUP BY tier

over the period's local days — one pass over the period's orders, the least any count of them
costs (the overview reads the period and the previous one, so a ratio of 1 is out of reach).

The databases are the ones ``bench_work_orders`` / ``bench_search`` measure (the demo company,
200,000 households, a year of 1,000,000 orders). When the schema has moved on since they were
built, the benchmark takes a copy of the newest built one and brings it to the head revision
with the migrations (timed: that is the migration figure on 1,000,000 orders), rather than
building a million orders again: a SQLite working copy, and on PostgreSQL a database of its own
in the cached cluster (``CREATE DATABASE … TEMPLATE``), both kept for the next run.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench.bench_work_orders import RECIPE, database, postgres
from bench.data import data_dir, engines, note, working_copy
from wuye_desktop.core.overview import summary
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
TARGET_MS = 300  # DESIGN §6: a year's figures
NAME = "demo-1m-orders"
FLOOR_SQL = (
    "SELECT tier, count(*),"
    " sum(CASE WHEN responded_at IS NOT NULL THEN 1 ELSE 0 END),"
    " sum(CASE WHEN completed_at IS NOT NULL THEN 1 ELSE 0 END)"
    " FROM work_order WHERE reported_at >= {p} AND reported_at < {p}{community} GROUP BY tier"
)


# --- the databases, at the head revision -------------------------------------------------------


def _revision(path: Path) -> str:
    return path.name.rsplit("schema", 1)[1].split(".")[0]


def _progress_handler() -> logging.Handler:
    class Relay(logging.Handler):
        last = 0.0

        def emit(self, record: logging.LogRecord) -> None:
            if time.monotonic() - self.last > 5:
                self.last = time.monotonic()
                note(f"  migration: {record.getMessage()}")

    return Relay()


@contextmanager
def _migration_messages() -> Iterator[None]:
    logs = [logging.getLogger(n) for n in ("wuye_desktop.storage.migrate", summary.__name__)]
    handler = _progress_handler()
    for log in logs:
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    try:
        yield
    finally:
        for log in logs:
            log.removeHandler(handler)


def sqlite_database(migrations: dict[str, float]) -> Path:
    """The 1M SQLite database at the head revision (see the module's text)."""
    head = migrate.head_revision()
    built = data_dir() / f"{NAME}-{RECIPE}-schema{head}.sqlite3"
    if built.exists():
        return built
    older = sorted(
        (p for p in data_dir().glob(f"{NAME}-{RECIPE}-schema*.sqlite3") if p != built),
        key=_revision,
    )
    if not older:
        return database()  # nothing to start from: build it
    work = data_dir() / "work" / f"overview-{RECIPE}-schema{head}.sqlite3"
    done = work.with_name(work.name + ".migrated")
    if work.exists() and done.exists():
        return work
    done.unlink(missing_ok=True)
    copy = working_copy(older[-1], work.stem)
    note(f"bringing a copy of {older[-1].name} to revision {head}")
    db = Database(str(copy))
    try:
        with _migration_messages():
            started = time.perf_counter()
            migrate.upgrade(db)
            summary.refresh_database(db)  # the precomputed figures, built as the program does
            migrations["sqlite"] = time.perf_counter() - started
    finally:
        db.dispose()
    note(f"  migrated in {migrations['sqlite']:.1f} s")
    done.write_text("migrated\n")
    return copy


@contextmanager
def postgres_database(migrations: dict[str, float]) -> Iterator[str]:
    """A server on the cached 1M cluster; the URL of its database at the head revision."""
    from bench.pg_server import _BUILT, _server, copy_database

    head = migrate.head_revision()
    pattern = re.compile(rf"pg-{re.escape(NAME)}-{RECIPE}-schema(\d+)")
    clusters = sorted(
        p for p in data_dir().glob(f"pg-{NAME}-{RECIPE}-schema*") if pattern.fullmatch(p.name)
    )
    clusters = [c for c in clusters if (c / _BUILT).exists()]
    if not clusters or _revision(clusters[-1]) == head:
        with postgres() as url:
            yield url
        return
    cluster = clusters[-1]
    scratch = f"overview_schema{head}"
    with _server(cluster) as url:
        target = copy_database(url, scratch)  # kept in the cluster for the next run
        db = Database(target)
        try:
            if migrate.current_revision(db) != head:
                with _migration_messages():
                    started = time.perf_counter()
                    migrate.upgrade(db)
                    summary.refresh_database(db)
                    migrations["postgresql"] = time.perf_counter() - started
                note(f"  migrated in {migrations['postgresql']:.1f} s")
                with db.engine.connect() as conn:
                    conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql(
                        "ANALYZE work_order"
                    )
        finally:
            db.dispose()
        yield target


# --- the measurements --------------------------------------------------------------------------


def _ms(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _paired(
    program: Callable[[], Any], floor: Callable[[], Any]
) -> tuple[list[float], list[float]]:
    program()
    floor()
    mine: list[float] = []
    bare: list[float] = []
    for _ in range(RUNS):
        mine.append(_ms(program))
        bare.append(_ms(floor))
    return mine, bare


def _shapes(db: Database) -> list[tuple[str, Any, int | None]]:
    from sqlalchemy import func, select

    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.clock import LOCAL_TZ
    from wuye_desktop.storage.models import WorkOrder

    with db.read() as s:
        years = s.execute(
            select(func.min(WorkOrder.reported_at), func.max(WorkOrder.reported_at))
        ).one()
        last = years[1].astimezone(LOCAL_TZ)
        counts = s.execute(
            select(WorkOrder.community_id, func.count())
            .group_by(WorkOrder.community_id)
            .order_by(func.count().desc())
        ).all()
    first = years[0].astimezone(LOCAL_TZ)
    # The calendar year with the most of the orders' days (they are spread evenly over them).
    year = max(
        range(first.year, last.year + 1),
        key=lambda y: min(last.date(), date(y, 12, 31)) - max(first.date(), date(y, 1, 1)),
    )
    whole_month = ov.month(last.date().replace(day=1) - timedelta(days=1))
    return [
        ("year_company", ov.year(year), None),
        ("year_community", ov.year(year), counts[0][0]),
        ("month_company", whole_month, None),
    ]


def _raw(engine: str, url: str) -> Any:
    if engine == "sqlite":
        return sqlite3.connect(url, isolation_level=None, check_same_thread=False)
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _floor(engine: str, raw: Any, period: Any, community: int | None) -> Callable[[], Any]:
    start, end = period.start_at.astimezone(UTC), period.end_at.astimezone(UTC)
    if engine == "sqlite":  # storage.types.UTCDateTime: naive UTC text
        p = "?"
        params: list[Any] = [f"{start:%Y-%m-%d %H:%M:%S.%f}", f"{end:%Y-%m-%d %H:%M:%S.%f}"]
    else:
        p = "%s"
        params = [start, end]
    where = ""
    if community is not None:
        where = f" AND community_id = {p}"
        params.append(community)
    sql = FLOOR_SQL.format(p=p, community=where)

    def run() -> Any:
        cur = raw.cursor()
        cur.execute(sql, params)
        rows = cur.fetchall()
        cur.close()
        return rows

    return run


def measure(engine: str, url: str) -> Iterator[dict[str, Any]]:
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.roles import Actor, Role

    actor = Actor(user_id=None, username="bench", role=Role.MANAGER)
    db = Database(url)
    raw = _raw(engine, url)
    try:
        shapes = _shapes(db)
        with db.read() as s:
            from sqlalchemy import func, select

            from wuye_desktop.storage.models import WorkOrder

            latest = s.scalar(select(func.max(WorkOrder.reported_at)))
        now = (latest or datetime.now(UTC)) + timedelta(hours=1)
        for label, period, community in shapes:
            program = lambda p=period, c=community: ov.overview(db, actor, p, c, now=now)  # noqa: E731
            floor = _floor(engine, raw, period, community)
            mine, bare = _paired(program, floor)
            name = f"overview_{label}_{engine}_1m"
            med, fl = statistics.median(mine), statistics.median(bare)
            target = TARGET_MS if label.startswith("year") else None
            note(
                f"{name:<42} {med:9.1f} ms (min {min(mine):8.1f}, max {max(mine):8.1f})"
                f"  floor {fl:7.1f} ms (min {min(bare):7.1f}, max {max(bare):7.1f})"
                f"  ×{med / fl:5.1f}  {period.code()} community={community}"
                f"  target {target or '-'}  load {os.getloadavg()[0]:.2f}"
            )
            yield {"name": name, "value": round(med, 1), "unit": "ms", "target": target}
            yield {"name": f"{name}_floor", "value": round(fl, 1), "unit": "ms", "target": None}
    finally:
        raw.close()
        db.dispose()


def run() -> Iterator[dict[str, Any]]:
    only = engines()
    migrations: dict[str, float] = {}
    if "sqlite" in only:
        path = sqlite_database(migrations)
        yield from measure("sqlite", str(path))
    if "postgresql" in only:
        with postgres_database(migrations) as url:
            yield from measure("postgresql", url)
    for engine, seconds in migrations.items():
        yield {
            "name": f"migration_to_{migrate.head_revision()}_{engine}_1m",
            "value": round(seconds, 1),
            "unit": "s",
            "target": None,
        }

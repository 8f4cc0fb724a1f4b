"""How cost grows with the number of orders (issue 18 point 4): four things a desk or a manager
does, on databases of 10,000, 100,000 and 1,000,000 orders, in one table.

    list_first_page     the Work orders list's first screen, no filter, newest first: what the
                        list model reads in one trip (``order_page`` for the first 200 ids,
                        then ``order_rows`` for the first chunk of rows)
    search_phone_last_4 the same first screen with the desk's search box holding an owner's
    search_room         phone's last 4 digits, or a room ("3-2-1201"): the core search read
                        through ``order_page`` as the list asks for it
    save                ``create_order`` with its outbox row, as intake saves (bench_order_save's
                        measurement and floor)
    overview_year       ``core.overview.overview`` for the calendar year holding most orders,
                        the whole company, as the manager's tab calls it

Each figure is the median of ``WUYE_BENCH_RUNS`` (≥ 5) runs after an unmeasured one, with its
min and max (``bench.figures``); reads run on a warm connection, as at a desk that works in the
program all day. The table at the end gives each measure's median at each size and its growth
from 10k to 1M; a list page, a search or a save should cost about the same at any size (an
index bounds it), so one that grows ≥ 30× is flagged LINEAR: a defect. The overview reads the
year's orders, so it grows with them until a summary table keeps its figures.

The databases: the demo company with 5 orders a household, as ``bench_work_orders``' 1M
database (200,000 households, a year of 1,000,000 orders): 2,000 households for 10k and 20,000
for 100k, built once and kept (``bench.data.cached_sqlite``). The 1M one is
``bench_work_orders``' (brought to the head revision as ``bench_overview`` does), or the file
``$WUYE_BENCH_1M_SQLITE`` names when an existing one should be used instead of building it:
it is only ever read (copied). Every size is measured on a scratch copy (the search's texts
and the saves write to it), brought to the head revision if it is older, and deleted after.

On PostgreSQL (``WUYE_BENCH_ENGINES``, both by default, as bench_overview) the reads are
measured on a cluster copied from that scratch copy (``bench.pg_server``), kept for the next
run; at 1M it is the cluster bench_search and bench_overview measure. A save on PostgreSQL is
not measured here: it would change the kept cluster, and bench_order_save measures it on a
durable server of its own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.bench_work_orders import HOUSEHOLDS, ORDERS
from bench.data import cached_sqlite, engines, note, throttled_progress, working_copy
from bench.figures import figure, load
from bench.growth import Measure, size_label, table
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

SIZES = (10_000, 100_000, ORDERS)
ORDERS_PER_HOUSEHOLD = ORDERS // HOUSEHOLDS  # the 1M recipe's, kept at every size
RECIPE = "v1"
RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
ONE_MILLION = "WUYE_BENCH_1M_SQLITE"
# Measures whose cost an index should bound; the overview reads a share of the rows.
BOUNDED = {
    "list_first_page": True,
    "search_phone_last_4": True,
    "search_room": True,
    "save": True,
    "overview_year": False,
}


# --- the databases -----------------------------------------------------------------------------


def _build(orders: int) -> Callable[[Database], None]:
    def build(db: Database) -> None:
        from wuye_desktop.demo import fill_demo

        fill_demo(
            db,
            households=orders // ORDERS_PER_HOUSEHOLD,
            seed=1,
            extra={"work_orders": orders},
            progress=throttled_progress(f"demo, {orders:,} orders", every=10),
        )

    return build


def source(orders: int) -> Path:
    """The database of *orders* orders to copy (never written to)."""
    if orders == ORDERS:
        given = os.environ.get(ONE_MILLION)
        if given:
            return Path(given)
        from bench.bench_overview import sqlite_database

        return sqlite_database({})
    return cached_sqlite(f"demo-{size_label(orders)}-orders", RECIPE, _build(orders))


def _scratch(orders: int) -> Path:
    path = working_copy(source(orders), f"scaling-{size_label(orders)}")
    db = Database(str(path))
    try:
        if migrate.current_revision(db) != migrate.head_revision():
            from bench.bench_overview import _migration_messages

            note(f"  bringing the {size_label(orders)} copy to revision {migrate.head_revision()}")
            with _migration_messages():
                migrate.upgrade(db)
    finally:
        db.dispose()
    return path


def _remove(path: Path) -> None:
    for part in path.parent.glob(path.stem + "*"):  # with its -wal, -shm and the save's floor
        part.unlink()


# --- the measurements --------------------------------------------------------------------------


def _samples(action: Callable[[], Any]) -> list[float]:
    action()  # warms the connection and the file cache; not counted
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _first_screen(db: Database, actor: Any, text: str = "") -> Callable[[], Any]:
    """The list model's first read (``OrderListModel._with_first_rows``) for *text*."""
    from wuye_desktop.core import orders
    from wuye_desktop.ui.work_orders.list_model import PAGE_SIZE, ROW_CHUNK, Query

    query = Query(orders.OrderFilter(text=text))

    def read() -> Any:
        ids, _ = orders.order_page(
            db, actor, query.filter, query.sort, query.descending, limit=PAGE_SIZE
        )
        if not ids:
            raise RuntimeError(f"the list found nothing for {text!r}")
        return orders.order_rows(db, actor, ids[:ROW_CHUNK])

    return read


def _reads(url: str, tag: str) -> Iterator[tuple[str, dict[str, Any]]]:
    from sqlalchemy import func, select

    from bench.bench_overview import _shapes
    from bench.bench_search import _kinds
    from wuye_desktop.core import overview as ov
    from wuye_desktop.core.roles import Actor, Role
    from wuye_desktop.storage.models import WorkOrder

    desk = Actor(user_id=None, username="bench", role=Role.DESK)
    manager = Actor(user_id=None, username="bench", role=Role.MANAGER)
    db = Database(url)
    try:
        yield (
            "list_first_page",
            figure(f"scaling_list_first_page_{tag}", _samples(_first_screen(db, desk)), "ms", None),
        )
        texts = {k.name: k.text for k in _kinds(db)[0]}
        for kind in ("phone_last_4", "room"):
            read = _first_screen(db, desk, texts[kind])
            note(f"  search {kind}: {texts[kind]!r}")
            yield (
                f"search_{kind}",
                figure(f"scaling_search_{kind}_{tag}", _samples(read), "ms", None),
            )
        _, period, _ = next(s for s in _shapes(db) if s[0] == "year_company")
        with db.read() as s:
            now = s.scalar(select(func.max(WorkOrder.reported_at)))
        now += timedelta(hours=1)  # after the last order, as bench_overview asks

        def year() -> Any:
            return ov.overview(db, manager, period, None, now=now)

        note(f"  overview {period.code()}")
        yield "overview_year", figure(f"scaling_overview_year_{tag}", _samples(year), "ms", None)
    finally:
        db.dispose()


def _postgres(orders: int, copy: Path) -> AbstractContextManager[str]:
    """A server on the PostgreSQL copy of the database of *orders* orders, made once from
    *copy* (the scratch copy: the same rows on both engines); at 1M the cluster bench_search
    and bench_overview measure."""
    from bench.bench_work_orders import postgres
    from bench.pg_server import cached_postgres, copy_from_sqlite

    if orders == ORDERS:
        return postgres(copy)
    return cached_postgres(f"demo-{size_label(orders)}-orders", RECIPE, copy_from_sqlite(copy))


def _measure(orders: int, engines: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(measure_engine, result) for every measure at *orders* orders."""
    from bench.bench_order_save import sqlite_saves

    label = size_label(orders)
    note(f"scaling, {orders:,} orders (load {load()})")
    path = _scratch(orders)
    try:
        if "sqlite" in engines:
            for measure, result in _reads(str(path), f"sqlite_{label}"):
                yield f"{measure}_sqlite", result
        if "postgresql" in engines:
            with _postgres(orders, path) as url:
                for measure, result in _reads(url, f"postgresql_{label}"):
                    yield f"{measure}_postgresql", result
        if "sqlite" in engines:
            households = orders // ORDERS_PER_HOUSEHOLD
            # A quarter of the way into the households: 50,000 at 1M, as bench_order_save.
            name = f"scaling_save_sqlite_{label}"
            yield "save_sqlite", sqlite_saves(path, name, first_home=households // 4)
    finally:
        _remove(path)


def run() -> Iterator[dict[str, Any]]:
    chosen = engines()
    rows = [f"{m}_{e}" for e in chosen for m in BOUNDED]
    medians: dict[str, dict[int, float]] = {row: {} for row in rows}
    for orders in SIZES:
        for row, result in _measure(orders, chosen):
            medians[row][orders] = result["value"]
            yield result
    measures = [
        Measure(row, BOUNDED[row.rsplit("_", 1)[0]], medians[row])
        for row in rows
        if medians[row]  # PostgreSQL's save is not measured here: see the module's text
    ]
    note(f"scaling: medians in ms; {', '.join(f'{s:,}' for s in SIZES)} orders (load {load()})")
    for line in table(measures, SIZES):
        note(f"  {line}")


if __name__ == "__main__":
    import json

    for result in run():
        print(json.dumps(result, ensure_ascii=False), flush=True)

"""Every search and filter shape of DESIGN.md §3 over 1,000,000 orders, on SQLite and on
PostgreSQL (issue 14), each beside its floor, and what the search costs elsewhere.

    search shapes          each kind of text the desk types or scans (order number whole and
                           tail, phone whole and last 4, owner's and caller's name, room,
                           household code and prefix, community code and name, the four
                           scanned payloads, one- and two-character description words), each
                           alone and with the open statuses, the household's community, or a
                           month of dates; the community alone, all statuses, the open ones,
                           and the list sorted by each column
    intake lookup          the households whose owner's phone ends in 4 digits, of 200,000
    migration 0008         the search keys and text index added to a 1,000,000-order database
                           made at revision 0007, with its progress messages

A shape's figure is what the order list asks for its first screen: ``order_page`` (the first
200 ids in display order, the way the list model calls it) — the median of ``WUYE_BENCH_RUNS``
(≥ 5) runs after an unmeasured one. Beside it, measured in the same run and alternating with
it, its floor: the very SQL statements the call sent, recorded from the engine, run again on a
raw sqlite3 / psycopg connection. The count the list asks for afterwards (in the background,
"共 N 条") is measured the same way and reported beside the page.

Targets (DESIGN §6): every shape ≤ 200 ms, the common desk searches (phone digits, room,
names, household code, order number) ≤ 100 ms, the process ≤ 400 MB RSS; the intake lookup
≤ 50 ms. Each engine is measured in a child process of its own (its memory is its own). The
databases are the ones ``bench_work_orders`` measures (the demo company, 200,000 households,
a year of 1,000,000 orders), built once: the SQLite file, and a PostgreSQL cluster kept
beside it that a server of the benchmark's own serves while it runs (``bench.pg_server``).

``python -m bench.bench_search ENGINE URL`` runs one engine's measurements and prints JSON.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.bench_work_orders import OPEN, RECIPE, database, postgres
from bench.data import ROOT, data_dir, note, working_copy
from wuye_desktop.storage.db import Database

RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
PAGE = 200  # ids per page, as the list model asks (ui.work_orders.list_model.PAGE_SIZE)
COMMON_MS = 100  # the common desk searches
SHAPE_MS = 200  # every other shape
LOOKUP_MS = 50
RSS_MB = 400


# --- what the desk types, taken from the database ----------------------------------------------


@dataclass(frozen=True)
class Kind:
    name: str
    text: str
    target: float


@dataclass(frozen=True)
class Shape:
    name: str
    target: float
    filter: dict[str, Any] = field(default_factory=dict)  # OrderFilter's fields
    sort: str = "reported_at"


REPORT_URL = "https://bx.example-wuye.cn/r?h={household}"


def _kinds(db: Database) -> tuple[list[Kind], dict[str, Any], str]:
    """The texts, the filters and the intake lookup's digits, from an ordinary order in the
    middle of the year: one taken by phone for a household, its caller's number unmasked."""
    from sqlalchemy import func, select

    from wuye_desktop.storage.models import (
        Building,
        Community,
        Company,
        Household,
        Owner,
        Unit,
        WorkOrder,
    )

    # A scanned reporting URL is read by the company's template: give the demo company one, so
    # that shape is measured too (the demo leaves it empty).
    with db.transaction() as s:
        company = s.scalars(select(Company).order_by(Company.id).limit(1)).one()
        if "{household}" not in company.report_url_template:
            company.report_url_template = REPORT_URL
    with db.read() as s:
        middle = (s.scalar(select(func.max(WorkOrder.id))) or 0) // 2
        order = s.scalars(
            select(WorkOrder)
            .join(Owner, Owner.household_id == WorkOrder.household_id)
            .where(
                WorkOrder.id >= middle,
                WorkOrder.caller_name != "",
                WorkOrder.caller_phone.not_like("%*%"),
                func.length(WorkOrder.caller_phone) == 11,
                func.length(Owner.phone) == 11,
                Owner.name != WorkOrder.caller_name,
            )
            .order_by(WorkOrder.id)
            .limit(1)
        ).one()
        home = s.get_one(Household, order.household_id)
        owner = s.scalars(
            select(Owner).where(Owner.household_id == home.id).order_by(Owner.position).limit(1)
        ).one()
        unit = s.get_one(Unit, home.unit_id)
        building = s.get_one(Building, unit.building_id)
        community = s.get_one(Community, home.community_id)
        template = s.scalar(select(Company.report_url_template).limit(1)) or ""
    room = f"{building.number}-{unit.number}-{home.room}"
    prefix = f"{community.code}-{building.number}"
    kinds = [
        Kind("order_number", order.number, COMMON_MS),
        Kind("order_number_tail_3", order.number[-3:], COMMON_MS),
        Kind("phone_whole", order.caller_phone, COMMON_MS),
        Kind("phone_last_4", owner.phone[-4:], COMMON_MS),
        Kind("owner_name", owner.name, COMMON_MS),
        Kind("caller_name", order.caller_name, COMMON_MS),
        Kind("room", room, COMMON_MS),
        Kind("household_code", home.code, COMMON_MS),
        Kind("code_prefix", prefix, SHAPE_MS),
        Kind("community_code", community.code, SHAPE_MS),
        Kind("community_name", community.name, SHAPE_MS),
        Kind("scan_household", f"WUYE:H:{home.code}", SHAPE_MS),
        Kind("scan_order", f"WUYE:W:{order.number}", SHAPE_MS),
        Kind("scan_building", f"WUYE:B:{prefix}", SHAPE_MS),
        Kind("word_1_char", "水", SHAPE_MS),
        Kind("word_2_chars", "渗水", SHAPE_MS),
    ]
    if "{household}" in template:  # always, since the template is set above
        kinds.insert(14, Kind("scan_report_url", template.format(household=home.code), SHAPE_MS))
    day = order.reported_at.date()
    filters = {
        "all_statuses": {},
        "open": {"statuses": OPEN},
        "community": {"community_id": community.id},
        "month": {"reported_from": day - timedelta(days=15), "reported_to": day + timedelta(15)},
    }
    return kinds, filters, owner.phone[-4:]


def _shapes(kinds: list[Kind], filters: dict[str, dict[str, Any]]) -> list[Shape]:
    from wuye_desktop.core.orders import SORT_COLUMNS

    shapes = [
        Shape(f"{k.name}_{f}", k.target, {**extra, "text": k.text})
        for k in kinds
        for f, extra in filters.items()
    ]
    shapes += [
        Shape("no_text_all_statuses", SHAPE_MS),
        Shape("no_text_open", SHAPE_MS, filters["open"]),
        Shape("no_text_community", SHAPE_MS, filters["community"]),
        Shape("no_text_month", SHAPE_MS, filters["month"]),
    ]
    shapes += [
        Shape(f"sorted_by_{c}", SHAPE_MS, sort=c) for c in SORT_COLUMNS if c != "reported_at"
    ]
    return shapes


# --- the floor: the same statements on a raw connection ----------------------------------------


class Recorder:
    """The statements an engine sends while recording (transaction control left out)."""

    def __init__(self, db: Database) -> None:
        from sqlalchemy import event

        self.on = False
        self.statements: list[tuple[str, Any]] = []
        event.listen(db.engine, "before_cursor_execute", self._sent)

    def _sent(self, _conn: Any, _cur: Any, statement: str, params: Any, *_: Any) -> None:
        if self.on and statement.strip().upper() not in ("BEGIN", "COMMIT", "ROLLBACK"):
            self.statements.append((statement, params))

    def record(self, action: Callable[[], Any]) -> list[tuple[str, Any]]:
        self.statements, self.on = [], True
        try:
            action()
        finally:
            self.on = False
        return self.statements


def _raw_connection(engine: str, url: str) -> Any:
    if engine == "sqlite":
        return sqlite3.connect(url, isolation_level=None, check_same_thread=False)
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)


def _replay(raw: Any, statements: list[tuple[str, Any]]) -> None:
    cur = raw.cursor()
    for statement, params in statements:
        cur.execute(statement, params)
        cur.fetchall()
    cur.close()


def _ms(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _paired(program: Callable[[], Any], recorder: Recorder, raw: Any) -> tuple[float, float]:
    """Medians of the program's call and of its statements on the raw connection, after one
    unmeasured run of each, alternating so that the machine's noise falls on both alike."""
    statements = recorder.record(program)
    _replay(raw, statements)
    mine: list[float] = []
    floor: list[float] = []
    for _ in range(RUNS):
        mine.append(_ms(program))
        floor.append(_ms(lambda: _replay(raw, statements)))
    return statistics.median(mine), statistics.median(floor)


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _engine_child(engine: str, url: str) -> dict[str, Any]:
    from wuye_desktop.core import directory, orders
    from wuye_desktop.core.roles import Actor, Role

    actor = Actor(user_id=None, username="bench", role=Role.DESK)
    db = Database(url)
    recorder = Recorder(db)
    raw = _raw_connection(engine, url)
    kinds, filters, last4 = _kinds(db)
    only = os.environ.get("WUYE_BENCH_SHAPES", "")  # while working on some: a part of their names
    shapes = [shape for shape in _shapes(kinds, filters) if only in shape.name]
    results: list[dict[str, Any]] = []
    for shape in shapes:
        f = orders.OrderFilter(**shape.filter)

        def page(f: orders.OrderFilter = f, sort: str = shape.sort) -> Any:
            return orders.order_page(db, actor, f, sort, True, limit=PAGE)

        def count(f: orders.OrderFilter = f) -> int:
            return orders.order_count(db, actor, f)

        page_ms, page_floor = _paired(page, recorder, raw)
        count_ms, count_floor = _paired(count, recorder, raw)
        rows, total = len(page()[0]), count()
        results.append(
            {
                "shape": shape.name,
                "text": shape.filter.get("text", ""),
                "target": shape.target,
                "page_ms": round(page_ms, 2),
                "page_floor_ms": round(page_floor, 2),
                "count_ms": round(count_ms, 2),
                "count_floor_ms": round(count_floor, 2),
                "rows": rows,
                "total": total,
            }
        )
        print(
            f"{engine} {shape.name:<34} page {page_ms:8.1f} ms (floor {page_floor:7.1f}) "
            f"count {count_ms:8.1f} ms (floor {count_floor:7.1f})  target {shape.target:.0f}"
            f"  {rows} rows of {total:,}",
            file=sys.stderr,
            flush=True,
        )

    def lookup() -> list[int]:
        return directory.search_household_ids(db, actor, last4)

    lookup_ms, lookup_floor = _paired(lookup, recorder, raw)
    print(
        f"{engine} intake lookup {last4!r}: {lookup_ms:.1f} ms (floor {lookup_floor:.1f}), "
        f"{len(lookup())} households",
        file=sys.stderr,
    )
    raw.close()
    db.dispose()
    return {
        "shapes": results,
        "lookup_ms": round(lookup_ms, 2),
        "lookup_floor_ms": round(lookup_floor, 2),
        "peak_rss_mb": round(_peak_rss_mb(), 1),
    }


# --- the parent -------------------------------------------------------------------------------


def _child(engine: str, url: str) -> dict[str, Any]:
    env = dict(os.environ)
    env.pop("WUYE_DB", None)
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "bench.bench_search", engine, url],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
        timeout=7200,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"the {engine} measurements failed ({done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _results(engine: str, measured: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for r in measured["shapes"]:
        base = f"search_{r['shape']}_{engine}_1m"
        yield {"name": f"{base}_first_page", "value": r["page_ms"], "unit": "ms",
               "target": r["target"]}  # fmt: skip
        yield {"name": f"{base}_first_page_floor", "value": r["page_floor_ms"], "unit": "ms",
               "target": None}  # fmt: skip
        yield {"name": f"{base}_count", "value": r["count_ms"], "unit": "ms", "target": None}
        yield {"name": f"{base}_count_floor", "value": r["count_floor_ms"], "unit": "ms",
               "target": None}  # fmt: skip
    yield {"name": f"search_all_shapes_peak_rss_{engine}_1m", "value": measured["peak_rss_mb"],
           "unit": "MB", "target": RSS_MB}  # fmt: skip
    yield {"name": f"intake_household_lookup_phone_last_4_{engine}_200k", "unit": "ms",
           "value": measured["lookup_ms"], "target": LOOKUP_MS}  # fmt: skip
    yield {"name": f"intake_household_lookup_phone_last_4_{engine}_200k_floor", "unit": "ms",
           "value": measured["lookup_floor_ms"], "target": None}  # fmt: skip


def _table(engine: str, measured: dict[str, Any]) -> None:
    """The figures for the person watching: each beside its floor and its target."""
    note(f"{engine}: shape, first page (floor), count (floor), target, verdict")
    for r in measured["shapes"]:
        verdict = "pass" if r["page_ms"] <= r["target"] else "MISS"
        note(
            f"  {r['shape']:<34} {r['page_ms']:8.1f} ({r['page_floor_ms']:7.1f})"
            f" {r['count_ms']:8.1f} ({r['count_floor_ms']:7.1f}) ≤{r['target']:.0f} {verdict}"
        )


def _migration_seconds() -> float:
    """migrate.upgrade from 0007 to 0008 on a copy of the 1M database taken back to 0007."""
    from alembic import command

    from wuye_desktop.storage import migrate

    at_0007 = data_dir() / f"demo-1m-orders-{RECIPE}-at0007.sqlite3"
    if not at_0007.exists():
        note(f"making {at_0007.name}: the 1M database taken back to revision 0007 (once)")
        partial = working_copy(database(), "at0007")
        db = Database(str(partial))
        try:
            cfg = migrate._config()
            with db.engine.connect() as conn:
                # SQLite's way of changing a table others refer to (its "12 steps"): foreign
                # keys off outside the transaction, else the batch copies of work_order that
                # older downgrades make fail when the old table is dropped under its events.
                conn.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
                with conn.begin():
                    cfg.attributes["connection"] = conn
                    command.downgrade(cfg, "0007")
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
                    if broken:
                        raise RuntimeError(
                            f"taken back to 0007 with broken references: {broken[:5]}"
                        )
        finally:
            db.dispose()
        migrate.backup_sqlite(partial, at_0007)
    path = working_copy(at_0007, "migrate-0008")
    messages = logging.getLogger("wuye_desktop.storage.migrate")
    handler = _Progress()
    messages.addHandler(handler)
    messages.setLevel(logging.INFO)
    db = Database(str(path))
    try:
        started = time.perf_counter()
        migrate.upgrade(db, "0008")
        seconds = time.perf_counter() - started
    finally:
        db.dispose()
        messages.removeHandler(handler)
    note(f"  migration 0008 on 1,000,000 orders: {seconds:.1f} s, {handler.count} messages")
    return round(seconds, 1)


def _migration_seconds_pg(url: str) -> float:
    """migrate.upgrade from 0007 to 0008 on PostgreSQL: a scratch database copied from the
    1M one (CREATE DATABASE … TEMPLATE), taken back to 0007, then upgraded and timed."""
    from alembic import command
    from sqlalchemy import create_engine

    from wuye_desktop.storage import migrate

    admin = create_engine(url.rsplit("/", 1)[0] + "/template1", isolation_level="AUTOCOMMIT")
    scratch = url.rsplit("/", 1)[0] + "/migrate0008"
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS migrate0008")
            conn.exec_driver_sql("CREATE DATABASE migrate0008 TEMPLATE postgres")
        db = Database(scratch)
        try:
            cfg = migrate._config()
            with db.engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0007")
            with db.engine.connect() as conn:  # as an installation's would be: analysed
                conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("ANALYZE")
            messages = logging.getLogger("wuye_desktop.storage.migrate")
            handler = _Progress()
            messages.addHandler(handler)
            messages.setLevel(logging.INFO)
            try:
                started = time.perf_counter()
                migrate.upgrade(db, "0008")
                seconds = time.perf_counter() - started
            finally:
                messages.removeHandler(handler)
        finally:
            db.dispose()
        note(
            f"  migration 0008 on 1,000,000 orders, PostgreSQL: {seconds:.1f} s, "
            f"{handler.count} messages"
        )
        return round(seconds, 1)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql("DROP DATABASE IF EXISTS migrate0008")
        admin.dispose()


class _Progress(logging.Handler):
    """Relays the migration's progress messages, every few seconds."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.last = 0.0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        if time.monotonic() - self.last > 5:
            self.last = time.monotonic()
            note(f"  migration: {record.getMessage()}")


def run() -> Iterator[dict[str, Any]]:
    path = database()
    sqlite = _child("sqlite", str(path))
    _table("SQLite", sqlite)
    yield from _results("sqlite", sqlite)
    with postgres() as url:
        pg = _child("postgresql", url)
        _table("PostgreSQL", pg)
        yield from _results("postgresql", pg)
        if os.environ.get("WUYE_BENCH_MIGRATIONS", "1") == "1":
            yield {
                "name": "migration_0008_search_keys_postgresql_1m",
                "value": _migration_seconds_pg(url),
                "unit": "s",
                "target": None,
            }
    if os.environ.get("WUYE_BENCH_MIGRATIONS", "1") == "1":
        yield {
            "name": "migration_0008_search_keys_sqlite_1m",
            "value": _migration_seconds(),
            "unit": "s",
            "target": None,
        }


def migrations_only() -> None:
    """Only the two migration figures (``python -m bench.bench_search migrations``)."""
    with postgres() as url:
        _migration_seconds_pg(url)
    _migration_seconds()


def main(argv: list[str]) -> int:
    if argv == ["migrations"]:
        migrations_only()
        return 0
    engine, url = argv
    print(json.dumps(_engine_child(engine, url)), flush=True)
    sys.stdout.flush()
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""Work orders over a database of 1,000,000 orders made by ``wuye demo`` (issue 3, DESIGN.md §6),
on SQLite and on PostgreSQL (issue 18).

    list first screen        the list model opened on open orders, its first 40 rows ready
    tab first paint          the whole Work orders tab built, shown and painted, after the
                             login (on the connection it left), and on a new connection
    scroll to the end        peak RSS (VmHWM) of a process whose list view loads every order

The database (the demo company with 200,000 households and a year of 1,000,000 orders, anchored
on the day it was built) is made once and kept, and so is its PostgreSQL copy
(:func:`postgres`: a server of the benchmark's own on a cluster kept beside it, the same rows);
the measurements work on scratch copies of them (logging in writes to a database): a copy of
the file, a copy of the database in the cluster (``bench.pg_server.scratch_copy``). The list and scroll measurements run in fresh processes,
as a desk opening the tab does, so that one's memory or caches do not flatter another. Every
search and filter shape is measured by bench_search, on this database and on PostgreSQL; saving
an order by bench_order_save, beside its floor; starting the program on it by bench_cold_start. The OS file cache is warm (each measurement is repeated and the first run not
counted), as it is for a desk that works in the program all day.

``python -m bench.bench_work_orders MODE DB`` runs one child measurement and prints its JSON
(DB: a file or a PostgreSQL URL, as ``wuye --db`` takes).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from bench.data import (
    ROOT,
    cached_sqlite,
    data_dir,
    engines,
    note,
    throttled_progress,
    working_copy,
)
from bench.figures import figure
from wuye_desktop.storage.db import Database

ORDERS = 1_000_000
HOUSEHOLDS = 200_000
RECIPE = "v4"  # v4: migration 0008's search indexes and statistics
RUNS = max(5, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
SCREEN_ROWS = 40  # rows a desk's list shows at once
PAGES_PER_PAINT = 10  # pages of ids fetched between two paints while scrolling to the end
USER, PASSWORD = "desk", "desk1234"  # the demo's service-desk clerk
OPEN = ("accepted", "dispatched", "in_progress", "reopened")


def _build(db: Database) -> None:
    from wuye_desktop.demo import fill_demo

    fill_demo(
        db,
        households=HOUSEHOLDS,
        seed=1,
        extra={"work_orders": ORDERS},
        progress=throttled_progress("demo (households, then orders)", every=10),
    )


def database() -> Path:
    return cached_sqlite("demo-1m-orders", RECIPE, _build)


def postgres(source: Path | None = None) -> AbstractContextManager[str]:
    """A server on the PostgreSQL copy of :func:`database` (the same rows), yielding its URL;
    the cluster is made once, from *source* if given (a copy of that file), and kept.
    Read-only: whatever writes measures a ``bench.pg_server.scratch_copy`` of it."""
    from bench.pg_server import cached_postgres, copy_from_sqlite

    return cached_postgres("demo-1m-orders", RECIPE, copy_from_sqlite(source or database()))


def scratch_databases(label: str) -> Iterator[tuple[str, str]]:
    """(engine, database) for each engine measured (``WUYE_BENCH_ENGINES``): a scratch copy of
    the 1M database, a file or a PostgreSQL URL, for measurements that log in (a write); each
    is there until the next is asked for."""
    for engine in engines():
        if engine == "sqlite":
            yield engine, str(working_copy(database(), label))
        else:
            from bench.pg_server import scratch_copy

            with postgres() as url, scratch_copy(url, label.replace("-", "_")) as copy:
                yield engine, copy


def _child(mode: str, db: str) -> dict[str, Any]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(data_dir() / "config")  # settings of its own
    env.pop("WUYE_DB", None)
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-m", "bench.bench_work_orders", mode, db],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    for line in done.stderr.splitlines():
        note(f"  {line}")
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{mode} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run() -> Iterator[dict[str, Any]]:
    # Logging in writes to the database: the measurements read a scratch copy.
    for engine, db in scratch_databases("orders-1m"):
        note(f"work orders on {engine}")
        yield from _measure(engine, db)


def _measure(engine: str, db: str) -> Iterator[dict[str, Any]]:
    listed = _child("list", db)
    # Each the median of the child's runs after its warm-up, with their min and max.
    yield figure(
        f"work_order_list_first_screen_{engine}_1m", listed["first_screen_ms"], "ms", 150, digits=1
    )
    yield figure(
        f"work_order_tab_first_paint_{engine}_1m",
        listed["tab_paint_ms"],
        "ms",
        100,
        digits=1,  # DESIGN §6
    )
    yield figure(
        f"work_order_tab_first_paint_new_connection_{engine}_1m",
        listed["tab_paint_new_connection_ms"],
        "ms",
        None,
        digits=1,
    )
    yield figure(
        f"work_order_tab_first_empty_frame_{engine}_1m",
        listed["tab_frame_ms"],
        "ms",
        None,
        digits=1,
    )
    scrolled = _child("scroll", db)
    yield {
        "name": f"work_order_list_scroll_to_end_peak_rss_{engine}_1m",
        "value": scrolled["peak_rss_mb"],
        "unit": "MB",
        "target": 400,
    }
    yield {
        "name": f"work_order_list_scroll_to_end_time_{engine}_1m",
        "value": scrolled["seconds"],
        "unit": "s",
        "target": None,
    }


# --- measured in this process ---------------------------------------------------------------------


# --- measured in a child process -------------------------------------------------------------------


def _application() -> Any:
    from wuye_desktop.ui.app import create_application

    return create_application(sys.argv[:1])


def _context(db_url: str) -> Any:
    from wuye_desktop.core import users
    from wuye_desktop.ui.context import AppContext, AppSignals

    db = Database(db_url)
    actor, row = users.login(db, USER, PASSWORD)
    return AppContext(db=db, actor=actor, display_name=row.display_name, signals=AppSignals())


def _screen(model: Any) -> None:
    """What the view asks for to paint the first screen: every cell's text and colours."""
    from PySide6.QtCore import Qt

    roles = (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
    )
    for row in range(min(SCREEN_ROWS, model.rowCount())):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            for role in roles:
                model.data(index, role)


def _timed(action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def _list_child(db_url: str) -> dict[str, Any]:
    from wuye_desktop.core.orders import OrderFilter
    from wuye_desktop.ui.work_orders.list_model import OrderListModel, Query

    app = _application()
    ctx = _context(db_url)

    # The first screen: the tab's own first view (open orders, newest first), each run on a
    # new connection, as when the tab is first opened. The model reads on the database
    # thread: the screen is there when its ids and then its rows have arrived.
    def first_screen() -> None:
        model = OrderListModel(ctx)
        model.set_query(Query(OrderFilter(statuses=OPEN)))
        deadline = time.perf_counter() + 30
        while model.loaded_count() == 0 and time.perf_counter() < deadline:
            app.processEvents()
        _screen(model)  # asks for the screen's rows
        while model.rows_pending() and time.perf_counter() < deadline:
            app.processEvents()
        if model.cached_count() == 0:
            raise RuntimeError("the work-order list never read its first screen")
        _screen(model)

    firsts = []
    for _ in range(RUNS + 1):
        ctx.db.dispose()
        firsts.append(_timed(first_screen))
    firsts = firsts[1:]  # the first read the file into the OS cache
    print(f"first screen: {', '.join(f'{t:.1f}' for t in firsts)} ms", file=sys.stderr)

    # The tab as the program opens it, after the login (its connection in the pool), and, to
    # compare, on a connection made for it; interleaved, so that a busy moment falls on both.
    measured = [(_tab_paint(app, ctx, True), _tab_paint(app, ctx, False)) for _ in range(RUNS + 1)]
    measured = measured[1:]
    paints, frames = [m[0][0] for m in measured], [m[0][1] for m in measured]
    new_connection = [m[1][0] for m in measured]
    print(f"tab first screen painted: {', '.join(f'{t:.1f}' for t in paints)} ms", file=sys.stderr)
    print(f"tab first (empty) frame: {', '.join(f'{t:.1f}' for t in frames)} ms", file=sys.stderr)
    print(
        f"tab first screen painted, new connection: {', '.join(f'{t:.1f}' for t in new_connection)}"
        " ms",
        file=sys.stderr,
    )
    return {
        "first_screen_ms": firsts,
        "tab_paint_ms": paints,
        "tab_frame_ms": frames,
        "tab_paint_new_connection_ms": new_connection,
    }


def _tab_paint(app: Any, ctx: Any, after_login: bool) -> tuple[float, float]:
    """The Work orders tab built, shown at a desk's size and its first screen painted: the
    list reads on the database thread, so its first frame is empty; the figure is the paint
    that shows the rows (ids and every visible row read), the first frame's time beside it.

    The pool is emptied first, so no statement of an earlier run is prepared on the server.
    *after_login*: then the desk logs in (not timed), as the program does before it builds its
    window on the same database: the tab reads on the connection the login left in the pool.
    Otherwise the tab's first read opens a connection."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from wuye_desktop.core import users
    from wuye_desktop.ui.work_orders.tab import WorkOrdersTab

    marks: dict[str, float] = {}
    tab: Any = None

    def mark(name: str) -> None:
        marks.setdefault(name, time.perf_counter())

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                if "frame" not in marks:
                    marks["frame"] = 0.0
                    QTimer.singleShot(0, lambda: mark("frame_painted"))
                model = tab.model
                shown = model.loaded_count() > 0 and model.cached_count() > 0
                if shown and not model.rows_pending() and "screen" not in marks:
                    marks["screen"] = 0.0
                    QTimer.singleShot(0, lambda: mark("painted"))
            return False

    watcher = FirstPaint()
    ctx.db.dispose()
    if after_login:
        users.login(ctx.db, USER, PASSWORD)
    started = time.perf_counter()
    tab = WorkOrdersTab(ctx)
    tab.table.viewport().installEventFilter(watcher)
    tab.resize(1480, 860)
    tab.show()
    deadline = started + 30
    while "painted" not in marks and time.perf_counter() < deadline:
        app.processEvents()
    if "painted" not in marks:
        raise RuntimeError("the work-order list never painted its rows")
    elapsed = (marks["painted"] - started) * 1000
    frame = (marks["frame_painted"] - started) * 1000
    # Let the background count finish before the tab goes, as it would while the desk reads.
    while time.perf_counter() < deadline + 60 and tab.model.total is None:
        app.processEvents()
        time.sleep(0.01)
    tab.hide()
    tab.deleteLater()
    app.processEvents()
    return elapsed, frame


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _scroll_child(db_url: str) -> dict[str, Any]:
    """A list view scrolled to its end again and again until every order is loaded."""
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QAbstractItemView, QTableView

    from wuye_desktop.ui.work_orders.list_model import OrderListModel, Query

    app = _application()
    ctx = _context(db_url)
    model = OrderListModel(ctx)
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.resize(1200, 800)
    view.show()
    model.set_query(Query())
    app.processEvents()
    started = time.perf_counter()
    last_report = started
    # The pages come from the database thread, one on its way at a time (canFetchMore says no
    # meanwhile): the loop ends when none is on its way and no more is to be had.
    while model.canFetchMore() or model.loading:
        # Pages as fast as a held-down End key asks for them, the view painting as it goes.
        for _ in range(PAGES_PER_PAINT):
            if model.canFetchMore():
                model.fetchMore(QModelIndex())
        view.scrollToBottom()  # at the end of the scroll bar the view fetches one more
        app.processEvents()
        if model.loading:
            time.sleep(0.001)  # the page's rows are on their way: let the database thread run
        if time.perf_counter() - last_report > 15:
            last_report = time.perf_counter()
            print(
                f"scrolled {model.rowCount():,} rows, peak RSS {_peak_rss_mb():.0f} MB",
                file=sys.stderr,
            )
    seconds = time.perf_counter() - started
    view.scrollToBottom()
    app.processEvents()
    rows = model.rowCount()
    if rows < ORDERS:
        raise RuntimeError(f"only {rows:,} orders listed")
    peak = _peak_rss_mb()
    print(f"scrolled all {rows:,} rows in {seconds:.1f} s, peak RSS {peak:.0f} MB", file=sys.stderr)
    return {"peak_rss_mb": round(peak, 1), "seconds": round(seconds, 1), "rows": rows}


def main(argv: list[str]) -> int:
    mode, db_url = argv[0], argv[1]  # a file or a URL: not a Path, which mangles "//"
    children = {"list": _list_child, "scroll": _scroll_child}
    result = children[mode](db_url)
    print(json.dumps(result), flush=True)
    sys.stdout.flush()
    os._exit(0)  # no slow teardown of Qt and a million-row model


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The program as the crash tests kill it: ``python -m tests.crash.worker SCENARIO DB [options]``.

It opens the database with the program's own storage, keeps a connection to it as the running
program does, shows Qt's own (non-native) file dialog on the database's folder until the dialog
has listed it, then works through SCENARIO until it is killed or done. What it reports on
stdout, one flushed line each::

    ready                the dialog has been shown and closed; the scenario starts
    B {json}             an action begins
    C {json}             that action has been committed (printed only after the commit)
    E {json}             the program refused or failed; the worker stops (exit 1)
    done                 the scenario ran out of work

Commands of ``wuye`` (roster import, ledger import, backup, restore, demo) run in this process
through ``wuye_desktop.cli.main``, with the dialog's effects on this process in place.

``--without-fix`` turns off the protection of commit 98c2a64 in this process (the OFD lock hooks
and the check for deleted files) to show that the crash tests find the loss it prevents.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select, text

from tests.crash import harness
from wuye_desktop.core.errors import WuyeError
from wuye_desktop.core.roles import Actor
from wuye_desktop.storage import sqlite_locks

_OUT = sys.stdout


def say(line: str) -> None:
    _OUT.write(line + "\n")
    _OUT.flush()


def begin(**what: Any) -> None:
    say("B " + json.dumps(what, ensure_ascii=False))


def committed(**what: Any) -> None:
    say("C " + json.dumps(what, ensure_ascii=False))


def fail(**what: Any) -> None:
    say("E " + json.dumps(what, ensure_ascii=False))
    sys.exit(1)


def show_dialog(folder: Path, at_least_ms: int) -> None:
    """Qt's non-native file dialog on *folder* until it has listed it (and *at_least_ms*)."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel

    app = QApplication.instance() or QApplication([])
    dialog = QFileDialog(None, "Save", str(folder), "All files (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    model = dialog.findChild(QFileSystemModel)
    assert model is not None
    listed: list[str] = []
    model.directoryLoaded.connect(listed.append)
    dialog.show()
    # The dialog lists the folder and guesses each file's type (opening and closing the
    # database's files) in a thread of its own; keep it open as a person looking at it would.
    started = time.monotonic()
    loop = QEventLoop()
    while True:
        QTimer.singleShot(50, loop.quit)
        loop.exec()
        waited = (time.monotonic() - started) * 1000
        if (str(folder) in listed and waited >= at_least_ms) or waited > 10_000:
            break
    if str(folder) not in listed:
        fail(kind="dialog", error=f"the dialog never listed {folder}: {listed}")
    dialog.reject()
    dialog.deleteLater()
    app.processEvents()


def run_wuye(db_path: Path, *args: str) -> str:
    """One ``wuye`` command in this process; its output, or the worker stops on a failure."""
    from wuye_desktop import cli

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["--db", str(db_path), *args])
    if code != 0:
        fail(kind="wuye", args=list(args), code=code, output=out.getvalue() + err.getvalue())
    return out.getvalue().strip()


# --- scenarios -------------------------------------------------------------------------------


USERS = {"orders": "manager", "ledger": "finance", "backup": "manager"}


class Program:
    """The program's storage as a running desk holds it."""

    def __init__(self, scenario: str, db_path: Path, rng: random.Random) -> None:
        from wuye_desktop.storage import migrate
        from wuye_desktop.storage.db import Database

        self.path = db_path
        self.rng = rng
        self.db = Database(str(db_path))
        migrate.upgrade(self.db)
        # A connection stays open in the pool, as in the running program: the database's
        # files are open in this process while the dialog opens and closes them too.
        with self.db.read() as s:
            s.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()

        # Logged in as the scenario's user and every module loaded before the dialog, so that
        # the kill lands in the scenario's own work.
        self.actor: Actor | None = None
        user = USERS.get(scenario)
        if user is not None:
            from wuye_desktop.core import users

            self.actor, _row = users.login(self.db, user, harness.password(user))
        from wuye_desktop import cli

        cli.build_parser()  # imports every command's module

    def user(self) -> Actor:
        assert self.actor is not None, "this scenario logs nobody in"
        return self.actor


def orders(p: Program, _files: Path, limit: int) -> None:
    """Orders taken and moved through their states, one user action per transaction."""
    from wuye_desktop.core import orders as core_orders
    from wuye_desktop.core.vocab import Category, Channel, Source, Tier
    from wuye_desktop.storage.models import Household, OrderEvent, WorkOrder

    actor = p.user()
    rng = p.rng
    with p.db.read() as s:
        community_id = s.execute(text("SELECT id FROM community WHERE code = 'QD001'")).scalar_one()
        households = list(s.scalars(select(Household.id)))
    live: dict[int, str] = {}  # open order id -> "paused" marker or status
    paused: set[int] = set()

    def state(order_id: int) -> dict[str, Any]:
        with p.db.read() as s:
            order = s.get(WorkOrder, order_id)
            assert order is not None
            events = s.scalar(
                select(func.count()).select_from(OrderEvent).where(OrderEvent.order_id == order_id)
            )
            return {
                "order": order_id,
                "number": order.number,
                "status": order.status,
                "version": order.version,
                "events": events,
                "paused": order.paused_since is not None,
            }

    for k in range(limit):
        if not live or len(live) < 3 or rng.random() < 0.25:
            begin(action="create", k=k)
            household = rng.choice(households) if households and rng.random() < 0.5 else None
            order_id = core_orders.create_order(
                p.db,
                actor,
                core_orders.OrderInput(
                    community_id=community_id,
                    category=rng.choice([c.value for c in Category]),
                    channel=Channel.PROPERTY.value,
                    source=rng.choice([s.value for s in Source if s != Source.REGULATOR_PLATFORM]),
                    tier=rng.choice([Tier.IMMEDIATE.value, Tier.TIME_LIMITED.value]),
                    description=f"crash order {k}",
                    household_id=household,
                    location="" if household else "2号楼东侧路灯",
                    caller_name="王女士",
                    caller_phone="13912345678",
                ),
            )
            committed(action="create", k=k, **state(order_id))
            live[order_id] = "accepted"
            continue
        order_id = rng.choice(sorted(live))
        now = state(order_id)
        status, version = now["status"], now["version"]
        move = _order_move(status, order_id in paused, rng)
        begin(action=move, k=k, order=order_id)
        _apply_move(p, actor, move, order_id, version, k)
        after = state(order_id)
        committed(action=move, k=k, **after)
        if after["paused"]:
            paused.add(order_id)
        else:
            paused.discard(order_id)
        if after["status"] in ("closed", "cancelled"):
            del live[order_id]
        else:
            live[order_id] = after["status"]


def _order_move(status: str, paused: bool, rng: random.Random) -> str:
    """The next thing a desk does with an open order."""
    if paused:
        return "resume"
    if rng.random() < 0.1:
        return "note"
    if status in ("accepted", "reopened") or (status == "dispatched" and rng.random() < 0.1):
        return "dispatch"
    if status in ("dispatched", "in_progress") and rng.random() < 0.12:
        return "pause"
    if status == "dispatched":
        return "start"
    if status == "in_progress":
        return "cancel" if rng.random() < 0.05 else "complete"
    assert status == "completed", status
    if rng.random() < 0.2:
        return "close"
    return "callback-" + rng.choice(["satisfied", "basically_satisfied", "dissatisfied"])


def _apply_move(p: Program, actor: Actor, move: str, order_id: int, version: int, k: int) -> None:
    from wuye_desktop.core import orders as core_orders
    from wuye_desktop.core.vocab import CallbackMethod, Channel

    if move == "resume":
        core_orders.resume(p.db, actor, order_id, version)
    elif move == "note":
        core_orders.add_note(p.db, actor, order_id, f"跟进 {k}")
    elif move == "dispatch":
        core_orders.dispatch(
            p.db,
            actor,
            order_id,
            version,
            channel=p.rng.choice([c.value for c in Channel]),
            handler=p.rng.choice(["李工", "张师傅", "维修班"]),
        )
    elif move == "pause":
        core_orders.pause(p.db, actor, order_id, version, "等业主在家")
    elif move == "start":
        core_orders.start_work(p.db, actor, order_id, version)
    elif move == "cancel":
        core_orders.cancel(p.db, actor, order_id, version, "业主撤回")
    elif move == "complete":
        core_orders.complete(p.db, actor, order_id, version, "已修复")
    elif move == "close":
        core_orders.close(p.db, actor, order_id, version, "业主电话无人接听")
    else:
        verdict = move.removeprefix("callback-")
        comment = "还是漏水" if verdict == "dissatisfied" else ""
        core_orders.record_callback(
            p.db,
            actor,
            order_id,
            version,
            core_orders.CallbackInput(CallbackMethod.PHONE.value, verdict, "业主本人", comment),
        )


def ledger(p: Program, files: Path, limit: int) -> None:
    """Entries posted one by one, bank statements imported whole (``wuye ledger import``)."""
    from wuye_desktop.core.clock import today_local
    from wuye_desktop.core.ledger import services

    actor = p.user()
    rng = p.rng
    statements = sorted(files.glob("statement-*.csv"), key=lambda f: int(f.stem.split("-")[1]))
    today = today_local()
    for k in range(limit):
        if statements and rng.random() < 0.2:
            statement = statements.pop(0)
            number = int(statement.stem.split("-")[1])
            begin(action="import", file=number)
            said = run_wuye(p.path, "ledger", "import", str(statement), "--community", "QD001")
            committed(action="import", file=number, said=said)
            continue
        income = rng.random() < 0.7
        begin(action="post", k=k)
        entry = services.post_entry(
            p.db,
            actor,
            "QD001",
            services.EntryInput(
                entry_date=today - timedelta(days=rng.randrange(1, 300)),
                direction="income" if income else "expense",
                category="other_income" if income else "other_expense",
                amount=f"{rng.randrange(1, 500_000) / 100:.2f}",
                voucher_no=f"P{k}",
                counterparty="青岛某某广告有限公司" if income else "电梯维保公司",
                note=f"crash post {k}",
            ),
        )
        committed(action="post", k=k, seq=entry.seq, hash=entry.hash)


def roster(p: Program, files: Path, limit: int) -> None:
    """Household rosters imported one after another with ``wuye import households``."""
    rosters = sorted(files.glob("roster-*.csv"), key=lambda f: int(f.stem.split("-")[1]))
    for path in rosters[:limit]:
        number = int(path.stem.split("-")[1])
        begin(action="roster", file=number)
        said = run_wuye(p.path, "import", "households", str(path), "--community", "QD001")
        committed(action="roster", file=number, said=said)


def backup_restore(p: Program, _files: Path, limit: int) -> None:
    """Marks (orders) between backups (``wuye backup``) and restores (``wuye restore``)."""
    from wuye_desktop.core import orders as core_orders
    from wuye_desktop.core.vocab import Category, Channel, Source, Tier

    actor = p.user()
    rng = p.rng
    with p.db.read() as s:
        community_id = s.execute(text("SELECT id FROM community WHERE code = 'QD001'")).scalar_one()
    backups = p.path.parent / harness.BACKUP_FOLDER
    made: list[str] = []
    for k in range(limit):
        begin(action="mark", n=k)
        core_orders.create_order(
            p.db,
            actor,
            core_orders.OrderInput(
                community_id=community_id,
                category=Category.LIGHTING.value,
                channel=Channel.PROPERTY.value,
                source=Source.INSPECTION.value,
                tier=Tier.TIME_LIMITED.value,
                description=f"{harness.MARK}{k}",
                location="地库B2",
            ),
        )
        committed(action="mark", n=k)
        if rng.random() < 0.5:
            name = f"b{k}.sqlite3"
            begin(action="backup", name=name)
            run_wuye(p.path, "backup", "--out", str(backups / name))
            committed(action="backup", name=name)
            made.append(name)
        elif made and rng.random() < 0.5:
            name = rng.choice(made)
            begin(action="restore", name=name)
            run_wuye(p.path, "restore", str(backups / name))
            committed(action="restore", name=name)


def demo(p: Program, _files: Path, _limit: int, demo_args: list[str]) -> None:
    """``wuye demo`` on an empty database: one long action."""
    begin(action="demo")
    said = run_wuye(p.path, "demo", *demo_args)
    committed(action="demo", said=said)


SCENARIOS: dict[str, Callable[[Program, Path, int], None]] = {
    "orders": orders,
    "ledger": ledger,
    "roster": roster,
    "backup": backup_restore,
}


def without_fix() -> None:
    """This process runs as before commit 98c2a64: POSIX locks, no check for deleted files."""
    sqlite_locks.install = lambda: False
    sqlite_locks.lost_files = lambda _path: []  # type: ignore[assignment]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.crash.worker")
    parser.add_argument("scenario", choices=[*SCENARIOS, "demo"])
    parser.add_argument("db", type=Path)
    parser.add_argument("--files", type=Path, required=True, help="the scenario's input files")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--limit", type=int, default=100_000, help="at most this many actions")
    parser.add_argument("--dialog-ms", type=int, default=500)
    parser.add_argument("--demo-args", default="", help="options of `wuye demo`")
    parser.add_argument("--without-fix", action="store_true")
    args = parser.parse_args()
    if args.without_fix:
        without_fix()
    program = Program(args.scenario, args.db, random.Random(args.seed))
    if args.without_fix:
        assert not sqlite_locks.is_active()
    show_dialog(args.db.parent, args.dialog_ms)
    say("ready")
    try:
        if args.scenario == "demo":
            demo(program, args.files, args.limit, args.demo_args.split())
        else:
            SCENARIOS[args.scenario](program, args.files, args.limit)
    except WuyeError as exc:
        fail(kind=type(exc).__name__, error=str(exc))
    say("done")


if __name__ == "__main__":
    main()

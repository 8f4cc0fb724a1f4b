"""One crash test run: start the program (``worker``) and a second desk (``meddler``), kill the
program at a random moment, and check what it reported committed against the database.

Everything random comes from one seed: the run's moment of the kill and the worker's own choices
derive from (seed, scenario, run number), so ``WUYE_CRASH_SEED`` replays the same moments (the
machine's timing still varies). The checks, per run:

* every action the worker reported committed is in the database (``lost`` counts those that
  are not), and nothing is there beyond them but the one action under way when it died;
* ``PRAGMA integrity_check`` is ok and ``foreign_key_check`` finds nothing;
* ``wuye ledger verify`` finds the ledger intact;
* all or nothing: a roster or a bank statement is imported whole or not at all; a restore leaves
  the old database or the restored one; a backup reported done is a sound copy of the database
  as it was, one under way is absent or clearly partial (``*.partial``), never broken under its
  final name; a demo is all there or not at all, and running it again works or says why not.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ("orders", "ledger", "roster", "backup", "demo")
BACKUP_FOLDER = "backups"
MARK = "crash mark "
COMMUNITY = "QD001"
# Two names: Qt's dialog reads the database file itself to guess the type of "desk.db", and
# the -wal and -shm files beside "wuye.sqlite3"; runs alternate between them.
DB_NAMES = ("wuye.sqlite3", "desk.db")
# The key tables of a demo, to tell "all there" from "nothing".
DEMO_TABLES = ("company", "app_user", "community", "household", "owner", "work_order",
               "ledger_entry")  # fmt: skip


def password(user: str) -> str:
    return f"{user}-pass-1"


@dataclass(frozen=True)
class Settings:
    """What one scenario run does; the fast subset of the suite uses smaller numbers."""

    roster_rows: int = 500
    roster_files: int = 120  # more than the kill window can import: kills land mid-work
    statement_rows: int = 40
    statement_files: int = 60
    demo_args: tuple[str, ...] = ()  # `wuye demo` as a user types it
    # Seconds after the dialog within which the kill lands, for the scenarios that go on until
    # killed; the demo's window is measured by a first, undisturbed run.
    windows: dict[str, float] = field(
        default_factory=lambda: {"orders": 3.0, "ledger": 4.0, "roster": 6.0, "backup": 5.0}
    )
    dialog_ms: int = 500
    meddle_interval: float = 0.02
    without_fix: bool = False
    db_names: tuple[str, ...] = DB_NAMES


@dataclass
class Report:
    kind: str  # B, C, E
    what: dict[str, Any]


@dataclass
class RunResult:
    scenario: str
    run: int
    seed: str
    db: Path
    killed: bool = False
    mid_work: bool = False
    actions: int = 0  # committed actions checked
    lost: int = 0  # committed actions not (wholly) in the database
    integrity_failures: int = 0
    verify_failures: int = 0
    refused: str = ""  # the program stopped writing itself (DatabaseFileLost)
    problems: list[str] = field(default_factory=list)
    # What was checked, by kind: committed actions ("create", "backup", ...) and outcomes
    # ("demo empty, run again: done").
    checked: Counter[str] = field(default_factory=Counter)
    meddler_opens: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.lost or self.integrity_failures or self.verify_failures or self.problems)

    def describe(self) -> str:
        lines = [
            f"{self.scenario} run {self.run} (seed {self.seed}, {self.db}): killed={self.killed} "
            f"mid_work={self.mid_work} actions={self.actions} lost={self.lost} "
            f"integrity_failures={self.integrity_failures} "
            f"verify_failures={self.verify_failures} refused={self.refused or '-'}"
        ]
        lines += [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


# --- the databases and files every run starts from ----------------------------------------------


def make_templates(folder: Path) -> dict[str, Path]:
    """A company with its users, community QD001 with a few households and its ledger account;
    and an empty, migrated database for the demo."""
    from wuye_desktop.core import directory, users
    from wuye_desktop.core.clock import today_local
    from wuye_desktop.core.ledger import services
    from wuye_desktop.core.roles import Role
    from wuye_desktop.core.validation import credit_code_check_char
    from wuye_desktop.storage import migrate
    from wuye_desktop.storage.db import Database

    folder.mkdir(parents=True, exist_ok=True)
    company = folder / "company.sqlite3"
    db = Database(str(company))
    migrate.upgrade(db)
    body = "91370200MA3C12345"
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code=body + credit_code_check_char(body),
        admin_username="admin",
        admin_display_name="系统管理员",
        password=password("admin"),
    )
    for name, role in (("manager", Role.MANAGER), ("finance", Role.FINANCE)):
        users.create_user(
            db, admin, username=name, display_name=name, role=role, password=password(name)
        )
    c = directory.create_community(
        db, admin, directory.CommunityInput(code=COMMUNITY, name="海尔云谷", project_code="1")
    )
    for room in ("101", "102", "1201"):
        directory.create_household(
            db,
            admin,
            c.id,
            directory.HouseholdInput("3", "2", room, [directory.OwnerInput("张三", "13812345678")]),
        )
    finance, _ = users.login(db, "finance", password("finance"))
    services.open_account(
        db,
        finance,
        COMMUNITY,
        services.AccountInput(
            "青岛银行", "6222 0012 3456 7890", "500,000.00", today_local() - timedelta(days=400)
        ),
    )
    db.dispose()  # the last connection folds the WAL into the file
    empty = folder / "empty.sqlite3"
    db = Database(str(empty))
    migrate.upgrade(db)
    db.dispose()
    return {"company": company, "empty": empty}


def roster_building(number: int) -> str:
    return str(10 + number)


def roster_rooms(rows: int) -> Iterator[tuple[str, str]]:
    """(unit, room) of each row of a roster file."""
    for i in range(rows):
        unit, home = divmod(i, 200)
        floor, position = divmod(home, 4)
        yield str(unit + 1), f"{floor + 1}{position + 1:02d}"


def make_files(folder: Path, settings: Settings) -> Path:
    """Roster files (roster-N.csv, building 10+N) and bank statements (statement-N.csv, vouchers
    SN-i) for the scenarios to import."""
    from wuye_desktop.core.clock import today_local

    folder.mkdir(parents=True, exist_ok=True)
    for n in range(settings.roster_files):
        with (folder / f"roster-{n}.csv").open("w", encoding="gbk", newline="") as f:
            w = csv.writer(f)
            w.writerow(["楼号", "单元", "房号", "业主姓名", "联系电话"])
            for i, (unit, room) in enumerate(roster_rooms(settings.roster_rows)):
                w.writerow([roster_building(n), unit, room, f"业主{n}-{i}", f"139{n:03d}{i:05d}"])
    today = today_local()
    for n in range(settings.statement_files):
        with (folder / f"statement-{n}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(["交易日期", "交易金额", "对方户名", "流水号", "摘要"])
            for i in range(settings.statement_rows):
                day = today - timedelta(days=1 + (n * 7 + i) % 290)
                fen = (n * 1000 + i * 37) % 90_000 + 100
                signed = -fen if i % 5 == 4 else fen
                w.writerow([day.isoformat(), f"{signed / 100:.2f}", f"对方{n}", f"S{n}-{i}", "x"])
    return folder


# --- one run ------------------------------------------------------------------------------------


def _env(workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "WUYE_DB"}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        WUYE_LOG_DIR=str(workdir / "logs"),
        WUYE_NO_KEYRING="1",
        # Qt keeps the file dialog's history in its config folder: not the user's.
        XDG_CONFIG_HOME=str(workdir / "xdg-config"),
        XDG_CACHE_HOME=str(workdir / "xdg-cache"),
        PYTHONUNBUFFERED="1",
    )
    return env


class _Lines:
    """The worker's stdout, line by line, read in a thread of its own."""

    def __init__(self, stream: io.TextIOBase) -> None:
        self.lines: list[str] = []
        self.changed = threading.Condition()
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream: io.TextIOBase) -> None:
        for line in stream:
            with self.changed:
                self.lines.append(line.rstrip("\n"))
                self.changed.notify_all()
        with self.changed:
            self.lines.append("")  # end of output
            self.changed.notify_all()

    def wait_for(self, predicate: Callable[[list[str]], bool], timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: predicate(self.lines), timeout)


def _started(lines: list[str], prefix: str) -> bool:
    return any(line.startswith(prefix) for line in lines) or "" in lines


def run_once(
    scenario: str,
    run: int,
    seed: str,
    workdir: Path,
    templates: dict[str, Path],
    files: Path,
    settings: Settings,
    demo_window: float | None = None,
    kill: bool = True,
) -> tuple[RunResult, list[Report], float | None]:
    """One run; returns its result, the worker's reports and (demo) how long the action took."""
    rng = random.Random(f"{seed}/{scenario}/{run}")
    run_dir = workdir / f"{scenario}-{run:03d}"
    if run_dir.exists():
        shutil.rmtree(run_dir)
    db_dir = run_dir / "db"
    db_dir.mkdir(parents=True)
    db = db_dir / settings.db_names[run % len(settings.db_names)]
    shutil.copyfile(templates["empty" if scenario == "demo" else "company"], db)
    if scenario == "backup":
        (db_dir / BACKUP_FOLDER).mkdir()
    result = RunResult(scenario, run, seed, db)
    env = _env(workdir)
    started = time.monotonic()
    meddler = subprocess.Popen(
        [sys.executable, "-m", "tests.crash.meddler", str(db), str(settings.meddle_interval)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    command = [
        sys.executable, "-m", "tests.crash.worker", scenario, str(db), "--files", str(files),
        "--seed", str(rng.randrange(1 << 30)), "--dialog-ms", str(settings.dialog_ms),
        "--demo-args", " ".join(settings.demo_args),
    ]  # fmt: skip
    if settings.without_fix:
        command.append("--without-fix")
    with (run_dir / "worker.stderr").open("w") as errors:
        child = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        )
    assert child.stdout is not None
    lines = _Lines(child.stdout)  # type: ignore[arg-type]
    action_seconds: float | None = None
    try:
        if not lines.wait_for(lambda ls: _started(ls, "ready"), 120):
            result.problems.append("the worker was not ready within 120 s")
        elif scenario == "demo":
            if lines.wait_for(lambda ls: _started(ls, "B "), 60):
                began = time.monotonic()
                if kill and demo_window is not None:
                    time.sleep(rng.uniform(0.02, 0.95) * demo_window)
                else:
                    lines.wait_for(lambda ls: _started(ls, "C ") or _started(ls, "E "), 600)
                    action_seconds = time.monotonic() - began
        elif kill:
            time.sleep(rng.uniform(0.05, settings.windows[scenario]))
        if kill and child.poll() is None:
            child.send_signal(signal.SIGKILL)
            result.killed = True
        child.wait(timeout=600)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        lines.thread.join(timeout=60)
        child.stdout.close()
        meddler.send_signal(signal.SIGTERM)
        said, _ = meddler.communicate(timeout=60)
    if said.startswith("opens "):
        result.meddler_opens = int(said.split()[1])
    (run_dir / "worker.stdout").write_text("\n".join(lines.lines), "utf-8")
    reports = _parse(lines.lines, result)
    if not result.killed and child.returncode not in (0, 1):
        tail = (run_dir / "worker.stderr").read_text("utf-8", "replace")[-2000:]
        result.problems.append(f"the worker ended with {child.returncode}: {tail}")
    result.mid_work = result.killed and bool(reports) and reports[-1].kind == "B"
    CHECKS[scenario](result, reports, db, files, settings)
    _common_checks(result, db)
    if scenario == "demo":
        _demo_rerun(result, db, settings)
    result.seconds = time.monotonic() - started
    return result, reports, action_seconds


def _parse(lines: list[str], result: RunResult) -> list[Report]:
    reports = []
    for line in lines:
        kind, _, payload = line.partition(" ")
        if kind in ("B", "C", "E"):
            reports.append(Report(kind, json.loads(payload)))
    for r in reports:
        if r.kind == "E":
            if r.what.get("kind") == "DatabaseFileLost":
                result.refused = r.what.get("error", "")
            else:
                result.problems.append(f"the program failed: {r.what}")
    done = [r.what["action"] for r in reports if r.kind == "C"]
    result.actions = len(done)
    result.checked.update(a.split("-")[0] for a in done)
    return reports


def _in_flight(reports: list[Report]) -> dict[str, Any] | None:
    """The action begun and not reported committed when the worker died."""
    if reports and reports[-1].kind in ("B", "E"):
        last_b = next(r for r in reversed(reports) if r.kind == "B")
        return last_b.what
    return None


@contextlib.contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    # A plain connection, as the next start of the program or a second desk would open the
    # file (it recovers the WAL the dead process left).
    conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=30)
    try:
        yield conn
    finally:
        conn.close()


def integrity(path: Path) -> str:
    """'ok', or what PRAGMA integrity_check / foreign_key_check found."""
    try:
        with _read_only(path) as conn:
            found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            if found != ["ok"]:
                return "; ".join(found[:5])
            dangling = conn.execute("PRAGMA foreign_key_check").fetchall()
            if dangling:
                return f"foreign_key_check: {dangling[:5]}"
            return "ok"
    except sqlite3.Error as exc:
        return f"cannot be read: {exc}"


def verify_ledger(path: Path) -> tuple[bool, str]:
    """``wuye ledger verify`` on the database: (intact, what it said)."""
    code, said = wuye("--db", str(path), "ledger", "verify")
    return code == 0 and "ledger intact" in said, said


def _common_checks(result: RunResult, db: Path) -> None:
    found = integrity(db)
    if found != "ok":
        result.integrity_failures += 1
        result.problems.append(f"integrity: {found}")
        return
    intact, said = verify_ledger(db)
    if not intact:
        result.verify_failures += 1
        result.problems.append(f"wuye ledger verify: {said}")


# --- the scenarios' checks --------------------------------------------------------------------


def _check_orders(
    result: RunResult, reports: list[Report], db: Path, _files: Path, _settings: Settings
) -> None:
    done: dict[int, list[dict[str, Any]]] = {}
    for r in reports:
        if r.kind == "C":
            done.setdefault(r.what["order"], []).append(r.what)
    flight = _in_flight(reports)
    with _read_only(db) as conn:
        rows = {
            oid: (number, status, version, description, events)
            for oid, number, status, version, description, events in conn.execute(
                "SELECT o.id, o.number, o.status, o.version, o.description, "
                "(SELECT count(*) FROM order_event e WHERE e.order_id = o.id) FROM work_order o"
            )
        }
    for oid, states in done.items():
        last = states[-1]
        row = rows.get(oid)
        if row is None:
            result.lost += len(states)
            result.problems.append(f"order {oid} ({last['number']}) is gone: {len(states)} lost")
            continue
        number, status, version, _description, events = row
        now = {"number": number, "status": status, "version": version, "events": events}
        if flight is not None and flight.get("order") == oid:
            behind = version < last["version"] or events < last["events"]
        else:
            behind = now != {k: last[k] for k in now}
        if behind:
            missing = [s for s in states if s["events"] > events or s["version"] > version]
            result.lost += max(1, len(missing))
            result.problems.append(f"order {oid}: reported {last}, database {now}")
    for oid, (number, _s, _v, description, _e) in rows.items():
        if oid in done:
            continue
        if flight is None or description != f"crash order {flight.get('k')}":
            result.problems.append(f"order {oid} {number} ({description}) was never reported")


def _check_ledger(
    result: RunResult, reports: list[Report], db: Path, _files: Path, settings: Settings
) -> None:
    flight = _in_flight(reports)
    posts = [r.what for r in reports if r.kind == "C" and r.what["action"] == "post"]
    imports = {r.what["file"] for r in reports if r.kind == "C" and r.what["action"] == "import"}
    with _read_only(db) as conn:
        community = conn.execute("SELECT id FROM community WHERE code = ?", (COMMUNITY,)).fetchone()
        hashes = dict(
            conn.execute("SELECT seq, hash FROM ledger_entry WHERE community_id = ?", community)
        )
        posted = conn.execute(
            "SELECT count(*) FROM ledger_entry WHERE voucher_no LIKE 'P%'"
        ).fetchone()[0]
        per_file = {
            n: conn.execute(
                "SELECT count(*) FROM ledger_entry WHERE voucher_no LIKE ?", (f"S{n}-%",)
            ).fetchone()[0]
            for n in range(settings.statement_files)
        }
    for p in posts:
        if hashes.get(p["seq"]) != p["hash"]:
            result.lost += 1
            result.problems.append(f"posted entry #{p['seq']} is not in the ledger as posted")
    extra_post = 1 if flight is not None and flight["action"] == "post" else 0
    if not len(posts) <= posted <= len(posts) + extra_post:
        result.problems.append(f"{posted} posted entries, {len(posts)} reported")
    rows = settings.statement_rows
    for n, count in per_file.items():
        under_way = flight is not None and flight["action"] == "import" and flight["file"] == n
        if n in imports and count != rows:
            result.lost += 1
            result.problems.append(f"statement {n} reported imported: {count} of {rows} rows")
        elif n not in imports and count not in ((0, rows) if under_way else (0,)):
            result.problems.append(f"statement {n}: {count} of {rows} rows (all or nothing)")


def _check_roster(
    result: RunResult, reports: list[Report], db: Path, _files: Path, settings: Settings
) -> None:
    flight = _in_flight(reports)
    imported = {r.what["file"] for r in reports if r.kind == "C"}
    rows = settings.roster_rows
    with _read_only(db) as conn:
        for n in range(settings.roster_files):
            prefix = f"{COMMUNITY}-{roster_building(n)}-%"
            households, owners = conn.execute(
                "SELECT count(DISTINCT h.id), count(o.id) FROM household h "
                "LEFT JOIN owner o ON o.household_id = h.id WHERE h.code LIKE ?",
                (prefix,),
            ).fetchone()
            under_way = flight is not None and flight["file"] == n
            if n in imported and (households, owners) != (rows, rows):
                result.lost += 1
                result.problems.append(
                    f"roster {n} reported imported: {households} households, {owners} owners "
                    f"of {rows}"
                )
            elif n not in imported and (households, owners) not in (
                ((0, 0), (rows, rows)) if under_way else ((0, 0),)
            ):
                result.problems.append(
                    f"roster {n}: {households} households, {owners} owners of {rows} "
                    "(all or nothing)"
                )


def _marks(path: Path) -> set[int]:
    with _read_only(path) as conn:
        return {
            int(d[len(MARK) :])
            for (d,) in conn.execute(
                "SELECT description FROM work_order WHERE description LIKE ?", (MARK + "%",)
            )
        }


def _check_backup(
    result: RunResult, reports: list[Report], db: Path, _files: Path, _settings: Settings
) -> None:
    folder = db.parent / BACKUP_FOLDER
    # Before anything here opens a file in it: opening a WAL-mode file makes -wal and -shm
    # files beside it and the last close removes them, which would hide what the program left.
    listing = {path.name: path.stat().st_size for path in folder.iterdir()}
    current: set[int] = set()
    snapshots: dict[str, frozenset[int]] = {}
    for r in reports:
        if r.kind != "C":
            continue
        if r.what["action"] == "mark":
            current.add(r.what["n"])
        elif r.what["action"] == "backup":
            snapshots[r.what["name"]] = frozenset(current)
        else:
            current = set(snapshots[r.what["name"]])
    flight = _in_flight(reports)
    allowed = [frozenset(current)]
    if flight is not None and flight["action"] == "mark":
        allowed.append(frozenset(current | {flight["n"]}))
    if flight is not None and flight["action"] == "restore":
        allowed.append(snapshots[flight["name"]])
    found = frozenset(_marks(db))
    if found not in allowed:
        missing = min(len(a - found) for a in allowed)
        result.lost += missing
        result.problems.append(
            f"marks in the database {sorted(found)}; expected one of {[sorted(a) for a in allowed]}"
        )
    under_way = flight["name"] if flight is not None and flight["action"] == "backup" else None
    for name, marks in snapshots.items():
        copy = folder / name
        state = integrity(copy) if copy.exists() else "missing"
        if state != "ok":
            result.lost += 1
            result.problems.append(f"backup {name} reported written: {state}")
        elif _marks(copy) != marks:
            result.lost += 1
            result.problems.append(f"backup {name} holds {sorted(_marks(copy))}, not {marks}")
    for name, size in sorted(listing.items()):
        if name in snapshots:
            continue
        if name == under_way:
            state = integrity(folder / name)
            if state != "ok" or _marks(folder / name) != frozenset(current):
                result.problems.append(f"unreported backup {name} is broken: {state}")
        elif under_way and name.startswith(under_way + ".partial"):
            pass  # the copy being written, under a name that says so
        else:
            result.problems.append(f"{name} ({size} bytes): no backup of that name was under way")
    for aside in db.parent.glob(f"{db.name}.before-restore-*"):
        if not aside.name.endswith((".partial", "-journal", "-wal", "-shm")) and (
            integrity(aside) != "ok"
        ):
            result.problems.append(f"the copy kept before a restore is broken: {aside.name}")


def _table_counts(path: Path) -> dict[str, int]:
    with _read_only(path) as conn:
        return {
            t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in DEMO_TABLES
        }


# The counts of a whole demo, measured by the undisturbed first run (per settings).
_DEMO_COUNTS: dict[tuple[str, ...], dict[str, int]] = {}


def _check_demo(
    result: RunResult, reports: list[Report], db: Path, _files: Path, settings: Settings
) -> None:
    counts = _table_counts(db)
    whole = _DEMO_COUNTS.get(settings.demo_args)
    reported = any(r.kind == "C" for r in reports)
    if reported and whole is None:
        _DEMO_COUNTS[settings.demo_args] = whole = counts
    empty = all(v == 0 for v in counts.values())
    if reported and counts != whole:
        result.lost += 1
        result.problems.append(f"the demo was reported done; the database holds {counts}")
    elif not reported and not empty and counts != whole:
        result.problems.append(f"a half-written demo: {counts} (whole: {whole})")


def wuye(*args: str) -> tuple[int, str]:
    """A ``wuye`` command run here as a user would type it: (exit code, what it printed)."""
    from wuye_desktop import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = cli.main(list(args))
    return code, out.getvalue().strip()


def _demo_rerun(result: RunResult, db: Path, settings: Settings) -> None:
    """After the kill, `wuye demo` again, as a user would: it works, or says why not."""
    if result.integrity_failures:
        return
    before = _table_counts(db)
    code, said = wuye("--db", str(db), "demo", *settings.demo_args)
    whole = _DEMO_COUNTS.get(settings.demo_args)
    state = "empty" if all(v == 0 for v in before.values()) else "whole"
    result.checked[f"left {state}, demo again: exit {code}"] += 1
    if state == "empty":
        after = _table_counts(db)
        if code != 0 or (whole is not None and after != whole):
            result.problems.append(f"demo again on the emptied database: {code} {said} {after}")
        elif whole is None:
            _DEMO_COUNTS[settings.demo_args] = after
    elif code != 3 or "already has data" not in said:
        result.problems.append(
            f"demo again on a filled database should refuse clearly: {code} {said}"
        )
    _common_checks(result, db)


CHECKS = {
    "orders": _check_orders,
    "ledger": _check_ledger,
    "roster": _check_roster,
    "backup": _check_backup,
    "demo": _check_demo,
}


# --- a series of runs -------------------------------------------------------------------------


@dataclass
class Tally:
    scenario: str
    runs: int = 0
    kills: int = 0  # kills that landed mid-work
    actions: int = 0
    lost: int = 0
    integrity_failures: int = 0
    verify_failures: int = 0
    refused: int = 0
    failed_runs: list[RunResult] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)
    meddler_opens: int = 0
    seconds: float = 0.0

    def add(self, r: RunResult) -> None:
        self.runs += 1
        self.kills += r.mid_work
        self.actions += r.actions
        self.lost += r.lost
        self.integrity_failures += r.integrity_failures
        self.verify_failures += r.verify_failures
        self.refused += bool(r.refused)
        self.meddler_opens += r.meddler_opens
        self.seconds += r.seconds
        self.checked.update(r.checked)
        if not r.ok:
            self.failed_runs.append(r)

    @property
    def ok(self) -> bool:
        return not self.failed_runs


def run_scenario(
    scenario: str,
    runs: int,
    seed: str,
    workdir: Path,
    settings: Settings,
    templates: dict[str, Path] | None = None,
    on_run: Callable[[RunResult], None] | None = None,
) -> Tally:
    """Runs of *scenario* until *runs* kills have landed mid-work (the demo's first, undisturbed
    run comes on top)."""
    workdir.mkdir(parents=True, exist_ok=True)
    templates = templates or make_templates(workdir / "templates")
    files = workdir / "files"
    if not (files / "made").exists():
        make_files(files, settings)
        (files / "made").touch()
    tally = Tally(scenario)
    demo_window = None
    if scenario == "demo":
        reference, _reports, demo_window = run_once(
            scenario, 0, seed, workdir, templates, files, settings, kill=False
        )
        if not reference.ok or demo_window is None:
            tally.failed_runs.append(reference)
            return tally
    run = 0
    # Runs until *runs* kills have landed mid-work (a kill may come before the first action
    # or after the last one), at most three times as many runs.
    while tally.kills < runs and run < 3 * runs:
        run += 1
        result, _reports, _ = run_once(
            scenario, run, seed, workdir, templates, files, settings, demo_window
        )
        tally.add(result)
        if on_run is not None:
            on_run(result)
        if demo_window is not None and not result.killed:
            demo_window *= 0.8  # this machine was faster than the first run: kill earlier
    return tally

"""Cold start (DESIGN.md §6): process start to the login window; login to the main window, on
SQLite and on PostgreSQL (issue 18).

Each run is three fresh processes, one after the other (bench/cold_start_child.py):

- the program, started as ``wuye --db DB`` does. Its login dialog's first paint gives
  ``cold_start_to_login_window``. Once the database is open and start-up's background work
  is done, it types the desk clerk's password and presses Enter, as a person would a moment
  later; from that key to the main window's first screen painted (the first tab filled in
  from the database) gives ``login_to_main_window_<engine>_1m``. The database holds 1,000,000
  work orders (bench_work_orders' database or its PostgreSQL copy, a scratch copy: logging in
  writes to it); over PostgreSQL the program is started as ``wuye --db postgresql+psycopg://…``.
- the floor of the first: a process that imports PySide6 and paints a QDialog with two line
  edits, the least any Qt program shows a login with.
- the floor of the second: what a login to a table window cannot avoid: verifying the password
  against the user's own Argon2id hash (its parameters are kept on purpose), then painting a
  bare QMainWindow holding a QTableView of 50 rows.

The three are interleaved, so the floors see the same load as the program. The OS file cache
is warm (one unmeasured round first), as it is for a desk that starts the program every day.

The login window comes before the database is opened, so ``cold_start_to_login_window`` has no
engine: it is measured with the first engine's rounds (SQLite unless ``WUYE_BENCH_ENGINES`` says
otherwise); each engine's rounds have their own floor of the main window.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.bench_work_orders import scratch_databases
from bench.data import data_dir, note
from bench.figures import MIN_RUNS, figure
from wuye_desktop.storage.db import Database

RUNS = max(MIN_RUNS, int(os.environ.get("WUYE_BENCH_RUNS", "7")))
TARGET_S = 1.0  # DESIGN.md §6, each
USER, PASSWORD = "desk", "desk1234"  # the demo's service-desk clerk
CHILD = Path(__file__).with_name("cold_start_child.py")


def _child(*args: str) -> dict[str, float]:
    """Run the child; its marks as seconds since just before it was started."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Settings and log of its own (language, last user, window geometry), not those of whoever
    # runs the benchmark.
    for variable, folder in (("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state")):
        env[variable] = str(data_dir() / folder)
    env.pop("WUYE_DB", None)
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, str(CHILD), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"{args[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    marks: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return {name: mark - started for name, mark in marks.items()}


def _password_hash(db: str, username: str) -> str:
    from sqlalchemy import select

    from wuye_desktop.storage.models import User

    database = Database(db)
    try:
        with database.read() as s:
            found = s.scalar(select(User.password_hash).where(User.username == username))
    finally:
        database.dispose()  # nothing stays connected while the program starts
    if found is None:
        raise RuntimeError(f"no user {username!r} in {db}")
    return str(found)


def run() -> Iterator[dict[str, Any]]:
    first = True
    for engine, db in scratch_databases("cold-start-1m"):
        yield from _measure(engine, db, login_window=first)
        first = False


def _measure(engine: str, db: str, *, login_window: bool) -> Iterator[dict[str, Any]]:
    """This engine's login-to-main-window figure, and with *login_window* the start to the login
    window (the same for every engine: it comes before the database is opened)."""
    password_hash = _password_hash(db, USER)
    rounds: list[tuple[str, ...]] = [
        ("program", db, USER, PASSWORD),
        ("floor-main", password_hash, PASSWORD),
    ]
    if login_window:
        rounds.append(("floor-login",))
    for args in rounds:  # warms the file cache and Python's bytecode cache
        _child(*args)
    to_login: list[float] = []
    to_main: list[float] = []
    login_floor: list[float] = []
    main_floor: list[float] = []
    for i in range(RUNS):
        program, bare_main, *bare_login = (_child(*args) for args in rounds)
        to_login.append(program["login_painted"])
        to_main.append(program["first_screen"] - program["enter"])
        main_floor.append(bare_main["first_screen"] - bare_main["enter"])
        login_floor += [bare["login_painted"] for bare in bare_login]
        note(
            f"  {engine} run {i + 1}/{RUNS}: login window {program['login_painted']:.3f} s "
            f"(interpreter {program['interpreter']:.3f}"
            + (f"; floor {login_floor[-1]:.3f}" if bare_login else "")
            + f"), database open and Enter at {program['enter']:.3f}; Enter to main window "
            f"painted +{program['main_painted'] - program['enter']:.3f}, first screen "
            f"+{to_main[-1]:.3f} (floor {main_floor[-1]:.3f})"
        )
    if login_window:
        yield figure(
            "cold_start_to_login_window",
            to_login,
            "s",
            TARGET_S,
            floor=login_floor,
            floor_name="bare PySide6 QDialog with two line edits painted",
        )
    yield figure(
        f"login_to_main_window_{engine}_1m",
        to_main,
        "s",
        TARGET_S,
        floor=main_floor,
        floor_name="Argon2id verify of the same hash + bare QMainWindow with QTableView painted",
    )

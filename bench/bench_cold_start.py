"""Cold start (DESIGN.md §6): process start to the login window; login to the main window.

Each run is three fresh processes, one after the other (bench/cold_start_child.py):

- the program, started as ``wuye --db DB`` does. Its login dialog's first paint gives
  ``cold_start_to_login_window``. Once the database is open and start-up's background work
  is done, it types the desk clerk's password and presses Enter, as a person would a moment
  later; from that key to the main window's first screen painted (the first tab filled in
  from the database) gives ``login_to_main_window_1m``. The database holds 1,000,000 work
  orders (bench_work_orders' database, a scratch copy: logging in writes to it).
- the floor of the first: a process that imports PySide6 and paints a QDialog with two line
  edits, the least any Qt program shows a login with.
- the floor of the second: what a login to a table window cannot avoid: verifying the password
  against the user's own Argon2id hash (its parameters are kept on purpose), then painting a
  bare QMainWindow holding a QTableView of 50 rows.

The three are interleaved, so the floors see the same load as the program. The OS file cache
is warm (one unmeasured round first), as it is for a desk that starts the program every day.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.bench_work_orders import database
from bench.data import data_dir, note, working_copy
from bench.figures import MIN_RUNS, figure

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


def _password_hash(db_path: Path, username: str) -> str:
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "SELECT password_hash FROM app_user WHERE username = ?", (username,)
        ).fetchone()
    if row is None:
        raise RuntimeError(f"no user {username!r} in {db_path}")
    return str(row[0])


def run() -> Iterator[dict[str, Any]]:
    db_path = working_copy(database(), "cold-start-1m")
    password_hash = _password_hash(db_path, USER)
    rounds = (
        ("program", str(db_path), USER, PASSWORD),
        ("floor-login",),
        ("floor-main", password_hash, PASSWORD),
    )
    for args in rounds:  # warms the file cache and Python's bytecode cache
        _child(*args)
    to_login: list[float] = []
    to_main: list[float] = []
    login_floor: list[float] = []
    main_floor: list[float] = []
    for i in range(RUNS):
        program, bare_login, bare_main = (_child(*args) for args in rounds)
        to_login.append(program["login_painted"])
        to_main.append(program["first_screen"] - program["enter"])
        login_floor.append(bare_login["login_painted"])
        main_floor.append(bare_main["first_screen"] - bare_main["enter"])
        note(
            f"  run {i + 1}/{RUNS}: login window {program['login_painted']:.3f} s "
            f"(interpreter {program['interpreter']:.3f}; floor {login_floor[-1]:.3f}), "
            f"database open and Enter at {program['enter']:.3f}; Enter to main window painted "
            f"+{program['main_painted'] - program['enter']:.3f}, first screen "
            f"+{to_main[-1]:.3f} (floor {main_floor[-1]:.3f})"
        )
    yield figure(
        "cold_start_to_login_window",
        to_login,
        "s",
        TARGET_S,
        floor=login_floor,
        floor_name="bare PySide6 QDialog with two line edits painted",
    )
    yield figure(
        "login_to_main_window_1m",
        to_main,
        "s",
        TARGET_S,
        floor=main_floor,
        floor_name="Argon2id verify of the same hash + bare QMainWindow with QTableView painted",
    )

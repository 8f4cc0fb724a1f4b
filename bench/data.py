"""Databases the benchmarks measure, built once and kept under the bench data folder.

A database is rebuilt only when its recipe changes: its file name holds the benchmark's own
recipe version and the schema revision, so a new migration or a changed recipe never measures a
stale file. The folder is ``.bench-data/`` in the checkout (``WUYE_BENCH_DATA`` overrides it).
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    path = Path(os.environ.get("WUYE_BENCH_DATA") or ROOT / ".bench-data")
    path.mkdir(parents=True, exist_ok=True)
    return path


def engines() -> list[str]:
    """The engines to measure on: ``WUYE_BENCH_ENGINES`` ("sqlite", "postgresql" or both,
    comma-separated), both by default."""
    chosen = os.environ.get("WUYE_BENCH_ENGINES", "sqlite,postgresql").split(",")
    unknown = set(chosen) - {"sqlite", "postgresql"}
    if unknown:
        raise ValueError(f"WUYE_BENCH_ENGINES: no such engine {', '.join(sorted(unknown))}")
    return [e for e in ("sqlite", "postgresql") if e in chosen]


def note(message: str) -> None:
    """Progress for the person watching; stdout carries only the JSON results."""
    print(message, file=sys.stderr, flush=True)


def cached_sqlite(name: str, recipe: str, build: Callable[[Database], None]) -> Path:
    """The path of SQLite database *name*, made by *build* on a migrated empty database if needed.

    *recipe* is the benchmark's own version of how it fills the database (no dashes, e.g.
    "v2"); change it when *build* changes so the file is made again.
    """
    if "-" in recipe:
        raise ValueError(f"recipe {recipe!r}: no dashes")
    path = data_dir() / f"{name}-{recipe}-schema{migrate.head_revision()}.sqlite3"
    if path.exists():
        return path
    # One build at a time: a second benchmark asking for the same database (another
    # terminal) waits for the first's build, rather than deleting its half-built file as a
    # leftover (which once lost an hour-long build of the 1M-order database).
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.with_name(path.name + ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            return path  # built by the other meanwhile
        return _build_sqlite(path, name, build)


def _build_sqlite(path: Path, name: str, build: Callable[[Database], None]) -> Path:
    # Older builds of this database (another recipe or schema), not other benchmarks' files.
    older = re.compile(rf"{re.escape(name)}-[^-]+-schema[^-]+\.sqlite3")
    for stale in data_dir().glob(f"{name}-*.sqlite3"):
        if older.fullmatch(stale.name):
            for part in stale.parent.glob(stale.name + "*"):  # with its -wal and -shm
                part.unlink()
    partial = path.with_name(path.name + ".building")
    for leftover in partial.parent.glob(partial.name + "*"):
        leftover.unlink()
    note(f"building {path.name} (once; later runs reuse it)")
    started = time.perf_counter()
    db = Database(str(partial))
    try:
        migrate.upgrade(db)
        build(db)
    finally:
        db.dispose()
    # Fold the write-ahead log into the file, so that renaming the file moves all of it.
    conn = sqlite3.connect(partial)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    partial.replace(path)
    note(f"built {path.name} in {time.perf_counter() - started:.1f} s")
    return path


def working_copy(path: Path, label: str) -> Path:
    """A scratch copy of a cached database, so measured runs never change the cached one."""
    target = data_dir() / "work" / f"{label}.sqlite3"
    target.parent.mkdir(exist_ok=True)
    for old in target.parent.glob(target.name + "*"):
        old.unlink()
    migrate.backup_sqlite(path, target)
    return target


def throttled_progress(label: str, every: float = 2.0) -> Callable[[int, int], None]:
    """A ``progress(done, total)`` that prints at most every *every* seconds."""
    last = 0.0

    def report(done: int, total: int) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= every or done == total:
            last = now
            note(f"  {label}: {done:,}/{total:,}")

    return report

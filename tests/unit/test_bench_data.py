"""The benchmarks' cached databases (bench/data.py): two benchmarks asking at once for a database
not built yet build it once; the second waits, and does not delete the first's half-built file."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from bench.data import cached_sqlite
from wuye_desktop.storage.db import Database


def test_a_database_asked_for_twice_at_once_is_built_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WUYE_BENCH_DATA", str(tmp_path))
    builds: list[str] = []
    started = threading.Event()

    def build(db: Database) -> None:
        builds.append(threading.current_thread().name)
        started.set()
        time.sleep(0.5)  # the other asks meanwhile

    got: dict[str, Path] = {}

    def ask(name: str) -> None:
        got[name] = cached_sqlite("twice", "v1", build)

    first = threading.Thread(target=ask, args=("first",), name="first")
    first.start()
    assert started.wait(30)
    second = threading.Thread(target=ask, args=("second",), name="second")
    second.start()
    first.join(60)
    second.join(60)
    assert builds == ["first"]
    assert got["first"] == got["second"] and got["first"].exists()

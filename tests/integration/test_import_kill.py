"""A roster import killed with SIGKILL while it writes leaves all rows or none, and a sound file.

The import runs as the real ``wuye`` command in a subprocess. A first, undisturbed run measures
how long writing takes; then each attempt kills the command at a random moment inside that
window, after it has announced that it is writing. Set WUYE_KILL_SEED to replay the moments.
"""

from __future__ import annotations

import csv
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import valid_credit_code
from wuye_desktop.core import directory, users
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

WUYE = Path(__file__).resolve().parents[2] / ".venv" / "bin" / "wuye"
ROWS = 10_000
ATTEMPTS = 4  # at least; more (up to MAX_ATTEMPTS) until one kill has landed before the commit
MAX_ATTEMPTS = 12

pytestmark = pytest.mark.slow


def make_roster(path: Path) -> Path:
    with path.open("w", encoding="gbk", newline="") as f:
        w = csv.writer(f)
        w.writerow(["楼号", "单元", "房号", "业主姓名", "联系电话"])
        for i in range(ROWS):
            building, rest = divmod(i, 200)
            unit, home = divmod(rest, 100)
            floor, position = divmod(home, 4)
            w.writerow(
                [
                    building + 1,
                    unit + 1,
                    f"{floor + 1}{position + 1:02d}",
                    f"业主{i}",
                    f"139{i:08d}",
                ]
            )
    return path


def make_database(path: Path) -> Path:
    db = Database(str(path))
    migrate.upgrade(db)
    admin = users.first_run(
        db,
        company_name="青岛安居物业服务有限公司",
        credit_code=valid_credit_code(),
        admin_username="admin",
        admin_display_name="系统管理员",
        password="admin-pass-1",
    )
    directory.create_community(db, admin, directory.CommunityInput(code="QD001", name="海尔云谷"))
    db.dispose()  # the last connection closing folds the WAL into the file
    return path


def start_import(db: Path, roster: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(WUYE), "--db", str(db), "import", "households", str(roster), "--community", "QD001"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "WUYE_DB"},
    )


def wait_until_writing(proc: subprocess.Popen[str]) -> float:
    """The moment the command says it starts writing (its stderr is a pipe: phase lines only)."""
    assert proc.stderr is not None
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if "writing" in line:
            return time.monotonic()
    raise AssertionError(f"the import never started writing: {''.join(seen)}")


def inspect(db: Path) -> tuple[int, str]:
    """Household count and integrity check, opened as the program would (WAL recovery)."""
    conn = sqlite3.connect(db)
    try:
        count = conn.execute("SELECT count(*) FROM household").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        return int(count), str(check)
    finally:
        conn.close()


def test_a_killed_import_leaves_all_rows_or_none(tmp_path: Path) -> None:
    roster = make_roster(tmp_path / "big.csv")
    template = make_database(tmp_path / "template.sqlite3")

    reference = shutil.copy(template, tmp_path / "reference.sqlite3")
    with start_import(Path(reference), roster) as proc:
        started = wait_until_writing(proc)
        assert proc.wait(timeout=300) == 0
        window = time.monotonic() - started
    assert inspect(Path(reference)) == (ROWS, "ok")

    seed = int(os.environ.get("WUYE_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    outcomes: list[tuple[int, int]] = []
    for attempt in range(MAX_ATTEMPTS):
        if attempt >= ATTEMPTS and (-signal.SIGKILL, 0) in outcomes:
            break
        db = Path(shutil.copy(template, tmp_path / f"attempt{attempt}.sqlite3"))
        with start_import(db, roster) as proc:
            wait_until_writing(proc)
            # The write phase is short now (batched inserts): aim into its first part.
            time.sleep(rng.uniform(0.0, 0.6) * window)
            proc.send_signal(signal.SIGKILL)
            returncode = proc.wait(timeout=60)
        count, check = inspect(db)
        where = f"(WUYE_KILL_SEED={seed}, attempt {attempt})"
        assert check == "ok", where
        assert count in (0, ROWS), f"{count} of {ROWS} rows after the kill {where}"
        outcomes.append((returncode, count))
    # Otherwise every kill came too late and the test would have shown nothing.
    assert (-signal.SIGKILL, 0) in outcomes, outcomes

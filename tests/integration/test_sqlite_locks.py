"""Committed work survives whatever else the program does with files (issue 11, part 1).

POSIX drops all of a process's record locks on a file when any descriptor of that file in the
process is closed. Qt's file dialog, listing the database's folder, opens and closes the
database's files to guess their types; another process then believed itself the last user,
checkpointed and deleted the WAL under the program, and every later commit was lost on exit.
These tests run the program's storage in a real process, do what the program's window does,
let another process open and close the database, commit, kill the program and read the file.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from wuye_desktop.core.errors import DatabaseFileLost
from wuye_desktop.storage import sqlite_locks
from wuye_desktop.storage.db import Database

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="POSIX locks")


class Program:
    """tests/integration/lock_child.py in a process of its own, driven line by line."""

    def __init__(self, db: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.lock_child", str(db)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert self.answer() == "ok ready"

    def answer(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if not line:
            assert self.proc.stderr is not None
            raise AssertionError(f"the program ended: {self.proc.stderr.read()}")
        return line

    def do(self, command: str) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self.answer()

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def program(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Program, Path]]:
    db = tmp_path / request.param
    running = Program(db)
    try:
        yield running, db
    finally:
        if running.proc.poll() is None:
            running.kill()


def another_process_opens_and_closes(db: Path) -> None:
    """A second desk, `wuye backup` or the sqlite3 shell: open, read, close."""
    code = "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('SELECT count(*) FROM sqlite_master').fetchone(); c.close()"
    subprocess.run([sys.executable, "-c", code, str(db)], check=True, timeout=60)


def rows_and_check(db: Path) -> tuple[list[int], str]:
    conn = sqlite3.connect(db)
    try:
        rows = [n for (n,) in conn.execute("SELECT n FROM probe ORDER BY n")]
        return rows, str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# "desk.db" has no file-name pattern Qt knows, so the dialog reads the database file itself to
# guess its type; for "wuye.sqlite3" it reads the -wal and -shm files.
@pytest.mark.parametrize("program", ["desk.db", "wuye.sqlite3"], indirect=True)
@pytest.mark.parametrize("meddling", ["dialog", "peek"])
def test_commits_survive_a_file_dialog_and_another_process(
    program: tuple[Program, Path], meddling: str
) -> None:
    running, db = program
    assert running.do("commit 1") == "ok committed 1"
    locks_before = running.do("locks")
    assert running.do(meddling) in ("ok dialog", "ok peeked")
    # The program still holds its locks, whatever the dialog opened and closed.
    assert running.do("locks") == locks_before
    assert running.do("commit 2") == "ok committed 2"
    another_process_opens_and_closes(db)
    assert running.do("commit 3") == "ok committed 3"
    running.kill()
    assert rows_and_check(db) == ([1, 2, 3], "ok")


@pytest.fixture
def live_db(tmp_path: Path) -> Iterator[tuple[Database, Path]]:
    path = tmp_path / "wuye.sqlite3"
    db = Database(str(path))
    with db.transaction() as s:
        s.execute(text("CREATE TABLE probe (n INTEGER PRIMARY KEY)"))
        s.execute(text("INSERT INTO probe (n) VALUES (1)"))
    try:
        yield db, path
    finally:
        db.dispose()


def insert(db: Database, n: int) -> None:
    with db.transaction() as s:
        s.execute(text("INSERT INTO probe (n) VALUES (:n)"), {"n": n})


def test_writing_stops_when_another_program_deletes_the_wal(
    live_db: tuple[Database, Path],
) -> None:
    db, path = live_db
    insert(db, 2)
    Path(f"{path}-wal").unlink()  # what a process that wrongly thinks it is alone does
    with pytest.raises(DatabaseFileLost) as refused:
        insert(db, 3)
    assert f"{path}-wal" in str(refused.value)
    # ... and stays stopped: nothing more goes into the deleted file.
    with pytest.raises(DatabaseFileLost):
        insert(db, 4)
    with db.read() as s:
        assert 3 not in s.execute(text("SELECT n FROM probe")).scalars().all()


def test_writing_stops_when_another_program_replaces_the_database(
    live_db: tuple[Database, Path], tmp_path: Path
) -> None:
    db, path = live_db
    other = tmp_path / "other.sqlite3"
    sqlite3.connect(other).close()
    os.replace(other, path)
    with pytest.raises(DatabaseFileLost) as refused:
        insert(db, 2)
    assert str(path) in str(refused.value)


def test_the_locks_are_protected_on_linux() -> None:
    assert sqlite_locks.install() is True
    assert sqlite_locks.is_active()


def test_two_connections_of_one_process_share_their_locks(
    live_db: tuple[Database, Path],
) -> None:
    """OFD locks belong to a file description; SQLite's descriptors of one file share one, so
    its connections never block each other, and a reader beside a writer still works."""
    db, path = live_db
    with db.read() as reader:
        reader.execute(text("SELECT count(*) FROM probe")).scalar_one()
        insert(db, 2)  # a second connection writes while the first reads
        with db.transaction() as s:
            s.execute(text("INSERT INTO probe (n) VALUES (3)"))
    db.dispose()  # the last connection checkpoints and removes the WAL, as SQLite does alone
    assert not Path(f"{path}-wal").exists()
    assert rows_and_check(path) == ([1, 2, 3], "ok")


def test_another_process_is_still_kept_out_while_we_write(
    live_db: tuple[Database, Path],
) -> None:
    """Our OFD locks and another process's POSIX locks exclude each other."""
    db, path = live_db
    code = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], timeout=0.2)\n"
        "try:\n"
        "    c.execute('BEGIN IMMEDIATE')\n"
        "except sqlite3.OperationalError as e:\n"
        "    print(e)\n"
    )
    with db.transaction() as s:
        s.execute(text("INSERT INTO probe (n) VALUES (2)"))
        out = subprocess.run(
            [sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60
        )
    assert out.stdout.strip() == "database is locked", out

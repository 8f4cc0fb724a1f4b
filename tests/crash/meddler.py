"""A second desk (or ``wuye backup``, or the sqlite3 shell): opens the database, reads, closes.

``python -m tests.crash.meddler DB [INTERVAL_S]`` until SIGTERM, then prints ``opens N errors M``.
It uses Python's plain sqlite3 (classic POSIX locks, no lock protection of its own), as an older
build or another tool would. Reading matters: a connection that read nothing does not look at
the WAL when it closes; one that did, and believes itself the last user, checkpoints the WAL
into the database and deletes it.
"""

from __future__ import annotations

import signal
import sqlite3
import sys
import time
from types import FrameType


def main() -> None:
    path = sys.argv[1]
    interval = float(sys.argv[2]) if len(sys.argv) > 2 else 0.02
    stop = False

    def on_term(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_term)
    opens = errors = 0
    while not stop:
        try:
            # mode=rw: never create the database when it is not there (yet).
            conn = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=10)
            try:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                conn.close()
            opens += 1
        except sqlite3.Error:
            errors += 1
        time.sleep(interval)
    print(f"opens {opens} errors {errors}", flush=True)


if __name__ == "__main__":
    main()

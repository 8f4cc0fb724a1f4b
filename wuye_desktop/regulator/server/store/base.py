"""The store's one connection: opening the file, the lock every thread goes through,
transactions, and the purge of old nonces and idempotency keys.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from wuye_desktop.regulator import protocol
from wuye_desktop.regulator.server import sealing
from wuye_desktop.regulator.server.store.schema import DB_FILE, SCHEMA
from wuye_desktop.storage import sqlite_locks

# Idempotency keys are kept a day longer than the 7 days §3 promises.
IDEMPOTENCY_KEEP_S = (protocol.IDEMPOTENCY_KEEP_DAYS + 1) * 86400
_PURGE_EVERY = 1000  # writes between purges of old nonces and idempotency keys


class StoreBase:
    """The connection and its transactions; the other parts of the store build on it."""

    def __init__(self, data_dir: Path, *, clock: Callable[[], float] = time.time) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.path = data_dir / DB_FILE
        self._clock = clock
        self._key = sealing.load_or_create_key(data_dir)
        self._lock = threading.RLock()
        sqlite_locks.install()  # the server may run inside the program (see sqlite_locks)
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA busy_timeout = 10000")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("PRAGMA foreign_keys = ON")
        self._db.executescript(SCHEMA)
        self._secrets: dict[str, str] = {}
        self._writes = 0
        self.purge()

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def now(self) -> float:
        return self._clock()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:  # also when COMMIT itself failed (disk full)
                    self._db.execute("ROLLBACK")
                raise
            self._count_write()

    def _count_write(self) -> None:
        self._writes += 1
        if self._writes % _PURGE_EVERY == 0:
            self.purge()

    def _rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return list(self._db.execute(sql, params).fetchall())

    def purge(self) -> None:
        """Forget nonces older than §2's window and idempotency keys older than §3's."""
        now = self.now()
        with self._lock:
            self._db.execute("DELETE FROM nonces WHERE seen < ?", (now - protocol.NONCE_MEMORY_S,))
            self._db.execute(
                "DELETE FROM idempotency WHERE created < ?", (now - IDEMPOTENCY_KEEP_S,)
            )

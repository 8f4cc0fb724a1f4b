"""The database: engine, sessions, one transaction per user action, and error classification."""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from sqlalchemy import Connection, create_engine, event
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.exc import DatabaseError, DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from wuye_desktop.core.errors import (
    ConcurrentEdit,
    DatabaseFileLost,
    NotADatabase,
    StorageUnavailable,
)
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage import sqlite_locks

log = logging.getLogger(__name__)

APP_NAME = "wuye_desktop"
BUSY_TIMEOUT_S = 10  # how long a write waits for another's to finish before giving up


def default_db_path() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False)) / "wuye.sqlite3"


def resolve_url(raw: str | None) -> URL:
    """A file path, ``sqlite:///...`` or ``postgresql+psycopg://...``; None means the default."""
    if not raw:
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return URL.create("sqlite", database=str(path))
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser().resolve()))
    url = make_url(raw)
    if url.drivername == "postgresql":  # the one driver we ship
        url = url.set(drivername="postgresql+psycopg")
    if url.drivername not in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "Unsupported database URL: {url}"),
            url=url.render_as_string(hide_password=True),
        )
    return url


# Messages of SQLite and PostgreSQL that mean the environment failed, not the program.
_ENVIRONMENT_HINTS = (
    "database or disk is full",
    "disk i/o error",
    "unable to open database",
    "database is locked",
    "readonly database",
    "no space left",
    "connection refused",
    "server closed the connection",
    "could not connect",
    "connection timed out",
    "terminating connection",
    "the database system is",
    "connection is closed",
    "could not translate host",
)


# What SQLite says of a file that is not a database, or no longer one.
_NOT_A_DATABASE_HINTS = ("file is not a database", "database disk image is malformed")


def is_environment_error(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    text = str(getattr(exc, "orig", exc)).lower()
    return any(h in text for h in _ENVIRONMENT_HINTS)


class Database:
    """One database, SQLite file or PostgreSQL server, and how to work in it."""

    def __init__(self, url: str | URL | None = None, *, echo: bool = False) -> None:
        self.url: URL = url if isinstance(url, URL) else resolve_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        kwargs: dict[str, Any] = {"echo": echo}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            kwargs["connect_args"] = {"connect_timeout": 5}
        if self.is_sqlite:
            # Before the first SQLite file is opened: SQLite's locks must not be dropped when
            # something else in this process (a file dialog, a preview) opens and closes one of
            # the database's files. The why and how are in sqlite_locks.
            sqlite_locks.install()
        self.engine: Engine = create_engine(self.url, **kwargs)
        # Set once another program has deleted or replaced the files we write into.
        self.lost_files: list[str] = []
        if self.is_sqlite:
            _configure_sqlite(self)
        # Writes on SQLite take the write lock at BEGIN, so two desks never deadlock upgrading.
        self._write_engine = self.engine.execution_options(wuye_write=True)
        self._writer = sessionmaker(self._write_engine, expire_on_commit=False)
        # The same writes, taken only if nobody holds the write lock now (try_transaction).
        self._try_writer = sessionmaker(
            self._write_engine.execution_options(wuye_nowait=True), expire_on_commit=False
        )
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite has one writer at a time. This process's writers take their turn here, in
        # memory, rather than in SQLite's busy handler, which sleeps in steps of up to 100 ms
        # and wakes no one when the lock frees: with many writers at once (the owners'
        # page, 50 reports in a second) one of them lost the race for most of a second while
        # the lock stood free between the others' turns. Other processes (another desk) are
        # still met by SQLite's busy timeout. Re-entrant: a transaction opened inside another
        # on the same thread fails as it always did (SQLite's timeout), not by hanging here.
        self._write_turn = threading.RLock() if self.is_sqlite else None

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or not self.url.database or self.url.database == ":memory:":
            return None
        return Path(self.url.database)

    def describe(self) -> str:
        """What the status bar shows: the file, or the server and database, never a password."""
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.url.render_as_string(hide_password=True)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: everything inside commits together or not at all."""
        with self._turn(), self._writer() as session, _translated_errors(), session.begin():
            yield session

    @contextmanager
    def core_transaction(self) -> Iterator[Connection]:
        """:meth:`transaction` without an ORM session, for a hot path that writes with Core
        statements only (saving an order): the same turn, BEGIN and checks, a cheaper frame."""
        with self._turn(), _translated_errors(), self._write_engine.begin() as conn:
            yield conn

    @contextmanager
    def try_transaction(self) -> Iterator[Session | None]:
        """:meth:`transaction` if the write lock is free right now, else None at once: for
        writes that can as well be made at a later turn (the overview tab's refresh), and must
        not wait meanwhile for another's long write (an import, a restore, another's refresh).

        Only the taking of the lock is tried: on SQLite this process's turn and BEGIN
        IMMEDIATE without SQLite's busy wait. PostgreSQL has no write lock of the database
        (rows are locked one by one); what the caller would wait for there is its own to try
        (``pg_try_advisory_xact_lock``). Whatever the block raises goes through, as out of
        :meth:`transaction`.
        """
        turn = self._write_turn
        if turn is not None and not turn.acquire(blocking=False):
            yield None
            return
        busy = False
        try:
            with self._try_writer() as session, _translated_errors():
                begun = session.begin()
                try:
                    session.connection()  # BEGIN now, before the caller's code runs
                except OperationalError as exc:
                    begun.rollback()
                    if not _is_busy(exc):
                        raise
                    busy = True
                if not busy:
                    with begun:
                        yield session
        finally:
            if turn is not None:
                turn.release()
        if busy:
            yield None

    @contextmanager
    def _turn(self) -> Iterator[None]:
        """This process's turn to write (SQLite), for as long as SQLite would wait for it."""
        turn = self._write_turn
        if turn is None:
            yield
            return
        if not turn.acquire(timeout=BUSY_TIMEOUT_S):
            raise _unavailable("database is locked")  # as SQLite's busy timeout says
        try:
            yield
        finally:
            turn.release()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; nothing it does is committed.

        Closing (rather than rolling back) ends its transaction and detaches what it loaded
        without expiring it, so plain values can still be read off the objects afterwards.
        """
        with self._reader() as session, _translated_errors():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def _translated_errors() -> Iterator[None]:
    try:
        yield
    except StaleDataError as exc:
        raise ConcurrentEdit(
            QT_TRANSLATE_NOOP(
                "core",
                "Somebody else saved this record first. It has been reloaded; "
                "please make your change again.",
            )
        ) from exc
    except OperationalError as exc:
        if is_environment_error(exc):
            log.warning("database unavailable: %s", exc.orig)
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else "?"
            raise _unavailable(reason) from exc
        log.exception("database error")
        raise
    except DatabaseError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else ""
        if any(h in reason.lower() for h in _NOT_A_DATABASE_HINTS):
            log.warning("not a database: %s", reason)
            raise NotADatabase(
                QT_TRANSLATE_NOOP(
                    "core",
                    "This file is not a database of the program, or it is damaged ({reason}).",
                ),
                reason=reason,
            ) from exc
        log.exception("database error")
        raise
    except SQLAlchemyError:
        log.exception("database error")
        raise


def _is_busy(exc: OperationalError) -> bool:
    """SQLite's answer when another connection holds the lock asked for (SQLITE_BUSY)."""
    code = getattr(exc.orig, "sqlite_errorcode", None)
    return code == sqlite3.SQLITE_BUSY or (code is None and "database is locked" in str(exc.orig))


def _unavailable(reason: str) -> StorageUnavailable:
    """The database is there but cannot be used now (locked, server gone): retry."""
    return StorageUnavailable(
        QT_TRANSLATE_NOOP(
            "core", "The database cannot be used right now ({reason}). Please retry."
        ),
        reason=reason,
    )


def _lost_error(files: list[str]) -> DatabaseFileLost:
    return DatabaseFileLost(
        QT_TRANSLATE_NOOP(
            "core",
            "Another program deleted or replaced the database's files ({files}) while this "
            "program was using them. Nothing more has been saved, so that nothing is written "
            "where it would be lost. Close the program and start it again; if work is missing, "
            "restore the latest backup.",
        ),
        files=", ".join(files),
    )


def _busy_timeout() -> str:
    """SQLite's wait for another connection's lock, set on each connection."""
    return f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}"


def _configure_sqlite(db: Database) -> None:
    engine = db.engine
    path = db.sqlite_path

    def check_files() -> None:
        """Refuse to go on writing into files that are no longer the database on disk."""
        if db.lost_files:
            raise _lost_error(db.lost_files)
        if path is None:
            return
        lost = sqlite_locks.lost_files(path)
        if lost:
            db.lost_files = lost
            log.error("database files lost while in use, writing stopped: %s", lost)
            raise _lost_error(lost)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own handling is lazy).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        # FULL: a commit survives even a power cut, not only a killed process.
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute(_busy_timeout())
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        options = conn.get_execution_options()
        write = options.get("wuye_write", False)
        if write:
            check_files()
        if write and options.get("wuye_nowait", False):
            # Database.try_transaction: the lock now or SQLITE_BUSY at once; then the busy
            # timeout back, for whatever runs on this pooled connection afterwards.
            conn.exec_driver_sql("PRAGMA busy_timeout=0")
            try:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            finally:
                conn.exec_driver_sql(_busy_timeout())
            return
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    @event.listens_for(engine, "commit")
    def _on_commit(_conn: Any) -> None:
        # The last moment to keep a commit from going into a deleted WAL.
        check_files()

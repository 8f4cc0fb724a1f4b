"""Backing up and restoring the database: the user action (``wuye backup``, ``wuye restore``).

A backup holds every owner's phone number, so it is an export of personal data: only an
administrator may make or restore one, and both are audited. The SQLite mechanics (the copy,
its check, replacing the pages of the live file) are :mod:`wuye_desktop.storage.backup`'s.
PostgreSQL has its own tools for this (pg_dump/pg_restore); the refusal says how to use them.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wuye_desktop.core import audit
from wuye_desktop.core.errors import StorageUnavailable, WuyeError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor, Permission
from wuye_desktop.storage import backup as mechanics
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

log = logging.getLogger(__name__)


class BackupRefused(WuyeError):
    """The file given is not something we can back up to or restore from."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    size: int
    revision: str | None


@dataclass(frozen=True)
class RestoreInfo:
    source: Path
    previous_copy: Path | None  # the database as it was before, kept beside it
    revision: str  # of the backup as it was made
    upgraded: bool  # the backup was of an older schema and has been upgraded
    # The overview's precomputed figures count every order restored; False if the database
    # was busy (a desk left open): the overview counts the rest as it is used.
    overview_counted: bool = True


def _libpq_url(db: Database) -> str:
    """The server address as pg_dump understands it, without the password."""
    return db.url.set(drivername="postgresql", password=None).render_as_string(hide_password=True)


def _postgres_refusal(db: Database, restoring: bool) -> BackupRefused:
    url = _libpq_url(db)
    if restoring:
        return BackupRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "This is a PostgreSQL database: restore it with PostgreSQL's own tool, e.g. "
                "pg_restore --clean --if-exists --no-owner -d '{url}' wuye.dump "
                "(stop every desk first).",
            ),
            url=url,
        )
    return BackupRefused(
        QT_TRANSLATE_NOOP(
            "core",
            "This is a PostgreSQL database: back it up with PostgreSQL's own tool, e.g. "
            "pg_dump --format=custom --file=wuye.dump '{url}' (restore with pg_restore).",
        ),
        url=url,
    )


def _sqlite_path(db: Database, restoring: bool) -> Path:
    if not db.is_sqlite:
        raise _postgres_refusal(db, restoring)
    path = db.sqlite_path
    if path is None:
        raise BackupRefused(QT_TRANSLATE_NOOP("core", "An in-memory database has no file to copy"))
    return path


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def backup(db: Database, target: Path, *, actor: Actor = SYSTEM_ACTOR) -> BackupInfo:
    """Copy the live SQLite database to *target* (a new file), then check the copy."""
    actor.require(Permission.ADMINISTER)
    source = _sqlite_path(db, restoring=False)
    target = Path(target).expanduser()
    if not source.exists():
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "There is no database at {path} to back up"),
            path=str(source),
        )
    if _same_file(source, target):
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "The backup cannot be the database itself: {path}"),
            path=str(target),
        )
    if target.exists():
        raise BackupRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} already exists; choose a new name (an old backup is never overwritten)",
            ),
            path=str(target),
        )
    try:
        mechanics.copy_database(source, target)
    except (sqlite3.Error, OSError) as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "The backup could not be written to {path}: {reason}"),
            path=str(target),
            reason=str(exc),
        ) from exc
    problem, revision = mechanics.inspect(target)
    if problem is not None:
        target.unlink(missing_ok=True)
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP("core", "The backup failed its check ({reason}); nothing was kept"),
            reason=problem,
        )
    with db.transaction() as s:
        audit.record(s, actor, "database.backup", "database", "", file=str(target))
    return BackupInfo(target, target.stat().st_size, revision)


def _check_source(source: Path) -> str:
    """The schema revision of a restorable backup, or the reason it is refused."""
    try:
        is_sqlite = mechanics.has_sqlite_header(source)
    except FileNotFoundError:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "No such file: {path}"), path=str(source)
        ) from None
    except OSError as exc:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "Cannot read {path}: {reason}"),
            path=str(source),
            reason=exc.strerror or str(exc),
        ) from None
    if not is_sqlite:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "{path} is not an SQLite database"), path=str(source)
        )
    problem, revision = mechanics.inspect(source)
    if problem is not None or revision is None:
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "{path} is not a usable backup of this program ({reason})"),
            path=str(source),
            reason=problem or "no schema revision",
        )
    if revision not in mechanics.known_revisions():
        raise BackupRefused(
            QT_TRANSLATE_NOOP(
                "core",
                "{path} was made by a newer version of this program (schema {rev}); "
                "install that version to restore it",
            ),
            path=str(source),
            rev=revision,
        )
    return revision


def restore(
    db: Database,
    source: Path,
    *,
    actor: Actor = SYSTEM_ACTOR,
    progress: Callable[[int, int], None] | None = None,
) -> RestoreInfo:
    """Replace the contents of the SQLite database with a backup, then upgrade it if older.

    The current database is first copied aside (``<file>.before-restore-<time>``). Other
    desks should be closed: they would keep working on the restored data without knowing.
    Last, the overview's precomputed figures are brought up to date, *progress* told (done,
    total): a backup older than them has every order to count (migration 0014 notes them).
    """
    actor.require(Permission.ADMINISTER)
    path = _sqlite_path(db, restoring=True)
    source = Path(source).expanduser()
    if _same_file(source, path):
        raise BackupRefused(
            QT_TRANSLATE_NOOP("core", "{path} is the database itself, not a backup of it"),
            path=str(source),
        )
    revision = _check_source(source)
    previous = mechanics.copy_aside(path)
    db.dispose()  # pooled connections must not keep pages of the old database
    try:
        mechanics.replace_pages(source, path)
    except sqlite3.Error as exc:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "core",
                "The restore failed ({reason}). The previous database is kept as {copy}.",
            ),
            reason=str(exc),
            copy=str(previous) if previous else "-",
        ) from exc
    upgraded = revision != migrate.head_revision()
    if upgraded:
        migrate.upgrade(db)
    with db.transaction() as s:
        audit.record(
            s,
            actor,
            "database.restore",
            "database",
            "",
            file=str(source),
            revision=revision,
            previous_copy=str(previous) if previous else "",
        )
    try:
        summary.refresh_database(db, progress)
        counted = True
    except StorageUnavailable:  # restored all the same: the overview counts the rest later
        log.warning("overview figures not all counted after the restore", exc_info=True)
        counted = False
    return RestoreInfo(source, previous, revision, upgraded, counted)

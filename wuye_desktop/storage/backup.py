"""The mechanics of backing up and restoring an SQLite file: copy, check, replace the pages.

Both directions go through SQLite's online backup API, which copies a consistent snapshot
(WAL content included) and, when restoring, replaces the pages of the live file under a lock,
so other connections see either the old database or the restored one, never a mixture.

Who may do it, what is refused and why, and the audit entry are the user action's, in
:mod:`wuye_desktop.core.backup`; this module only handles files and reports what it found.
"""

from __future__ import annotations

import logging
import shutil
import sqlite3
from pathlib import Path

from alembic.script import ScriptDirectory

from wuye_desktop.core.clock import now_utc
from wuye_desktop.storage import migrate, sqlite_locks

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every wuye database has had since the first schema revision.
_CORE_TABLES = {"alembic_version", "company", "community", "household", "owner"}


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the live SQLite database *source* as the new file *target*.

    Raises :class:`sqlite3.Error` or :class:`OSError` if it cannot be written.
    """
    migrate.backup_sqlite(source, target)


def has_sqlite_header(path: Path) -> bool:
    """Whether *path* starts as an SQLite file does (raises OSError if it cannot be read)."""
    with path.open("rb") as f:
        return f.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC


def inspect(path: Path) -> tuple[str | None, str | None]:
    """(problem or None, schema revision) of an SQLite file, read-only."""
    sqlite_locks.install()
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return str(exc), None
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()
        if not check or check[0] != "ok":
            return f"quick_check: {check[0] if check else '?'}", None
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not _CORE_TABLES.issubset(tables):
            return "not a wuye database", None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None, (row[0] if row else None)
    except sqlite3.Error as exc:
        return str(exc), None
    finally:
        conn.close()


def known_revisions() -> set[str]:
    """The schema revisions this version of the program has migrations for."""
    return {s.revision for s in ScriptDirectory(str(migrate.MIGRATIONS)).walk_revisions()}


def copy_aside(path: Path) -> Path | None:
    """Keep the database being replaced: a consistent copy, or the raw files if it is broken."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    stamp = now_utc().strftime("%Y%m%dT%H%M%SZ")
    copy = path.with_name(f"{path.name}.before-restore-{stamp}")
    try:
        migrate.backup_sqlite(path, copy)
    except sqlite3.DatabaseError:
        # A damaged database is often why one restores; keep its bytes for the experts.
        log.warning("copying damaged database %s byte for byte", path)
        shutil.copyfile(path, copy)
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, copy.with_name(copy.name + "-wal"))
    return copy


def replace_pages(source: Path, target: Path) -> None:
    """Replace the contents of the SQLite file *target* with those of *source*.

    Connections pooled on *target* must have been disposed of first. Raises
    :class:`sqlite3.Error` if it fails.
    """
    sqlite_locks.install()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        try:
            dst = sqlite3.connect(target, timeout=10)
            try:
                src.backup(dst)
            finally:
                dst.close()
        except sqlite3.DatabaseError as exc:
            if "malformed" not in str(exc) and "not a database" not in str(exc):
                raise
            # The file being replaced is too damaged to write into page by page; it has been
            # copied aside, so start the database afresh from the backup.
            for suffix in ("", "-wal", "-shm"):
                target.with_name(target.name + suffix).unlink(missing_ok=True)
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
    finally:
        src.close()

"""Schema upgrades with Alembic, copying an SQLite file aside before touching it.

Every start of the program asks whether the schema is current. That answer needs no Alembic:
the newest migration is the one whose file name has the highest number (revision ids are those
numbers, which a test checks), and the database's revision is one row of ``alembic_version``.
Alembic itself, about 0.2 s of imports, is loaded only when there is something to upgrade.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import StorageUnavailable
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP
from wuye_desktop.storage import sqlite_locks
from wuye_desktop.storage.db import Database, _translated_errors

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest revision as Alembic's script directory sees it."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def newest_revision_file() -> str:
    """The newest revision by file name, without loading Alembic (see the module's doc)."""
    numbers = (
        m.group(1)
        for p in (MIGRATIONS / "versions").iterdir()
        if (m := _REVISION_FILE.match(p.name))
    )
    return max(numbers)


def current_revision(db: Database) -> str | None:
    # The first contact with a database: a missing folder or server is StorageUnavailable.
    with _translated_errors(), db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        return None if revision is None else str(revision)


def upgrade(db: Database, revision: str = "head") -> Path | None:
    """Bring the schema to *revision*; returns the copy made of an SQLite file, if any.

    An existing SQLite database is copied aside first (``wuye.sqlite3.before-<rev>-<time>``),
    so a failed or regretted upgrade can be undone by putting the copy back.
    """
    current = current_revision(db)
    if revision == "head" and current == newest_revision_file():
        return None  # the usual start: nothing to do, and no Alembic to load
    from alembic import command
    from alembic.script import ScriptDirectory

    known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
    if current is not None and current not in known:
        raise StorageUnavailable(
            QT_TRANSLATE_NOOP(
                "core",
                "The database was made by a newer version of this program (schema {rev}). "
                "Please install the newer version.",
            ),
            rev=current,
        )
    copy: Path | None = None
    path = db.sqlite_path
    if path is not None and path.exists() and current is not None and current != head_revision():
        stamp = now_utc().strftime("%Y%m%dT%H%M%SZ")
        copy = path.with_name(f"{path.name}.before-{current}-{stamp}")
        backup_sqlite(path, copy)
        log.info("copied %s to %s before upgrading", path, copy)
    cfg = _config()
    with _translated_errors(), db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    return copy


def backup_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (the online backup API, WAL included)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".partial")
    tmp.unlink(missing_ok=True)
    sqlite_locks.install()
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            # The copy is one self-contained file. It would otherwise be a WAL database like its
            # source, and every program opening it (the check of a new backup, `wuye restore`)
            # would leave -wal and -shm files beside it, or fail on a read-only medium.
            dst.execute("PRAGMA journal_mode=DELETE").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    shutil.move(tmp, target)
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make a rename in *folder* survive a power cut, not only a killed process (POSIX; on
    Windows a folder cannot be opened, and NTFS journals the rename itself)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)

"""``wuye backup``, ``wuye restore`` and ``wuye db upgrade``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wuye_desktop.commands import EXIT_OK, out_checked, with_database
from wuye_desktop.core import backup
from wuye_desktop.core.overview import summary
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "backup",
        help="copy the database to a new file (SQLite; PostgreSQL: use pg_dump)",
        description="Copy the SQLite database to a new file while desks may keep working. "
        "A PostgreSQL database is backed up with pg_dump (the error message shows how).",
    )
    p.add_argument("--out", required=True, type=Path, metavar="FILE", help="a new file")
    p.set_defaults(handler=out_checked(with_database(run_backup)))

    p = sub.add_parser(
        "restore",
        help="replace the database with a backup (SQLite; PostgreSQL: use pg_restore)",
        description="Replace the SQLite database with a backup made by `wuye backup`. The "
        "current database is first copied aside (FILE.before-restore-TIME); a backup of an "
        "older version is upgraded. Close the program on every desk first.",
    )
    p.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    # Not upgraded first: the current database may be damaged, which is why one restores.
    p.set_defaults(handler=with_database(run_restore, upgrade=False))

    p = sub.add_parser("db", help="database maintenance", description="Database maintenance.")
    actions = p.add_subparsers(title="actions", metavar="ACTION", required=True)
    up = actions.add_parser(
        "upgrade",
        help="create or upgrade the schema",
        description="Create the tables of an empty database, or upgrade one made by an older "
        "version (an SQLite file is copied aside first).",
    )
    up.set_defaults(handler=with_database(run_upgrade, upgrade=False))


def run_backup(args: argparse.Namespace, db: Database) -> int:
    info = backup.backup(db, args.out, actor=SYSTEM_ACTOR)
    print(f"Backup written to {info.path} ({info.size / 1e6:.1f} MB, schema {info.revision}).")
    return EXIT_OK


def run_restore(args: argparse.Namespace, db: Database) -> int:
    info = backup.restore(db, args.file, actor=SYSTEM_ACTOR, progress=_counted)
    print(f"Restored {info.source} into {db.describe()}.")
    if info.upgraded:
        print(f"The backup was of schema {info.revision}; it has been upgraded.")
    if not info.overview_counted:
        print(
            "The overview's figures are not all counted yet (the database was busy): "
            "`wuye db upgrade` counts them, or the overview does as it is used."
        )
    if info.previous_copy is not None:
        print(f"The database as it was before is kept as {info.previous_copy}.")
    return EXIT_OK


def run_upgrade(_args: argparse.Namespace, db: Database) -> int:
    before = migrate.current_revision(db)
    copy = migrate.upgrade(db)
    after = migrate.current_revision(db)
    if before == after:
        print(f"{db.describe()}: schema {after} is up to date.")
    else:
        print(f"{db.describe()}: schema {before or '(empty)'} -> {after}.")
    if copy is not None:
        print(f"The database as it was before is kept as {copy}.")
    # The overview's precomputed figures of the orders an upgrade noted are built here, where
    # an administrator waits for it, rather than by the first manager to open the overview.
    summary.refresh_database(db, _counted)
    return EXIT_OK


def _counted(done: int, total: int) -> None:
    print(f"Overview figures: {done} of {total} changes counted.", file=sys.stderr, flush=True)

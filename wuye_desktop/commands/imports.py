"""``wuye import households FILE --community CODE``: a roster, all rows or none."""

from __future__ import annotations

import argparse
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_OK,
    AnnouncedProgress,
    CommandError,
    error_lines,
    with_database,
)
from wuye_desktop.core import roster
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database


def _headers_help() -> str:
    """A few Chinese names and the English one of each column."""
    parts = []
    for names in roster.ACCEPTED_HEADERS.values():
        chinese = [n for n in names if not n.isascii()][:3]
        english = [n for n in names if n.isascii()][:1]
        parts.append("/".join(chinese + english))
    return ", ".join(parts)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "import",
        help="import data from Excel/CSV files",
        description="Import data from the Excel or CSV files a company already keeps.",
    )
    kinds = parser.add_subparsers(title="what to import", metavar="WHAT", required=True)
    households = kinds.add_parser(
        "households",
        help="a household roster (.xlsx, or .csv in UTF-8 or GBK)",
        description="Import a household roster into a community. Every bad row is reported "
        "(row, column, reason) and then nothing is imported; importing the same file again "
        "adds nothing. Existing households whose owners differ are updated.",
        epilog=f"Column headers (Chinese or English): {_headers_help()}. Only 楼号, 单元 and "
        "房号 are required; other columns are ignored.",
    )
    households.add_argument("file", metavar="FILE", type=Path, help=".xlsx or .csv roster")
    households.add_argument(
        "--community", required=True, metavar="CODE", help="the community's code, e.g. QD001"
    )
    households.set_defaults(handler=with_database(run))


def run(args: argparse.Namespace, db: Database) -> int:
    path: Path = args.file
    shown = str(path)
    # Named once work has started: a file that cannot be read at all is one line.
    progress = AnnouncedProgress(f"{shown}: reading…")
    checking = writing = False
    rows = 0

    def report(done: int, total: int) -> None:
        nonlocal checking, writing, rows
        if total == 0:  # still reading the file, its length unknown: no percentage yet
            if done:  # rows have come: the file is being read (else one error line alone)
                progress.announce()
            return
        if not checking:
            checking = True
            progress.phase(f"{shown}: checking rows…")
        rows = total // 2
        if not writing and done >= rows:
            # The first half (checking) is over; from here on the import writes.
            writing = True
            progress.phase(f"{shown}: writing {rows:,} household(s)…")
        progress(done, total)

    try:
        result = roster.import_households(db, SYSTEM_ACTOR, path, args.community, report)
    except ValidationError as exc:
        progress.finish()
        lines = error_lines(exc, shown)
        if len(exc.errors) > 1 or any(e.row is not None for e in exc.errors):
            bad_rows = len({e.row for e in exc.errors if e.row is not None})
            lines.append(
                f"{shown}: {len(exc.errors)} problem(s) in {bad_rows} row(s); nothing was imported."
            )
        raise CommandError("\n".join(lines), EXIT_BAD_DATA) from exc
    progress.finish()
    print(
        f"{shown}: {result.rows:,} row(s) into {args.community.strip().upper()}: "
        f"{result.added:,} added, {result.updated:,} updated, {result.unchanged:,} unchanged."
    )
    return EXIT_OK

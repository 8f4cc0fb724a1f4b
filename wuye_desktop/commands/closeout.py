"""``wuye closeout import FILE --household CODE``: a household's close-out sheet, all or nothing."""

from __future__ import annotations

import argparse
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_OK,
    CommandError,
    error_lines,
    with_database,
)
from wuye_desktop.core import closeout
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database


def _headers_help() -> str:
    parts = []
    for names in closeout.ACCEPTED_HEADERS.values():
        chinese = [n for n in names if not n.isascii()][:2]
        english = [n for n in names if n.isascii()][:1]
        parts.append("/".join(chinese + english))
    return ", ".join(parts)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("closeout", help="close-out lists (销项表) of households")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)
    imp = actions.add_parser(
        "import",
        help="import a household's defect items from .xlsx or .csv",
        description="Add the items of a close-out sheet to a household's list. Every bad row "
        "is reported (row, column, reason) and then nothing is imported; items already on the "
        "list (same item and location) are skipped, so importing a file again adds nothing.",
        epilog=f"Column headers (Chinese or English): {_headers_help()}. Only the item column "
        "is required. Dates like 2026-12-31; 来源 is 分户验收, 开放日 or 其他.",
    )
    imp.add_argument("file", metavar="FILE", type=Path, help=".xlsx or .csv sheet")
    imp.add_argument("--household", required=True, metavar="CODE", help="e.g. QD001-3-2-1201")
    imp.add_argument(
        "--origin",
        choices=[o.value for o in closeout.Origin if o is not closeout.Origin.ORDER],
        default=closeout.Origin.INSPECTION.value,
        help="where rows without a 来源 come from (inspection)",
    )
    imp.set_defaults(handler=with_database(run_import))


def run_import(args: argparse.Namespace, db: Database) -> int:
    shown = str(args.file)
    try:
        report = closeout.import_items(
            db, SYSTEM_ACTOR, args.file, args.household, default_origin=args.origin
        )
    except ValidationError as exc:
        lines = error_lines(exc, shown)
        if any(e.row is not None for e in exc.errors):
            rows = len({e.row for e in exc.errors if e.row is not None})
            lines.append(
                f"{shown}: {len(exc.errors)} problem(s) in {rows} row(s); nothing was imported."
            )
        raise CommandError("\n".join(lines), EXIT_BAD_DATA) from exc
    print(
        f"{shown}: {report.rows} row(s) for {args.household.strip().upper()}: "
        f"{report.added} added, {report.unchanged} already on the list."
    )
    return EXIT_OK

"""``wuye ledger verify|import|export|publish``: the public-income ledger from the command line.

``verify`` exits 3 naming the first broken entry of each broken community. ``import`` posts a
bank statement whole or not at all. ``export`` writes the auditor's workbook.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_BAD_DATA,
    EXIT_OK,
    AnnouncedProgress,
    CommandError,
    UsageError,
    check_out,
    core_checked,
    error_lines,
    out_checked,
    with_database,
    write_error,
)
from wuye_desktop.core.errors import ValidationError
from wuye_desktop.core.ledger import disclosure, services, statement_import
from wuye_desktop.core.ledger.export import export_xlsx
from wuye_desktop.core.ledger.money import format_fen
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.roles import SYSTEM_ACTOR, Actor, Role
from wuye_desktop.storage.db import Database

# Scripts post on finance's behalf (SYSTEM_ACTOR is an administrator, who only reads the ledger);
# the audit log names them "system" all the same.
FINANCE_SCRIPT = Actor(user_id=None, username="system", role=Role.FINANCE)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("ledger", help="the public-income ledger: verify, import, export")
    actions = parser.add_subparsers(title="actions", metavar="ACTION", required=True)

    p = actions.add_parser(
        "verify",
        help="check every community's SHA-256 chain",
        description="Recompute the chain of every entry; exit 3 naming the first broken entry "
        "(changed, deleted or inserted behind the program's back).",
    )
    p.add_argument("--community", metavar="CODE", help="one community (default: all)")
    p.set_defaults(handler=with_database(run_verify))

    p = actions.add_parser(
        "import",
        help="post a bank statement (.csv or .xlsx)",
        description="Every row becomes an entry: positive amounts (or an income column) are "
        "income, negative (or an expense column) expense. Rows already in the ledger are "
        "skipped; if any row is bad, each is reported and nothing is posted.",
        epilog="Headers recognised: 日期/交易日期, 金额/交易金额, 收入/贷方金额, 支出/借方金额, "
        "对方户名, 凭证号/流水号, 摘要/用途, 类别. Map others with --map date=记账日.",
    )
    p.add_argument("file", metavar="FILE", type=Path, help=".csv or .xlsx statement")
    p.add_argument("--community", required=True, metavar="CODE")
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=f"which header holds a field ({', '.join(statement_import.FIELDS)})",
    )
    p.set_defaults(handler=with_database(run_import))

    p = actions.add_parser("export", help="the auditor's workbook (.xlsx)")
    p.add_argument("--community", required=True, metavar="CODE")
    p.add_argument(
        "--period",
        type=core_checked(parse_period),
        metavar="P",
        help="2026Q3 or 2026-07 (default: everything)",
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx", type=Path)
    p.set_defaults(handler=out_checked(with_database(run_export)))

    p = actions.add_parser(
        "publish", help="publish a closed period's disclosure to the regulator's outbox"
    )
    p.add_argument("--community", required=True, metavar="CODE")
    p.add_argument(
        "--period",
        required=True,
        type=core_checked(parse_period),
        metavar="P",
        help="2026Q3 or 2026-07",
    )
    p.set_defaults(handler=with_database(run_publish))


def run_verify(args: argparse.Namespace, db: Database) -> int:
    progress = AnnouncedProgress("verifying the ledger chain…")
    try:
        result = services.verify(db, SYSTEM_ACTOR, args.community, progress)
    finally:
        progress.finish()
    if not result.ok:
        lines = [f"wuye: error: {b.message()}" for b in result.breaks]
        raise CommandError("\n".join(lines), EXIT_BAD_DATA)
    print(f"ledger intact: {result.entries} entries in {result.communities} community(ies)")
    return EXIT_OK


def _mapping(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, header = pair.partition("=")
        if not sep or field not in statement_import.FIELDS or not header.strip():
            raise UsageError(
                f"--map {pair}: expected FIELD=HEADER, FIELD one of "
                f"{', '.join(statement_import.FIELDS)}"
            )
        mapping[field] = header.strip()
    return mapping


def run_import(args: argparse.Namespace, db: Database) -> int:
    shown = str(args.file)
    mapping = _mapping(args.map)
    try:
        result = statement_import.import_statement(
            db, FINANCE_SCRIPT, args.community, args.file, mapping
        )
    except ValidationError as exc:
        lines = error_lines(exc, shown)
        if any(e.row is not None for e in exc.errors):
            lines.append(f"{shown}: {len(exc.errors)} problem(s); nothing was imported.")
        raise CommandError("\n".join(lines), EXIT_BAD_DATA) from exc
    print(
        f"{shown}: {result.imported} entry(ies) posted (income {format_fen(result.income_fen)}, "
        f"expense {format_fen(result.expense_fen)}), {len(result.duplicates)} duplicate(s) "
        "skipped."
    )
    return EXIT_OK


def run_export(args: argparse.Namespace, db: Database) -> int:
    out: Path = args.out
    check_out(out)
    try:
        count = export_xlsx(db, SYSTEM_ACTOR, args.community, out, args.period)
    except OSError as exc:
        raise write_error(exc, out) from exc
    print(f"{out}: {count} entry(ies)")
    return EXIT_OK


def run_publish(args: argparse.Namespace, db: Database) -> int:
    body = disclosure.publish(db, FINANCE_SCRIPT, args.community, args.period)
    print(
        f"{args.community.upper()} {body['period']}: closing balance {body['closing_balance']}, "
        f"{body['entries']} entry(ies); queued for the regulator"
    )
    return EXIT_OK

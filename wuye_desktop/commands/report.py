"""``wuye report monthly --month 2026-11 [--community CODE] --out FILE.pdf|FILE.xlsx``.

The monthly report (物业报修服务月度通报) as a PDF, or the same month's figures and breakdowns
as an Excel workbook with native charts, chosen by the name of the file: ``.xlsx`` writes the
workbook, anything else the PDF (``.pdf`` added when missing). Both are written whole or not at
all; the numbers are the overview service's, the same as the 概览 tab and ``wuye stats``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_OK,
    core_checked,
    out_checked,
    with_database,
    write_error,
)
from wuye_desktop.commands.printing import Warned, pdf_path
from wuye_desktop.core.prints import monthly_report, overview_export
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.documents.output import PendingFile, WriteFailed, page_count
from wuye_desktop.storage.db import Database

XLSX = ".xlsx"


def report_path(text: str) -> Path:
    """An argparse type: an .xlsx file as named, anything else a PDF (``.pdf`` added)."""
    path = Path(text)
    return path if path.suffix.lower() == XLSX else pdf_path(text)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "report",
        help="reports of the overview's figures: the monthly report (月度通报)",
        description="Reports drawn from the overview's figures.",
    )
    kinds = parser.add_subparsers(title="reports", metavar="REPORT", required=True)
    p = kinds.add_parser(
        "monthly",
        help="the monthly report (物业报修服务月度通报) as PDF, or its figures as Excel",
        description="A month's figures against the month before, for the company or one "
        "community: key figures, on-time rates per tier, callbacks and satisfaction, the "
        "regulator's reply rate against 80 %, charts, and each figure's definition. A file "
        "named .xlsx gets the figures and breakdowns as a workbook with Excel charts.",
    )
    p.add_argument(
        "--month",
        required=True,
        type=core_checked(monthly_report.month_period),
        metavar="YYYY-MM",
        help="e.g. 2026-11",
    )
    p.add_argument("--community", metavar="CODE", help="one community (default: the company)")
    p.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf|FILE.xlsx",
        type=report_path,
        help="the file to write: .xlsx for Excel, otherwise a PDF (.pdf added when missing)",
    )
    p.set_defaults(handler=out_checked(with_database(_monthly, options={"month": "--month"})))


def _monthly(args: argparse.Namespace, db: Database) -> int:
    out: Path = args.out
    try:
        if out.suffix.lower() == XLSX:
            written = overview_export.export_overview_xlsx(
                db, SYSTEM_ACTOR, monthly_report.month_period(args.month), args.community, out
            )
            print(f"{written}: workbook written")
            return EXIT_OK
        data = monthly_report.print_monthly_report(
            db, SYSTEM_ACTOR, args.month, args.community, Warned(PendingFile(out))
        )
    except WriteFailed as exc:
        raise write_error(exc, out) from exc
    print(f"{out}: {page_count(data)} page(s)")
    return EXIT_OK

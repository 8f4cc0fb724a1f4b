"""``wuye print signage|commitment|closeout|callback|callback-log|slip|weekly|disclosure
--out FILE.pdf``.

Each document is rendered in full before anything is written, then written in one step, so
bad input (an unknown order or household, a promised order without its commitment, a
community whose channels lack a phone) exits 3 with a message naming what is missing and
leaves no file behind. A character no font of the documents has prints as 〓 and is named on
stderr (``wuye: warning: FIELD: no font has U+E000 …``) before the file is written, so before
a counted print counts; the print goes ahead.

The module is not called ``print``: a submodule becomes an attribute of its package, and one
named ``print`` would hide the built-in function from the package's own code.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

from wuye_desktop.commands import (
    EXIT_OK,
    AnnouncedProgress,
    Handler,
    UsageError,
    check_out,
    core_checked,
    out_checked,
    whole_number,
    with_database,
    write_error,
)
from wuye_desktop.core.ledger.periods import parse_period
from wuye_desktop.core.orders import week_cutoff
from wuye_desktop.core.printing import Output
from wuye_desktop.core.prints import (
    callback_form,
    callback_log,
    closeout,
    commitment,
    disclosure,
    signage,
    slip,
    weekly,
)
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.documents.coverage import PLACEHOLDER, undrawable_of
from wuye_desktop.documents.output import PendingFile, WriteFailed, page_count
from wuye_desktop.storage.db import Database

Render = Callable[[argparse.Namespace, Database], bytes]
# A document that is counted or numbered when printed gets its output: the count commits
# only once the file is written (core/printing.py).
Issue = Callable[[argparse.Namespace, Database, Output], bytes]


def pdf_path(text: str) -> Path:
    """An argparse type: the file to write, ``.pdf`` added when the name lacks it, so that
    ``--out report`` gives a file a viewer opens (the message after writing names it)."""
    path = Path(text)
    if path.suffix.lower() == ".pdf" or _names_a_folder(text, path):
        return path  # a folder stays one, for check_out to refuse by name
    return path.with_name(path.name + ".pdf")


def _names_a_folder(text: str, path: Path) -> bool:
    if text.endswith(("/", os.sep)) or path.name in ("", ".", ".."):
        return True
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: check_out says what is wrong with it
        return False


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE.pdf",
        type=pdf_path,
        help="the PDF file to write (.pdf is added when missing)",
    )


def _blank(which: argparse._MutuallyExclusiveGroup, most: int, what: str) -> None:
    """``--blank N``, the other choice of *which*: N empty *what* to fill in by hand."""
    which.add_argument(
        "--blank",
        type=whole_number(1, most),
        metavar="N",
        help=f"N blank {what} (1 to {most})",
    )


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "print",
        help="print documents to PDF: signage, letters, lists, forms, slips",
        description="Write a document as a PDF (fonts embedded; prints the same everywhere).",
    )
    kinds = parser.add_subparsers(title="documents", metavar="DOCUMENT", required=True)

    p = kinds.add_parser(
        "signage",
        help='"4个3" signage of a community',
        description="Lobby posters (one per unit entrance), elevator-car notices (one per "
        "elevator of each entrance) and in-home cards (one per household) with the community's "
        "3 channels, the 3 tiers' deadlines as the company's rules set them, the lines to "
        "complain to, and a QR code. The count of pages is said before drawing, and a warning "
        "when no reporting address is configured (owners' phones then see only text).",
    )
    p.add_argument("--community", required=True, metavar="CODE", help="e.g. QD001")
    p.add_argument(
        "--location", choices=["lobby", "elevator", "home", "all"], default="all", help="(all)"
    )
    p.add_argument("--size", choices=["A4", "A3"], type=str.upper, default="A4", help="(A4)")
    _out(p)
    p.set_defaults(handler=_handler(_signage))

    p = kinds.add_parser("commitment", help="the commitment letter (承诺书) of a promised order")
    p.add_argument("--order", required=True, metavar="NUMBER", help="e.g. GD20261120-0042")
    p.add_argument(
        "--copy", action="store_true", help="mark it as a copy (any print after the first is)"
    )
    _out(p)
    p.set_defaults(handler=_issue_handler(_commitment))

    p = kinds.add_parser("closeout", help="a household's close-out list (销项表)")
    p.add_argument("--household", required=True, metavar="CODE", help="e.g. QD001-3-2-1201")
    _out(p)
    p.set_defaults(handler=_handler(_closeout))

    p = kinds.add_parser(
        "callback",
        help="a callback form (回访单): of an order, or blank numbered ones",
        description="The callback form of a completed order, or N blank numbered forms of a "
        "community (two to a page) to be filled in by hand.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--order", metavar="NUMBER", help="the order's form, filled in")
    _blank(which, callback_form.MAX_BLANK, "numbered forms")
    p.add_argument("--community", metavar="CODE", help="the community of the blank forms")
    _out(p)
    p.set_defaults(handler=_usage_checked(_check_callback, _issue_handler(_callback)))

    p = kinds.add_parser(
        "callback-log",
        help="the callback log (回访记录表): a period's callbacks, or blank pages",
        description="Every callback of a period, many to a page (of one community, or of "
        "all), or N pages of empty rows to fill in by hand.",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument(
        "--period",
        type=core_checked(callback_log.parse_log_period),
        metavar="P",
        help="2026-11, 2026Q4 or 2026-11-01..2026-11-15",
    )
    _blank(which, callback_log.MAX_BLANK_PAGES, "pages")
    p.add_argument("--community", metavar="CODE", help="one community (default: every one)")
    _out(p)
    p.set_defaults(handler=_handler(_callback_log))

    p = kinds.add_parser("slip", help="a work-order slip for the technician, with its QR code")
    p.add_argument("--order", required=True, metavar="NUMBER", help="e.g. GD20261120-0042")
    _out(p)
    p.set_defaults(handler=_handler(_slip))

    p = kinds.add_parser(
        "weekly",
        help="the weekly list of unfinished work (每周五16:00前督办单)",
        description="Orders taken before the week's Friday 16:00 and not finished then, per "
        "community.",
    )
    p.add_argument(
        "--week",
        type=core_checked(week_cutoff),
        metavar="YYYY-Www",
        help="e.g. 2026-W47 (default: this week)",
    )
    p.add_argument("--community", metavar="CODE", help="one community (default: every one)")
    _out(p)
    p.set_defaults(handler=_handler(_weekly))

    p = kinds.add_parser(
        "disclosure",
        help="a period's public-income disclosure (公共收益公示)",
        description="The disclosure of a community's public income for a quarter or month; "
        "the ledger chain is verified first (exit 3 naming the first broken entry).",
    )
    p.add_argument("--community", required=True, metavar="CODE", help="e.g. QD001")
    p.add_argument(
        "--period",
        required=True,
        type=core_checked(parse_period),
        metavar="P",
        help="2026Q3 or 2026-07",
    )
    p.add_argument(
        "--posted-on",
        type=_day,
        metavar="YYYY-MM-DD",
        help="the day the notice goes up; its objection period runs from it (default: today)",
    )
    _out(p)
    # A period that has not begun is a wrong --period (exit 2), not bad data.
    p.set_defaults(handler=_handler(_disclosure, options={"period": "--period"}))


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _handler(render: Render, options: Mapping[str, str] | None = None) -> Handler:
    """Check --out before the database is even opened, then render and write."""

    def issue(args: argparse.Namespace, db: Database, output: Output) -> bytes:
        return _written(output, render(args, db))

    return _issue_handler(issue, options)


def _written(output: Output, data: bytes) -> bytes:
    """A document that counts nothing: written (temporary file, fsync, rename) once made."""
    output.write(data)
    output.publish()
    return data


class Warned:
    """An output that first names, on stderr, the characters the document could not draw
    (printed as the placeholder): before the file is written, so before a print counts."""

    def __init__(self, output: Output) -> None:
        self.output = output

    def write(self, data: bytes) -> None:
        for item in undrawable_of(data):
            print(
                f"wuye: warning: {item.field}: no font has {item.codes}; "
                f"printed as {PLACEHOLDER}: {item.text}",
                file=sys.stderr,
            )
        self.output.write(data)

    def publish(self) -> None:
        self.output.publish()

    def discard(self) -> None:
        self.output.discard()


def _issue_handler(issue: Issue, options: Mapping[str, str] | None = None) -> Handler:
    """Check --out before the database is even opened, then make the document into it."""
    return out_checked(with_database(_runner(issue), options=options))


def _usage_checked(check: Callable[[argparse.Namespace], None], handler: Handler) -> Handler:
    """Refuse a wrong combination of options before the database is even opened."""

    def checked(args: argparse.Namespace, db_url: str | None) -> int:
        check(args)
        return handler(args, db_url)

    return checked


def _check_callback(args: argparse.Namespace) -> None:
    if args.order is not None and args.community is not None:
        raise UsageError("--community goes with --blank, not with --order")
    if args.blank is not None and args.community is None:
        raise UsageError("--blank N needs --community CODE")


def _runner(issue: Issue) -> Callable[[argparse.Namespace, Database], int]:
    def run(args: argparse.Namespace, db: Database) -> int:
        out: Path = args.out
        # Checked first: finding out after a long render that the folder is missing wastes it.
        check_out(out)
        try:
            data = issue(args, db, Warned(PendingFile(out)))
        except WriteFailed as exc:
            raise write_error(exc, out) from exc
        print(f"{out}: {page_count(data)} page(s)")
        return EXIT_OK

    return run


def _signage(args: argparse.Namespace, db: Database) -> bytes:
    plan = signage.plan_signage(db, SYSTEM_ACTOR, args.community, args.location)
    if plan.text_only:
        places = ", ".join(where.value for where in plan.text_only)
        notice = signage.TEXT_ONLY_NOTICE.format(places=places)
        print(f"wuye: warning: {notice}", file=sys.stderr)
    counts = ", ".join(f"{where.value} {n}" for where, n in plan.pages.items())
    progress = AnnouncedProgress(
        f"{plan.community_code}: drawing {plan.total} page(s) of signage ({counts})…"
    )
    try:
        return signage.signage_pdf(
            db,
            SYSTEM_ACTOR,
            args.community,
            location=args.location,
            size=args.size,
            progress=progress,
        )
    finally:
        progress.finish()


def _commitment(args: argparse.Namespace, db: Database, output: Output) -> bytes:
    return commitment.print_commitment(db, SYSTEM_ACTOR, args.order, output, copy=args.copy)


def _closeout(args: argparse.Namespace, db: Database) -> bytes:
    return closeout.closeout_pdf(db, SYSTEM_ACTOR, args.household)


def _callback(args: argparse.Namespace, db: Database, output: Output) -> bytes:
    if args.order is not None:
        return _written(output, callback_form.callback_pdf(db, SYSTEM_ACTOR, args.order))
    progress = AnnouncedProgress(f"{args.community.upper()}: {args.blank} blank form(s)…")
    try:
        return callback_form.print_blank(
            db, SYSTEM_ACTOR, args.community, args.blank, output, progress
        )
    finally:
        progress.finish()


def _callback_log(args: argparse.Namespace, db: Database) -> bytes:
    if args.blank is not None:
        return callback_log.blank_log_pdf(db, SYSTEM_ACTOR, args.blank, args.community)
    return callback_log.callback_log_pdf(db, SYSTEM_ACTOR, args.period, args.community)


def _slip(args: argparse.Namespace, db: Database) -> bytes:
    return slip.slip_pdf(db, SYSTEM_ACTOR, args.order)


def _weekly(args: argparse.Namespace, db: Database) -> bytes:
    return weekly.weekly_pdf(db, SYSTEM_ACTOR, args.week, args.community)


def _disclosure(args: argparse.Namespace, db: Database) -> bytes:
    return disclosure.disclosure_pdf(
        db, SYSTEM_ACTOR, args.community, args.period, posted_on=args.posted_on
    )

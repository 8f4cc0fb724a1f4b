"""The ``wuye`` command (DESIGN.md §4): parsing, opening the database, printing, exit codes.

Each subcommand lives in a module of :mod:`wuye_desktop.commands`, which calls the same core
services as the UI. This module never imports Qt: ``wuye`` without a command imports the UI
only then. Exit codes: 0 success, 2 wrong usage, 3 bad data or a failed check.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from wuye_desktop import __version__, logs

ENV_DB = "WUYE_DB"
log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    from wuye_desktop.commands import add_commands

    parser = argparse.ArgumentParser(
        prog="wuye",
        description="物业服务台: run without a command to open the program.",
        epilog=f"The database is --db URL, else ${ENV_DB}, else SQLite in the user's data folder. "
        "URL: a file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB. "
        "Exit codes: 0 success, 1 the database could not be used (retry later), 2 wrong usage, "
        "3 bad data or a failed check.",
    )
    parser.add_argument(
        "--db", metavar="URL", help=f"the database to use (default: ${ENV_DB} or the user's own)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--selftest",
        action="store_true",
        help="check this installation on a temporary demo database (window, documents, "
        "regulator sync) and exit: 0 when everything works",
    )
    add_commands(parser)
    return parser


def no_display() -> str | None:
    """Why the window cannot open here, or None: on Linux without a display Qt would abort
    with a message about libxcb-cursor0. A platform chosen in ``QT_QPA_PLATFORM`` (offscreen
    for the tests and the selftest) is left to Qt."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): "
        "start wuye in a desktop session, on a virtual display with `xvfb-run -a wuye`, "
        "or check this installation without a window with `wuye --selftest`"
    )


def _open_gui(db_url: str | None) -> int:
    reason = no_display()
    if reason is not None:
        from wuye_desktop.commands import EXIT_USAGE, print_error

        print_error(reason)
        return EXIT_USAGE
    from wuye_desktop.ui.app import run  # Qt is loaded only for the GUI

    return run(db_url)


def _just_the_program(arguments: Sequence[str]) -> str | None:
    """The database to open when the arguments ask for nothing but the program (none, or only
    ``--db URL``), the empty string meaning the default one; else None.

    Building the parser imports every command's module, SQLAlchemy included: a second that the
    user would wait before the login window (DESIGN.md §6), so the usual start skips it.
    """
    if not arguments:
        return ""
    if len(arguments) == 2 and arguments[0] == "--db" and not arguments[1].startswith("-"):
        url = arguments[1]
    elif len(arguments) == 1 and arguments[0].startswith("--db="):
        url = arguments[0].removeprefix("--db=")
    else:
        return None
    return url if url.strip() else None  # an empty one is refused by the parser


def _unusable_argument(argv: Sequence[str]) -> str | None:
    """Why an argument cannot be used as text at all, or None.

    Bytes that are not valid in the system's encoding reach Python as lone surrogates, which no
    database, file name or terminal accepts; a NUL cannot be part of a file name or a value.
    """
    for arg in argv:
        shown = arg.encode("utf-8", "backslashreplace").decode("utf-8")
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return f"not valid text (bytes in an unknown encoding): {shown!r}"
        if "\0" in arg:
            return f"contains a NUL character: {shown!r}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    program_db = None if _unusable_argument(arguments) else _just_the_program(arguments)
    if program_db is not None:
        logs.setup_logging()
        log.info("wuye %s: program", __version__)
        return _open_gui(program_db or os.environ.get(ENV_DB) or None)
    from wuye_desktop.commands import (
        EXIT_FAILED,
        EXIT_USAGE,
        CommandError,
        UsageError,
        print_error,
    )

    parser = build_parser()
    problem = _unusable_argument(arguments)
    if problem is not None:
        parser.print_usage(sys.stderr)
        print_error(problem)
        return EXIT_USAGE
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return int(exc.code) if isinstance(exc.code, int) else EXIT_USAGE
    log_path = logs.setup_logging()
    handler = getattr(args, "handler", None)
    if args.selftest:
        if handler is not None:
            parser.print_usage(sys.stderr)
            print_error("--selftest takes no command")
            return EXIT_USAGE
        from wuye_desktop import selftest

        log.info("wuye %s: selftest", __version__)
        return selftest.run()
    if args.db is not None and not args.db.strip():
        parser.print_usage(sys.stderr)
        print_error("--db: empty; name a database file or URL")
        return EXIT_USAGE
    db_url = args.db or os.environ.get(ENV_DB) or None
    # The command's name only: arguments may hold passwords.
    log.info("wuye %s: %s", __version__, args.command if handler else "program")
    if handler is None:
        return _open_gui(db_url)
    try:
        return int(handler(args, db_url))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print_error(str(exc))
        return EXIT_USAGE
    except CommandError as exc:
        print(str(exc), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print_error("interrupted; nothing of the unfinished step was written")
        return 130
    except BrokenPipeError:  # `wuye users list | head`
        return 0
    except Exception as exc:  # a bug: the traceback goes to the log, the user gets one line
        if log_path is not None:
            log.exception("wuye %s failed", args.command)
            where = f"; the details are in {log_path}"
        else:  # the log goes to stderr: no traceback there either
            log.error("wuye %s failed: %s: %s", args.command, type(exc).__name__, exc)
            where = ""
        first = next(iter(str(exc).strip().splitlines()), "")
        print_error(f"unexpected failure ({type(exc).__name__}: {first}){where}")
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())


__all__ = ["main"]

"""Subcommands of ``wuye``: one module each, registered in :data:`COMMAND_MODULES`.

A command module has ``register(subparsers)``, which adds its parser and sets
``handler=with_database(run)`` (or a plain ``handler(args, db_url) -> int`` for commands
without a database, such as a server). Handlers only parse, call one core service and print;
errors from the core become messages and exit codes here, the same for every command.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TextIO

from sqlalchemy.exc import ArgumentError

from wuye_desktop.core.errors import NotADatabase, StorageUnavailable, ValidationError, WuyeError
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database, resolve_url

EXIT_OK = 0
EXIT_FAILED = 1  # the environment failed (database unreachable, disk full): retry later
EXIT_USAGE = 2
EXIT_BAD_DATA = 3

# Later features append theirs ("print", "ledger", "sync", "regulator_sim").
COMMAND_MODULES: tuple[str, ...] = (
    "demo",
    "imports",
    "backup",
    "users",
    "printing",
    "closeout",
    "ledger",
    "orders",
    "sync",
    "regulator_sim",
    "stats",
    "report",
    "owner_portal",
)

Handler = Callable[[argparse.Namespace, str | None], int]
DbRun = Callable[[argparse.Namespace, Database], int]


class UsageError(Exception):
    """The command line is wrong in a way argparse cannot see; exit 2."""


class CommandError(Exception):
    """A failure already worded for the user (printed as is, line by line) and its exit code."""

    def __init__(self, message: str, exit_code: int = EXIT_BAD_DATA) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_commands(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)


def print_error(message: str, stream: TextIO | None = None) -> None:
    print(f"wuye: error: {message}", file=stream or sys.stderr)


def error_lines(error: WuyeError, source: str | None = None) -> list[str]:
    """``FILE: row R, column C: reason`` for file input; ``field: reason`` otherwise.

    Errors about a file as a whole ("No such file: ...") already name it and print as they are.
    """
    if not isinstance(error, ValidationError):
        return [str(error)]
    lines = []
    for e in error.errors:
        if e.field == "file" and e.row is None:
            lines.append(e.message())
            continue
        parts = []
        if e.row is not None:
            parts.append(f"row {e.row}")
        if e.field:
            parts.append(f"column {e.field}" if source else e.field)
        where = ", ".join(parts)
        prefix = f"{source}: {where}" if source and where else source or where
        lines.append(f"{prefix}: {e.message()}" if prefix else e.message())
    return lines


def open_database(db_url: str | None, *, upgrade: bool = True) -> Database:
    """The database of --db / WUYE_DB / the default, its schema brought up to date.

    A file that cannot be one (in a folder that does not exist, a folder itself, a text file)
    is bad data (exit 3) with one sentence saying so, not a reason to "retry later".
    """
    try:
        url = resolve_url(db_url)
    except (ArgumentError, StorageUnavailable, ValueError) as exc:
        raise UsageError(f"--db {db_url}: {exc}") from exc
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        if path.is_dir():
            raise CommandError(f"wuye: error: --db {db_url}: is a folder, not a database file")
        if not path.parent.is_dir():
            raise CommandError(f"wuye: error: --db {db_url}: no such folder: {path.parent}")
    db = Database(url)
    if upgrade:  # (not for restore: a damaged database is what one restores over)
        try:
            migrate.upgrade(db)
        except NotADatabase as exc:
            db.dispose()
            raise CommandError(f"wuye: error: --db {db.describe()}: {exc}") from exc
        except BaseException:
            db.dispose()
            raise
    return db


def with_database(
    run: DbRun, *, upgrade: bool = True, options: Mapping[str, str] | None = None
) -> Handler:
    """A handler that opens (and upgrades) the database, runs *run*, and reports core errors.

    *options* maps the core's field names to the options that carry them (``{"secret":
    "--secret-file"}``): a refusal of only such fields is wrong usage (exit 2) naming the
    option as the user types it.
    """

    def handler(args: argparse.Namespace, db_url: str | None) -> int:
        db: Database | None = None
        try:
            db = open_database(db_url, upgrade=upgrade)
            return run(args, db)
        except StorageUnavailable as exc:
            raise CommandError(f"wuye: error: {exc}", EXIT_FAILED) from exc
        except NotADatabase as exc:  # found by a command that does not upgrade first
            where = db.describe() if db is not None else db_url
            raise CommandError(f"wuye: error: --db {where}: {exc}") from exc
        except ValidationError as exc:
            if (
                options
                and exc.errors
                and all(e.row is None and e.field in options for e in exc.errors)
            ):
                raise UsageError(
                    "; ".join(f"{options[e.field]}: {e.message()}" for e in exc.errors)
                ) from exc
            if all(e.row is None for e in exc.errors):  # not a file's rows: one line
                raise CommandError(f"wuye: error: {'; '.join(error_lines(exc))}") from exc
            lines = (f"wuye: error: {line}" for line in error_lines(exc))
            raise CommandError("\n".join(lines)) from exc
        except WuyeError as exc:
            lines = (f"wuye: error: {line}" for line in error_lines(exc))
            raise CommandError("\n".join(lines)) from exc
        except OSError as exc:
            if exc.filename is None:
                raise
            # A file named on the command line: too long a name, a device, a folder.
            raise write_error(exc, Path(exc.filename), "") from exc
        finally:
            if db is not None:
                db.dispose()

    return handler


def check_out(path: Path, option: str = "--out") -> None:
    """Refuse an output path that cannot be written, before any work is done (exit 3).

    The folder is tried with a file of our own, removed at once: permissions, a read-only
    disk or a name too long all show here rather than after a long rendering.
    """
    shown = f"wuye: error: {option} {path}:"
    try:
        if path.is_dir():
            raise CommandError(f"{shown} is a folder; name a file to write")
        if not path.parent.is_dir():
            raise CommandError(f"{shown} no such folder: {path.parent}")
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".wuye-", suffix=".probe"):
            pass
        if len(path.name.encode("utf-8", "surrogateescape")) > 255:
            raise OSError(errno.ENAMETOOLONG, os.strerror(errno.ENAMETOOLONG))
    except PermissionError as exc:
        raise CommandError(f"{shown} cannot write in {path.parent} (permission denied)") from exc
    except OSError as exc:
        raise write_error(exc, path, option) from exc


def out_checked(handler: Handler) -> Handler:
    """*handler*, with its ``--out`` checked before the database is even opened."""

    def checked(args: argparse.Namespace, db_url: str | None) -> int:
        check_out(args.out)
        return handler(args, db_url)

    return checked


def write_error(exc: OSError, path: Path, option: str = "--out") -> CommandError:
    """A file that could not be used: exit 3, or 1 when the disk is full or failing."""
    code = EXIT_FAILED if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO) else EXIT_BAD_DATA
    where = f"{option} {path}" if option else str(path)
    if len(where) > 200:
        where = where[:200] + "…"
    return CommandError(f"wuye: error: {where}: {exc.strerror or exc}", code)


def non_negative(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


def port_number(text: str) -> int:
    """An argparse type: a TCP port, 0 (any free one) to 65535."""
    value = non_negative(text)
    if value > 65535:
        raise argparse.ArgumentTypeError(f"not a port: {value}")
    return value


SQL_INT_MAX = 2**63 - 1  # the largest id or count a database column holds


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number from *low* (0 or more) to *high* (the core's limits)."""

    def parse(text: str) -> int:
        value = non_negative(text)
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"must be between {low} and {high}: {text}")
        return value

    return parse


def core_checked(parse: Callable[[str], object]) -> Callable[[str], str]:
    """An argparse type that checks a value with the core's own parser (one rule, in the core)
    before the database is opened, and keeps the text as typed."""

    def check(text: str) -> str:
        try:
            parse(text)
        except ValidationError as exc:
            reason = "; ".join(e.message() for e in exc.errors)
            raise argparse.ArgumentTypeError(reason) from None
        return text

    return check


class ProgressPrinter:
    """``progress(done, total)`` for long commands: a live percentage on a terminal, and
    otherwise (scripts, logs) only the lines announcing each phase."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.live = self.stream.isatty()
        self._label = ""
        self._shown = -1

    def phase(self, label: str) -> None:
        self.finish()
        self._label = label
        self._shown = -1
        if not self.live:
            print(label, file=self.stream, flush=True)

    def __call__(self, done: int, total: int) -> None:
        if not self.live:
            return
        percent = 100 * done // total if total else 100
        if percent != self._shown:
            self._shown = percent
            print(f"\r{self._label} {percent:3d}%", end="", file=self.stream, flush=True)

    def finish(self) -> None:
        if self.live and self._shown >= 0:
            print(file=self.stream, flush=True)
            self._shown = -1


class AnnouncedProgress(ProgressPrinter):
    """A progress printer that names its phase only once work has started, so an error found
    while loading the data is the only thing printed."""

    def __init__(self, label: str, stream: TextIO | None = None) -> None:
        super().__init__(stream)
        self._pending = label

    def announce(self) -> None:
        """Work has started: name the phase (once)."""
        if self._pending:
            self.phase(self._pending)
            self._pending = ""

    def __call__(self, done: int, total: int) -> None:
        self.announce()
        super().__call__(done, total)

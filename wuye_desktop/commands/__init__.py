"""Subcommands of ``wuye``: one module each, registered in :data:`COMMAND_MODULES`.

A command module has ``register(subparsers)``, which adds its parser and sets
``handler=with_database(run)`` (or a plain ``handler(args, db_url) -> int`` for commands
without a database, such as a server). Handlers only parse, call one core service and print;
errors from the core become messages and exit codes here, the same for every command.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import TextIO

from sqlalchemy.exc import ArgumentError

from wuye_desktop.core.errors import StorageUnavailable, ValidationError, WuyeError
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database

EXIT_OK = 0
EXIT_FAILED = 1  # the environment failed (database unreachable, disk full): retry later
EXIT_USAGE = 2
EXIT_BAD_DATA = 3

# Later features append theirs ("print", "ledger", "sync", "regulator_sim").
COMMAND_MODULES: tuple[str, ...] = (
    "demo",
    "roster",
    "storage",
    "users",
    "printing",
    "closeout",
    "ledger",
    "orders",
    "sync",
    "regulator_sim",
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
    """The database of --db / WUYE_DB / the default, its schema brought up to date."""
    try:
        db = Database(db_url)
    except (ArgumentError, StorageUnavailable, ValueError) as exc:
        raise UsageError(f"--db {db_url}: {exc}") from exc
    if upgrade:
        try:
            migrate.upgrade(db)
        except WuyeError:
            db.dispose()
            raise
    return db


def with_database(run: DbRun, *, upgrade: bool = True) -> Handler:
    """A handler that opens (and upgrades) the database, runs *run*, and reports core errors."""

    def handler(args: argparse.Namespace, db_url: str | None) -> int:
        db: Database | None = None
        try:
            db = open_database(db_url, upgrade=upgrade)
            return run(args, db)
        except StorageUnavailable as exc:
            raise CommandError(f"wuye: error: {exc}", EXIT_FAILED) from exc
        except WuyeError as exc:
            lines = (f"wuye: error: {line}" for line in error_lines(exc))
            raise CommandError("\n".join(lines)) from exc
        finally:
            if db is not None:
                db.dispose()

    return handler


def non_negative(text: str) -> int:
    """An argparse type: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must not be negative: {value}")
    return value


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

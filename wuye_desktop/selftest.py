"""``wuye --selftest``: does this installation work? What the installers' tests run.

On a temporary demo database it opens the main window offscreen, writes one document of each
kind, and syncs once with an in-process reference regulator server. It prints one line per
step (``ok  STEP: detail`` or ``FAILED STEP: reason``), runs every step even after a failure
(one broken piece should not hide the state of the others), deletes its temporary folder, and
exits 0 only when every step passed. It needs no database of the user's and touches none: a
frozen build that lacks a module, a font, a translation or a Qt plugin fails here, not at a
customer's desk.

No Qt here (house rule): the window step lives in :mod:`wuye_desktop.ui.selftest_window`,
imported only once ``QT_QPA_PLATFORM`` says offscreen.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from sqlalchemy import func, select

from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database

log = logging.getLogger(__name__)

# Small enough for a few seconds, large enough for every document to have its data: promised
# orders with commitment letters, completed orders, ledger entries in several months.
HOUSEHOLDS = 30
WORK_ORDERS = 40
LEDGER_ENTRIES = 60
SEED = 7
# The demo user the window is opened for: the administrator sees every tab.
USER, PASSWORD = "admin", "admin1234"
# A document smaller than this has lost its font or its content; larger is a runaway.
MIN_PDF_BYTES = 2_000
MAX_PDF_BYTES = 20_000_000
# Extension A (䶮, in a family name) and B (𠀁, which only Hanazono Mincho B has).
RARE_CHARACTERS = "刘䶮 𠀁"
DOCUMENTS = ("signage", "commitment", "closeout", "callback", "slip", "weekly", "disclosure")


class SelftestError(Exception):
    """A step's check failed; the message says what was expected."""


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str  # what was checked, or why it failed

    def line(self) -> str:
        return (
            f"ok  {self.name}: {self.detail}" if self.ok else f"FAILED {self.name}: {self.detail}"
        )


def run(out: TextIO | None = None) -> int:
    """Run every step, print a line for each; 0 if all passed, else 1."""
    stream = out or sys.stdout
    # Before anything loads Qt: the selftest never shows a window, with or without a display.
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    results = run_steps(lambda result: _print(stream, result))
    failed = [r.name for r in results if not r.ok]
    if failed:
        _print_text(stream, f"selftest FAILED: {len(failed)} of {len(results)} steps failed")
        return 1
    _print_text(stream, f"selftest passed: {len(results)} steps")
    return 0


def run_steps(report: Callable[[StepResult], None]) -> list[StepResult]:
    """The steps in order, each reported as soon as it ends; the temporary folder is removed."""
    results: list[StepResult] = []
    # ignore_cleanup_errors: on Windows a file still held open must not turn a pass into a crash.
    with tempfile.TemporaryDirectory(prefix="wuye-selftest-", ignore_cleanup_errors=True) as tmp:
        workdir = Path(tmp)
        db_path = workdir / "selftest.sqlite3"
        db: Database | None = None

        def step(name: str, action: Callable[[], str]) -> None:
            started = time.monotonic()
            try:
                detail = action()
            except Exception as exc:  # every failure is a result to report, not a crash
                log.exception("selftest step %s failed", name)
                result = StepResult(name, False, _reason(exc))
            else:
                result = StepResult(name, True, f"{detail} ({time.monotonic() - started:.1f} s)")
            results.append(result)
            report(result)

        def demo() -> str:
            nonlocal db
            db = Database(str(db_path))
            return _fill_demo(db)

        def opened() -> Database:
            if db is None:
                raise SelftestError("no demo database (its step failed)")
            return db

        def document(kind: str) -> str:
            return _document(opened(), kind, workdir)

        step("demo database", demo)
        step("database file locks", lambda: _file_locks(opened()))
        step("main window", lambda: _main_window(opened()))
        step("rare characters", _rare_characters)
        for kind in DOCUMENTS:
            step(f"document {kind}", partial(document, kind))
        if db is not None:
            db.dispose()  # the sync opens the file itself
        step("regulator sync", lambda: _sync(str(db_path), workdir))
    return results


def _print(stream: TextIO, result: StepResult) -> None:
    _print_text(stream, result.line())


def _print_text(stream: TextIO | None, text: str) -> None:
    if stream is not None:  # a windowed Windows program has no stdout
        print(text, file=stream, flush=True)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    message = text[0] if text else ""
    if isinstance(exc, SelftestError):
        return message
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


# --- the steps -----------------------------------------------------------------------------------


def _fill_demo(db: Database) -> str:
    from wuye_desktop.demo import fill_demo
    from wuye_desktop.storage import migrate

    migrate.upgrade(db)
    summary = fill_demo(
        db,
        households=HOUSEHOLDS,
        seed=SEED,
        extra={"work_orders": WORK_ORDERS, "ledger_entries": LEDGER_ENTRIES},
    )
    added = ", ".join(f"{n} {step.replace('_', ' ')}" for step, n in summary.extra.items())
    return f"{summary.households} households, {added}"


def _file_locks(db: Database) -> str:
    """The database keeps its locks when something else in the process opens and closes its
    files (a file dialog does), and a write after that still goes into the file on disk."""
    from sqlalchemy import text

    from wuye_desktop.storage import sqlite_locks

    path = db.sqlite_path
    if path is None:
        raise SelftestError("the selftest database is not a file")
    if not sys.platform.startswith("linux"):
        return f"{sys.platform}: locks belong to the file handle, nothing to protect"
    if not sqlite_locks.is_active():
        raise SelftestError("SQLite's locks are not protected (see the log for why)")
    with db.read() as session:
        session.execute(text("SELECT count(*) FROM company")).scalar_one()
        before = sqlite_locks.locks_on(path)
        for suffix in ("", "-wal", "-shm"):
            with open(f"{path}{suffix}", "rb") as peek:  # what a file dialog does
                peek.read(64)
        after = sqlite_locks.locks_on(path)
    if after != before or before == 0:
        raise SelftestError(f"{before} lock(s) on the database before a peek, {after} after")
    lost = sqlite_locks.lost_files(path)
    if lost:
        raise SelftestError(f"files no longer on disk: {', '.join(lost)}")
    return f"{before} lock(s) kept after another descriptor closed"


def _main_window(db: Database) -> str:
    from wuye_desktop.ui.selftest_window import show_main_window

    return show_main_window(db, USER, PASSWORD)


def _rare_characters() -> str:
    """The fallback fonts are there and draw what the first font lacks (they load only when a
    document first needs them, so no other step would notice them missing)."""
    from wuye_desktop.documents.fonts import undrawable

    missing = undrawable(RARE_CHARACTERS)
    if missing:
        codes = " ".join(f"U+{ord(ch):04X}" for ch in missing)
        raise SelftestError(f"no font of the documents draws {codes}")
    return "CJK Extensions A and B drawn"


def _document(db: Database, kind: str, workdir: Path) -> str:
    from wuye_desktop.documents.output import page_count, write_atomic

    data = _render(db, kind)
    # Written and read back as `wuye print` does: the file is what a user would get.
    target = workdir / f"{kind}.pdf"
    write_atomic(target, data)
    written = target.read_bytes()
    if not written.startswith(b"%PDF-"):
        raise SelftestError(f"{target.name} does not start with %PDF-")
    if b"%%EOF" not in written[-1024:]:
        raise SelftestError(f"{target.name} has no %%EOF at its end")
    if not MIN_PDF_BYTES <= len(written) <= MAX_PDF_BYTES:
        raise SelftestError(
            f"{target.name} has {len(written):,} bytes, expected {MIN_PDF_BYTES:,} to "
            f"{MAX_PDF_BYTES:,}"
        )
    pages = page_count(written)
    if pages < 1:
        raise SelftestError(f"{target.name} has no pages")
    return f"{pages} page(s), {len(written) // 1024} KB"


def _render(db: Database, kind: str) -> bytes:
    """One document of *kind*, from the same core functions ``wuye print`` calls."""
    from wuye_desktop.core.prints import (
        callback_form,
        closeout,
        commitment,
        disclosure,
        signage,
        slip,
        weekly,
    )

    samples = _Samples(db)
    if kind == "signage":
        return signage.signage_pdf(db, SYSTEM_ACTOR, samples.community(), location="all")
    if kind == "commitment":
        return commitment.preview_commitment(db, SYSTEM_ACTOR, samples.promised_order())
    if kind == "closeout":
        return closeout.closeout_pdf(db, SYSTEM_ACTOR, samples.household())
    if kind == "callback":
        return callback_form.callback_pdf(db, SYSTEM_ACTOR, samples.completed_order())
    if kind == "slip":
        return slip.slip_pdf(db, SYSTEM_ACTOR, samples.completed_order())
    if kind == "weekly":
        return weekly.weekly_pdf(db, SYSTEM_ACTOR)
    if kind == "disclosure":
        community, period = samples.ledger_period()
        return disclosure.disclosure_pdf(db, SYSTEM_ACTOR, community, period)
    raise SelftestError(f"unknown document kind {kind}")


class _Samples:
    """What the demo data offers each document: a community, an order with a letter..."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def community(self) -> str:
        from wuye_desktop.storage.models import Community, Household

        with self._db.read() as s:
            code = s.scalar(
                select(Community.code)
                .join(Household, Household.community_id == Community.id)
                .order_by(Community.code)
                .limit(1)
            )
        return self._found(code, "a community with households")

    def household(self) -> str:
        from wuye_desktop.storage.models import Household

        with self._db.read() as s:
            code = s.scalar(select(Household.code).order_by(Household.id).limit(1))
        return self._found(code, "a household")

    def promised_order(self) -> str:
        from wuye_desktop.storage.models import Commitment, WorkOrder

        with self._db.read() as s:
            number = s.scalar(
                select(WorkOrder.number)
                .join(Commitment, Commitment.order_id == WorkOrder.id)
                .order_by(WorkOrder.id)
                .limit(1)
            )
        return self._found(number, "an order with a commitment letter")

    def completed_order(self) -> str:
        from wuye_desktop.core.orders import Status
        from wuye_desktop.storage.models import WorkOrder

        done = (Status.COMPLETED.value, Status.CLOSED.value)
        with self._db.read() as s:
            number = s.scalar(
                select(WorkOrder.number)
                .where(WorkOrder.status.in_(done))
                .order_by(WorkOrder.id)
                .limit(1)
            )
        return self._found(number, "a completed order")

    def ledger_period(self) -> tuple[str, str]:
        """The community and month with the most ledger entries."""
        from wuye_desktop.storage.models import Community, LedgerEntry

        with self._db.read() as s:
            row = s.execute(
                select(Community.code, LedgerEntry.period)
                .join(Community, Community.id == LedgerEntry.community_id)
                .group_by(Community.code, LedgerEntry.period)
                .order_by(func.count().desc(), Community.code, LedgerEntry.period)
                .limit(1)
            ).first()
        if row is None:
            raise SelftestError("the demo data has no ledger entries")
        return str(row[0]), str(row[1])

    @staticmethod
    def _found(value: str | None, what: str) -> str:
        if value is None:
            raise SelftestError(f"the demo data has no {what}")
        return value


def _sync(db_url: str, workdir: Path) -> str:
    """One sync with the reference server, by the regulator code's own round trip."""
    from wuye_desktop.regulator import selftest as regulator_selftest  # httpx, FastAPI: only here

    return str(regulator_selftest.sync_roundtrip(db_url, workdir))

"""Counted prints: a print that counts or numbers something counts only once it is out.

The commitment letter's original (its ``printed_count``) and blank callback forms' serial
numbers are taken in one transaction that also renders the document and hands it to its
output: a file's temporary copy written and flushed to disk, or a printer's job. Only when
that has succeeded does the transaction commit (count, numbers, audit entry together); then the
output is published (the temporary file renamed over the target). If the output fails (a
read-only folder, a full disk, a printer that will not start), the transaction rolls back: the
count, the numbers and the audit are exactly as before, and no file is left behind.

The transaction holds the count's lock while the document is rendered and written (a row lock
on PostgreSQL, the write lock on SQLite), so two desks printing the same letter at once wait
for each other and only one of them gets the original.

What is left after the commit is a rename within one folder, the file's bytes already on disk;
should even that fail, the print has counted and the error says the file was not written
(then print a copy). The other order, renaming first, could leave an uncounted original.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from sqlalchemy.orm import Session

from wuye_desktop.storage.db import Database


class Output(Protocol):
    """Where a counted print goes: written in full first, published after the commit."""

    def write(self, data: bytes) -> None:
        """Put *data* where it can no longer be lost (the step that may fail)."""

    def publish(self) -> None:
        """Make the written document the result (after the count has committed)."""

    def discard(self) -> None:
        """Forget what :meth:`write` left, after a failure; never raises."""


def counted_print(db: Database, make: Callable[[Session], bytes], output: Output) -> bytes:
    """Run *make* (lock, count or number, render, audit) in one transaction, write its bytes
    to *output* inside it, commit only if that succeeded, then publish; all or nothing."""
    try:
        with db.transaction() as s:
            data = make(s)
            output.write(data)
    except BaseException:
        output.discard()
        raise
    output.publish()
    return data

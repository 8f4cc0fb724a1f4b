"""Writing a finished PDF.

A document is written whole or not at all: the bytes go to a hidden temporary file beside the
target, which is renamed over it only once complete, so a failed or cancelled run leaves any
earlier file as it was and never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path


class Cancelled(Exception):
    """Raised by a ``progress(done, total)`` callback to stop a batch; nothing is written."""


class WriteFailed(OSError):
    """The document's file could not be written; ``filename`` is the target named."""


class PendingFile:
    """A file written in two steps, for :func:`wuye_desktop.core.printing.counted_print`:
    :meth:`write` puts the bytes in a hidden temporary file beside the target and flushes it
    to disk, :meth:`publish` renames it over the target, :meth:`discard` removes it.

    Errors are :class:`WriteFailed` (an ``OSError`` naming the target), so a caller can tell
    the output's failure from any other file's.
    """

    def __init__(self, path: Path | str) -> None:
        self.target = Path(path)
        self.tmp = self.target.with_name(f".{self.target.name}.{os.getpid()}.partial")

    def _failed(self, exc: OSError) -> WriteFailed:
        return WriteFailed(exc.errno, exc.strerror or str(exc), str(self.target))

    def write(self, data: bytes) -> None:
        try:
            with self.tmp.open("wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        except OSError as exc:
            self.discard()
            raise self._failed(exc) from exc

    def publish(self) -> None:
        try:
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self.discard()
            raise self._failed(exc) from exc
        _sync_folder(self.target.parent)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.tmp.unlink()


def _sync_folder(folder: Path) -> None:
    """Flush the folder's entry of a renamed file (best effort: not every system can)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write *data* to *path* in one step (temporary file, fsync, rename)."""
    pending = PendingFile(path)
    try:
        pending.write(data)
    except BaseException:
        pending.discard()
        raise
    pending.publish()
    return pending.target


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """How many pages a PDF written by reportlab has (its page objects, uncompressed)."""
    return len(_PAGE.findall(pdf))

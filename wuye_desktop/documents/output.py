"""Writing a finished PDF, and what every document's loader shares.

A document is written whole or not at all: the bytes go to a hidden temporary file beside the
target, which is renamed over it only once complete, so a failed or cancelled run leaves any
earlier file as it was and never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from wuye_desktop.core import directory
from wuye_desktop.storage.db import Database


class Cancelled(Exception):
    """Raised by a ``progress(done, total)`` callback to stop a batch; nothing is written."""


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write *data* to *path* in one step (temporary file, fsync, rename)."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def page_count(pdf: bytes) -> int:
    """How many pages a PDF written by reportlab has (its page objects, uncompressed)."""
    return len(_PAGE.findall(pdf))


def company_name(db: Database) -> str:
    company = directory.get_company(db)
    return company.name if company is not None else ""


def report_url_template(db: Database) -> str:
    company = directory.get_company(db)
    return company.report_url_template if company is not None else ""

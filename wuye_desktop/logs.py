"""The program's log file: a few rotating files in the user's log folder.

Linux: ``~/.local/state/wuye_desktop/log/wuye.log`` (``$XDG_STATE_HOME`` moves it); Windows:
``%LOCALAPPDATA%\\wuye_desktop\\Logs\\wuye.log``. ``WUYE_LOG_DIR`` names another folder. When the
folder cannot be written (a read-only home, a full disk), warnings go to stderr instead and the
program runs on: a log must never be the reason it does not start.

Nothing here may log a secret: callers log what happened (a command's name, a failed step, an
exception), never command lines, database URLs with passwords, or credentials.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

from platformdirs import user_log_dir

ENV_LOG_DIR = "WUYE_LOG_DIR"
LOG_NAME = "wuye.log"
# Five files of 1 MB: weeks of a desk's warnings and errors, and nothing to clean up by hand.
MAX_BYTES = 1_000_000
BACKUPS = 4
_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"

_configured: list[Path | None] = []


def log_dir() -> Path:
    """Where the log files go (the folder may not exist yet)."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override)
    return Path(user_log_dir("wuye_desktop", appauthor=False))


def setup_logging() -> Path | None:
    """Send the program's log records to the log file; returns its path, None on stderr only.

    Only the first call of a process configures anything (``cli.main`` may be called many
    times in one process, e.g. by tests). Our own loggers log from INFO up; other libraries
    (uvicorn, httpx...) only their warnings, so request lines with tokens never reach the file.
    """
    if _configured:
        return _configured[0]
    handler: logging.Handler | None
    path: Path | None = log_dir() / LOG_NAME
    assert path is not None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        # delay=True opens the file at the first record; check now that it can be written.
        with path.open("a", encoding="utf-8"):
            pass
        handler.setLevel(logging.INFO)
    except OSError as exc:
        path = None
        # A windowed Windows program has no stderr at all; then there is nowhere to log.
        handler = logging.StreamHandler(sys.stderr) if sys.stderr is not None else None
        if handler is not None:
            handler.setLevel(logging.WARNING)
            print(f"wuye: cannot write the log file ({exc}); logging to stderr", file=sys.stderr)
    if handler is not None:
        handler.setFormatter(logging.Formatter(_FORMAT))
        logging.getLogger().addHandler(handler)
    logging.getLogger("wuye_desktop").setLevel(logging.INFO)
    _configured.append(path)
    return path

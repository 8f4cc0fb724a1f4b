"""The names offered when a document or an export is saved: what it is, whose, and when.

"closeout.pdf" in a Downloads folder says nothing a week later, and the next one overwrites it;
销项表-QD001-1-1-101-20261206.pdf can be found, sorted and told apart. The parts come translated
from the caller; here they are joined and made safe as a file name on Windows and Linux alike.
"""

from __future__ import annotations

import re
from datetime import date

from wuye_desktop.core.clock import today_local

# Characters Windows refuses in names (and the path separators), and control characters.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_LONGEST = 120  # characters before the extension: well within every file system's limit


def suggested_file_name(*parts: str, ext: str, day: date | None = None) -> str:
    """``parts`` joined by "-", then the local day as YYYYMMDD, then ``.ext``; empty parts are
    left out, unsafe characters become "_"."""
    cleaned = [_UNSAFE.sub("_", p).strip(" .") for p in parts]
    stem = "-".join(p for p in cleaned if p)
    stem = stem[:_LONGEST].rstrip(" .-")
    when = (day or today_local()).strftime("%Y%m%d")
    return f"{stem}-{when}.{ext.lstrip('.')}" if stem else f"{when}.{ext.lstrip('.')}"

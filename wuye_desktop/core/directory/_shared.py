"""Helpers every part of the directory uses: the sort key of numbers, the "Required" message
and the household QR prefix (the stale-version check and finding a community are
:mod:`wuye_desktop.core.finding`'s, which the ledger shares).

Private to the package (its public names are re-exported by ``directory``).
"""

from __future__ import annotations

import re

from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

REQUIRED = QT_TRANSLATE_NOOP("core", "Required")
QR_HOUSEHOLD_PREFIX = "WUYE:H:"


def sort_key(number: str) -> str:
    """Numbers inside building, unit and room numbers sort as numbers: 2 < 10 < 10A."""
    return re.sub(r"\d+", lambda m: m.group().zfill(6), number.upper())[:24]

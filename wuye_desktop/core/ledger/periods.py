"""Periods: a month ``2026-07`` or a quarter ``2026Q3`` (the protocol's two forms)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$")


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class Period:
    label: str  # as the protocol writes it
    months: tuple[str, ...]  # YYYY-MM, in order

    @property
    def first(self) -> str:
        return self.months[0]

    @property
    def last(self) -> str:
        return self.months[-1]


def parse_period(text: str) -> Period:
    raw = text.strip().upper()
    m = _QUARTER.match(raw)
    if m:
        year, quarter = int(m.group(1)), int(m.group(2))
        months = tuple(f"{year:04d}-{3 * (quarter - 1) + i:02d}" for i in (1, 2, 3))
        return Period(f"{year}Q{quarter}", months)
    m = _MONTH.match(raw)
    if m and 1 <= int(m.group(2)) <= 12:
        return Period(raw, (raw,))
    raise ValidationError(
        [
            FieldError(
                "period",
                QT_TRANSLATE_NOOP("core", "{text} is not a period (2026Q3 or 2026-07)"),
                {"text": text},
            )
        ]
    )


def month_bounds(month: str) -> tuple[date, date]:
    """First day of the month and first day of the next."""
    year, mon = int(month[:4]), int(month[5:7])
    start = date(year, mon, 1)
    end = date(year + 1, 1, 1) if mon == 12 else date(year, mon + 1, 1)
    return start, end


def previous_quarter(today: date) -> str:
    """The quarter before *today*'s: the last one whose figures may all be in."""
    quarter = (today.month - 1) // 3  # 0..3, today's quarter less one
    return f"{today.year - 1}Q4" if quarter == 0 else f"{today.year}Q{quarter}"


def latest_closed_period(closed_months: Sequence[str]) -> str | None:
    """The period a disclosure is most likely wanted for: the latest closed month, or its
    quarter when that quarter's three months are all closed (disclosures are quarterly as a
    rule); None when no month is closed."""
    if not closed_months:
        return None
    closed = set(closed_months)
    last = max(closed)
    year, month = int(last[:4]), int(last[5:7])
    quarter = parse_period(f"{year}Q{(month - 1) // 3 + 1}")
    return quarter.label if all(m in closed for m in quarter.months) else last

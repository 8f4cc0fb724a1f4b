"""The periods the overview compares: a week, month, quarter, year or any stretch of days.

A period is a run of whole local days in Asia/Shanghai (where the company works and the
regulator counts), *start* inclusive and *end* exclusive, so that an order reported at 23:59
local time on the last day belongs to it and one at 00:00 the next day to the next period,
whatever the zone of the machine that asks. China keeps no daylight saving, so every local
day is 24 hours long.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from wuye_desktop.core.clock import LOCAL_TZ, today_local
from wuye_desktop.core.errors import FieldError, ValidationError
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class PeriodKind(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    CUSTOM = "custom"


KIND_LABELS: dict[PeriodKind, str] = {
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("overview", "Week"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("overview", "Month"),
    PeriodKind.QUARTER: QT_TRANSLATE_NOOP("overview", "Quarter"),
    PeriodKind.YEAR: QT_TRANSLATE_NOOP("overview", "Year"),
    PeriodKind.CUSTOM: QT_TRANSLATE_NOOP("overview", "Custom"),
}

# How a period is named for people; ``{…}`` are filled from Period.label_params().
_LABELS: dict[PeriodKind, str] = {
    PeriodKind.WEEK: QT_TRANSLATE_NOOP("overview", "Week {week} of {year} ({first} to {last})"),
    PeriodKind.MONTH: QT_TRANSLATE_NOOP("overview", "{month}/{year}"),
    PeriodKind.QUARTER: QT_TRANSLATE_NOOP("overview", "Q{quarter} {year}"),
    PeriodKind.YEAR: QT_TRANSLATE_NOOP("overview", "{year}"),
    PeriodKind.CUSTOM: QT_TRANSLATE_NOOP("overview", "{first} to {last}"),
}

BAD_PERIOD = QT_TRANSLATE_NOOP(
    "overview",
    "Not a period: {text}. Write 2026-11 (a month), 2026Q3 (a quarter), 2026-W47 (a week), "
    "2026 (a year) or 2026-11-01..2026-11-15 (days, both included)",
)
# The longest custom period: ten years is more than any database holds.
MAX_DAYS = 3660


def local_midnight(day: date) -> datetime:
    """Where a local day begins, as an aware moment."""
    return datetime.combine(day, time(0), LOCAL_TZ)


def _month_start(year: int, month: int) -> date:
    months = year * 12 + month - 1
    return date(months // 12, months % 12 + 1, 1)


@dataclass(frozen=True)
class Period:
    """*start* ≤ local day < *end*."""

    kind: PeriodKind
    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise ValueError("a period ends after it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def start_at(self) -> datetime:
        return local_midnight(self.start)

    @property
    def end_at(self) -> datetime:
        return local_midnight(self.end)

    def contains(self, moment: datetime) -> bool:
        return self.start_at <= moment < self.end_at

    def previous(self) -> Period:
        """The period of the same kind just before; a custom one: as many days just before."""
        match self.kind:
            case PeriodKind.WEEK:
                return week(self.start - timedelta(days=7))
            case PeriodKind.MONTH:
                return month(_month_start(self.start.year, self.start.month - 1))
            case PeriodKind.QUARTER:
                return quarter(_month_start(self.start.year, self.start.month - 3))
            case PeriodKind.YEAR:
                return year(self.start.year - 1)
            case PeriodKind.CUSTOM:
                return Period(PeriodKind.CUSTOM, self.start - (self.end - self.start), self.start)

    def code(self) -> str:
        """The period as the command line writes it (parse_period reads it back)."""
        match self.kind:
            case PeriodKind.WEEK:
                y, w, _ = self.start.isocalendar()
                return f"{y}-W{w:02d}"
            case PeriodKind.MONTH:
                return f"{self.start.year}-{self.start.month:02d}"
            case PeriodKind.QUARTER:
                return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
            case PeriodKind.YEAR:
                return str(self.start.year)
            case PeriodKind.CUSTOM:
                return f"{self.start.isoformat()}..{self.last_day.isoformat()}"

    def label_template(self) -> str:
        """The translatable name of the period (context "overview"); fill with label_params."""
        return _LABELS[self.kind]

    def label_params(self) -> dict[str, Any]:
        y, w, _ = self.start.isocalendar()
        return {
            "year": y if self.kind is PeriodKind.WEEK else self.start.year,
            "month": self.start.month,
            "quarter": (self.start.month - 1) // 3 + 1,
            "week": w,
            "first": self.start.isoformat(),
            "last": self.last_day.isoformat(),
        }

    def label(self) -> str:
        """The untranslated name (tests, logs); people get label_template() translated."""
        return self.label_template().format(**self.label_params())


def week(day: date) -> Period:
    """The ISO week (Monday to Sunday) holding *day*."""
    start = day - timedelta(days=day.weekday())
    return Period(PeriodKind.WEEK, start, start + timedelta(days=7))


def month(day: date) -> Period:
    start = day.replace(day=1)
    return Period(PeriodKind.MONTH, start, _month_start(start.year, start.month + 1))


def quarter(day: date) -> Period:
    start = date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return Period(PeriodKind.QUARTER, start, _month_start(start.year, start.month + 3))


def year(number: int) -> Period:
    return Period(PeriodKind.YEAR, date(number, 1, 1), date(number + 1, 1, 1))


def custom(first: date, last: date) -> Period:
    """The days *first* to *last*, both included."""
    return Period(PeriodKind.CUSTOM, first, last + timedelta(days=1))


def current(kind: PeriodKind | str, today: date | None = None) -> Period:
    """The period of *kind* holding today (local); a custom one is the last 30 days."""
    today = today or today_local()
    match PeriodKind(kind):
        case PeriodKind.WEEK:
            return week(today)
        case PeriodKind.MONTH:
            return month(today)
        case PeriodKind.QUARTER:
            return quarter(today)
        case PeriodKind.YEAR:
            return year(today.year)
        case PeriodKind.CUSTOM:
            return custom(today - timedelta(days=29), today)


_FORMS = [
    (re.compile(r"(\d{4})-(\d{2})"), "month"),
    (re.compile(r"(\d{4})[Qq]([1-4])"), "quarter"),
    (re.compile(r"(\d{4})-[Ww](\d{2})"), "week"),
    (re.compile(r"(\d{4})"), "year"),
    (re.compile(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})"), "custom"),
]


def parse_period(text: str, field: str = "period") -> Period:
    """``2026-11``, ``2026Q3``, ``2026-W47``, ``2026`` or ``2026-11-01..2026-11-15``.

    Anything else is a ValidationError on *field* naming the accepted forms.
    """
    raw = text.strip()
    refusal = ValidationError([FieldError(field, BAD_PERIOD, {"text": text})])
    for pattern, form in _FORMS:
        m = pattern.fullmatch(raw)
        if m is None:
            continue
        try:
            match form:
                case "month":
                    return month(date(int(m[1]), int(m[2]), 1))
                case "quarter":
                    return quarter(date(int(m[1]), int(m[2]) * 3, 1))
                case "week":
                    return week(date.fromisocalendar(int(m[1]), int(m[2]), 1))
                case "year":
                    if int(m[1]) < 1:
                        raise ValueError(raw)
                    return year(int(m[1]))
                case _:
                    first, last = date.fromisoformat(m[1]), date.fromisoformat(m[2])
                    if last < first or (last - first).days >= MAX_DAYS:
                        raise ValueError(raw)
                    return custom(first, last)
        except (ValueError, OverflowError):
            raise refusal from None
    raise refusal

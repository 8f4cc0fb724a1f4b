"""The periods the callback statistics are counted over, and where each begins.

A period is made of local days (Asia/Shanghai): "this week" begins on Monday at 00:00 there,
whatever the zone of the machine that asks.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time, timedelta

from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP


class StatsPeriod(enum.StrEnum):
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    LAST_12_MONTHS = "12_months"  # this month and the eleven before it


PERIOD_LABELS: dict[StatsPeriod, str] = {
    StatsPeriod.WEEK: QT_TRANSLATE_NOOP("core", "This week"),
    StatsPeriod.MONTH: QT_TRANSLATE_NOOP("core", "This month"),
    StatsPeriod.QUARTER: QT_TRANSLATE_NOOP("core", "This quarter"),
    StatsPeriod.YEAR: QT_TRANSLATE_NOOP("core", "This year"),
    StatsPeriod.LAST_12_MONTHS: QT_TRANSLATE_NOOP("core", "Last 12 months"),
}

DEFAULT_PERIOD = StatsPeriod.MONTH


def _local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TZ)


def period_start(period: StatsPeriod | str, now: datetime) -> datetime:
    """Where a period of the statistics begins, at local midnight."""
    today = now.astimezone(LOCAL_TZ).date()
    match StatsPeriod(period):
        case StatsPeriod.WEEK:
            return _local_midnight(today - timedelta(days=today.weekday()))
        case StatsPeriod.MONTH:
            return _local_midnight(today.replace(day=1))
        case StatsPeriod.QUARTER:
            return _local_midnight(date(today.year, (today.month - 1) // 3 * 3 + 1, 1))
        case StatsPeriod.YEAR:
            return _local_midnight(date(today.year, 1, 1))
        case StatsPeriod.LAST_12_MONTHS:
            months = today.year * 12 + today.month - 1 - 11
            return _local_midnight(date(months // 12, months % 12 + 1, 1))

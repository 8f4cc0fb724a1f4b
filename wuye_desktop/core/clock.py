"""Time: stored in UTC, shown in Asia/Shanghai."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def now_utc() -> datetime:
    return datetime.now(UTC)


def to_local(moment: datetime) -> datetime:
    if moment.tzinfo is None:  # SQLite hands back naive values; they were stored as UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL_TZ)


def today_local() -> date:
    """Today's calendar day in Asia/Shanghai, whatever the machine's own zone."""
    return now_utc().astimezone(LOCAL_TZ).date()


def format_local(moment: datetime | None, with_seconds: bool = False) -> str:
    if moment is None:
        return ""
    fmt = "%Y-%m-%d %H:%M:%S" if with_seconds else "%Y-%m-%d %H:%M"
    return to_local(moment).strftime(fmt)

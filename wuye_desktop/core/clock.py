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


def format_local(
    moment: datetime | None,
    with_seconds: bool = False,
    *,
    with_year: bool = True,
    with_date: bool = True,
) -> str:
    """A moment as people read it, in Asia/Shanghai: "2026-11-20 14:05"; "" for None.

    ``with_seconds`` adds ":07"; ``with_year=False`` gives "11-20 14:05" (a list whose rows are
    mostly from this year); ``with_date=False`` only the time of day, "14:05".
    """
    if moment is None:
        return ""
    fmt = "%H:%M:%S" if with_seconds else "%H:%M"
    if with_date:
        fmt = ("%Y-%m-%d " if with_year else "%m-%d ") + fmt
    return to_local(moment).strftime(fmt)

"""Deadlines of the 3 repair tiers: calendar or working time, holidays, make-up days, pauses.

The clock of an order runs in one of two modes. In *calendar* mode every minute counts. In
*working* mode only minutes inside the company's working hours on working days count; a working
day is Monday to Friday unless it is a public holiday, plus any make-up working day (调休上班) that
falls on a weekend. Pauses (waiting for the owner's access, for parts) stop the clock in either
mode. All arithmetic is done in Asia/Shanghai local time, where the rules are written, and
results are aware datetimes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from wuye_desktop.core.clock import LOCAL_TZ

MINUTE = timedelta(minutes=1)


class ClockMode(enum.StrEnum):
    CALENDAR = "calendar"
    WORKING = "working"


@dataclass(frozen=True)
class WorkCalendar:
    """When working time runs: daily hours and the year's exceptions."""

    day_start: time = time(8, 30)
    day_end: time = time(17, 30)
    holidays: frozenset[date] = frozenset()
    makeup_workdays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if self.day_end <= self.day_start:
            raise ValueError("working hours must end after they start")

    def is_working_day(self, day: date) -> bool:
        if day in self.makeup_workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """The working interval of *day* in local time, or None on a day off."""
        if not self.is_working_day(day):
            return None
        return (
            datetime.combine(day, self.day_start, LOCAL_TZ),
            datetime.combine(day, self.day_end, LOCAL_TZ),
        )


@dataclass(frozen=True)
class Pause:
    """The clock stopped from *start* until *end* (None while still paused)."""

    start: datetime
    end: datetime | None
    reason: str = ""


def _local(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return moment.astimezone(LOCAL_TZ)


def _running_intervals(
    start: datetime, mode: ClockMode, calendar: WorkCalendar
) -> Iterable[tuple[datetime, datetime]]:
    """Endless stream of intervals from *start* on during which the mode's clock runs."""
    start = _local(start)
    if mode is ClockMode.CALENDAR:
        yield start, datetime.max.replace(tzinfo=LOCAL_TZ) - timedelta(days=2)
        return
    day = start.date()
    # Ten years without a working day would mean a misconfigured calendar, not a real deadline.
    for _ in range(3660):
        window = calendar.window(day)
        if window is not None:
            lo, hi = max(window[0], start), window[1]
            if lo < hi:
                yield lo, hi
        day += timedelta(days=1)
    raise ValueError("the working calendar has no working time")


def _subtract_pauses(
    intervals: Iterable[tuple[datetime, datetime]], pauses: Sequence[Pause]
) -> Iterable[tuple[datetime, datetime]]:
    """The parts of *intervals* outside every pause (pauses may overlap each other)."""
    cuts = sorted((_local(p.start), _local(p.end) if p.end is not None else None) for p in pauses)
    for lo, hi in intervals:
        pieces = [(lo, hi)]
        for p_lo, p_hi in cuts:
            nxt: list[tuple[datetime, datetime]] = []
            for a, b in pieces:
                if p_hi is None:
                    if p_lo <= a:
                        continue  # paused from before this piece and still paused
                    nxt.append((a, min(b, p_lo)))
                    continue
                if p_hi <= a or p_lo >= b:
                    nxt.append((a, b))
                    continue
                if a < p_lo:
                    nxt.append((a, p_lo))
                if p_hi < b:
                    nxt.append((p_hi, b))
            pieces = nxt
        yield from (p for p in pieces if p[0] < p[1])
        if any(p.end is None and _local(p.start) <= hi for p in pauses):
            return  # an open pause stops the clock for good


def due_at(
    start: datetime,
    budget: timedelta,
    mode: ClockMode = ClockMode.CALENDAR,
    calendar: WorkCalendar | None = None,
    pauses: Sequence[Pause] = (),
) -> datetime | None:
    """The moment *budget* of running clock has passed since *start*; None while paused."""
    calendar = calendar or WorkCalendar()
    remaining = budget
    if remaining <= timedelta(0):
        return _local(start)
    for lo, hi in _subtract_pauses(_running_intervals(start, mode, calendar), pauses):
        if hi - lo >= remaining:
            return lo + remaining
        remaining -= hi - lo
    return None


def elapsed(
    start: datetime,
    end: datetime,
    mode: ClockMode = ClockMode.CALENDAR,
    calendar: WorkCalendar | None = None,
    pauses: Sequence[Pause] = (),
) -> timedelta:
    """Running clock between *start* and *end* (for on-time statistics and 'time left')."""
    calendar = calendar or WorkCalendar()
    end = _local(end)
    total = timedelta(0)
    for lo, hi in _subtract_pauses(_running_intervals(start, mode, calendar), pauses):
        if lo >= end:
            break
        total += min(hi, end) - lo
    return total


@dataclass(frozen=True)
class TierRule:
    """First response and completion budgets of one tier (or one tier and category)."""

    response: timedelta
    completion: timedelta
    mode: ClockMode = ClockMode.CALENDAR


@dataclass(frozen=True)
class DeadlineRules:
    """The company's rules: per tier, overridable per category; DESIGN.md §2 gives the defaults."""

    tiers: dict[str, TierRule]
    overrides: dict[tuple[str, str], TierRule] = field(default_factory=dict)  # (tier, category)
    calendar: WorkCalendar = WorkCalendar()
    promised_max_days: int = 30

    def rule(self, tier: str, category: str) -> TierRule:
        return self.overrides.get((tier, category)) or self.tiers[tier]


def default_rules() -> DeadlineRules:
    hours = timedelta(hours=1)
    return DeadlineRules(
        tiers={
            "immediate": TierRule(30 * MINUTE, 24 * hours),
            "time_limited": TierRule(2 * hours, 72 * hours),
            # Response = the commitment letter issued; completion = the promised date, at most 30 days.
            "promised": TierRule(48 * hours, timedelta(days=30)),
        },
        overrides={("time_limited", "elevator"): TierRule(2 * hours, 24 * hours)},
    )


@dataclass(frozen=True)
class Deadlines:
    response_due: datetime | None
    completion_due: datetime | None


def deadlines_for(
    rules: DeadlineRules,
    tier: str,
    category: str,
    accepted_at: datetime,
    pauses: Sequence[Pause] = (),
    promised_date: date | None = None,
) -> Deadlines:
    """Both deadlines of an order. A promised order's completion is the end of the promised day."""
    rule = rules.rule(tier, category)
    response = due_at(accepted_at, rule.response, rule.mode, rules.calendar, pauses)
    if tier == "promised" and promised_date is not None:
        completion: datetime | None = datetime.combine(promised_date, time(23, 59, 59), LOCAL_TZ)
    else:
        completion = due_at(accepted_at, rule.completion, rule.mode, rules.calendar, pauses)
    return Deadlines(response, completion)

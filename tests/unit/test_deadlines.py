"""Deadline rules: tiers, category overrides, working hours, holidays, make-up days, pauses."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from wuye_desktop.core.clock import LOCAL_TZ
from wuye_desktop.core.deadlines import (
    ClockMode,
    DeadlineRules,
    Pause,
    TierRule,
    WorkCalendar,
    deadlines_for,
    default_rules,
    due_at,
    elapsed,
)

H = timedelta(hours=1)


def at(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=LOCAL_TZ)


# National Day 2026: Oct 1-7 off; Sunday Sep 27 and Saturday Oct 10 are make-up working days.
NATIONAL_DAY = WorkCalendar(
    day_start=time(8, 30),
    day_end=time(17, 30),
    holidays=frozenset(date(2026, 10, d) for d in range(1, 8)),
    makeup_workdays=frozenset({date(2026, 9, 27), date(2026, 10, 10)}),
)


def test_default_tiers_follow_design_table() -> None:
    rules = default_rules()
    start = at(2026, 11, 20, 10)
    d = deadlines_for(rules, "immediate", "lighting", start)
    assert d.response_due == start + 30 * timedelta(minutes=1)
    assert d.completion_due == start + 24 * H
    d = deadlines_for(rules, "time_limited", "water_leak", start)
    assert (d.response_due, d.completion_due) == (start + 2 * H, start + 72 * H)


def test_elevator_override_shortens_time_limited_completion() -> None:
    start = at(2026, 11, 20, 10)
    d = deadlines_for(default_rules(), "time_limited", "elevator", start)
    assert d.completion_due == start + 24 * H


def test_promised_completion_is_end_of_promised_day() -> None:
    start = at(2026, 11, 20, 10)
    d = deadlines_for(
        default_rules(), "promised", "wall_crack", start, promised_date=date(2026, 12, 5)
    )
    assert d.response_due == start + 48 * H
    assert d.completion_due == datetime(2026, 12, 5, 23, 59, 59, tzinfo=LOCAL_TZ)


def test_calendar_mode_runs_through_the_night() -> None:
    start = at(2026, 11, 20, 23, 50)  # ten minutes before midnight
    assert due_at(start, 30 * timedelta(minutes=1)) == at(2026, 11, 21, 0, 20)


def test_working_hours_skip_night_and_weekend() -> None:
    cal = WorkCalendar()
    # Friday 16:30 + 2 working hours: 1 h on Friday, then Monday 08:30 + 1 h.
    assert due_at(at(2026, 11, 20, 16, 30), 2 * H, ClockMode.WORKING, cal) == at(
        2026, 11, 23, 9, 30
    )


def test_order_created_near_midnight_starts_next_morning() -> None:
    cal = WorkCalendar()
    assert due_at(at(2026, 11, 18, 23, 55), 2 * H, ClockMode.WORKING, cal) == at(
        2026, 11, 19, 10, 30
    )


def test_holiday_is_skipped_and_makeup_day_counts() -> None:
    # Wednesday Sep 30 16:30 + 3 h: 1 h that day, the holiday week is skipped,
    # Thursday Oct 8 from 08:30 gives the remaining 2 h.
    got = due_at(at(2026, 9, 30, 16, 30), 3 * H, ClockMode.WORKING, NATIONAL_DAY)
    assert got == at(2026, 10, 8, 10, 30)
    # Saturday Sep 26 evening: Sunday Sep 27 is a make-up working day, so the clock runs then.
    got = due_at(at(2026, 9, 26, 20), 1 * H, ClockMode.WORKING, NATIONAL_DAY)
    assert got == at(2026, 9, 27, 9, 30)


def test_pause_extends_deadline_by_paused_running_time() -> None:
    start = at(2026, 11, 20, 10)
    pause = Pause(at(2026, 11, 20, 11), at(2026, 11, 20, 15), "waiting for parts")
    assert due_at(start, 2 * H, pauses=[pause]) == at(2026, 11, 20, 16)
    # In working mode a pause over the night costs only the working part of it.
    night = Pause(at(2026, 11, 20, 17), at(2026, 11, 23, 9, 30), "owner away")
    got = due_at(at(2026, 11, 20, 16, 30), 2 * H, ClockMode.WORKING, WorkCalendar(), [night])
    # 30 min run on Friday; Friday 17:00-17:30 and Monday 08:30-09:30 are paused; 1.5 h remain.
    assert got == at(2026, 11, 23, 11, 0)


def test_open_pause_means_no_deadline_yet() -> None:
    start = at(2026, 11, 20, 10)
    assert due_at(start, 2 * H, pauses=[Pause(at(2026, 11, 20, 11), None)]) is None
    # ...but a budget used up before the pause began still gives a deadline.
    assert due_at(start, 30 * timedelta(minutes=1), pauses=[Pause(at(2026, 11, 20, 11), None)]) == (
        at(2026, 11, 20, 10, 30)
    )


def test_overlapping_pauses_count_once() -> None:
    start = at(2026, 11, 20, 10)
    pauses = [
        Pause(at(2026, 11, 20, 11), at(2026, 11, 20, 13)),
        Pause(at(2026, 11, 20, 12), at(2026, 11, 20, 14)),
    ]
    assert due_at(start, 2 * H, pauses=pauses) == at(2026, 11, 20, 15)


def test_elapsed_is_inverse_of_due_at() -> None:
    start = at(2026, 9, 30, 16, 30)
    due = due_at(start, 3 * H, ClockMode.WORKING, NATIONAL_DAY)
    assert due is not None
    assert elapsed(start, due, ClockMode.WORKING, NATIONAL_DAY) == 3 * H


def test_working_mode_per_tier_rule() -> None:
    rules = DeadlineRules(
        tiers={
            "immediate": TierRule(30 * timedelta(minutes=1), 24 * H),
            "time_limited": TierRule(2 * H, 16 * H, ClockMode.WORKING),
            "promised": TierRule(48 * H, timedelta(days=30)),
        }
    )
    d = deadlines_for(rules, "time_limited", "drainage", at(2026, 11, 20, 16, 30))
    # 16 working hours of 9 a day: 1 h Friday, 9 h Monday, 6 h Tuesday.
    assert d.completion_due == at(2026, 11, 24, 14, 30)


def test_naive_times_and_bad_calendar_refused() -> None:
    with pytest.raises(ValueError):
        due_at(datetime(2026, 11, 20, 10), H)
    with pytest.raises(ValueError):
        WorkCalendar(day_start=time(18), day_end=time(8))

"""The official holidays and make-up working days of a year, from the chinesecalendar package:
2026 as the State Council announced it, other years kept, a year the package lacks said so,
and which year is missing when."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from chinese_calendar import constants

from wuye_desktop.core import holidays
from wuye_desktop.core.deadlines import WorkCalendar
from wuye_desktop.core.errors import NotFound

NATIONAL_DAY = {date(2026, 10, 1) + timedelta(days=i) for i in range(7)}


def test_2026_is_the_official_calendar() -> None:
    year = holidays.official_year(2026)
    assert year.holidays >= NATIONAL_DAY
    assert date(2026, 1, 1) in year.holidays and date(2026, 10, 8) not in year.holidays
    # the 调休 working days the package lists for 2026, weekends among them
    assert year.makeup_workdays == {d for d in constants.workdays if d.year == 2026}
    assert {date(2026, 9, 20), date(2026, 10, 10)} <= year.makeup_workdays
    assert all(d.weekday() >= 5 for d in year.makeup_workdays)


def test_filling_a_year_replaces_that_year_only() -> None:
    typed = WorkCalendar(
        holidays=frozenset({date(2025, 10, 1), date(2026, 3, 3)}),
        makeup_workdays=frozenset({date(2025, 9, 28), date(2026, 3, 7)}),
    )
    filled = holidays.with_official_year(typed, holidays.official_year(2026))
    assert date(2025, 10, 1) in filled.holidays and date(2025, 9, 28) in filled.makeup_workdays
    assert date(2026, 3, 3) not in filled.holidays  # 2026 is the notice's now
    assert date(2026, 3, 7) not in filled.makeup_workdays
    assert filled.holidays >= NATIONAL_DAY


def test_a_year_the_package_lacks_is_said_so() -> None:
    last = holidays.known_years().stop - 1
    with pytest.raises(NotFound) as caught:
        holidays.official_year(last + 1)
    assert str(last + 1) in str(caught.value) and "by hand" in str(caught.value)


def test_the_missing_year_this_year_and_from_december_next_year() -> None:
    assert holidays.missing_year(WorkCalendar(), date(2026, 5, 1)) == 2026
    with_2026 = WorkCalendar(holidays=holidays.official_year(2026).holidays)
    assert holidays.missing_year(with_2026, date(2026, 11, 30)) is None
    assert holidays.missing_year(with_2026, date(2026, 12, 1)) == 2027
    both = WorkCalendar(holidays=with_2026.holidays | {date(2027, 1, 1)})
    assert holidays.missing_year(both, date(2026, 12, 31)) is None

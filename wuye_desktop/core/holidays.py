"""China's public holidays and make-up working days (调休) of a year, from the State Council's
yearly notice as the ``chinesecalendar`` package carries it, so an administrator need not type
them in; and which year's calendar is missing, to warn in time.

Filling a year replaces that year's dates in the working calendar with the official ones and
leaves every other year alone; what is filled stays editable and is saved like typed dates. The
package learns a year when the notice is out (usually November); a year it does not have yet is
said so, never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from wuye_desktop.core.deadlines import WorkCalendar
from wuye_desktop.core.errors import NotFound
from wuye_desktop.core.i18n import QT_TRANSLATE_NOOP

# From this day of December on, next year's calendar should be in (the notice is out by then).
WARN_FROM = (12, 1)


@dataclass(frozen=True)
class OfficialYear:
    year: int
    holidays: frozenset[date]
    makeup_workdays: frozenset[date]


def known_years() -> range:
    """The years the installed package has the notice of."""
    from chinese_calendar import constants

    years = {d.year for d in constants.holidays}
    return range(min(years), max(years) + 1)


def official_year(year: int) -> OfficialYear:
    """The official holidays and make-up working days of *year*; NotFound if the installed
    package does not have that year's notice yet."""
    from chinese_calendar import constants

    if year not in known_years():
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "core",
                "The official holidays of {year} are not in this version of the program yet "
                "(it knows {first} to {last}); enter them by hand, or update the program",
            ),
            year=year,
            first=known_years().start,
            last=known_years().stop - 1,
        )
    return OfficialYear(
        year,
        frozenset(d for d in constants.holidays if d.year == year),
        frozenset(d for d in constants.workdays if d.year == year),
    )


def with_official_year(calendar: WorkCalendar, official: OfficialYear) -> WorkCalendar:
    """*calendar* with *official*'s year replaced by the official dates, other years kept."""
    year = official.year
    return replace(
        calendar,
        holidays=frozenset(d for d in calendar.holidays if d.year != year) | official.holidays,
        makeup_workdays=frozenset(d for d in calendar.makeup_workdays if d.year != year)
        | official.makeup_workdays,
    )


def has_year(calendar: WorkCalendar, year: int) -> bool:
    """Whether any holiday of *year* is in the calendar (every year has the Spring Festival)."""
    return any(d.year == year for d in calendar.holidays)


def missing_year(calendar: WorkCalendar, today: date) -> int | None:
    """The year whose holidays should be in the calendar and are not: this year's, or from
    1 December on next year's; None when both are there."""
    if not has_year(calendar, today.year):
        return today.year
    if (today.month, today.day) >= WARN_FROM and not has_year(calendar, today.year + 1):
        return today.year + 1
    return None

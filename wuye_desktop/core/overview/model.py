"""What the overview service returns: plain frozen dataclasses, the same for the 概览 tab, the
``wuye stats`` command, the Excel export and the monthly report.

Every number that can be clicked carries its *drill-down*: the work-order list's filter
(:class:`core.orders.list_query.OrderFilter`) that lists exactly the orders it counts. A rate
has two: ``drill`` (the orders it is taken over, its denominator) and ``drill_hits`` (those
that met it, its numerator); a count or a time has ``drill`` only.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from wuye_desktop.core.orders.list_query import OrderFilter
from wuye_desktop.core.overview.periods import Period


class Unit(enum.StrEnum):
    COUNT = "count"
    FRACTION = "fraction"  # 0.0 … 1.0, shown as a percentage
    MINUTES = "minutes"


@dataclass(frozen=True)
class Scope:
    """The whole company (community_id None) or one community."""

    community_id: int | None
    community_code: str = ""
    community_name: str = ""


@dataclass(frozen=True)
class Figure:
    """One named number against the previous period.

    *value* is None when there is nothing to take it over (a rate of no orders). *count* is
    how many things it is taken over (orders, or callbacks for satisfaction, tickets for the
    reply rate) and *hits* how many of them met it; both None for a count or a time. *title*
    and *definition* are English templates of context "overview" (translate them to show).
    """

    key: str
    unit: Unit
    value: float | None
    previous: float | None
    title: str
    definition: str
    target: float | None = None
    count: int | None = None
    hits: int | None = None
    drill: OrderFilter | None = None
    drill_hits: OrderFilter | None = None
    # A rate's orders that did not meet it (counted, not met): the late ones, the ones not
    # called back; what a manager wants to see behind a bad number.
    drill_missed: OrderFilter | None = None
    tier: str = ""  # the tier of a per-tier figure, "" for all


@dataclass(frozen=True)
class Cell:
    """One bar or slice of a breakdown: the orders of *value* reported in the period."""

    value: str  # the stored value (a category, tier, channel, source or status)
    count: int
    previous: int
    drill: OrderFilter


@dataclass(frozen=True)
class Breakdown:
    key: str  # category | tier | channel | source | status
    title: str
    cells: tuple[Cell, ...]  # every value that has orders in either period, most first


@dataclass(frozen=True)
class TrendPoint:
    """One day, week or month of the trend (local days, end exclusive, clipped to the trend)."""

    start: date
    end: date
    reported: int
    completion_rated: int
    completion_on_time: int
    drill: OrderFilter  # the orders reported in it

    @property
    def on_time_rate(self) -> float | None:
        return self.completion_on_time / self.completion_rated if self.completion_rated else None


@dataclass(frozen=True)
class Trend:
    step: str  # day | week | month
    points: tuple[TrendPoint, ...]


@dataclass(frozen=True)
class CommunityRate:
    """On-time completion of one community's orders reported in the period."""

    community_id: int
    code: str
    name: str
    rated: int
    on_time: int
    drill: OrderFilter
    drill_hits: OrderFilter

    @property
    def rate(self) -> float | None:
        return self.on_time / self.rated if self.rated else None


@dataclass(frozen=True)
class NowFigures:
    """What needs doing today, whatever the period: what a desk sees too."""

    overdue: Figure
    due_soon: Figure
    callbacks_due: Figure


@dataclass(frozen=True)
class Overview:
    """The overview of one scope and period; the parts a role may not see are None."""

    scope: Scope
    period: Period
    previous_period: Period
    now: NowFigures
    figures: tuple[Figure, ...] | None = None
    breakdowns: tuple[Breakdown, ...] | None = None
    trend: Trend | None = None
    by_community: tuple[CommunityRate, ...] | None = None
    # Changes to orders its figures leave out, not counted yet into the precomputed ones (the
    # tab's overview, when another was writing or the changes were many): 0 when complete.
    uncounted: int = 0

    def figure(self, key: str) -> Figure:
        """The figure named *key* (KeyError if absent)."""
        for f in (
            *(self.figures or ()),
            self.now.overdue,
            self.now.due_soon,
            self.now.callbacks_due,
        ):
            if f.key == key:
                return f
        raise KeyError(key)

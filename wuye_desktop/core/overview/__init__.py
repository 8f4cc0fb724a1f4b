"""The manager's overview (DESIGN §3 "Overview"): figures of a period against the previous one.

- :mod:`.periods`: the periods (week, month, quarter, year, custom) and their parsing;
- :mod:`.slices`: which orders each figure counts, as SQL shared with the work-order list;
- :mod:`.regulator_rules`: the regulator's reply rate and supervision rules;
- :mod:`.figures`: the figures' names and definitions;
- :mod:`.model`: the result dataclasses;
- :mod:`.service`: :func:`overview`, the one service.
"""

from __future__ import annotations

from wuye_desktop.core.overview.model import (
    Breakdown,
    Cell,
    CommunityRate,
    Figure,
    NowFigures,
    Overview,
    Scope,
    Trend,
    TrendPoint,
    Unit,
)
from wuye_desktop.core.overview.periods import (
    Period,
    PeriodKind,
    current,
    custom,
    month,
    parse_period,
    quarter,
    week,
    year,
)
from wuye_desktop.core.overview.service import community_by_code, overview, percentile
from wuye_desktop.core.overview.slices import OrderSlice, SliceKey, slice_condition

__all__ = [
    "Breakdown",
    "Cell",
    "CommunityRate",
    "Figure",
    "NowFigures",
    "OrderSlice",
    "Overview",
    "Period",
    "PeriodKind",
    "Scope",
    "SliceKey",
    "Trend",
    "TrendPoint",
    "Unit",
    "community_by_code",
    "current",
    "custom",
    "month",
    "overview",
    "parse_period",
    "percentile",
    "quarter",
    "slice_condition",
    "week",
    "year",
]

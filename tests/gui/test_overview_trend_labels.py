"""The overview trend's axis labels (ui.overview.charts.point_labels): a year's twelve months fit
side by side (the month alone); a stretch over two years keeps the year on each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.core.overview import TrendPoint
from wuye_desktop.ui.overview.charts import point_labels


def _months(first: date, count: int) -> list[TrendPoint]:
    out = []
    for i in range(count):
        n = first.year * 12 + first.month - 1 + i
        start = date(n // 12, n % 12 + 1, 1)
        out.append(TrendPoint(start, start, 0, 0, 0, OrderFilter()))
    return out


@pytest.fixture
def chinese() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    yield
    QLocale.setDefault(before)


def test_a_years_months_are_named_by_the_month_alone(qapp: object, chinese: None) -> None:
    labels = point_labels("month", _months(date(2026, 1, 1), 12))
    assert labels[0] == "1月" and labels[11] == "12月"
    assert len(set(labels)) == 12


def test_months_over_two_years_keep_their_year(qapp: object) -> None:
    labels = point_labels("month", _months(date(2025, 11, 1), 4))
    assert labels == ["11/2025", "12/2025", "1/2026", "2/2026"]


def test_days_and_weeks_are_month_and_day(qapp: object) -> None:
    [point] = _months(date(2026, 3, 1), 1)
    assert point_labels("week", [point]) == ["03-01"]

"""The 概览 tab, used as a manager uses it: last month against the month before, a click on a
figure or a bar lists exactly that figure's orders; the desk sees only what is due now;
finance has no overview at all."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QHorizontalBarSeries
from PySide6.QtCore import QPointF, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import make_user
from tests.gui.shell_support import context, isolate_settings, new_order, reset_language, settle
from wuye_desktop.core import directory, orders
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import now_utc, today_local
from wuye_desktop.core.orders import OrderFilter
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage.db import Database
from wuye_desktop.ui import i18n
from wuye_desktop.ui.main_window import TABS, MainWindow
from wuye_desktop.ui.overview import OverviewTab
from wuye_desktop.ui.overview.charts import DrillChart
from wuye_desktop.ui.work_orders import WorkOrdersTab

pytestmark = pytest.mark.usefixtures("shown_errors", "background_finished")


@pytest.fixture(autouse=True)
def _settings(tmp_path: Path) -> Iterator[None]:
    isolate_settings(tmp_path / "settings")
    yield
    reset_language()


def _ago(moment: datetime) -> timedelta:
    return now_utc() - moment


@pytest.fixture
def made(
    db: Database, admin: Actor, community: directory.CommunityView, home: int
) -> dict[str, list[int]]:
    """Last month: three water leaks (time-limited) and a lamp (immediate), all left open, so
    all are overdue now; the month before: one leak."""
    last = ov.current("month").previous()
    before = last.previous()
    made: dict[str, list[int]] = {"last": [], "before": []}
    for n in range(3):
        at = last.start_at + timedelta(days=2 + n, hours=10)
        made["last"].append(
            new_order(db, admin, community, home, f"漏水{n}", reported_ago=_ago(at))
        )
    at = last.start_at + timedelta(days=8, hours=9)
    made["last"].append(
        new_order(
            db,
            admin,
            community,
            None,
            "路灯不亮",
            tier="immediate",
            category="lighting",
            reported_ago=_ago(at),
        )
    )
    at = before.start_at + timedelta(days=5, hours=9)
    made["before"].append(new_order(db, admin, community, home, "旧漏水", reported_ago=_ago(at)))
    return made


def open_window(qtbot: QtBot, db: Database, actor: Actor) -> MainWindow:
    window = MainWindow(context(db, actor), tabs=TABS)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    return window


def overview_tab(window: MainWindow) -> OverviewTab:
    tab = window.current_tab()
    assert isinstance(tab, OverviewTab)
    return tab


def listed_ids(qtbot: QtBot, window: MainWindow) -> list[int]:
    """The ids in the work-order list the window shows, all pages read."""
    tab = window.current_tab()
    assert isinstance(tab, WorkOrdersTab)
    settle(qtbot)
    while tab.model.canFetchMore():
        tab.model.fetchMore()
        settle(qtbot)
    return tab.model.ids()


def core_ids(db: Database, actor: Actor, order_filter: OrderFilter) -> list[int]:
    ids, _cursor = orders.order_page(db, actor, order_filter, limit=10_000)
    return ids


def test_a_manager_opens_on_last_month_and_a_click_lists_exactly_the_figures_orders(
    qtbot: QtBot, db: Database, admin: Actor, made: dict[str, list[int]]
) -> None:
    manager = make_user(db, admin, Role.MANAGER, "boss")
    window = open_window(qtbot, db, manager)
    assert window.tabs.tabText(0) == "Overview"
    tab = overview_tab(window)
    assert tab.result is not None and tab.result.figures is not None
    last = ov.current("month").previous()
    assert tab.result.period == last and tab.result.previous_period == last.previous()

    reported = tab.result.figure("reported")
    assert (reported.value, reported.previous) == (4, 1)
    card = next(s.cards["reported"] for s in tab.sections if "reported" in s.cards)
    assert card.value.text() == "4"
    assert "Before: 1" in card.previous.text() and "▲ 3" in card.previous.text()
    assert "reported in the period" in card.toolTip()  # the definition, one hover away

    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    ids = listed_ids(qtbot, window)
    assert sorted(ids) == sorted(made["last"]) == sorted(core_ids(db, manager, reported.drill))
    orders_tab = window.current_tab()
    assert isinstance(orders_tab, WorkOrdersTab)
    assert orders_tab.drill_banner.isVisible()
    assert "Orders reported" in orders_tab.drill_banner.label.text()
    # Back to the filters: the banner goes, the desk's usual list (open orders) comes back.
    qtbot.mouseClick(orders_tab.drill_banner.clear_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert not orders_tab.drill_banner.isVisible()
    assert orders_tab.model.query.filter == orders_tab.filters.value()

    # The completion rate: all four are late; Enter on the card lists the four it counts.
    window.tabs.setCurrentIndex(0)
    rate = tab.result.figure("completion_on_time")
    assert (rate.value, rate.count, rate.hits) == (0.0, 4, 0)
    rate_card = next(s.cards[rate.key] for s in tab.sections if rate.key in s.cards)
    rate_card.setFocus()
    qtbot.keyClick(rate_card, Qt.Key.Key_Return)
    ids = listed_ids(qtbot, window)
    assert rate.drill is not None and len(ids) == rate.count
    assert sorted(ids) == sorted(core_ids(db, manager, rate.drill))

    # The bad number's own orders, from the card's menu: those that did not meet it.
    window.tabs.setCurrentIndex(0)
    menu = rate_card.context_menu()
    missed = next(a for a in menu.actions() if a.text() == "List the orders that did not meet it")
    missed.trigger()
    ids = listed_ids(qtbot, window)
    assert rate.drill_missed is not None
    assert sorted(ids) == sorted(core_ids(db, manager, rate.drill_missed)) == sorted(made["last"])
    menu.deleteLater()

    # Every figure and its list agree.
    for figure in tab.result.figures:
        if figure.drill is not None and figure.unit is not ov.Unit.MINUTES:
            counted = figure.count if figure.count is not None else figure.value
            if figure.key != "satisfaction":  # callbacks, not orders
                assert len(core_ids(db, manager, figure.drill)) == counted, figure.key
                if figure.drill_missed is not None and figure.hits is not None:
                    missed_ids = core_ids(db, manager, figure.drill_missed)
                    assert len(missed_ids) == counted - figure.hits, figure.key


def _click_bar(qtbot: QtBot, chart: DrillChart, index: int) -> None:
    """Click the middle of bar *index* of the chart's bar series, as a person would."""
    plot = chart.chart()
    series = next(s for s in plot.series() if isinstance(s, QBarSeries | QHorizontalBarSeries))
    value = series.barSets()[0].at(index)
    point = QPointF(index, value / 2)
    if isinstance(series, QHorizontalBarSeries):
        point = QPointF(value / 2, index)
    scene = plot.mapToScene(plot.mapToPosition(point, series))
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=chart.mapFromScene(scene))


def test_a_click_on_a_chart_bar_lists_its_orders(
    qtbot: QtBot, db: Database, admin: Actor, made: dict[str, list[int]]
) -> None:
    window = open_window(qtbot, db, admin)
    tab = overview_tab(window)
    assert tab.result is not None and tab.result.breakdowns is not None
    category = next(b for b in tab.result.breakdowns if b.key == "category")
    assert [(c.value, c.count) for c in category.cells] == [("water_leak", 3), ("lighting", 1)]
    tab.scroller.ensureWidgetVisible(tab.breakdown)
    qtbot.wait(50)
    # Horizontal bars are drawn bottom up: the last drawn is the largest, the leaks.
    _click_bar(qtbot, tab.breakdown, len(category.cells) - 1)
    ids = listed_ids(qtbot, window)
    assert sorted(ids) == sorted(made["last"][:3])
    assert sorted(ids) == sorted(core_ids(db, admin, category.cells[0].drill))

    # A week of the trend: the orders reported in it, whatever the chart shows.
    window.tabs.setCurrentIndex(0)
    assert tab.result.trend is not None
    busiest = max(
        range(len(tab.result.trend.points)), key=lambda i: tab.result.trend.points[i].reported
    )  # type: ignore[union-attr]
    tab.scroller.ensureWidgetVisible(tab.trend)
    qtbot.wait(50)
    _click_bar(qtbot, tab.trend, busiest)
    point = tab.result.trend.points[busiest]
    ids = listed_ids(qtbot, window)
    assert len(ids) == point.reported > 0
    assert sorted(ids) == sorted(core_ids(db, admin, point.drill))


def test_changing_the_period_or_community_computes_again(
    qtbot: QtBot, db: Database, admin: Actor, made: dict[str, list[int]]
) -> None:
    window = open_window(qtbot, db, admin)
    tab = overview_tab(window)
    # The month before: one order, against nothing.
    tab.picker.which.setFocus()
    qtbot.keyClick(tab.picker.which, Qt.Key.Key_Down)
    settle(qtbot)
    assert tab.result is not None
    assert tab.result.period == ov.current("month").previous().previous()
    assert tab.result.figure("reported").value == 1
    # A custom stretch: the last 120 days hold all five.
    kind = tab.picker.kind
    kind.setCurrentIndex(kind.findData("custom"))
    settle(qtbot)
    start = today_local() - timedelta(days=119)
    from PySide6.QtCore import QDate

    tab.picker.first.setDate(QDate(start.year, start.month, start.day))
    settle(qtbot)
    assert tab.result.period.kind is ov.PeriodKind.CUSTOM
    assert tab.result.figure("reported").value == 5
    # One community (the only one): the same orders.
    tab.community.setCurrentIndex(1)
    settle(qtbot)
    assert tab.result.scope.community_code == "QD001"
    assert tab.result.figure("reported").value == 5


def test_the_tab_never_waits_for_another_writer_and_says_what_it_has_not_counted(
    qtbot: QtBot,
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    home: int,
    made: dict[str, list[int]],
) -> None:
    """Another program holding the write lock (a roster import, a restore) held up the tab on
    the database thread, then failed it with "database is locked": the figures counted so far
    are shown at once, saying how many changes they leave out; a later refresh counts them."""
    manager = make_user(db, admin, Role.MANAGER, "boss")
    window = open_window(qtbot, db, manager)
    tab = overview_tab(window)
    assert tab.result is not None and tab.result.figure("reported").value == 4
    assert tab.uncounted.isHidden()
    at = ov.current("month").previous().start_at + timedelta(days=9)
    new_order(db, admin, community, home, "新漏水", reported_ago=_ago(at))
    path = db.sqlite_path
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        tab.refresh()
        settle(qtbot)
        n = tab.result.uncounted
        assert n > 0 and tab.result.figure("reported").value == 4
        assert tab.uncounted.isVisible()
        changes = "1 change" if n == 1 else f"{n} changes"
        assert tab.uncounted.text() == f"{changes} not counted yet; refresh later"
        i18n.install_language("zh_CN")
        qtbot.waitUntil(lambda: tab.uncounted.text() == f"{n} 项改动尚未计入，请稍后刷新")
        i18n.install_language("en")
    finally:
        other.execute("ROLLBACK")
        other.close()
    tab.refresh()
    settle(qtbot)
    assert (tab.result.uncounted, tab.result.figure("reported").value) == (0, 5)
    assert tab.uncounted.isHidden()


def test_the_desk_sees_what_is_due_now_and_finance_sees_no_overview(
    qtbot: QtBot, db: Database, admin: Actor, desk: Actor, made: dict[str, list[int]]
) -> None:
    window = open_window(qtbot, db, desk)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[0] == "Work orders" and "Overview" not in titles and titles[-1] == "Today"
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    settle(qtbot)
    tab = overview_tab(window)
    assert tab.result is not None and tab.result.figures is None
    assert [s.title_template for s in tab.sections] == ["Now"]
    assert not tab.picker.isVisible() and not tab.trend.isVisible()
    overdue = tab.result.now.overdue
    assert overdue.value == 5  # every order made is past its deadline
    qtbot.mouseClick(tab.sections[0].cards["overdue"], Qt.MouseButton.LeftButton)
    ids = listed_ids(qtbot, window)
    assert sorted(ids) == sorted(made["last"] + made["before"])

    finance = make_user(db, admin, Role.FINANCE, "money")
    window = open_window(qtbot, db, finance)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert "Overview" not in titles and "Today" not in titles


def test_the_overview_prints_and_saves_and_speaks_chinese(
    qtbot: QtBot, db: Database, admin: Actor, made: dict[str, list[int]], tmp_path: Path
) -> None:
    window = open_window(qtbot, db, admin)
    tab = overview_tab(window)
    assert tab.save(tmp_path / "overview.pdf")
    assert (tmp_path / "overview.pdf").read_bytes().startswith(b"%PDF")
    assert tab.save(tmp_path / "overview.png")
    assert (tmp_path / "overview.png").stat().st_size > 10_000

    i18n.install_language("zh_CN")
    qtbot.waitUntil(lambda: window.tabs.tabText(0) == "概览", timeout=2000)
    card = next(s.cards["reported"] for s in tab.sections if "reported" in s.cards)
    assert card.title.text() == "报修工单数"
    assert "上期" in card.previous.text()

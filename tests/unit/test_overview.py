"""The overview's periods, its permission rule and a first look at its figures."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import _set_up_company, make_user
from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import today_local
from wuye_desktop.core.errors import PermissionDenied, ValidationError
from wuye_desktop.core.orders.list_query import order_count
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database


@pytest.mark.parametrize(
    ("text", "kind", "start", "end"),
    [
        ("2026-11", "month", date(2026, 11, 1), date(2026, 12, 1)),
        ("2026-12", "month", date(2026, 12, 1), date(2027, 1, 1)),
        ("2026Q3", "quarter", date(2026, 7, 1), date(2026, 10, 1)),
        ("2026q4", "quarter", date(2026, 10, 1), date(2027, 1, 1)),
        ("2026-W47", "week", date(2026, 11, 16), date(2026, 11, 23)),
        ("2026", "year", date(2026, 1, 1), date(2027, 1, 1)),
        ("2026-11-01..2026-11-15", "custom", date(2026, 11, 1), date(2026, 11, 16)),
    ],
)
def test_periods_parse_and_print_back(text: str, kind: str, start: date, end: date) -> None:
    p = ov.parse_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)
    assert ov.parse_period(p.code()) == p


@pytest.mark.parametrize(
    "text",
    ["2026-13", "2026-00", "2026Q5", "2026-W54", "26", "", "2026-11-15..2026-11-01", "x", "0000"],
)
def test_bad_periods_are_refused_naming_the_forms(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        ov.parse_period(text)
    assert info.value.errors[0].field == "period"
    assert "2026Q3" in info.value.errors[0].message()


def test_previous_periods() -> None:
    assert ov.parse_period("2026-01").previous() == ov.parse_period("2025-12")
    assert ov.parse_period("2026Q1").previous() == ov.parse_period("2025Q4")
    assert ov.parse_period("2026-W01").previous() == ov.parse_period("2025-W52")
    assert ov.parse_period("2026").previous() == ov.parse_period("2025")
    assert ov.parse_period("2026-11-11..2026-11-20").previous() == ov.parse_period(
        "2026-11-01..2026-11-10"
    )
    assert ov.current("month", date(2026, 3, 31)) == ov.parse_period("2026-03")
    assert ov.current("week").start <= today_local() < ov.current("week").end


def _lobby_light_out(db: Database, actor: Actor, community: directory.CommunityView) -> None:
    """A desk's everyday order: the lobby light of building 3, fixed on the spot."""
    orders.create_order(
        db,
        actor,
        orders.OrderInput(
            community_id=community.id,
            household_id=None,
            location="3号楼大堂",
            category="lighting",
            channel="property",
            source="phone",
            tier="immediate",
            description="大堂灯不亮",
        ),
    )


def test_who_sees_what(db: Database, admin: Actor, community: directory.CommunityView) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    manager = make_user(db, admin, Role.MANAGER, "boss")
    finance = make_user(db, admin, Role.FINANCE, "money")
    _lobby_light_out(db, desk, community)
    period = ov.current("month")
    full = ov.overview(db, manager, period)
    assert full.figures is not None and full.breakdowns is not None
    assert full.figure("reported").value == 1
    drill = full.figure("reported").drill
    assert drill is not None and order_count(db, manager, drill) == 1
    assert [c.value for c in full.breakdowns[0].cells] == ["lighting"]
    assert full.by_community is not None and full.by_community[0].code == "QD001"
    today = ov.overview(db, desk, period, community.id)
    assert today.figures is None and today.now.overdue.value == 0
    with pytest.raises(PermissionDenied):
        ov.overview(db, finance, period)


def test_wuye_stats(tmp_path: Path) -> None:
    """The command prints the figures in Chinese or as JSON; wrong usage names the option."""
    url = str(tmp_path / "w.sqlite3")
    db = Database(url)
    migrate.upgrade(db)
    _set_up_company(db)
    db.dispose()
    assert main(["--db", url, "stats", "--period", "2026-11", "--json"]) == 0
    assert main(["--db", url, "stats", "--period", "2026-11"]) == 0
    assert main(["--db", url, "stats", "--period", "2026-13"]) == 2
    assert main(["--db", url, "stats", "--community", "NOPE"]) == 3


def test_wuye_stats_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(tmp_path / "w.sqlite3")
    db = Database(url)
    migrate.upgrade(db)
    _set_up_company(db)
    db.dispose()
    main(["--db", url, "stats", "--period", "2026-11", "--json"])
    doc = json.loads(capsys.readouterr().out)
    assert doc["period"] == "2026-11" and doc["previous_period"] == "2026-10"
    assert doc["figures"]["regulator_reply_rate"]["target"] == 0.8
    main(["--db", url, "stats", "--period", "2026-11"])
    out = capsys.readouterr().out
    assert "全公司" in out and "报修工单数" in out


def test_wuye_stats_names_values_in_words(
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The breakdowns print 公共照明 and 马上修, as the window does, not stored codes."""
    _lobby_light_out(db, admin, community)
    assert main(["--db", str(db.sqlite_path), "stats"]) == 0
    out = capsys.readouterr().out
    assert "公共照明" in out and "马上修" in out and "电话" in out and "物业" in out
    assert "lighting" not in out and "immediate" not in out and "property" not in out

"""The monthly report (月度通报) and the overview's Excel export say what the overview says."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from tests.conftest import make_user
from tests.unit import pdf_support as pdf
from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders
from wuye_desktop.core import overview as ov
from wuye_desktop.core.clock import now_utc
from wuye_desktop.core.errors import PermissionDenied
from wuye_desktop.core.overview.figures import FIGURES
from wuye_desktop.core.prints import monthly_report, overview_export
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.documents.monthly_report import KEY_FIGURES, change, shown
from wuye_desktop.documents.overview_words import figure_definition, figure_title
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry


@pytest.fixture
def month(db: Database, admin: Actor, community: directory.CommunityView) -> ov.Period:
    """This month, with four orders of QD001: two reported, one completed, one cancelled."""
    home = directory.get_household(db, admin, "QD001-3-2-1201")
    made = []
    for category, tier, text in (
        ("water_leak", "time_limited", "厨房水管漏水"),
        ("lighting", "immediate", "大堂灯不亮"),
        ("elevator", "immediate", "电梯异响"),
        ("water_leak", "promised", "外墙渗水"),
    ):
        made.append(
            orders.create_order(
                db,
                admin,
                orders.OrderInput(community.id, category, "property", "phone", tier, text, home.id),
            )
        )
    orders.dispatch(
        db,
        admin,
        made[1],
        orders.get_order(db, admin, made[1]).version,
        channel="property",
        handler="王师傅",
    )
    orders.start_work(db, admin, made[1], orders.get_order(db, admin, made[1]).version)
    orders.complete(db, admin, made[1], orders.get_order(db, admin, made[1]).version, "已修好")
    orders.cancel(db, admin, made[2], orders.get_order(db, admin, made[2]).version, "重复报修")
    return ov.current("month")


@pytest.fixture
def now() -> datetime:
    return now_utc()


def audits(db: Database, action: str) -> int:
    with db.read() as s:
        return int(
            s.scalar(
                select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action)
            )
            or 0
        )


def test_every_figure_has_its_chinese_title_and_definition() -> None:
    """The report says what the window and `wuye stats` say: core's texts in the catalogue's
    Chinese, every one translated."""
    for key, (title, definition) in FIGURES.items():
        assert figure_title(key) != title and figure_definition(key) != definition, key
    assert set(KEY_FIGURES) <= set(FIGURES)
    assert figure_title("completion_on_time.immediate") == "按时办结率（马上修）"
    assert figure_definition("completion_on_time.immediate") == figure_definition(
        "completion_on_time"
    )


def test_the_pdf_shows_the_overviews_numbers(
    db: Database, admin: Actor, month: ov.Period, now: datetime, tmp_path: Path
) -> None:
    expected = ov.overview(db, admin, month, None, now)
    assert expected.figures is not None
    data = monthly_report.monthly_report_pdf(db, admin, month.code(), now=now)
    text = pdf.flat(pdf.text(data, tmp_path))
    reported = expected.figure("reported")
    assert reported.value == 4
    assert "物业报修服务月度通报" in text
    assert f"共受理报修{shown(reported.value, 'count')}件" in text
    numbers = {n: i for i, n in enumerate(KEY_FIGURES, start=1)}
    for key in KEY_FIGURES:
        f = expected.figure(key)
        row = (
            figure_title(key)
            + str(numbers[key])
            + ("（目标80.0%）" if f.target is not None else "")
            + shown(f.value, f.unit.value)
            + shown(f.previous, f.unit.value)
            + change(f.value, f.previous, f.unit.value)
        )
        assert row in text, key
    for tier, word in (("immediate", "马上修"), ("time_limited", "限时修"), ("promised", "承诺修")):
        r = expected.figure(f"response_on_time.{tier}")
        c = expected.figure(f"completion_on_time.{tier}")
        row = "".join(
            f"{f.hits}/{f.count}" + shown(f.value, "fraction") + shown(f.previous, "fraction")
            for f in (r, c)
        )
        assert word + row in text, tier
    assert "日提醒、周督办、月通报" in text
    assert "海尔云谷（QD001）" in text  # the company's report: every community's rate
    assert figure_definition("regulator_reply_rate").replace(" ", "") in text
    pdf.assert_fonts_embedded(data, tmp_path)
    info = pdf.info(data, tmp_path)
    assert info["Title"] == f"物业报修服务月度通报 {month.code()}"
    assert info["Author"] == "青岛安居物业服务有限公司"
    assert info["Subject"] == "全公司"


def test_a_communitys_report_is_of_its_orders_alone(
    db: Database, admin: Actor, month: ov.Period, now: datetime, tmp_path: Path
) -> None:
    other = directory.create_community(
        db, admin, directory.CommunityInput(code="QD002", name="崂山花园", project_code="")
    )
    orders.create_order(
        db,
        admin,
        orders.OrderInput(other.id, "lighting", "property", "phone", "immediate", "路灯坏", None, "1号楼"),
    )  # fmt: skip
    data = monthly_report.monthly_report_pdf(db, admin, month, "QD001", now=now)
    text = pdf.flat(pdf.text(data, tmp_path))
    assert "共受理报修4件" in text
    assert "各小区按时完成率" not in text
    assert pdf.info(data, tmp_path)["Subject"] == "海尔云谷（QD001）"


def test_only_managers_print_it(db: Database, admin: Actor, month: ov.Period) -> None:
    desk = make_user(db, admin, Role.DESK, "desk1")
    with pytest.raises(PermissionDenied):
        monthly_report.load_monthly_report(db, desk, month)
    manager = make_user(db, admin, Role.MANAGER, "boss")
    assert monthly_report.load_monthly_report(db, manager, month).figures


def test_the_workbook_holds_the_overviews_figures_and_charts(
    db: Database, admin: Actor, month: ov.Period, now: datetime, tmp_path: Path
) -> None:
    expected = ov.overview(db, admin, month, None, now)
    out = overview_export.export_overview_xlsx(
        db, admin, month, None, tmp_path / "overview.xlsx", now=now
    )
    wb = load_workbook(out)
    assert wb.sheetnames == [
        "指标", "分类", "维修类型", "渠道", "来源", "状态", "趋势", "各小区及时率"
    ]  # fmt: skip
    sheet = wb["指标"]
    seen = set()
    for row in sheet.iter_rows(min_row=8, values_only=True):
        key = row[9]
        f = expected.figure(str(key))
        # A cell keeps a float to Excel's 15-17 significant digits, not always Python's repr.
        assert (row[0], row[1], row[2], row[4], row[5]) == (
            figure_title(f.key),
            None if f.value is None else pytest.approx(f.value, rel=1e-12),
            None if f.previous is None else pytest.approx(f.previous, rel=1e-12),
            f.count,
            f.hits,
        ), key
        seen.add(key)
    assert {f.key for f in expected.figures or ()} <= seen
    categories = {r[0]: r[1] for r in wb["分类"].iter_rows(min_row=2, values_only=True)}
    assert categories == {"渗漏": 2, "公共照明": 1, "电梯": 1}
    for name in ("分类", "维修类型", "趋势", "各小区及时率"):
        charts = wb[name]._charts
        assert charts, name
        for chart in charts:
            refs = [s.val.numRef.f for s in chart.series]
            assert refs and all(name in r for r in refs), (name, refs)
    for ws in wb.worksheets:  # data only: never a live formula
        assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)
    assert audits(db, "overview.export") == 1


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    assert db.sqlite_path is not None
    code = main(["--db", str(db.sqlite_path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_writes_a_pdf_or_a_workbook(
    capsys: pytest.CaptureFixture[str], db: Database, month: ov.Period, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, db, "report", "monthly", "--month", month.code(), "--out", str(tmp_path / "r")
    )
    assert code == 0, err
    assert out.startswith(f"{tmp_path / 'r.pdf'}: ")
    assert "物业报修服务月度通报" in pdf.flat(pdf.text(tmp_path / "r.pdf", tmp_path))
    code, out, err = run(
        capsys, db, "report", "monthly", "--month", month.code(), "--community", "QD001",
        "--out", str(tmp_path / "r.xlsx"),
    )  # fmt: skip
    assert code == 0, err
    assert load_workbook(tmp_path / "r.xlsx")["指标"]["B2"].value == "海尔云谷（QD001）"


@pytest.mark.parametrize(
    ("argv", "exit_code", "words"),
    [
        (["--month", "2026-13"], 2, "--month"),
        (["--month", "2026Q3"], 2, "--month"),
        (["--month", "2026-11", "--community", "NOPE"], 3, "No such community: NOPE"),
    ],
)
def test_bad_input_is_refused_naming_it(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    tmp_path: Path,
    argv: list[str],
    exit_code: int,
    words: str,
) -> None:
    code, out, err = run(capsys, db, "report", "monthly", *argv, "--out", str(tmp_path / "r.pdf"))
    assert code == exit_code
    assert out == ""
    assert words in err
    assert "Traceback" not in err
    assert not (tmp_path / "r.pdf").exists()
    assert list(tmp_path.glob(".*partial")) == []


@pytest.mark.parametrize("name", ["r.pdf", "r.xlsx"])
def test_a_failed_write_leaves_nothing(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    month: ov.Period,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()

    def fail(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as m:
        m.setattr(os, "fsync", fail)
        code, out, err = run(
            capsys, db, "report", "monthly", "--month", month.code(), "--out", str(folder / name)
        )
    assert code == 1
    assert out == ""
    assert err.strip() == f"wuye: error: --out {folder / name}: No space left on device"
    assert list(folder.iterdir()) == []
    assert audits(db, "document.print") + audits(db, "overview.export") == 0


@pytest.mark.parametrize("path", ["monthly report", "Excel export", "wuye stats"])
def test_what_is_printed_exported_or_passed_on_counts_every_change_first(
    path: str,
    db: Database,
    admin: Actor,
    month: ov.Period,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """What is sent on (to the regulator, to head office) must not be stale: these ask the
    overview to count every change first, waiting for another writer if need be (only the
    tab takes what is counted so far: tests/unit/test_overview_refresh.py)."""
    asked: list[object] = []
    real = ov.overview

    def overview(*args: Any, **kwargs: Any) -> ov.Overview:
        asked.append(kwargs.get("complete"))
        return real(*args, **kwargs)

    for module in (monthly_report, overview_export, ov):
        monkeypatch.setattr(module, "overview", overview)
    if path == "monthly report":
        monthly_report.monthly_report_pdf(db, admin, month)
    elif path == "Excel export":
        overview_export.export_overview_xlsx(db, admin, month, None, tmp_path / "o.xlsx")
    else:
        assert main(["--db", str(db.sqlite_path), "stats", "--period", month.code()]) == 0
    assert asked and all(a is True for a in asked)


def test_a_change_too_small_to_show_reads_as_none() -> None:
    """As on the overview's cards: 87.31 % against 87.29 % is 持平, not "+0.0个百分点"."""
    assert change(0.8731, 0.8729, "fraction") == "持平"
    assert change(0.8731, 0.8629, "fraction") == "+1.0个百分点"
    assert change(0.5, 0.5, "fraction") == "持平"
    assert change(12.0, 10.0, "count") == "+2（+20.0%）"
    assert change(10.0, 12.0, "count") == "-2（-16.7%）"

"""The callback log (回访记录表): a period's callbacks many to a page, or blank pages."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.unit import pdf_support as pdf
from tests.unit.test_documents_forms import completed, leak
from wuye_desktop.cli import main
from wuye_desktop.core import directory, orders, users
from wuye_desktop.core.clock import now_utc, to_local
from wuye_desktop.core.errors import PermissionDenied, ValidationError
from wuye_desktop.core.prints import callback_log
from wuye_desktop.core.roles import Actor, Role
from wuye_desktop.documents.callback_log import (
    BLANK_ROWS_PER_PAGE,
    CallbackLog,
    CallbackLogRow,
    render_callback_log,
)
from wuye_desktop.storage.db import Database
from wuye_desktop.storage.models import AuditEntry


def test_the_log_lists_the_periods_callbacks_with_names_and_masked_phones(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    users.create_user(
        db, admin, username="desk1", display_name="王丽", role=Role.DESK, password="desk1-pass-1"
    )
    desk, _ = users.login(db, "desk1", "desk1-pass-1")
    oid = leak(db, admin, community)
    completed(db, admin, oid)
    orders.record_callback(
        db,
        desk,
        oid,
        orders.get_order(db, admin, oid).version,
        orders.CallbackInput("phone", "basically_satisfied", "张三", "墙面水渍还没干透"),
    )
    number = orders.get_order(db, admin, oid).row.number
    month = to_local(now_utc()).strftime("%Y-%m")

    target = callback_log.write_callback_log(db, desk, tmp_path / "log.pdf", month, "QD001")

    pdf.assert_fonts_embedded(target, tmp_path)
    assert pdf.page_size_pt(target, tmp_path) == pytest.approx((841.9, 595.3), abs=0.5)
    text = pdf.flat(pdf.text(target, tmp_path))
    year, mon = int(month[:4]), int(month[5:])
    for words in (
        f"维修回访记录表（{year}年{mon}月）",
        "海尔云谷",
        "回访数1次",
        number,
        "3-2-1201",
        "张三138****5678",
        "更换了楼上卫生间的存水弯",  # what was done
        "基本满意",
        "王丽",  # the caller-back by name
        "墙面水渍还没干透",  # the owner's words, as the remark
        "备注",
    ):
        assert words in text, words
    assert "desk1" not in text and "13812345678" not in text
    with db.read() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "callback_log")).one()
    assert entry.username == "desk1" and json.loads(entry.detail)["callbacks"] == 1

    # Another period has none of them.
    empty = pdf.flat(pdf.text(callback_log.callback_log_pdf(db, desk, "2020Q1"), tmp_path))
    assert "2020年第1季度" in empty and "本期无回访" in empty and number not in empty
    with pytest.raises(PermissionDenied):
        callback_log.callback_log_pdf(db, make_finance(db, admin), month)


def make_finance(db: Database, admin: Actor) -> Actor:
    users.create_user(
        db, admin, username="fin", display_name="财务", role=Role.FINANCE, password="fin-pass-12"
    )
    return users.login(db, "fin", "fin-pass-12")[0]


def test_a_long_log_repeats_its_header_and_never_ends_a_page_on_it(tmp_path: Path) -> None:
    start = datetime(2026, 11, 1, 1, 0, tzinfo=UTC)
    rows = tuple(
        CallbackLogRow(
            start + timedelta(hours=7 * i),
            f"GD202611{1 + i // 10:02d}-{i:04d}",
            f"3-2-{1201 + i}",
            f"业主{i} 138****{i:04d}",
            "更换卫生间存水弯并做闭水试验" * (1 + i % 3),
            ("satisfied", "basically_satisfied", "dissatisfied")[i % 3],
            "李晓雪",
            f"第{i}条意见",
        )
        for i in range(1, 61)
    )
    data = render_callback_log(CallbackLog("青岛安居物业", "海尔云谷", "2026年11月", rows))
    pages = [pdf.flat(t) for t in pdf.page_texts(data, tmp_path)]
    assert len(pages) >= 3
    joined = "".join(pages)
    assert all(f"第{i}条意见" in joined for i in range(1, 61))
    layout = pdf.lines(data, tmp_path)
    for page in range(1, len(pages) + 1):
        on_page = [ln for ln in layout if ln.page == page]
        # One header row a page, at its top, with callbacks under it: never at the foot.
        heads = [ln for ln in on_page if ln.text == "序号"]
        rows = [ln for ln in on_page if "条意见" in ln.text]
        assert len(heads) == 1 and rows, page
        assert all(row.y0 > heads[0].y1 for row in rows)
    layout = pdf.lines(data, tmp_path)
    assert pdf.overlapping_lines(layout) == []
    assert pdf.outside_page(layout, pdf.page_size_pt(data, tmp_path)) == []


def test_a_blank_log_has_exactly_the_pages_asked_for_numbered_on(
    db: Database, admin: Actor, community: directory.CommunityView, tmp_path: Path
) -> None:
    data = callback_log.blank_log_pdf(db, admin, 3, "QD001")
    assert pdf.pages(data, tmp_path) == 3
    pages = pdf.page_texts(data, tmp_path)
    for n, page in enumerate(pages):
        flat = pdf.flat(page)
        assert "维修回访记录表" in flat and "海尔云谷" in flat and "序号回访日期" in flat
        numbers = [w for w in page.split() if w.isdigit() and len(w) <= 2]
        first = n * BLANK_ROWS_PER_PAGE + 1
        assert [str(i) for i in range(first, first + BLANK_ROWS_PER_PAGE)] == numbers[
            :BLANK_ROWS_PER_PAGE
        ]
    for bad in (0, callback_log.MAX_BLANK_PAGES + 1):
        with pytest.raises(ValidationError):
            callback_log.blank_log_pdf(db, admin, bad)


@pytest.mark.parametrize(
    ("text", "first", "last", "label"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 30), "2026年11月"),
        ("2026q4", date(2026, 10, 1), date(2026, 12, 31), "2026年第4季度"),
        (
            "2026-11-01..2026-11-15",
            date(2026, 11, 1),
            date(2026, 11, 15),
            "2026-11-01 至 2026-11-15",
        ),
    ],
)
def test_periods(text: str, first: date, last: date, label: str) -> None:
    assert callback_log.parse_log_period(text) == callback_log.LogPeriod(first, last, label)


@pytest.mark.parametrize(
    "text", ["2026Q5", "2026-13", "2026-11-15..2026-11-01", "2026-02-30..2026-03-01", "11月"]
)
def test_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        callback_log.parse_log_period(text)
    assert caught.value.errors[0].field == "period"


def test_the_command_line(
    capsys: pytest.CaptureFixture[str],
    db: Database,
    admin: Actor,
    community: directory.CommunityView,
    tmp_path: Path,
) -> None:
    url = str(db.sqlite_path)
    out = tmp_path / "log.pdf"
    code = main(["--db", url, "print", "callback-log", "--period", "2026Q4", "--out", str(out)])
    assert code == 0 and out.exists()
    blank = tmp_path / "blank.pdf"
    argv = ["--db", url, "print", "callback-log", "--blank", "2", "--community", "QD001"]
    assert main([*argv, "--out", str(blank)]) == 0
    assert pdf.pages(blank, tmp_path) == 2
    capsys.readouterr()
    for bad in (["--period", "2026Q5"], ["--blank", "0"], ["--period", "2026-11", "--blank", "1"]):
        code = main(["--db", url, "print", "callback-log", *bad, "--out", str(tmp_path / "x.pdf")])
        assert code == 2
        err = capsys.readouterr().err
        assert "--period" in err or "--blank" in err
    assert not (tmp_path / "x.pdf").exists()

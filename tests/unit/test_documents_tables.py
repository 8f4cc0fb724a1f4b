"""Lists over several pages never leave a header row at the foot of a page with no data under it.

What comes before a list (a long owners' line, a long community name, a fixed gap) walks the
list's start down the page line by line, so that at some step only the header and a sliver of
the first row fit at the foot: every page that shows the header must show a row under it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reportlab.platypus import Spacer

from tests.unit import pdf_support as pdf
from tests.unit.document_support import PRINTED, crowded_closeout
from wuye_desktop.documents.closeout import render_closeout
from wuye_desktop.documents.page import Letterhead, build_pdf, list_table
from wuye_desktop.documents.weekly import (
    WeeklyDocument,
    WeeklyRow,
    WeeklySection,
    render_weekly,
)


def _orphaned_headers(doc: bytes, tmp: Path, header: str, marker: str) -> list[int]:
    """Pages whose text shows *header* with no *marker* (in every data row) after it."""
    bad = []
    for number, page in enumerate(pdf.page_texts(doc, tmp), start=1):
        text = pdf.flat(page)
        if header in text and marker not in text.split(header, 1)[1]:
            bad.append(number)
    return bad


@pytest.mark.parametrize("gap", range(600, 690, 4))
def test_a_list_starting_at_the_foot_of_a_page_moves_whole(gap: int, tmp_path: Path) -> None:
    rows: list[list[str]] = [[f"行{i}号", "说明" * (1 + i % 3 * 20)] for i in range(30)]
    story = [Spacer(1, gap), list_table(["表头甲", "表头乙"], rows, [100, 300])]
    doc = build_pdf(Letterhead("公司", "小区", "清单", printed_at=PRINTED), story)
    assert _orphaned_headers(doc, tmp_path, "表头甲", "号") == []


@pytest.mark.parametrize("count", range(30, 60))
def test_a_lists_total_never_stands_alone_under_a_repeated_header(
    count: int, tmp_path: Path
) -> None:
    # One-line rows: some count of them fills the first page exactly and leaves the total alone.
    rows: list[list[str]] = [[f"行{i}号", "说明"] for i in range(count)]
    rows.append(["合计", "全部"])
    story = [list_table(["表头甲", "表头乙"], rows, [100, 300], closing_rows=1)]
    doc = build_pdf(Letterhead("公司", "小区", "清单", printed_at=PRINTED), story)
    pages = pdf.page_texts(doc, tmp_path)
    assert "合计" in pdf.flat(pages[-1])
    assert _orphaned_headers(doc, tmp_path, "表头甲", "号") == []


@pytest.mark.parametrize("owners", range(36, 56))
def test_the_closeout_list_never_ends_a_page_on_its_header(owners: int, tmp_path: Path) -> None:
    sheet = crowded_closeout(24, owners)
    doc = render_closeout(sheet)
    assert _orphaned_headers(doc, tmp_path, "问题描述", "号：") == []


@pytest.mark.parametrize("name_chars", range(1000, 1300, 25))
def test_the_weekly_list_never_ends_a_page_on_its_header(name_chars: int, tmp_path: Path) -> None:
    reported = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    rows = tuple(
        WeeklyRow(
            f"GD2026110{i:02d}",
            "1-1-101",
            "plumbing",
            "ordinary",
            "卫生间漏水" * (1 + i % 3),
            reported,
            reported + timedelta(days=7),
            "in_progress",
            "王师傅",
            "property",
        )
        for i in range(1, 20)
    )
    # A long community name lengthens the sentence above the list a line at a time.
    name = "海尔云谷" + "长" * name_chars
    doc = render_weekly(
        WeeklyDocument(
            "青岛安居物业",
            "2026-W47",
            datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
            (WeeklySection("QD001", name, rows),),
            PRINTED,
        )
    )
    assert _orphaned_headers(doc, tmp_path, "工单号", "GD2026") == []

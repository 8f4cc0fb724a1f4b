"""A section heading never stands alone at the foot of a page: it goes with what follows it.

As for a list's header row (test_documents_tables), what comes before the heading walks it
down the page step by step, so that at some step the heading fits at the foot and what follows
it does not: on every page, the lowest line of the story is never a heading.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.platypus import Spacer

from tests.unit import pdf_support as pdf
from tests.unit.document_support import PRINTED, crowded_closeout
from wuye_desktop.documents.closeout import render_closeout
from wuye_desktop.documents.page import (
    FOOTER_HEIGHT,
    Letterhead,
    build_pdf,
    heading,
    list_table,
    para,
)


def _headings_at_the_foot(doc: bytes, tmp: Path, headings: tuple[str, ...]) -> list[str]:
    """ "page n: heading" for each page whose lowest line of the story is one of *headings*."""
    found = pdf.lines(doc, tmp)
    _width, height = pdf.page_size_pt(doc, tmp)
    foot = height - FOOTER_HEIGHT  # below this, the footer: print time and page numbers
    bad = []
    for page in sorted({ln.page for ln in found}):
        story = [ln for ln in found if ln.page == page and ln.y1 <= foot]
        lowest = max(story, key=lambda ln: ln.y0)
        text = pdf.flat(lowest.text)
        if text in headings:
            bad.append(f"page {page}: {text}")
    return bad


@pytest.mark.parametrize("gap", range(640, 700, 4))
def test_a_heading_keeps_with_the_first_rows_of_its_list(gap: int, tmp_path: Path) -> None:
    rows: list[list[str]] = [[f"行{i}号", "说明" * (1 + i % 3 * 20)] for i in range(40)]
    story = [
        Spacer(1, gap),
        heading("清单标题"),
        list_table(["表头甲", "表头乙"], rows, [100, 300]),
    ]
    doc = build_pdf(Letterhead("公司", "小区", "清单", printed_at=PRINTED), story)
    assert _headings_at_the_foot(doc, tmp_path, ("清单标题",)) == []
    # A list longer than a page still starts on the heading's page when its first rows fit
    # there: kept with its first rows, not moved whole.
    text = pdf.page_texts(doc, tmp_path)
    assert "行0号" in pdf.flat(text[0]) or "清单标题" not in pdf.flat(text[0])


@pytest.mark.parametrize("gap", range(640, 700, 4))
def test_a_heading_keeps_with_the_first_lines_of_its_text(gap: int, tmp_path: Path) -> None:
    story = [Spacer(1, gap), heading("正文标题"), para("很长的说明文字。" * 200)]
    doc = build_pdf(Letterhead("公司", "小区", "说明", printed_at=PRINTED), story)
    assert _headings_at_the_foot(doc, tmp_path, ("正文标题",)) == []


@pytest.mark.parametrize("items", [24, 0])
@pytest.mark.parametrize("owners", range(38, 50))
def test_the_closeout_heading_keeps_with_its_list(owners: int, items: int, tmp_path: Path) -> None:
    sheet = crowded_closeout(items, owners)
    assert _headings_at_the_foot(render_closeout(sheet), tmp_path, ("问题清单",)) == []

"""The close-out list (销项表) of a household: every defect item and how it was closed.

Landscape A4, so each row has room for the item, where it is, who fixes it by when, when it
was closed, who checked it, its remark, and a box for the owner's signature. Long items wrap
and the list flows over as many pages as it needs, its header row repeated on each. A list
with no items yet prints numbered empty rows, to be filled in by hand at the inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from wuye_desktop.documents.coverage import Rendered, rendered
from wuye_desktop.documents.page import (
    Letterhead,
    SignatureBlock,
    Signer,
    build_pdf,
    company_seal,
    content_width,
    field_grid,
    heading,
    list_table,
    para,
    sealing,
    styles,
)

TITLE = "房屋质量问题销项表"
BLANK_ROWS = 7  # rows to write in on a list that has no items yet
ORIGINS = {"inspection": "分户验收", "open_day": "开放日", "order": "报修工单", "other": "其他"}


@dataclass(frozen=True)
class CloseoutRow:
    seq: int
    item: str
    location: str
    origin: str  # a code of ORIGINS
    responsible_unit: str
    deadline: date | None
    closed_on: date | None
    checker: str
    order_number: str = ""
    note: str = ""  # 备注


@dataclass(frozen=True)
class CloseoutSheet:
    company: str
    community: str
    household_code: str
    place: str
    owners: str
    area_m2: str
    rows: tuple[CloseoutRow, ...]
    developer: str = ""  # the 建设单位 (the community's developer channel), signs its box
    printed_at: datetime | None = None


def _day(d: date | None) -> str:
    return d.isoformat() if d else ""


def render_closeout(sheet: CloseoutSheet) -> Rendered:
    s = styles()
    pagesize = landscape(A4)
    width = content_width(pagesize)
    # One list per household: its code is the list's number.
    head = Letterhead(sheet.company, sheet.community, TITLE, sheet.household_code, sheet.printed_at)
    closed = sum(1 for r in sheet.rows if r.closed_on)
    story: list[Flowable] = [
        field_grid(
            [
                [("小区", sheet.community), ("房屋", sheet.place)],
                [("户号", sheet.household_code), ("业主", sheet.owners or "—")],
                [
                    (
                        "问题项",
                        f"共 {len(sheet.rows)} 项：已销项 {closed} 项，未销项 "
                        f"{len(sheet.rows) - closed} 项"
                        if sheet.rows
                        else "共 0 项：暂无问题项，发现的问题在下表空行中手写登记",
                    ),
                    ("建筑面积", f"{sheet.area_m2} m²" if sheet.area_m2 else "—"),
                ],
                [("建设单位", sheet.developer or "—"), ("物业服务企业", sheet.company or "—")],
            ],
            width,
        ),
        heading("问题清单"),
    ]
    widths = [11, 60, 26, 18, 32, 21, 21, 20, 30, 26]
    scale = width / (sum(widths) * mm)
    rows: list[list[str | Flowable]] = []
    for r in sheet.rows:
        item = r.item + (f"（工单 {r.order_number}）" if r.order_number else "")
        rows.append(
            [
                str(r.seq),
                item,
                r.location,
                ORIGINS.get(r.origin, r.origin),
                r.responsible_unit,
                _day(r.deadline),
                _day(r.closed_on) if r.closed_on else para("未销项", s.cell_alert),
                r.checker,
                r.note,
                "",
            ]
        )
    row_styles: list[tuple[Any, ...]] = []
    if not rows:
        rows = [[str(n)] + [""] * 9 for n in range(1, BLANK_ROWS + 1)]
        # Room to write by hand, about 8 mm a row, and the signatures still on the page.
        row_styles = [("TOPPADDING", (0, 1), (-1, -1), 5), ("BOTTOMPADDING", (0, 1), (-1, -1), 5)]
    story.append(
        list_table(
            [
                "序号",
                "问题描述",
                "部位",
                "来源",
                "责任单位",
                "整改期限",
                "销项日期",
                "验收人",
                "备注",
                "业主签字",
            ],
            rows,
            [w * mm * scale for w in widths],
            centered=(0, 3, 5, 6, 7),
            row_styles=row_styles,
        )
    )
    story += [
        Spacer(1, 3 * mm),
        para(
            "说明：每项问题整改完成并经验收后销项，由验收人填写销项日期并签字，业主逐项签字确认。"
            "全部问题销项后，本表由业主、建设单位和物业服务企业签章存档。",
            s.note,
        ),
        SignatureBlock(
            [
                Signer("业主确认（签字）"),
                sealing("建设单位（盖章）", sheet.developer),
                company_seal(sheet.company),
            ],
            height=36 * mm,
        ),
    ]
    return rendered(build_pdf(head, story, pagesize=A4, wide=True), sheet)

"""1,000 in-home cards in a fresh process, two ways; run by bench_documents.py.

``python cards_child.py program DB OUT``: as the program prints them (the print service:
reading the households, drawing the cards, auditing the print).
``python cards_child.py plain DB OUT``: the straightforward script DESIGN §6 compares with:
reportlab's canvas and the qrcode package's picture of each code, one card a page, the same
words and font, the households read with plain SQL (sqlite3, or psycopg when DB is a
PostgreSQL URL).
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Any


def program(db_path: str, out: Path) -> None:
    from wuye_desktop.core.prints.signage import signage_pdf
    from wuye_desktop.core.roles import SYSTEM_ACTOR
    from wuye_desktop.storage.db import Database

    db = Database(db_path)
    try:
        out.write_bytes(signage_pdf(db, SYSTEM_ACTOR, "QD001", location="home"))
    finally:
        db.dispose()


def plain(db_path: str, out: Path) -> None:
    import qrcode
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen.canvas import Canvas

    from wuye_desktop.resources import resource_path

    pdfmetrics.registerFont(TTFont("Hei", str(resource_path("fonts", "wqy-microhei.ttc"))))
    conn: Any
    if db_path.startswith("postgresql"):
        import psycopg

        conn = psycopg.connect(db_path.replace("postgresql+psycopg://", "postgresql://"))
    else:
        conn = sqlite3.connect(db_path)
    rows = conn.execute(
        "SELECT h.code, b.name, u.number, h.room FROM household h"
        " JOIN unit u ON u.id = h.unit_id JOIN building b ON b.id = u.building_id"
        " ORDER BY b.sort_key, u.sort_key, h.sort_key"
    ).fetchall()
    channels = conn.execute("SELECT unit_name, phone FROM channel_contact").fetchall()
    conn.close()
    c = Canvas(str(out), pagesize=A4)
    width, height = A4
    for code, building, unit, room in rows:
        c.setFont("Hei", 26)
        c.drawCentredString(width / 2, height - 40 * mm, "入户报修指引")
        c.setFont("Hei", 14)
        c.drawCentredString(width / 2, height - 52 * mm, f"{building} {unit}单元 {room}室")
        y = height - 70 * mm
        for unit_name, phone in channels:
            c.drawString(25 * mm, y, f"{unit_name}  {phone}")
            y -= 9 * mm
        image = qrcode.make(f"WUYE:H:{code}", border=4).get_image()
        c.drawImage(ImageReader(image), (width - 90 * mm) / 2, 60 * mm, 90 * mm, 90 * mm)
        c.drawCentredString(width / 2, 50 * mm, f"扫码报修 {code}")
        c.showPage()
    c.save()


if __name__ == "__main__":
    {"program": program, "plain": plain}[sys.argv[1]](sys.argv[2], Path(sys.argv[3]))

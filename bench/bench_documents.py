"""Documents (DESIGN.md §6): 1,000 in-home cards in one PDF; one commitment letter, its time
and its file size; on SQLite and on PostgreSQL (issue 18), the data read from the database.

The database holds one community with its 3 channels and 1,000 households (imported as a
roster, as a company does), and one promised order with its commitment. The cards are timed
as a whole process (cards_child.py: interpreter, imports, fonts, database reads, the PDF
written), the median of CARD_RUNS interleaved runs after a warm-up, beside the straightforward reportlab + qrcode script DESIGN §6
compares with. The letter is timed as printed from the desk (reading the order, counting the
print, rendering), median of many prints once the font is loaded.

On SQLite the measurements work on a scratch copy of the database (a print is audited: it
writes); on PostgreSQL on a durable throwaway server holding a copy of the same rows, as a desk's
server is (``bench.pg_server.throwaway_postgres``), the plain script reading it with psycopg.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from bench.data import cached_sqlite, data_dir, engines, note, working_copy
from bench.figures import figure
from wuye_desktop.core.roles import SYSTEM_ACTOR
from wuye_desktop.storage.db import Database

CHILD = Path(__file__).with_name("cards_child.py")

HOUSEHOLDS = 1_000
LETTER_RUNS = int(os.environ.get("WUYE_BENCH_RUNS", "25"))
CARD_RUNS = int(os.environ.get("WUYE_BENCH_CARD_RUNS", "5"))
CARDS_TARGET_S = 2.5  # DESIGN §6, a fresh process
CARDS_SPEEDUP = 4.0  # at least, over the plain script of cards_child.py
LETTER_TARGET_MS = 100.0
LETTER_TARGET_KB = 300.0


def _build(db: Database) -> None:
    from wuye_desktop.core import directory, orders, roster, users
    from wuye_desktop.core.clock import now_utc, to_local
    from wuye_desktop.core.validation import credit_code_check_char
    from wuye_desktop.core.vocab import Channel

    body = "91370200MA3C12345"
    admin = users.first_run(
        db,
        company_name="青岛海湾物业服务有限公司",
        credit_code=body + credit_code_check_char(body),
        admin_username="admin",
        admin_display_name="管理员",
        password="admin-pass-1",
    )
    c = directory.create_community(
        db,
        admin,
        directory.CommunityInput(code="QD001", name="海岸云庭", project_code="370212-001"),
    )
    directory.set_channels(
        db,
        admin,
        c.id,
        [
            directory.ChannelInput(
                Channel.PROPERTY, "青岛海湾物业海岸云庭服务中心", "徐经理", "0532-81978347", "24小时"
            ),
            directory.ChannelInput(
                Channel.REPAIR_CONTRACTOR, "青岛鲁安建筑安装工程有限公司", "矫工", "18128179657",
                "8:00-18:00",
            ),
            directory.ChannelInput(
                Channel.DEVELOPER, "青岛海岸置业有限公司", "张主任", "400-599-0464", "工作日 9:00-17:00"
            ),
        ],
    )  # fmt: skip
    rows = ["楼号,单元,房号,业主,电话"]
    n = 0
    for building in range(1, 11):
        for unit in (1, 2):
            for floor in range(1, 26):
                for door in (1, 2):
                    if n < HOUSEHOLDS:
                        rows.append(f"{building},{unit},{floor}{door:02d},业主{n},1381234{n:04d}")
                        n += 1
    roster_file = data_dir() / "documents-roster.csv"
    roster_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    roster.import_households(db, admin, roster_file, "QD001")
    roster_file.unlink()
    home = directory.get_household(db, admin, "QD001-1-1-101")
    oid = orders.create_order(
        db,
        admin,
        orders.OrderInput(
            c.id, "water_leak", "repair_contractor", "phone", "promised",
            "卫生间与主卧相邻墙体持续渗水，墙纸起鼓脱落，踢脚线发黑，需拆除瓷砖检查防水层。",
            home.id, caller_name="业主0", caller_phone="13812340000",
        ),
    )  # fmt: skip
    orders.issue_commitment(
        db,
        admin,
        oid,
        orders.get_order(db, admin, oid).version,
        orders.CommitmentInput(
            "拆除卫生间地面及墙面瓷砖，重做防水层并闭水试验48小时，恢复饰面；主卧墙面铲除后重新刷漆。",
            to_local(now_utc()).date() + timedelta(days=20),
            "青岛鲁安建筑安装工程有限公司",
            "矫工",
        ),
    )


def _process_s(mode: str, db: str, out: Path) -> float:
    """Wall time of a fresh process making the cards (interpreter start and imports included);
    its processor time is noted too, the fairer figure on a machine others are busy on."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, str(CHILD), mode, db, str(out)], check=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    note(f"  {mode}: {wall:.2f} s, of which {cpu:.2f} s of processor time")
    return wall


def run() -> Iterator[dict[str, Any]]:
    from bench.pg_server import throwaway_postgres

    cached = cached_sqlite("documents-1000", "v1", _build)
    for engine in engines():
        if engine == "sqlite":
            yield from _measure(engine, str(working_copy(cached, "documents")))
        else:
            with throwaway_postgres("documents", durable=True, copy_of=cached) as url:
                yield from _measure(engine, url)


def _measure(engine: str, db_url: str) -> Iterator[dict[str, Any]]:
    from wuye_desktop.core.prints import commitment
    from wuye_desktop.documents.commitment import render_commitment
    from wuye_desktop.storage.models import WorkOrder

    note(f"documents on {engine}")
    out = data_dir() / "work" / "cards.pdf"
    # One warm-up of each (the page cache, .pyc files), then the two interleaved so that a
    # busy moment of the machine falls on both alike; medians, as DESIGN §6 reads them.
    _process_s("program", db_url, out)
    _process_s("plain", db_url, out)
    program: list[float] = []
    plain: list[float] = []
    for _ in range(CARD_RUNS):
        program.append(_process_s("program", db_url, out))
        plain.append(_process_s("plain", db_url, out))
    _process_s("program", db_url, out)
    size_kb = out.stat().st_size / 1024
    out.unlink()
    cards_s = statistics.median(program)
    plain_s = statistics.median(plain)
    note(
        f"  program min {min(program):.2f} / max {max(program):.2f} s; "
        f"plain script min {min(plain):.2f} / max {max(plain):.2f} s"
    )
    note(
        f"  {HOUSEHOLDS:,} in-home cards, whole process: {cards_s:.2f} s, {size_kb:,.0f} KB; "
        f"the plain reportlab + qrcode script: {plain_s:.2f} s ({plain_s / cards_s:.1f}×)"
    )
    db = Database(db_url)
    try:
        with db.read() as s:
            number = s.query(WorkOrder.number).filter(WorkOrder.tier == "promised").scalar()
        commitment.preview_commitment(db, SYSTEM_ACTOR, number)  # fonts loaded
        times: list[float] = []
        letter = b""
        for _ in range(LETTER_RUNS):
            started = time.perf_counter()
            letter = commitment.print_commitment(db, SYSTEM_ACTOR, number, _Memory())
            times.append((time.perf_counter() - started) * 1000)
        note(
            f"  commitment letter: median {statistics.median(times):.1f} ms, "
            f"max {max(times):.1f} ms, {len(letter) / 1024:.1f} KB"
        )
        started = time.perf_counter()
        render_commitment(commitment.load_letter(db, SYSTEM_ACTOR, number))
        note(f"  its rendering alone: {(time.perf_counter() - started) * 1000:.1f} ms")
    finally:
        db.dispose()
    # "At least 4× faster than the plain script": the program's time over the script's ≤ 1/4,
    # the script measured in the same run, interleaved (the floor's slot in the table).
    yield figure(
        f"signage_1000_home_cards_one_pdf_{engine}",
        program,
        "s",
        CARDS_TARGET_S,
        floor=plain,
        floor_name=f"plain_reportlab_qrcode_script_1000_cards_{engine}",
        ratio_target=round(1 / CARDS_SPEEDUP, 3),
        digits=3,
    )
    yield figure(f"commitment_letter_print_{engine}", times, "ms", LETTER_TARGET_MS, digits=1)
    yield {
        "name": f"commitment_letter_file_size_{engine}",
        "value": round(len(letter) / 1024, 1),
        "unit": "KB",
        "target": LETTER_TARGET_KB,
    }


class _Memory:
    """A print's output kept in memory (the Output of core/printing)."""

    def write(self, data: bytes) -> None:
        self.data = data

    def publish(self) -> None:
        pass

    def discard(self) -> None:
        pass

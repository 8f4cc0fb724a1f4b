#!/usr/bin/env python3
"""Regenerate docs/screenshots/regulator-tab.png: the Regulator tab on a demo database.

    Xvfb :94 -screen 0 1600x1000x24 &
    DISPLAY=:94 QT_QPA_PLATFORM=xcb .venv/bin/python scripts/screenshot_regulator.py

A demo company in a temporary folder syncs with a reference server on a free port: tickets
come in as orders (one answered late, one not at all), supervision notices flag two of them,
a disclosure whose balances do not add up is refused, and a few new orders stay queued. The
main window then opens on the Regulator tab, in Chinese, and is grabbed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("WUYE_NO_KEYRING", "1")  # the demo secret stays in the temporary folder


def _prepare(folder: Path) -> tuple[object, object, object]:
    from sqlalchemy import select

    from wuye_desktop import demo
    from wuye_desktop.core import directory, orders, outbox, users
    from wuye_desktop.core.clock import now_utc
    from wuye_desktop.regulator import inbox, settings, sync
    from wuye_desktop.regulator.server.runner import start_server
    from wuye_desktop.storage import migrate
    from wuye_desktop.storage.db import Database
    from wuye_desktop.storage.models import Community

    os.environ["WUYE_SECRET_DIR"] = str(folder / "secrets")
    db = Database(str(folder / "demo.sqlite3"))
    migrate.upgrade(db)
    demo.fill_demo(db, households=400, extra={"work_orders": 300})
    admin, _user = users.login(db, "admin", "admin1234")
    company = directory.get_company(db)
    assert company is not None
    with db.read() as s:
        projects = list(s.scalars(select(Community.project_code).order_by(Community.code)))

    server = start_server(folder / "platform", port=0)
    code = company.credit_code
    secret = server.store.register_company(code, company.name)
    settings.save_connection(db, admin, settings.Connection(server.base_url, "", 60, True), secret)
    now = now_utc()
    tickets = [
        ("elevator", "3号楼2单元电梯停在8楼不开门，有老人被困，请尽快处理", "urgent", -3),
        ("water_leak", "业主反映楼上卫生间漏水，天花板大面积渗水", "normal", 20),
        ("parking", "地下车库消防通道被私家车长期占用", "normal", -30),
        ("lighting", "小区东门至5号楼路灯连续一周不亮", "normal", 30),
        ("greenery", "中心绿地杂草丛生，无人修剪", "supervised", 10),
        ("ebike_charging", "楼道内有电动自行车飞线充电，存在火灾隐患", "urgent", 2),
    ]
    ids = []
    for n, (category, content, level, due_hours) in enumerate(tickets):
        ids.append(
            server.store.add_ticket(
                code,
                project_code=projects[n % 3],
                category=category,
                content=content,
                caller_phone_masked="139****0" + f"{n:03d}",
                level=level,
                reply_due_at=now + timedelta(hours=due_hours),
            )
        )
    report = sync.sync_once(db)
    assert report.state == "ok", report
    # Two tickets answered in time, one left unanswered past its deadline.
    for ticket_id, result, text in (
        (ids[1], "in_progress", "已安排维修人员上门查看，正在联系楼上业主"),
        (ids[3], "resolved", "已更换东门至5号楼路灯灯具6盏，恢复照明"),
        (ids[5], "resolved", "已清理楼道飞线，张贴禁止入户充电告示"),
    ):
        order_id = next(t.order_id for t in inbox.tickets(db) if t.ticket_id == ticket_id)
        assert order_id is not None
        inbox.reply_to_ticket(db, admin, order_id, inbox.ReplyInput(result, text))
    sync.sync_once(db)
    server.store.add_supervision(
        code,
        content="该派单已超过回复期限，请于今日17:00前办结并回复",
        deadline=now - timedelta(hours=1),
        ticket_id=ids[0],
    )
    server.store.add_supervision(
        code,
        content="车库消防通道占用问题群众反映强烈，请限期整改",
        deadline=now + timedelta(days=2),
        ticket_id=ids[2],
    )
    # A disclosure whose balances do not add up: refused (400 unbalanced).
    body = {
        "project_code": projects[0],
        "period": "2026Q3",
        "account": {"bank": "青岛银行", "account_no_masked": "6222********1234"},
        "opening_balance": "10000.00",
        "income": [{"category": "elevator_ads", "amount": "3000.00"}],
        "expense": [{"category": "facility_repair", "amount": "500.00"}],
        "closing_balance": "13500.00",
        "entries": 42,
        "ledger_head_hash": "0" * 64,
        "published_at": outbox.rfc3339(now),
    }
    with db.transaction() as s:
        outbox.enqueue(
            s,
            stream="disclosure:QD001",
            kind="disclosure",
            path="/public-income/disclosures",
            body=body,
        )
    report = sync.sync_once(db)
    assert report.parked == 1, report
    # Queued after the last sync: orders just taken, and a correction behind the refusal.
    with db.transaction() as s:
        outbox.enqueue(
            s,
            stream="disclosure:QD001",
            kind="disclosure",
            path="/public-income/disclosures",
            body={**body, "closing_balance": "12500.00", "published_at": outbox.rfc3339(now_utc())},
        )
    community = directory.community_choices(db, admin)[0]
    for text in ("单元门禁损坏，刷卡无反应", "楼道声控灯不亮"):
        orders.create_order(
            db,
            admin,
            orders.OrderInput(
                community_id=community.id,
                household_id=None,
                location="1号楼",
                category="doors_windows" if "门" in text else "lighting",
                channel="property",
                source="phone",
                tier="time_limited",
                description=text,
            ),
        )
    return db, admin, server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "docs" / "screenshots" / "regulator-tab.png"
    )
    parser.add_argument("--language", default="zh_CN")
    parser.add_argument(
        "--parts", type=Path, help="also grab each of the three lists into this folder"
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="stop the platform and sync once more first: the tab says why it is unreachable",
    )
    parser.add_argument(
        "--dismissed",
        action="store_true",
        help="dismiss the refused disclosure with a reason first and show the Failed list",
    )
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        app = QApplication.instance() or QApplication(sys.argv)
        from wuye_desktop.ui import i18n
        from wuye_desktop.ui.context import AppContext, AppSignals
        from wuye_desktop.ui.main_window import MainWindow
        from wuye_desktop.ui.regulator import scheduler

        i18n.install_language(args.language)
        db, admin, server = _prepare(folder)
        scheduler.FIRST_RUN_MS = 10**9  # keep the queued events queued for the picture
        if args.dismissed:
            from wuye_desktop.regulator import queue

            refused = [ev.id for ev in queue.failed_events(db)]  # type: ignore[arg-type]
            queue.dismiss(db, admin, refused, "三季度公示已在住建平台线下报送")  # type: ignore[arg-type]
        if args.offline:
            from wuye_desktop.regulator import sync

            server.stop()  # type: ignore[attr-defined]
            sync.sync_once(db)  # type: ignore[arg-type]
        try:
            ctx = AppContext(db, admin, "系统管理员", AppSignals())  # type: ignore[arg-type]
            window = MainWindow(ctx)
            window.resize(1400, 860)
            window.show()
            window.show_regulator_tab()
            window.regulator_indicator.refresh()
            for _ in range(20):
                app.processEvents()
            tab = window.current_tab()
            tab.parts.setCurrentIndex(0 if args.dismissed else 1)  # type: ignore[union-attr]
            for _ in range(20):
                app.processEvents()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            if not window.grab().save(str(args.out)):
                print(f"could not write {args.out}", file=sys.stderr)
                return 1
            print(f"wrote {args.out}")
            if args.parts is not None:
                args.parts.mkdir(parents=True, exist_ok=True)
                for index, name in enumerate(("failed", "dispatches", "supervision")):
                    tab.parts.setCurrentIndex(index)  # type: ignore[union-attr]
                    for _ in range(20):
                        app.processEvents()
                    window.grab().save(str(args.parts / f"regulator-{name}.png"))
                notice = tab.supervision_model.rows[0]  # type: ignore[union-attr]
                window.open_order(notice.order_id)
                for _ in range(20):
                    app.processEvents()
                window.grab().save(str(args.parts / "order-with-ticket.png"))
            window.close()
        finally:
            server.stop()  # type: ignore[attr-defined]
            db.dispose()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

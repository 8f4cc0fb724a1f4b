"""Databases as older versions of the program left them, written with plain SQL (the models
of today do not fit their schema): for the tests of upgrading them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from wuye_desktop.storage import migrate
from wuye_desktop.storage.db import Database


def time_literal(database: Database) -> str:
    """2026-03-01 02:00 UTC as each engine stores it."""
    return "2026-03-01 02:00:00.000000" if database.is_sqlite else "2026-03-01 02:00:00+00"


def fill_first_schema(database: Database) -> None:
    """Data as the first released version wrote it: plain SQL, no ORM of today."""
    at = time_literal(database)
    statements = [
        "INSERT INTO company (id, name, credit_code, address, phone, report_url_template,"
        " created_at, version) VALUES (1, '青岛安居物业服务有限公司', '91370200MA3C123450',"
        f" '青岛市崂山区', '0532-88881234', '', '{at}', 1)",
        "INSERT INTO community (id, code, name, project_code, address, district, created_at,"
        f" version) VALUES (1, 'QD001', '海尔云谷', '370202-001', '', '崂山区', '{at}', 3)",
        "INSERT INTO channel_contact (id, community_id, channel, unit_name, contact, phone,"
        " service_hours, version) VALUES (1, 1, 'property', '安居物业', '王经理',"
        " '0532-88881234', '24小时', 1)",
        "INSERT INTO building (id, community_id, number, name, sort_key, floors,"
        " elevator_count, version) VALUES (1, 1, '3', '3号楼', '000003', 18, 2, 1)",
        "INSERT INTO unit (id, building_id, number, sort_key) VALUES (1, 1, '2', '000002')",
        "INSERT INTO household (id, unit_id, community_id, room, code, sort_key, area_m2, note,"
        " version) VALUES (1, 1, 1, '1201', 'QD001-3-2-1201', '001201', '89.50', '东边户', 2)",
        "INSERT INTO household (id, unit_id, community_id, room, code, sort_key, area_m2, note,"
        " version) VALUES (2, 1, 1, '201', 'QD001-3-2-201', '000201', '', '', 1)",
        "INSERT INTO owner (id, household_id, position, name, phone, phone_digits) VALUES"
        " (1, 1, 0, '张三', '13812345678', '13812345678')",
        "INSERT INTO owner (id, household_id, position, name, phone, phone_digits) VALUES"
        " (2, 1, 1, '李梅', '0532-66661234', '053266661234')",
    ]
    with database.engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))


def plain_order(at: str) -> str:
    """An order written by plain SQL (as another tool would), its id and number from ``{n}``."""
    return (
        "INSERT INTO work_order (id, number, community_id, household_id, location,"
        " category, channel, source, tier, status, description, caller_name,"
        " caller_phone, handler, reported_at, response_due, completion_due, search_text,"
        " last_event_seq, created_by, updated_at, version) VALUES ({n},"
        " 'GD20260301-000{n}', 1, 1, '', 'water_leak', 'property', 'phone',"
        " 'time_limited', 'dispatched', '卫生间渗水', '张三', '13812345678', '王师傅',"
        f" '{at}', '{at}', '{at}', '', 1, 'desk', '{at}', 2)"
    )


def orders_of_0013(database: Database, count: int) -> datetime:
    """*database* (with no tables) at schema 0013, before the overview's precomputed figures,
    holding the first schema's data and *count* orders reported a day ago, returned."""
    migrate.upgrade(database, "0013")
    fill_first_schema(database)
    reported = datetime.now(UTC) - timedelta(days=1)
    at = reported.strftime("%Y-%m-%d %H:%M:%S" + (".000000" if database.is_sqlite else "+00"))
    with database.engine.begin() as conn:
        for n in range(1, count + 1):
            conn.execute(text(plain_order(at).format(n=n)))
    return reported
